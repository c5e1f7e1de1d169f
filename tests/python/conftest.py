"""Shared helpers of the Python tests: inputs, and the C++ library's output for the same input
(reference_convert, built by Meson; `meson test python` passes its path in
PIXCONV_REFERENCE_CONVERT)."""
import os
import pathlib
import subprocess
import tempfile

import numpy as np
import pytest

# Rerun's numbers (lib/README.md section 1) and pixconv's enum values, for reference_convert.
DATATYPE_NUMBER = {
    np.dtype(np.uint8): 6, np.dtype(np.int8): 7, np.dtype(np.uint16): 8, np.dtype(np.int16): 9,
    np.dtype(np.uint32): 10, np.dtype(np.int32): 11, np.dtype(np.uint64): 12,
    np.dtype(np.int64): 13, np.dtype(np.float16): 33, np.dtype(np.float32): 34,
    np.dtype(np.float64): 35,
}
DTYPES = list(DATATYPE_NUMBER)
COLOR_MODEL_NUMBER = {"l": 1, "rgb": 2, "rgba": 3, "bgr": 4, "bgra": 5}
CHANNELS = {"l": 1, "rgb": 3, "rgba": 4, "bgr": 3, "bgra": 4}
PIXEL_FORMAT_NUMBER = {
    "i420": 20, "i420f": 44, "i422": 49, "i422f": 50, "i444": 39, "i444f": 40, "nv12": 26,
    "yuy2": 27, "y8f": 30, "y8": 41,
}
OUTPUT_NUMBER = {"rgba8": 0, "rgbaf32": 1}
ORDER_NUMBER = {"rgba": 0, "bgra": 1}
RANGE_NUMBER = {"auto": 0, "datatype": 1, "depth": 3}
INPUT_TRANSFER_NUMBER = {"srgb": 0, "linear": 1, "auto": 2}
OUTPUT_TRANSFER_NUMBER = {"default": 0, "srgb": 1, "linear": 2}
MATRIX_NUMBER = {None: 0, "bt601": 1, "bt709": 2, "bt2020": 3}
YUV_RANGE_NUMBER = {None: 0, "limited": 1, "full": 2}
CHROMA_NUMBER = {"nearest": 0, "bilinear": 1}
COLORMAP_NUMBER = {
    None: 0, "grayscale": 1, "inferno": 2, "magma": 3, "plasma": 4, "turbo": 5, "viridis": 6,
    "cyan_to_yellow": 7, "spectral": 8, "twilight": 9,
}


def data_path(*parts):
    root = os.environ.get("PIXCONV_TESTDATA_DIR")
    if root is None:
        root = pathlib.Path(__file__).resolve().parent.parent / "data"
    return pathlib.Path(root, *parts)


def sample_image(shape, dtype, seed=1):
    """Samples over the dtype's whole range (integers) or around [0, 1] with NaN and infinities
    (floats), so every range rule and clamp is exercised."""
    rng = np.random.default_rng(seed)
    dtype = np.dtype(dtype)
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
    a = rng.uniform(-0.25, 1.25, size=shape).astype(dtype)
    flat = a.reshape(-1)
    flat[::97] = np.nan
    flat[5::89] = np.inf
    flat[7::83] = -np.inf
    return a


def _reference_args(options):
    """Python keywords of convert() -> reference_convert's key=value arguments."""
    args = []
    for key, value in options.items():
        if key == "to":
            args.append(f"to={OUTPUT_NUMBER[value]}")
        elif key == "order":
            args.append(f"order={ORDER_NUMBER[value]}")
        elif key == "range":
            if isinstance(value, tuple):
                args += ["range=2", f"lo={value[0]!r}", f"hi={value[1]!r}"]
            else:
                args.append(f"range={RANGE_NUMBER[value]}")
        elif key == "input_transfer":
            args.append(f"it={INPUT_TRANSFER_NUMBER[value]}")
        elif key == "output_transfer":
            args.append(f"ot={OUTPUT_TRANSFER_NUMBER[value]}")
        elif key == "premultiply":
            args.append(f"premul={int(value)}")
        elif key == "clamp":
            args.append(f"clamp={int(value)}")
        elif key == "matrix":
            args.append(f"matrix={MATRIX_NUMBER[value]}")
        elif key == "yuv_range":
            args.append(f"yrange={YUV_RANGE_NUMBER[value]}")
        elif key == "chroma":
            args.append(f"chroma={CHROMA_NUMBER[value]}")
        elif key == "colormap":
            args.append(f"cmap={COLORMAP_NUMBER[value]}")
        elif key == "segmentation":
            args.append(f"seg={int(value)}")
        elif key == "threads":
            args.append(f"threads={value}")
        else:
            raise KeyError(key)
    return args


def run_reference(data, width, height, image_args, options, class_colors=None):
    """The C++ library's output bytes for `data` (bytes of the packed image)."""
    exe = os.environ.get("PIXCONV_REFERENCE_CONVERT")
    if not exe:
        pytest.skip("PIXCONV_REFERENCE_CONVERT is not set (run through `meson test python`)")
    with tempfile.TemporaryDirectory() as tmp:
        src = pathlib.Path(tmp, "in.raw")
        dst = pathlib.Path(tmp, "out.raw")
        src.write_bytes(data)
        args = [exe, str(src), str(dst), f"w={width}", f"h={height}", *image_args]
        args += _reference_args(options)
        if class_colors is not None:
            colors = pathlib.Path(tmp, "colors.raw")
            colors.write_bytes(np.ascontiguousarray(class_colors, dtype=np.uint8).tobytes())
            args.append(f"colors={colors}")
        subprocess.run(args, check=True, capture_output=True)
        out = dst.read_bytes()
    dtype = np.float32 if options.get("to") == "rgbaf32" else np.uint8
    return np.frombuffer(out, dtype=dtype).reshape(height, width, 4)


def reference_for_array(array, color_model=None, class_colors=None, **options):
    """The C++ library's conversion of a NumPy image (read as packed rows)."""
    channels = 1 if array.ndim == 2 else array.shape[2]
    model = color_model or {1: "l", 3: "rgb", 4: "rgba"}[channels]
    image_args = [f"model={COLOR_MODEL_NUMBER[model]}", f"type={DATATYPE_NUMBER[array.dtype]}"]
    return run_reference(np.ascontiguousarray(array).tobytes(), array.shape[1], array.shape[0],
                         image_args, options, class_colors)


def reference_for_pixel_format(buffer, width, height, pixel_format, **options):
    image_args = [f"pf={PIXEL_FORMAT_NUMBER[pixel_format]}"]
    return run_reference(bytes(buffer), width, height, image_args, options)


def yuv_size(pixel_format, width, height):
    """Packed buffer size of a pixel format (lib/README.md section 1)."""
    cw, ch = (width + 1) // 2, (height + 1) // 2
    return {
        "i420": width * height + 2 * cw * ch, "i420f": width * height + 2 * cw * ch,
        "nv12": width * height + 2 * cw * ch,
        "i422": width * height + 2 * cw * height, "i422f": width * height + 2 * cw * height,
        "i444": 3 * width * height, "i444f": 3 * width * height,
        "yuy2": 4 * cw * height, "y8": width * height, "y8f": width * height,
    }[pixel_format]


def assert_same(actual, expected):
    assert actual.dtype == expected.dtype
    assert actual.shape == expected.shape
    np.testing.assert_array_equal(actual, expected)
