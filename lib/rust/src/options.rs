//! Conversion and decoding options (lib/README.md section 3): plain structs with the
//! library's defaults, and their enums with the C ABI's numbers.
use crate::sys;

c_enum! {
    /// The output's element type (chosen by the destination slice: `[u8]` or `[f32]`).
    OutputType ("output type") {
        RGBA8 = sys::PIXCONV_OUTPUT_RGBA8,
        RGBAF32 = sys::PIXCONV_OUTPUT_RGBAF32,
    }
}

c_enum! {
    /// The order of the four output channels.
    ChannelOrder ("channel order") {
        RGBA = sys::PIXCONV_ORDER_RGBA,
        BGRA = sys::PIXCONV_ORDER_BGRA,
    }
}

c_enum! {
    /// How the sample range that maps to [0, 1] is chosen (lib/README.md 3.1).
    RangeMode ("range mode") {
        /// The Rerun viewer's rule (data-dependent).
        Auto = sys::PIXCONV_RANGE_AUTO,
        /// The datatype's full range; floats [0, 1].
        Datatype = sys::PIXCONV_RANGE_DATATYPE,
        /// [`Options::range_lo`, `Options::range_hi`].
        Explicit = sys::PIXCONV_RANGE_EXPLICIT,
        /// [0, finite max].
        Depth = sys::PIXCONV_RANGE_DEPTH,
    }
}

c_enum! {
    /// The transfer curve the input is encoded with.
    InputTransfer ("input transfer") {
        Srgb = sys::PIXCONV_INPUT_TRANSFER_SRGB,
        Linear = sys::PIXCONV_INPUT_TRANSFER_LINEAR,
        /// Rerun's heuristic (lib/README.md 3.5).
        Auto = sys::PIXCONV_INPUT_TRANSFER_AUTO,
    }
}

c_enum! {
    /// The transfer of the output.
    OutputTransfer ("output transfer") {
        /// sRGB for RGBA8, linear for RGBA f32.
        Default = sys::PIXCONV_OUTPUT_TRANSFER_DEFAULT,
        Srgb = sys::PIXCONV_OUTPUT_TRANSFER_SRGB,
        Linear = sys::PIXCONV_OUTPUT_TRANSFER_LINEAR,
    }
}

c_enum! {
    /// The YUV matrix; `Default` is the pixel format's own.
    YuvMatrix ("YUV matrix") {
        Default = sys::PIXCONV_YUV_MATRIX_DEFAULT,
        Bt601 = sys::PIXCONV_YUV_MATRIX_BT601,
        Bt709 = sys::PIXCONV_YUV_MATRIX_BT709,
        Bt2020 = sys::PIXCONV_YUV_MATRIX_BT2020,
    }
}

c_enum! {
    /// The YUV range; `Default` is the pixel format's own.
    YuvRange ("YUV range") {
        Default = sys::PIXCONV_YUV_RANGE_DEFAULT,
        Limited = sys::PIXCONV_YUV_RANGE_LIMITED,
        Full = sys::PIXCONV_YUV_RANGE_FULL,
    }
}

c_enum! {
    /// How subsampled chroma is brought to full resolution.
    ChromaFilter ("chroma filter") {
        Nearest = sys::PIXCONV_CHROMA_NEAREST,
        Bilinear = sys::PIXCONV_CHROMA_BILINEAR,
    }
}

c_enum! {
    /// Rerun's colormaps, with Rerun's numbers (lib/README.md section 8).
    #[non_exhaustive]
    Colormap ("colormap") {
        None = sys::PIXCONV_COLORMAP_NONE,
        Grayscale = sys::PIXCONV_COLORMAP_GRAYSCALE,
        Inferno = sys::PIXCONV_COLORMAP_INFERNO,
        Magma = sys::PIXCONV_COLORMAP_MAGMA,
        Plasma = sys::PIXCONV_COLORMAP_PLASMA,
        /// The default for depth images.
        Turbo = sys::PIXCONV_COLORMAP_TURBO,
        Viridis = sys::PIXCONV_COLORMAP_VIRIDIS,
        CyanToYellow = sys::PIXCONV_COLORMAP_CYAN_TO_YELLOW,
        Spectral = sys::PIXCONV_COLORMAP_SPECTRAL,
        Twilight = sys::PIXCONV_COLORMAP_TWILIGHT,
    }
}

/// How to convert (the C ABI's `pixconv_convert_options`, without `output_type`: the
/// destination slice, `[u8]` or `[f32]`, says that). `Options::default()` is the library's
/// default (`pixconv_convert_options_init`).
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// RGBA (default) or BGRA output.
    pub channel_order: ChannelOrder,
    /// How the sample range that maps to [0, 1] is chosen (default: Rerun's rule).
    pub range: RangeMode,
    /// [`RangeMode::Explicit`] only: the sample mapped to 0; `range_lo > range_hi` inverts.
    pub range_lo: f64,
    /// [`RangeMode::Explicit`] only: the sample mapped to 1; must differ from `range_lo`.
    pub range_hi: f64,
    /// The input's transfer curve (default: sRGB).
    pub input_transfer: InputTransfer,
    /// The output's transfer curve (default: sRGB for RGBA8, linear for RGBA f32).
    pub output_transfer: OutputTransfer,
    /// RGB *= alpha, after the transfer.
    pub premultiply: bool,
    /// The YUV matrix (default: the pixel format's).
    pub yuv_matrix: YuvMatrix,
    /// The YUV range (default: the pixel format's).
    pub yuv_range: YuvRange,
    /// Chroma upsampling of the subsampled pixel formats (default: nearest).
    pub chroma_filter: ChromaFilter,
    /// L images only; excludes `segmentation`.
    pub colormap: Colormap,
    /// L images only: samples are class ids, colored from `class_colors`, else Rerun's
    /// automatic color; negative, NaN and ids above 65535 are transparent black.
    pub segmentation: bool,
    /// With `segmentation`: class id `i`'s RGBA8 color (sRGB, straight alpha).
    pub class_colors: Vec<[u8; 4]>,
    /// RGBA f32 output only (default `true`): `false` keeps normalized values outside
    /// [0, 1] (NaN still becomes 0, values saturate at the largest `f32`, the sRGB curves
    /// extend to them); not with RGBA8, colormaps or segmentation.
    pub clamp: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            channel_order: ChannelOrder::RGBA,
            range: RangeMode::Auto,
            range_lo: 0.0,
            range_hi: 1.0,
            input_transfer: InputTransfer::Srgb,
            output_transfer: OutputTransfer::Default,
            premultiply: false,
            yuv_matrix: YuvMatrix::Default,
            yuv_range: YuvRange::Default,
            chroma_filter: ChromaFilter::Nearest,
            colormap: Colormap::None,
            segmentation: false,
            class_colors: Vec::new(),
            clamp: true,
        }
    }
}

impl Options {
    /// The C struct for an output of `output_type`, for calls through [`sys`](crate::sys).
    /// Its `class_colors` pointer borrows `self.class_colors`: valid while `self` is alive
    /// and unchanged. The library reads the `struct_size` bytes this crate declares, so an
    /// older crate keeps working with a newer library.
    pub fn to_raw(&self, output_type: OutputType) -> sys::pixconv_convert_options {
        sys::pixconv_convert_options {
            struct_size: std::mem::size_of::<sys::pixconv_convert_options>() as u32,
            output_type: output_type.raw(),
            channel_order: self.channel_order.raw(),
            range_mode: self.range.raw(),
            range_lo: self.range_lo,
            range_hi: self.range_hi,
            input_transfer: self.input_transfer.raw(),
            output_transfer: self.output_transfer.raw(),
            premultiply: u32::from(self.premultiply),
            yuv_matrix: self.yuv_matrix.raw(),
            yuv_range: self.yuv_range.raw(),
            chroma_filter: self.chroma_filter.raw(),
            colormap: self.colormap.raw(),
            segmentation: u32::from(self.segmentation),
            class_colors: self.class_colors.as_ptr() as *const u8,
            class_color_count: self.class_colors.len(),
            clamp: u32::from(self.clamp),
        }
    }
}

/// Limits for decoding (the C ABI's `pixconv_decode_options`); `default()` is the library's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Largest width * height accepted, checked from the header (decompression bombs).
    pub max_pixels: u64,
    /// Largest number of scans in a progressive JPEG.
    pub max_jpeg_scans: u32,
}

impl Default for DecodeOptions {
    fn default() -> Self {
        DecodeOptions { max_pixels: 1 << 28, max_jpeg_scans: 1000 }
    }
}

impl DecodeOptions {
    /// The C struct, for calls through [`sys`](crate::sys); filled here for the reason given
    /// at [`Options::to_raw`].
    pub fn to_raw(self) -> sys::pixconv_decode_options {
        sys::pixconv_decode_options {
            struct_size: std::mem::size_of::<sys::pixconv_decode_options>() as u32,
            max_jpeg_scans: self.max_jpeg_scans,
            max_pixels: self.max_pixels,
        }
    }
}
