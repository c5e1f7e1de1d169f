"""Every ConvertOptions field as a keyword, each compared with the C++ library's bytes."""
import numpy as np
import pytest

import pixconv
from conftest import COLORMAP_NUMBER, assert_same, reference_for_array, sample_image


@pytest.mark.parametrize("options", [
    {"range": "auto"}, {"range": "datatype"}, {"range": "depth"},
    {"range": (100, 40000)}, {"range": (40000, 100)}, {"range": (-1.5, 2.5)},
    {"input_transfer": "linear"}, {"input_transfer": "auto"},
    {"output_transfer": "linear"}, {"output_transfer": "srgb", "to": "rgbaf32"},
    {"premultiply": True}, {"premultiply": True, "to": "rgbaf32"},
    {"order": "bgra"}, {"order": "bgra", "to": "rgbaf32"},
    {"input_transfer": "linear", "premultiply": True, "order": "bgra", "range": (0, 5000)},
    {"clamp": False, "to": "rgbaf32", "range": (20000, 30000)},
    {"clamp": False, "to": "rgbaf32", "range": (30000, 20000), "output_transfer": "srgb",
     "input_transfer": "linear", "premultiply": True},
], ids=repr)
def test_options_match_the_library(options):
    image = sample_image((9, 13, 4), np.uint16, seed=3)
    assert_same(pixconv.convert(image, **options), reference_for_array(image, **options))


@pytest.mark.parametrize("to", ["rgba8", "rgbaf32"])
@pytest.mark.parametrize("colormap", [c for c in COLORMAP_NUMBER if c is not None])
def test_colormaps_match_the_library(colormap, to):
    depth = sample_image((7, 33), np.float32, seed=4)
    result = pixconv.convert(depth, colormap=colormap, range="depth", to=to)
    assert_same(result, reference_for_array(depth, colormap=colormap, range="depth", to=to))


def test_colormap_names_are_case_insensitive_and_none_is_off():
    depth = sample_image((3, 5), np.uint16)
    assert_same(pixconv.convert(depth, colormap="Turbo"), pixconv.convert(depth, colormap="turbo"))
    assert_same(pixconv.convert(depth, colormap="CyanToYellow"),
                pixconv.convert(depth, colormap="cyan_to_yellow"))
    assert_same(pixconv.convert(depth, colormap=None), pixconv.convert(depth))
    assert_same(pixconv.convert(depth, colormap="none"), pixconv.convert(depth))


CLASS_TABLE = np.array([[10, 20, 30, 255], [200, 0, 0, 128], [0, 0, 0, 0], [1, 2, 3, 4]],
                       dtype=np.uint8)


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int32, np.float32])
def test_segmentation_with_a_class_color_array_matches_the_library(dtype):
    ids = (np.arange(6 * 11).reshape(6, 11) % 9).astype(dtype)
    result = pixconv.convert(ids, class_colors=CLASS_TABLE)
    assert_same(result, reference_for_array(ids, segmentation=True, class_colors=CLASS_TABLE))


def test_segmentation_without_colors_uses_automatic_colors():
    ids = (np.arange(40) * 37 % 1000).astype(np.uint16).reshape(4, 10)
    assert_same(pixconv.convert(ids, segmentation=True),
                reference_for_array(ids, segmentation=True))


def test_class_color_dict_fills_gaps_with_automatic_colors():
    ids = np.array([[0, 1, 2, 3, 4, 5]], dtype=np.uint8)
    auto = pixconv.convert(ids, segmentation=True)
    result = pixconv.convert(ids, class_colors={1: (9, 8, 7), 3: (1, 2, 3, 4)})
    np.testing.assert_array_equal(result[0, 1], [9, 8, 7, 255])
    np.testing.assert_array_equal(result[0, 3], [1, 2, 3, 4])
    for i in (0, 2, 4, 5):
        np.testing.assert_array_equal(result[0, i], auto[0, i])


def test_class_color_rgb_rows_get_opaque_alpha():
    ids = np.array([[0, 1]], dtype=np.uint8)
    result = pixconv.convert(ids, class_colors=CLASS_TABLE[:, :3])
    np.testing.assert_array_equal(result[0, :, 3], [255, 255])
    np.testing.assert_array_equal(result[0, :, :3], CLASS_TABLE[:2, :3])


def test_class_colors_with_segmentation_false_is_an_error():
    with pytest.raises(ValueError, match="segmentation"):
        pixconv.convert(np.zeros((2, 2), np.uint8), class_colors=CLASS_TABLE, segmentation=False)


def test_threads_give_the_same_bytes():
    image = sample_image((301, 17, 3), np.float32)
    one = pixconv.convert(image, threads=1)
    for threads in (0, 2, 3, 8):
        assert_same(pixconv.convert(image, threads=threads), one)
    assert_same(one, reference_for_array(image, threads=2))


def test_clamp_false_keeps_values_outside_the_unit_interval():
    hdr = np.array([[[2.0, 0.5, -1.0]]], dtype=np.float32)
    kept = pixconv.convert(hdr, to="rgbaf32", range="datatype", input_transfer="linear",
                           clamp=False)
    assert kept.tolist() == [[[2.0, 0.5, -1.0, 1.0]]]
    clamped = pixconv.convert(hdr, to="rgbaf32", range="datatype", input_transfer="linear")
    assert clamped.tolist() == [[[1.0, 0.5, 0.0, 1.0]]]
    with pytest.raises(ValueError, match="clamp = false needs RGBAF32 output"):
        pixconv.convert(hdr, clamp=False)
