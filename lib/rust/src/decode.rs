//! Decoding JPEG and PNG files (lib/README.md section 5): the header's information, the
//! image in the model, or the image converted to RGBA8 / RGBA f32 in one call.
use std::os::raw::c_void;

use crate::enums::from_raw;
use crate::error::{check, Error};
use crate::model::{output_size, ImageFormat};
use crate::options::{DecodeOptions, Options};
use crate::output::{Output, OutputElement};
use crate::sys;
use crate::view::ImageView;

c_enum! {
    /// The kind of an encoded file, detected from its first bytes.
    Codec ("codec") {
        Unknown = sys::PIXCONV_CODEC_UNKNOWN,
        Jpeg = sys::PIXCONV_CODEC_JPEG,
        Png = sys::PIXCONV_CODEC_PNG,
    }
}

/// What a file holds, from its header alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    /// JPEG or PNG.
    pub codec: Codec,
    /// Bits per sample in the file (PNG 1 to 16, per palette index for palette images; JPEG 8).
    pub bit_depth: u32,
    /// The image [`decode`] produces: packed rows of a color model and datatype.
    pub format: ImageFormat,
}

/// A decoded image that owns its samples: packed rows of `info.format`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedImage {
    /// The file's header information, `info.format` the pixels' format.
    pub info: ImageInfo,
    /// The samples, in native byte order.
    pub pixels: Vec<u8>,
}

impl DecodedImage {
    /// A view over the pixels, to convert them.
    pub fn view(&self) -> Result<ImageView<'_>, Error> {
        ImageView::new(self.info.format, &self.pixels)
    }
}

/// An image converted to RGBA8 (`T = u8`) or RGBA f32 (`T = f32`): packed rows of
/// `width * 4` elements.
#[derive(Clone, Debug, PartialEq)]
pub struct RgbaImage<T> {
    /// Pixels per row.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// `width * height * 4` elements: R, G, B, A (or B, G, R, A) per pixel.
    pub pixels: Vec<T>,
}

/// Reads the header of a JPEG or PNG file. Errors: `Unsupported` (not JPEG / PNG, 12-bit
/// JPEG), `CorruptData`, `BadDimensions`, `LimitExceeded` (above `options.max_pixels`).
pub fn read_info(data: &[u8], options: &DecodeOptions) -> Result<ImageInfo, Error> {
    let raw_options = options.to_raw();
    let mut info = sys::pixconv_image_info::default();
    // SAFETY: `data` is readable for its length; `info` is writable.
    check(unsafe {
        sys::pixconv_read_image_info(
            data.as_ptr() as *const c_void,
            data.len(),
            &raw_options,
            &mut info,
        )
    })?;
    Ok(ImageInfo {
        codec: from_raw(info.codec, "codec")?,
        bit_depth: info.bit_depth,
        format: ImageFormat::from_raw(&info.format)?,
    })
}

/// Decodes a JPEG or PNG file into a new image. Errors: those of [`read_info`] and
/// `CorruptData` for damaged image data.
pub fn decode(data: &[u8], options: &DecodeOptions) -> Result<DecodedImage, Error> {
    let info = read_info(data, options)?;
    let mut pixels = vec![0u8; info.format.buffer_size()?];
    decode_into(data, &mut pixels, 0, options)?;
    Ok(DecodedImage { info, pixels })
}

/// Decodes into caller memory holding [`read_info`]'s format, rows `row_stride` bytes apart
/// (0 = packed). On error `out` holds partial output. Errors: those of [`decode`],
/// `BufferTooSmall` and `BadStride`.
pub fn decode_into(
    data: &[u8],
    out: &mut [u8],
    row_stride: usize,
    options: &DecodeOptions,
) -> Result<(), Error> {
    let raw_out = sys::pixconv_output {
        data: out.as_mut_ptr() as *mut c_void,
        size: out.len(),
        stride: row_stride,
    };
    let raw_options = options.to_raw();
    // SAFETY: `data` is readable and `out` writable for their lengths.
    check(unsafe {
        sys::pixconv_decode_into(data.as_ptr() as *const c_void, data.len(), &raw_out, &raw_options)
    })
}

/// Decodes and converts in one call into `out` (RGBA8 for `u8`, RGBA f32 for `f32`), with
/// the bytes [`convert`](crate::convert) would write from [`decode`]'s image. Errors: those
/// of [`decode`] and [`convert`](crate::convert).
pub fn decode_and_convert_into<O: Output + ?Sized>(
    data: &[u8],
    out: &mut O,
    options: &Options,
    decode_options: &DecodeOptions,
) -> Result<(), Error> {
    let raw_options = options.to_raw(out.output_type());
    let raw_out = out.raw_output();
    let raw_decode = decode_options.to_raw();
    // SAFETY: `data` is readable for its length; `raw_out` is the exclusive borrow of `out`;
    // `raw_options` borrows `options.class_colors`.
    check(unsafe {
        sys::pixconv_decode_and_convert_into(
            data.as_ptr() as *const c_void,
            data.len(),
            &raw_out,
            &raw_options,
            &raw_decode,
        )
    })
}

/// Decodes and converts into a new RGBA8 (`T = u8`) or RGBA f32 (`T = f32`) image, e.g.
/// `decode_and_convert::<u8>(&bytes, &Options::default(), &DecodeOptions::default())`.
pub fn decode_and_convert<T: OutputElement + Default>(
    data: &[u8],
    options: &Options,
    decode_options: &DecodeOptions,
) -> Result<RgbaImage<T>, Error> {
    let format = read_info(data, decode_options)?.format;
    let bytes = output_size(format.width, format.height, T::OUTPUT_TYPE.raw(), 0)?;
    let mut pixels = vec![T::default(); bytes / std::mem::size_of::<T>()];
    decode_and_convert_into(data, &mut pixels, options, decode_options)?;
    Ok(RgbaImage { width: format.width, height: format.height, pixels })
}
