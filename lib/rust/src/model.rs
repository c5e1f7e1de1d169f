//! The image model (lib/README.md section 1): Rerun's datatypes, color models and pixel
//! formats with Rerun's numbers, and `ImageFormat`, an image's shape and sample layout.
use crate::enums::from_raw;
use crate::error::{check, Error};
use crate::sys;

c_enum! {
    /// The type of one sample (Rerun's `ChannelDatatype`).
    #[non_exhaustive]
    ChannelDatatype ("channel datatype") {
        U8 = sys::PIXCONV_DATATYPE_U8,
        I8 = sys::PIXCONV_DATATYPE_I8,
        U16 = sys::PIXCONV_DATATYPE_U16,
        I16 = sys::PIXCONV_DATATYPE_I16,
        U32 = sys::PIXCONV_DATATYPE_U32,
        I32 = sys::PIXCONV_DATATYPE_I32,
        U64 = sys::PIXCONV_DATATYPE_U64,
        I64 = sys::PIXCONV_DATATYPE_I64,
        /// IEEE half precision, stored as `u16` bit patterns.
        F16 = sys::PIXCONV_DATATYPE_F16,
        F32 = sys::PIXCONV_DATATYPE_F32,
        F64 = sys::PIXCONV_DATATYPE_F64,
    }
}

c_enum! {
    /// The channels of an interleaved image (Rerun's `ColorModel`).
    #[non_exhaustive]
    ColorModel ("color model") {
        L = sys::PIXCONV_COLOR_MODEL_L,
        RGB = sys::PIXCONV_COLOR_MODEL_RGB,
        RGBA = sys::PIXCONV_COLOR_MODEL_RGBA,
        BGR = sys::PIXCONV_COLOR_MODEL_BGR,
        BGRA = sys::PIXCONV_COLOR_MODEL_BGRA,
    }
}

c_enum! {
    /// A YUV or luma layout of 8-bit samples (Rerun's `PixelFormat`, same variant names).
    #[non_exhaustive]
    #[allow(non_camel_case_types)]
    PixelFormat ("pixel format") {
        /// I420.
        Y_U_V12_LimitedRange = sys::PIXCONV_PIXEL_FORMAT_Y_U_V12_LIMITED_RANGE,
        NV12 = sys::PIXCONV_PIXEL_FORMAT_NV12,
        YUY2 = sys::PIXCONV_PIXEL_FORMAT_YUY2,
        Y8_FullRange = sys::PIXCONV_PIXEL_FORMAT_Y8_FULL_RANGE,
        /// I444.
        Y_U_V24_LimitedRange = sys::PIXCONV_PIXEL_FORMAT_Y_U_V24_LIMITED_RANGE,
        Y_U_V24_FullRange = sys::PIXCONV_PIXEL_FORMAT_Y_U_V24_FULL_RANGE,
        Y8_LimitedRange = sys::PIXCONV_PIXEL_FORMAT_Y8_LIMITED_RANGE,
        Y_U_V12_FullRange = sys::PIXCONV_PIXEL_FORMAT_Y_U_V12_FULL_RANGE,
        /// I422.
        Y_U_V16_LimitedRange = sys::PIXCONV_PIXEL_FORMAT_Y_U_V16_LIMITED_RANGE,
        Y_U_V16_FullRange = sys::PIXCONV_PIXEL_FORMAT_Y_U_V16_FULL_RANGE,
    }
}

/// How an image's samples are laid out: a pixel format, or a color model with a datatype.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// A YUV or luma layout (planes as the pixel format defines them).
    Pixel(PixelFormat),
    /// Interleaved channels of `model`, each sample a `datatype`.
    Color {
        /// The channels.
        model: ColorModel,
        /// The type of each sample.
        datatype: ChannelDatatype,
    },
}

/// An image's width, height and sample layout (the C ABI's `pixconv_image_format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImageFormat {
    /// Pixels per row.
    pub width: u32,
    /// Rows.
    pub height: u32,
    /// How the samples are laid out.
    pub encoding: Encoding,
}

impl ImageFormat {
    /// An interleaved image of `model` channels of `datatype` samples.
    pub fn color(width: u32, height: u32, model: ColorModel, datatype: ChannelDatatype) -> Self {
        ImageFormat { width, height, encoding: Encoding::Color { model, datatype } }
    }

    /// An image in a pixel format.
    pub fn pixel(width: u32, height: u32, pixel_format: PixelFormat) -> Self {
        ImageFormat { width, height, encoding: Encoding::Pixel(pixel_format) }
    }

    /// The format of a Rerun `Image` from its fields: the resolution and the raw numbers of
    /// its optional `pixel_format`, `color_model` and `channel_datatype`. As in Rerun, a pixel
    /// format wins over the other two, and those default to L and U8.
    /// Errors: `UnknownEnum` for a number Rerun does not define.
    pub fn from_rerun(
        [width, height]: [u32; 2],
        pixel_format: Option<u8>,
        color_model: Option<u8>,
        channel_datatype: Option<u8>,
    ) -> Result<Self, Error> {
        if let Some(pixel_format) = pixel_format {
            return Ok(ImageFormat::pixel(width, height, PixelFormat::try_from(pixel_format)?));
        }
        let model = color_model.map_or(Ok(ColorModel::L), ColorModel::try_from)?;
        let datatype =
            channel_datatype.map_or(Ok(ChannelDatatype::U8), ChannelDatatype::try_from)?;
        Ok(ImageFormat::color(width, height, model, datatype))
    }

    /// Bytes of one buffer holding every plane with packed rows: the size Rerun expects.
    /// Errors: `BadDimensions`, `SizeOverflow`.
    pub fn buffer_size(&self) -> Result<usize, Error> {
        self.buffer_size_with_strides([0; 3])
    }

    /// Bytes of one buffer holding every plane, plane `p`'s rows `strides[p]` bytes apart
    /// (0 = packed). Errors: those of [`buffer_size`](Self::buffer_size), `BadStride`.
    pub fn buffer_size_with_strides(&self, strides: [usize; 3]) -> Result<usize, Error> {
        let raw = self.to_raw();
        let mut size = 0usize;
        // SAFETY: all three pointers are valid for the call; strides has 3 elements.
        check(unsafe { sys::pixconv_buffer_size(&raw, strides.as_ptr(), &mut size) })?;
        Ok(size)
    }

    /// Bytes of the packed RGBA8 conversion of this image (width * height * 4).
    pub fn rgba8_size(&self) -> Result<usize, Error> {
        output_size(self.width, self.height, sys::PIXCONV_OUTPUT_RGBA8, 0)
    }

    /// `f32`s of the packed RGBA f32 conversion of this image (width * height * 4).
    pub fn rgba_f32_len(&self) -> Result<usize, Error> {
        Ok(output_size(self.width, self.height, sys::PIXCONV_OUTPUT_RGBAF32, 0)? / 4)
    }

    pub(crate) fn to_raw(self) -> sys::pixconv_image_format {
        let (pixel_format, color_model, channel_datatype) = match self.encoding {
            Encoding::Pixel(f) => (f.raw(), sys::PIXCONV_COLOR_MODEL_L, sys::PIXCONV_DATATYPE_U8),
            Encoding::Color { model, datatype } => {
                (sys::PIXCONV_PIXEL_FORMAT_NONE, model.raw(), datatype.raw())
            }
        };
        sys::pixconv_image_format {
            width: self.width,
            height: self.height,
            pixel_format,
            color_model,
            channel_datatype,
        }
    }

    pub(crate) fn from_raw(raw: &sys::pixconv_image_format) -> Result<Self, Error> {
        if raw.pixel_format != sys::PIXCONV_PIXEL_FORMAT_NONE {
            let f = from_raw(raw.pixel_format, "pixel format")?;
            return Ok(ImageFormat::pixel(raw.width, raw.height, f));
        }
        let model = from_raw(raw.color_model, "color model")?;
        let datatype = from_raw(raw.channel_datatype, "channel datatype")?;
        Ok(ImageFormat::color(raw.width, raw.height, model, datatype))
    }
}

/// Bytes a destination of this shape needs (`pixconv_output_size`).
pub(crate) fn output_size(
    width: u32,
    height: u32,
    output_type: u32,
    stride: usize,
) -> Result<usize, Error> {
    let mut size = 0usize;
    // SAFETY: `size` is valid for writing.
    check(unsafe { sys::pixconv_output_size(width, height, output_type, stride, &mut size) })?;
    Ok(size)
}
