//! Safe Rust bindings to pixconv's C ABI (`pixconv/pixconv.h`): convert images of the Rerun
//! image model (color model x datatype, or a YUV pixel format) and JPEG / PNG files to RGBA8
//! or RGBA f32 with the library's SIMD kernels.
//!
//! ```no_run
//! use pixconv::{convert, ImageFormat, ImageView, Options, PixelFormat};
//! # fn f(blob: &[u8]) -> Result<(), pixconv::Error> {
//! let format = ImageFormat::pixel(1920, 1080, PixelFormat::NV12);
//! let image = ImageView::new(format, blob)?; // validated: sizes, strides, enums
//! let mut rgba = vec![0u8; format.rgba8_size()?];
//! convert(&image, &mut rgba, &Options::default())?;
//! # Ok(()) }
//! ```
//!
//! - [`ImageView`] borrows the samples (`&[u8]`, typed slices, or separate planes) and is
//!   validated by the library when it is made.
//! - [`convert`] writes RGBA8 into `[u8]` / `Vec<u8>` and RGBA f32 into `[f32]` / `Vec<f32>`;
//!   [`convert_parallel`] does so on the library's thread pool, and a [`Converter`] in row
//!   bands on the caller's threads.
//! - [`decode`], [`read_info`], [`decode_and_convert`] read JPEG and PNG files.
//! - Every failure is an [`Error`] with the library's status code and message.
//!
//! The raw declarations are in [`sys`]; `tests/layout.rs` checks them against the header.
//! The library is found at build time through `PIXCONV_BUILD_DIR` (a meson build directory)
//! or `pkg-config` (see the crate's README).

#![warn(missing_docs)]

#[macro_use]
mod enums;

mod convert;
mod decode;
mod error;
mod model;
mod options;
mod output;
pub mod sys;
mod view;

pub use convert::{convert, convert_parallel, Bands, Converter};
pub use decode::{
    decode, decode_and_convert, decode_and_convert_into, decode_into, read_info, Codec,
    DecodedImage, ImageInfo, RgbaImage,
};
pub use error::{Error, ErrorKind};
pub use model::{ChannelDatatype, ColorModel, Encoding, ImageFormat, PixelFormat};
pub use options::{
    ChannelOrder, ChromaFilter, Colormap, DecodeOptions, InputTransfer, Options, OutputTransfer,
    OutputType, RangeMode, YuvMatrix, YuvRange,
};
pub use output::{Output, OutputElement, Strided};
pub use view::{ImageView, Plane, Sample};

/// The version of the loaded library ("0.2.0").
pub fn version() -> &'static str {
    // SAFETY: pixconv_version_string returns a static NUL-terminated string.
    let version = unsafe { std::ffi::CStr::from_ptr(sys::pixconv_version_string()) };
    version.to_str().unwrap_or("unknown")
}
