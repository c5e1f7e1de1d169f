"""Conversions from several Python threads at once, each also using the library's thread pool,
give the bytes of a single-threaded run."""
import sys
import threading

import numpy as np
import pytest

import pixconv
from conftest import assert_same, data_path, sample_image


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



@pytest.mark.parametrize("call", ["convert", "convert_pixel_format", "decode"])
def test_the_gil_is_released_while_the_library_runs(call):
    # With a switch interval far longer than the test, a thread holding the GIL keeps it until
    # it blocks or releases it. The main thread can therefore only observe `inside` as True
    # if the worker released the GIL inside the pixconv call.
    image = sample_image((256, 256, 3), np.uint16)
    yuv = np.zeros(256 * 256 * 3 // 2, np.uint8)
    jpeg = data_path("libjpeg-turbo", "testorig.jpg").read_bytes()
    run = {
        "convert": lambda: pixconv.convert(image, to="rgbaf32"),
        "convert_pixel_format": lambda: pixconv.convert_pixel_format(yuv, 256, 256, "nv12"),
        "decode": lambda: pixconv.decode(jpeg),
    }[call]
    state = {"inside": False}
    started = threading.Event()
    seen = threading.Event()

    def worker():
        started.set()
        for _ in range(500):
            if seen.is_set():
                break
            state["inside"] = True
            run()
            state["inside"] = False

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        thread = threading.Thread(target=worker)
        thread.start()
        started.wait()
        observed = state["inside"]
        seen.set()
        thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert observed, f"the main thread never ran during {call}(): the GIL was held"
