"""Sliced and strided inputs, and out= destinations: row strides are read and written in place,
other layouts are copied once, and the bytes never change."""
import numpy as np
import pytest

import pixconv
from conftest import assert_same, sample_image


@pytest.fixture
def big():
    return sample_image((40, 50, 4), np.uint16, seed=11)


def test_row_slices_are_read_in_place(big):
    window = big[3:30, 5:41]  # rows 400 bytes apart, 36 pixels each
    assert not window.flags.c_contiguous
    assert_same(pixconv.convert(window), pixconv.convert(np.ascontiguousarray(window)))
    gray = big[..., 0][2:20, 7:9]
    assert_same(pixconv.convert(gray), pixconv.convert(np.ascontiguousarray(gray)))


@pytest.mark.parametrize("view", [
    lambda a: a[::2],                      # every other row: a longer row stride
    lambda a: a[:, ::2],                   # every other pixel: copied
    lambda a: a[::-1],                     # negative row stride: copied
    lambda a: a[:, ::-1],                  # negative pixel stride: copied
    lambda a: a[..., [2, 1, 0, 3]],        # fancy indexing: a new array
    lambda a: a[..., :3],                  # channels of a wider pixel: copied
    lambda a: np.asfortranarray(a),        # column-major: copied
    lambda a: a.transpose(1, 0, 2),        # transposed: copied
    lambda a: np.broadcast_to(a[:1], a.shape),  # zero row stride: copied
    lambda a: a[:1],                       # one row: any stride
    lambda a: a[:, :1],                    # one column
], ids=["rows2", "cols2", "flipud", "fliplr", "fancy", "channels", "fortran", "transpose",
        "broadcast", "one_row", "one_column"])
def test_every_layout_gives_the_bytes_of_its_contiguous_copy(big, view):
    image = view(big)
    assert_same(pixconv.convert(image), pixconv.convert(np.ascontiguousarray(image)))


def test_unaligned_samples_are_read():
    raw = np.zeros(2 * 6 * 5 * 3 + 1, np.uint8)
    unaligned = np.frombuffer(memoryview(raw)[1:], dtype=np.uint16).reshape(6, 5, 3)
    assert not unaligned.flags.aligned
    raw[1:] = sample_image((6, 5, 3), np.uint16).view(np.uint8).reshape(-1)
    assert_same(pixconv.convert(unaligned), pixconv.convert(unaligned.copy()))


def test_read_only_input_is_fine():
    image = sample_image((4, 4, 3), np.float64)
    image.setflags(write=False)
    assert pixconv.convert(image).shape == (4, 4, 4)


@pytest.mark.parametrize("to,dtype", [("rgba8", np.uint8), ("rgbaf32", np.float32)])
def test_out_is_filled_and_returned(to, dtype):
    image = sample_image((6, 9, 3), np.uint8)
    out = np.empty((6, 9, 4), dtype)
    assert pixconv.convert(image, to=to, out=out) is out
    assert_same(out, pixconv.convert(image, to=to))


def test_out_with_padded_rows_leaves_the_padding_alone():
    image = sample_image((6, 9, 3), np.uint8)
    canvas = np.full((8, 16, 4), 7, np.uint8)
    out = canvas[1:7, 2:11]
    assert pixconv.convert(image, out=out) is out
    assert_same(canvas[1:7, 2:11], pixconv.convert(image))
    canvas[1:7, 2:11] = 7
    assert (canvas == 7).all()


@pytest.mark.parametrize("out,error,message", [
    (np.zeros((6, 9, 4), np.float32), TypeError, "dtype uint8"),
    (np.zeros((6, 9, 4), np.int8), TypeError, "dtype uint8"),
    (np.zeros((6, 9, 3), np.uint8), ValueError, r"shape \(6, 9, 4\)"),
    (np.zeros((9, 6, 4), np.uint8), ValueError, r"shape \(6, 9, 4\)"),
    (np.zeros((6, 9 * 4), np.uint8), ValueError, "shape"),
    (np.zeros((6, 18, 4), np.uint8)[:, ::2], ValueError, "adjacent pixels"),
    (np.zeros((6, 9, 8), np.uint8)[..., ::2], ValueError, "adjacent pixels"),
    (np.zeros((6, 9, 4), np.uint8)[::-1], ValueError, "rows in order"),
    (np.zeros((6, 9, 4), np.uint8).tolist(), TypeError, "NumPy array"),
], ids=["f32", "i8", "channels", "transposed", "flat", "strided_pixels", "strided_channels",
        "flipped", "list"])
def test_bad_out_is_rejected(out, error, message):
    with pytest.raises(error, match=message):
        pixconv.convert(sample_image((6, 9, 3), np.uint8), out=out)


def test_read_only_out_is_rejected():
    out = np.zeros((2, 2, 4), np.uint8)
    out.setflags(write=False)
    with pytest.raises(ValueError, match="read-only"):
        pixconv.convert(np.zeros((2, 2), np.uint8), out=out)


def test_out_overlapping_the_input_is_rejected():
    buffer = np.zeros((4, 4, 4), np.uint8)
    with pytest.raises(ValueError, match="overlap"):
        pixconv.convert(buffer, out=buffer)
