"""convert(): every dtype x color model, both outputs, against the C++ library's bytes; and the
values lib/README.md section 3 fixes exactly, so a change of output fails here too."""
import numpy as np
import pytest

import pixconv
from conftest import CHANNELS, DTYPES, assert_same, reference_for_array, sample_image

# Odd sizes: rows whose length is not a multiple of any vector width.
HEIGHT, WIDTH = 11, 37


def shape_of(model):
    return (HEIGHT, WIDTH) if CHANNELS[model] == 1 else (HEIGHT, WIDTH, CHANNELS[model])


@pytest.mark.parametrize("to", ["rgba8", "rgbaf32"])
@pytest.mark.parametrize("model", ["l", "rgb", "rgba", "bgr", "bgra"])
@pytest.mark.parametrize("dtype", DTYPES, ids=lambda d: np.dtype(d).name)
def test_every_dtype_and_color_model_matches_the_library(dtype, model, to):
    image = sample_image(shape_of(model), dtype)
    color_model = model if model in ("bgr", "bgra") else None
    result = pixconv.convert(image, color_model=color_model, to=to)
    expected_dtype = np.float32 if to == "rgbaf32" else np.uint8
    assert result.dtype == expected_dtype and result.shape == (HEIGHT, WIDTH, 4)
    assert_same(result, reference_for_array(image, color_model=model, to=to))


def test_explicit_color_model_names_the_same_image():
    image = sample_image((HEIGHT, WIDTH, 3), np.uint16)
    assert_same(pixconv.convert(image, color_model="RGB"), pixconv.convert(image))
    assert_same(pixconv.convert(image[:, :, :1], color_model="l"), pixconv.convert(image[:, :, 0]))


def test_gray_u8_expands_exactly():
    gray = np.arange(256, dtype=np.uint8).reshape(16, 16)
    rgba = pixconv.convert(gray)
    np.testing.assert_array_equal(rgba[..., 0], gray)
    np.testing.assert_array_equal(rgba[..., 1], gray)
    np.testing.assert_array_equal(rgba[..., 2], gray)
    assert (rgba[..., 3] == 255).all()


def test_bgr_is_swizzled_and_bgra_order_swaps_back():
    bgr = sample_image((5, 7, 3), np.uint8)
    rgba = pixconv.convert(bgr, color_model="bgr")
    np.testing.assert_array_equal(rgba[..., :3], bgr[..., ::-1])
    bgra = pixconv.convert(bgr, color_model="bgr", order="bgra")
    np.testing.assert_array_equal(bgra[..., :3], bgr)


def test_u16_datatype_range_is_exact():
    values = np.array([[0, 257, 65535, 32896]], dtype=np.uint16)
    rgba = pixconv.convert(values, range="datatype")
    np.testing.assert_array_equal(rgba[0, :, 0], [0, 1, 255, 128])


def test_float_output_is_linear_by_default():
    # sRGB 0.5 decodes to 0.214041... in linear light.
    half = np.full((1, 1), 0.5, dtype=np.float32)
    linear = pixconv.convert(half, to="rgbaf32")
    assert linear.dtype == np.float32
    assert abs(float(linear[0, 0, 0]) - 0.21404114) < 4e-6
    assert float(linear[0, 0, 3]) == 1.0


def test_result_is_a_new_array_each_call():
    image = sample_image((4, 4), np.uint8)
    a = pixconv.convert(image)
    b = pixconv.convert(image)
    assert a is not b and not np.shares_memory(a, b)
    assert a.flags.c_contiguous and a.flags.writeable


def test_array_likes_are_converted_by_numpy_rules():
    rows = [[0, 128, 255]]
    assert_same(pixconv.convert(np.array(rows, dtype=np.uint8)),
                pixconv.convert(np.array(rows, dtype=np.uint8)))
    # A list becomes int64 samples, under the Auto range [0, 255].
    assert_same(pixconv.convert(rows), pixconv.convert(np.array(rows, dtype=np.uint8)))
