"""decode() and read_info() on the test corpora: the model image, straight to RGBA, and
errors for damaged data."""
import numpy as np
import pytest

import pixconv
from conftest import assert_same, data_path

FILES = [
    ("pngsuite", "png", "basn0g08.png"), ("pngsuite", "png", "basn0g16.png"),
    ("pngsuite", "png", "basn2c08.png"), ("pngsuite", "png", "basn2c16.png"),
    ("pngsuite", "png", "basn4a08.png"), ("pngsuite", "png", "basn6a16.png"),
    ("pngsuite", "png", "basn3p04.png"), ("pngsuite", "png", "basi0g01.png"),
    ("libjpeg-turbo", "testorig.jpg"), ("libjpeg-turbo", "testimgint.jpg"),
    ("libjpeg-turbo", "monkey16.png"),
]


@pytest.mark.parametrize("parts", FILES, ids=lambda p: p[-1])
def test_decode_gives_the_model_image_read_info_describes(parts):
    data = data_path(*parts).read_bytes()
    info = pixconv.read_info(data)
    image = pixconv.decode(data)
    assert image.shape == info.shape
    assert image.dtype == info.dtype
    assert info.codec == ("jpeg" if parts[-1].endswith(".jpg") else "png")


@pytest.mark.parametrize("to", ["rgba8", "rgbaf32"])
@pytest.mark.parametrize("parts", FILES, ids=lambda p: p[-1])
def test_decode_to_rgba_equals_convert_of_the_decoded_image(parts, to):
    data = data_path(*parts).read_bytes()
    # One call maps a file's datatype range by default; a range given is used as given.
    assert_same(pixconv.decode(data, to=to),
                pixconv.convert(pixconv.decode(data), to=to, range="datatype"))
    assert_same(pixconv.decode(data, to=to, range="auto"),
                pixconv.convert(pixconv.decode(data), to=to))
    assert_same(pixconv.decode(data, to=to, range="datatype", order="bgra"),
                pixconv.convert(pixconv.decode(data), to=to, range="datatype", order="bgra"))


def test_known_file_facts():
    info = pixconv.read_info(data_path("pngsuite", "png", "basn2c16.png").read_bytes())
    assert (info.codec, info.width, info.height, info.color_model, info.bit_depth) == \
        ("png", 32, 32, "rgb", 16)
    assert info.dtype == np.uint16
    gray = pixconv.decode(data_path("pngsuite", "png", "basn0g08.png").read_bytes())
    assert gray.shape == (32, 32) and gray.dtype == np.uint8


def test_any_conversion_keyword_decodes_to_rgba():
    data = data_path("pngsuite", "png", "basn0g08.png").read_bytes()
    rgba = pixconv.decode(data, range="datatype")
    assert rgba.shape == (32, 32, 4) and rgba.dtype == np.uint8
    out = np.zeros((32, 32, 4), np.uint8)
    assert pixconv.decode(data, out=out) is out
    assert_same(out, pixconv.decode(data, to="rgba8"))


def test_decode_accepts_bytes_like_objects():
    data = data_path("libjpeg-turbo", "testorig.jpg").read_bytes()
    expected = pixconv.decode(data)
    assert_same(pixconv.decode(bytearray(data)), expected)
    assert_same(pixconv.decode(memoryview(data)), expected)
    assert_same(pixconv.decode(np.frombuffer(data, np.uint8)), expected)


def test_damaged_data_raises_value_error():
    data = data_path("pngsuite", "png", "basn2c08.png").read_bytes()
    with pytest.raises(ValueError, match="unsupported"):
        pixconv.decode(b"not an image at all")
    with pytest.raises(ValueError):
        pixconv.decode(data[: len(data) // 2])
    with pytest.raises(ValueError):
        pixconv.read_info(b"")
    with pytest.raises(TypeError):
        pixconv.decode("a str is not bytes")


def test_pixel_limit():
    data = data_path("pngsuite", "png", "basn2c08.png").read_bytes()
    with pytest.raises(ValueError, match="limit"):
        pixconv.decode(data, max_pixels=1000)
    with pytest.raises(ValueError, match="limit"):
        pixconv.read_info(data, max_pixels=1000)
