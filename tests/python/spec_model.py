"""lib/README.md section 3 in NumPy, in float64, for color-model images (no colormap, no
segmentation): the values pixconv.convert must produce within the accuracy contract of section 4,
independent of the library, so a change of output beyond the contract fails the Python suite."""
import numpy as np

SWIZZLE = {"l": [0, 0, 0], "rgb": [0, 1, 2], "rgba": [0, 1, 2], "bgr": [2, 1, 0], "bgra": [2, 1, 0]}


def datatype_range(dtype):
    if dtype.kind in "ui":
        info = np.iinfo(dtype)
        return float(info.min), float(info.max)
    return 0.0, 1.0


def finite_stats(v):
    finite = v[np.isfinite(v)]
    if finite.size == 0:
        return None
    return float(finite.min()), float(finite.max())


def resolve_range(v, dtype, mode):
    """Section 3.1."""
    if isinstance(mode, tuple):
        return float(mode[0]), float(mode[1])
    if mode == "datatype":
        return datatype_range(dtype)
    stats = finite_stats(v)
    if mode == "depth":
        return 0.0, stats[1] if stats else datatype_range(dtype)[1]
    if dtype == np.uint8 or stats is None:
        return datatype_range(dtype)
    lo, hi = stats
    if dtype.kind == "f" and lo >= 0 and hi <= 1:
        return 0.0, 1.0
    if lo >= 0 and hi <= 255:
        return 0.0, 255.0
    if lo == hi:
        return lo - 1, hi + 1
    return lo, hi


def input_is_srgb(v, dtype, transfer):
    """Section 3.5: the input transfer, with Rerun's heuristic for "auto"."""
    if transfer != "auto":
        return transfer == "srgb"
    if dtype == np.uint8:
        return True
    stats = finite_stats(v) or datatype_range(dtype)
    return stats[0] >= 0 and stats[1] <= (1.0 if dtype.kind == "f" else 255.0)


def srgb_to_linear(c):
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(c):
    return np.where(c <= 0.0031308, 12.92 * c, 1.055 * np.power(c, 1 / 2.4) - 0.055)


def convert(array, color_model, to="rgba8", range="auto", input_transfer="srgb",
            output_transfer="default", premultiply=False, order="rgba"):
    """The expected output of pixconv.convert, as float64 RGBA in [0, 1] before quantizing."""
    dtype = array.dtype
    v = array.astype(np.float64).reshape(array.shape[0], array.shape[1], -1)
    lo, hi = resolve_range(v, dtype, range)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        t = (v - lo) / (hi - lo)
    t = np.clip(np.nan_to_num(t, nan=0.0, posinf=1.0, neginf=0.0), 0.0, 1.0)
    rgba = np.ones(t.shape[:2] + (4,))
    rgba[..., :3] = t[..., SWIZZLE[color_model]]
    if color_model in ("rgba", "bgra"):
        rgba[..., 3] = t[..., 3]
    src_srgb = input_is_srgb(v, dtype, input_transfer)
    dst_srgb = output_transfer == "srgb" or (output_transfer == "default" and to == "rgba8")
    if src_srgb and not dst_srgb:
        rgba[..., :3] = srgb_to_linear(rgba[..., :3])
    elif dst_srgb and not src_srgb:
        rgba[..., :3] = linear_to_srgb(rgba[..., :3])
    if premultiply:
        rgba[..., :3] *= rgba[..., 3:]
    if order == "bgra":
        rgba = rgba[..., [2, 1, 0, 3]]
    return rgba


def quantize(rgba, to):
    """Section 3.7."""
    if to == "rgba8":
        return np.floor(rgba * 255 + 0.5).astype(np.uint8)
    return rgba.astype(np.float32)
