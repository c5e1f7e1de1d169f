# Type stub of the package pixconv (the functions are in the extension pixconv._pixconv).
from typing import Literal, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

import numpy
import numpy.typing as npt

_Buffer = Union[bytes, bytearray, memoryview, npt.NDArray[numpy.generic]]
_OutputType = Literal["rgba8", "rgbaf32", "f32"]
_Order = Literal["rgba", "bgra"]
_Range = Union[Literal["auto", "datatype", "depth"], Tuple[float, float]]
_InputTransfer = Literal["srgb", "linear", "auto"]
_OutputTransfer = Literal["default", "srgb", "linear"]
_Colormap = Literal["none", "grayscale", "inferno", "magma", "plasma", "turbo", "viridis",
                    "cyantoyellow", "cyan_to_yellow", "spectral", "twilight"]
_ColorModel = Literal["l", "rgb", "rgba", "bgr", "bgra"]
_Matrix = Literal["default", "bt601", "bt709", "bt2020", "601", "709", "2020"]
_YuvRange = Literal["default", "limited", "full"]
_Chroma = Literal["nearest", "bilinear"]
_ClassColors = Union[Mapping[int, Sequence[int]], npt.ArrayLike]
_Rgba = Union[npt.NDArray[numpy.uint8], npt.NDArray[numpy.float32]]

class ImageInfo(NamedTuple):
    codec: str
    width: int
    height: int
    color_model: str
    dtype: numpy.dtype
    bit_depth: int
    @property
    def shape(self) -> Tuple[int, ...]: ...

def convert(
    array: npt.ArrayLike,
    *,
    color_model: Optional[_ColorModel] = None,
    to: _OutputType = "rgba8",
    range: _Range = "auto",
    input_transfer: _InputTransfer = "srgb",
    output_transfer: _OutputTransfer = "default",
    premultiply: bool = False,
    clamp: bool = True,
    order: _Order = "rgba",
    colormap: Optional[_Colormap] = None,
    segmentation: bool = False,
    class_colors: Optional[_ClassColors] = None,
    threads: int = 1,
    out: Optional[_Rgba] = None,
) -> _Rgba: ...

def convert_pixel_format(
    buffer: _Buffer,
    width: int,
    height: int,
    pixel_format: Union[str, int],
    *,
    matrix: Optional[_Matrix] = None,
    yuv_range: Optional[_YuvRange] = None,
    chroma: _Chroma = "nearest",
    strides: Optional[Sequence[int]] = None,
    to: _OutputType = "rgba8",
    output_transfer: _OutputTransfer = "default",
    premultiply: bool = False,
    clamp: bool = True,
    order: _Order = "rgba",
    threads: int = 1,
    out: Optional[_Rgba] = None,
) -> _Rgba: ...

def convert_image(
    buffer: _Buffer,
    width: int,
    height: int,
    pixel_format: Union[str, int, None] = None,
    color_model: Union[str, int, None] = None,
    datatype: Union[str, int, npt.DTypeLike, None] = None,
    *,
    to: _OutputType = "rgba8",
    range: _Range = "auto",
    input_transfer: _InputTransfer = "srgb",
    output_transfer: _OutputTransfer = "default",
    premultiply: bool = False,
    clamp: bool = True,
    order: _Order = "rgba",
    colormap: Optional[_Colormap] = None,
    segmentation: bool = False,
    class_colors: Optional[_ClassColors] = None,
    matrix: Optional[_Matrix] = None,
    yuv_range: Optional[_YuvRange] = None,
    chroma: _Chroma = "nearest",
    strides: Optional[Sequence[int]] = None,
    threads: int = 1,
    out: Optional[_Rgba] = None,
) -> _Rgba: ...

def decode(
    data: _Buffer,
    *,
    to: _OutputType = ...,
    range: _Range = "datatype",
    input_transfer: _InputTransfer = "srgb",
    output_transfer: _OutputTransfer = "default",
    premultiply: bool = False,
    clamp: bool = True,
    order: _Order = "rgba",
    colormap: Optional[_Colormap] = None,
    segmentation: bool = False,
    class_colors: Optional[_ClassColors] = None,
    out: Optional[_Rgba] = None,
    max_pixels: int = 1 << 28,
    max_jpeg_scans: int = 1000,
) -> npt.NDArray[Union[numpy.uint8, numpy.uint16, numpy.float32]]: ...

def read_info(data: _Buffer, *, max_pixels: int = 1 << 28, max_jpeg_scans: int = 1000) -> ImageInfo: ...
def simd_targets() -> str: ...
def simd_target() -> str: ...
