"""pixconv: Rerun's image model to display-ready RGBA8 / RGBA float32, with SIMD kernels.

    import numpy as np, pixconv
    depth = np.load("depth.npy")                                  # (H, W) uint16
    rgba = pixconv.convert(depth, range="depth", colormap="turbo")  # (H, W, 4) uint8

The functions live in the extension module pixconv._pixconv; lib/python/README.md documents
them, and the package's type stub (__init__.pyi) lists their keywords.
"""

from typing import NamedTuple, Tuple

import numpy

from ._pixconv import (
    convert,
    convert_image,
    convert_pixel_format,
    decode,
    simd_target,
    simd_targets,
)
from ._pixconv import _read_info

__all__ = [
    "ImageInfo",
    "convert",
    "convert_image",
    "convert_pixel_format",
    "decode",
    "read_info",
    "simd_target",
    "simd_targets",
]


class ImageInfo(NamedTuple):
    """What a JPEG or PNG holds, from its header: the image decode(data) returns."""

    codec: str  # "jpeg" or "png"
    width: int
    height: int
    color_model: str  # "l", "rgb" or "rgba"
    dtype: numpy.dtype  # uint8, or uint16 for 16-bit PNGs
    bit_depth: int  # bits per sample in the file (PNG 1..16, JPEG 8)

    @property
    def shape(self) -> Tuple[int, ...]:
        """The shape of decode(data): (H, W) for L, (H, W, 3) or (H, W, 4)."""
        channels = {"l": 1, "rgb": 3, "rgba": 4}[self.color_model]
        if channels == 1:
            return (self.height, self.width)
        return (self.height, self.width, channels)


def read_info(data, *, max_pixels: int = 1 << 28, max_jpeg_scans: int = 1000) -> ImageInfo:
    """Reads a JPEG or PNG header (no pixels): ImageInfo, or ValueError for bad data."""
    return ImageInfo(*_read_info(data, max_pixels=max_pixels, max_jpeg_scans=max_jpeg_scans))
