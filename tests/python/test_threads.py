"""Conversions from several Python threads at once, each also using the library's thread pool,
give the bytes of a single-threaded run."""
import threading

import numpy as np

import pixconv
from conftest import assert_same, sample_image


def test_conversions_from_several_python_threads():
    images = [sample_image((120, 90, c), dtype, seed=i)
              for i, (c, dtype) in enumerate([(3, np.uint8), (4, np.uint16), (1, np.float32),
                                              (3, np.float16)])]
    expected = [pixconv.convert(im, to="rgbaf32") for im in images]
    yuv = np.random.default_rng(5).integers(0, 256, 90 * 120 * 3 // 2, dtype=np.uint8)
    expected_yuv = pixconv.convert_pixel_format(yuv, 90, 120, "nv12")
    failures = []

    def work(index):
        try:
            for round_ in range(20):
                k = (index + round_) % len(images)
                threads = 1 + (round_ % 3)
                assert_same(pixconv.convert(images[k], to="rgbaf32", threads=threads), expected[k])
                assert_same(pixconv.convert_pixel_format(yuv, 90, 120, "nv12", threads=threads),
                            expected_yuv)
        except Exception as e:  # noqa: BLE001 - reported by the main thread
            failures.append(e)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not failures, failures

