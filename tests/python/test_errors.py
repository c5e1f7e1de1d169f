"""Bad input raises TypeError or ValueError with a message that says what is wrong."""
import numpy as np
import pytest

import pixconv


@pytest.mark.parametrize("array,message", [
    (np.zeros((2, 2), dtype=object), "no datatype for dtype object"),
    (np.zeros((2, 2), dtype=bool), "no datatype for dtype bool"),
    (np.zeros((2, 2), dtype=np.complex64), "no datatype for dtype complex64"),
    (np.zeros((2, 2), dtype=">u2"), "native byte order"),
    (np.zeros((2, 2), dtype=">f4"), "native byte order"),
    (np.zeros((2, 2), dtype="datetime64[s]"), "no datatype"),
], ids=["object", "bool", "complex", "big_endian_u16", "big_endian_f32", "datetime"])
def test_unsupported_dtypes_are_type_errors(array, message):
    with pytest.raises(TypeError, match=message):
        pixconv.convert(array)


@pytest.mark.parametrize("shape", [(4,), (2, 2, 2), (2, 2, 5), (2, 2, 3, 1), (0, 4), (4, 0, 3)])
def test_bad_shapes_are_value_errors(shape):
    with pytest.raises(ValueError):
        pixconv.convert(np.zeros(shape, np.uint8))


@pytest.mark.parametrize("keywords,error,message", [
    ({"to": "rgb8"}, ValueError, "unknown to 'rgb8'; choose 'rgba8', 'rgbaf32'"),
    ({"to": 1}, TypeError, "to must be a str"),
    ({"range": "wide"}, ValueError, "unknown range"),
    ({"range": (1, 2, 3)}, TypeError, "range must be"),
    ({"range": ("a", 2)}, TypeError, "range lo must be a number"),
    ({"range": (5, 5)}, ValueError, "invalid argument"),
    ({"range": (0, float("nan"))}, ValueError, "invalid argument"),
    ({"input_transfer": "gamma"}, ValueError, "unknown input_transfer"),
    ({"output_transfer": "auto"}, ValueError, "unknown output_transfer"),
    ({"premultiply": 1}, TypeError, "premultiply must be True or False"),
    ({"order": "argb"}, ValueError, "unknown order"),
    ({"colormap": "jet"}, ValueError, "unknown colormap 'jet'"),
    ({"color_model": "bgra"}, ValueError, "'bgra' has 4 channels"),
    ({"color_model": "yuv"}, ValueError, "unknown color_model"),
    ({"threads": -1}, ValueError, "threads must be in"),
    ({"threads": 1.5}, TypeError, "threads must be an int"),
    ({"chroma": "bilinear"}, TypeError, "unexpected keyword argument 'chroma'"),
    ({"colour_model": "rgb"}, TypeError, "unexpected keyword argument 'colour_model'"),
    ({"class_colors": {70000: (1, 2, 3)}}, ValueError, "class id must be in"),
    ({"class_colors": {1: (1, 2)}}, TypeError, r"\(r, g, b\)"),
    ({"class_colors": {1: (1, 2, 300)}}, ValueError, "class color component"),
    ({"class_colors": np.zeros((3, 2), np.uint8)}, ValueError, r"\(N, 3\) or \(N, 4\)"),
    ({"class_colors": np.zeros((3, 3), np.float32)}, ValueError, "integers"),
    ({"class_colors": np.full((3, 3), 256)}, ValueError, "outside"),
], ids=repr)
def test_bad_keywords(keywords, error, message):
    with pytest.raises(error, match=message):
        pixconv.convert(np.zeros((3, 3, 3), np.uint16), **keywords)


def test_library_errors_carry_the_library_message():
    rgb = np.zeros((2, 2, 3), np.uint8)
    with pytest.raises(ValueError, match="invalid argument"):
        pixconv.convert(rgb, colormap="turbo")  # colormaps take L images only
    with pytest.raises(ValueError, match="invalid argument"):
        pixconv.convert(np.zeros((2, 2), np.uint8), colormap="turbo", segmentation=True)


def test_pixel_format_arguments():
    with pytest.raises(ValueError, match="unknown pixel_format 'nv21'"):
        pixconv.convert_pixel_format(bytes(96), 8, 8, "nv21")
    with pytest.raises(ValueError, match="not a Rerun pixel_format number"):
        pixconv.convert_pixel_format(bytes(96), 8, 8, 21)
    with pytest.raises(TypeError, match="width must be an int"):
        pixconv.convert_pixel_format(bytes(96), 8.0, 8, "nv12")
    with pytest.raises(ValueError, match="bad dimensions"):
        pixconv.convert_pixel_format(bytes(96), 0, 8, "nv12")
    with pytest.raises(TypeError, match="bytes-like"):
        pixconv.convert_pixel_format("abc", 8, 8, "nv12")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colormap'"):
        pixconv.convert_pixel_format(bytes(96), 8, 8, "nv12", colormap="turbo")
    with pytest.raises(ValueError, match="bad stride"):
        pixconv.convert_pixel_format(bytes(200), 8, 8, "nv12", strides=(4, 8))
    with pytest.raises(ValueError, match="not a Rerun color_model number"):
        pixconv.convert_image(bytes(96), 8, 8, color_model=9)
    with pytest.raises(ValueError, match="not a Rerun datatype number"):
        pixconv.convert_image(bytes(96), 8, 8, datatype=14)
