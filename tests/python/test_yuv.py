"""convert_pixel_format() and convert_image(): every pixel format, odd and even sizes, matrix,
range and chroma overrides, row strides, against the C++ library's bytes."""
import numpy as np
import pytest

import pixconv
from conftest import (PIXEL_FORMAT_NUMBER, assert_same, reference_for_array,
                      reference_for_pixel_format, sample_image, yuv_size)


def yuv_buffer(pixel_format, width, height, seed=7):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, size=yuv_size(pixel_format, width, height), dtype=np.uint8)


@pytest.mark.parametrize("to", ["rgba8", "rgbaf32"])
@pytest.mark.parametrize("size", [(16, 8), (33, 7)], ids=["even", "odd"])
@pytest.mark.parametrize("pixel_format", list(PIXEL_FORMAT_NUMBER))
def test_every_pixel_format_matches_the_library(pixel_format, size, to):
    width, height = size
    buffer = yuv_buffer(pixel_format, width, height)
    result = pixconv.convert_pixel_format(buffer, width, height, pixel_format, to=to)
    assert_same(result, reference_for_pixel_format(buffer, width, height, pixel_format, to=to))


@pytest.mark.parametrize("options", [
    {"matrix": "bt601"}, {"matrix": "bt709"}, {"matrix": "bt2020"},
    {"yuv_range": "full"}, {"yuv_range": "limited"}, {"chroma": "bilinear"},
    {"chroma": "bilinear", "matrix": "bt2020", "yuv_range": "full", "order": "bgra"},
    {"premultiply": True, "output_transfer": "linear"}, {"threads": 2},
], ids=repr)
@pytest.mark.parametrize("pixel_format", ["nv12", "i420", "i422", "yuy2"])
def test_yuv_options_match_the_library(pixel_format, options):
    buffer = yuv_buffer(pixel_format, 21, 9, seed=8)
    result = pixconv.convert_pixel_format(buffer, 21, 9, pixel_format, **options)
    assert_same(result, reference_for_pixel_format(buffer, 21, 9, pixel_format, **options))


def test_names_numbers_and_buffer_types_agree():
    buffer = yuv_buffer("nv12", 8, 4)
    expected = pixconv.convert_pixel_format(buffer, 8, 4, "nv12")
    assert_same(pixconv.convert_pixel_format(bytes(buffer), 8, 4, 26), expected)
    assert_same(pixconv.convert_pixel_format(bytearray(buffer), 8, 4, "NV12"), expected)
    assert_same(pixconv.convert_pixel_format(memoryview(bytes(buffer)), 8, 4, "Nv12"), expected)
    assert_same(pixconv.convert_pixel_format(buffer.reshape(6, 8), 8, 4, "nv12"), expected)
    i420 = yuv_buffer("i420", 8, 4)
    assert_same(pixconv.convert_pixel_format(i420, 8, 4, "Y_U_V12_LimitedRange"),
                pixconv.convert_pixel_format(i420, 8, 4, "i420"))


def test_plane_strides_read_padded_rows():
    width, height, stride = 10, 6, 16
    packed = yuv_buffer("nv12", width, height)
    y = packed[:width * height].reshape(height, width)
    uv = packed[width * height:].reshape(height // 2, width)
    padded = np.zeros(stride * height + stride * height // 2, dtype=np.uint8)
    padded[:stride * height].reshape(height, stride)[:, :width] = y
    padded[stride * height:].reshape(height // 2, stride)[:, :width] = uv
    assert_same(pixconv.convert_pixel_format(padded, width, height, "nv12", strides=(stride, stride)),
                pixconv.convert_pixel_format(packed, width, height, "nv12"))


def test_non_contiguous_buffer_array_is_copied():
    buffer = yuv_buffer("i444", 6, 4)
    spread = np.zeros(2 * buffer.size, dtype=np.uint8)
    spread[::2] = buffer
    assert_same(pixconv.convert_pixel_format(spread[::2], 6, 4, "i444"),
                pixconv.convert_pixel_format(buffer, 6, 4, "i444"))


def test_convert_image_takes_rerun_fields():
    buffer = yuv_buffer("yuy2", 12, 5)
    assert_same(pixconv.convert_image(buffer, 12, 5, pixel_format=27),
                pixconv.convert_pixel_format(buffer, 12, 5, "yuy2"))
    # A pixel format wins over color model and datatype, as in Rerun.
    assert_same(pixconv.convert_image(buffer, 12, 5, pixel_format=27, color_model=2, datatype=35),
                pixconv.convert_pixel_format(buffer, 12, 5, "yuy2"))
    bgr = sample_image((5, 12, 3), np.int16)
    expected = reference_for_array(bgr, color_model="bgr", range="datatype")
    for model, datatype in [(4, 9), ("bgr", "i16"), ("BGR", np.int16), (4, "int16")]:
        result = pixconv.convert_image(bgr.tobytes(), 12, 5, color_model=model, datatype=datatype,
                                       range="datatype")
        assert_same(result, expected)
    # Defaults: L and U8.
    gray = sample_image((5, 12), np.uint8)
    assert_same(pixconv.convert_image(gray.tobytes(), 12, 5), pixconv.convert(gray))


def test_rerun_i444_buffer_of_four_planes_is_accepted():
    # Rerun's SDK sizes I444 as 4 * w * h; the tail is ignored (lib/README.md section 1).
    buffer = yuv_buffer("i444", 4, 4)
    longer = np.concatenate([buffer, np.full(16, 77, np.uint8)])
    assert_same(pixconv.convert_image(longer, 4, 4, pixel_format=39),
                pixconv.convert_pixel_format(buffer, 4, 4, "i444"))


def test_short_buffer_raises_the_library_message():
    with pytest.raises(ValueError, match=r"buffer too small.*NV12.*needs 96 bytes.*has 95"):
        pixconv.convert_pixel_format(bytes(95), 8, 8, "nv12")
