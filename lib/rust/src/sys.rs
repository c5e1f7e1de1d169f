//! The raw C ABI of `pixconv/pixconv.h`, declared by hand: every struct, constant and function,
//! with the header's names. Everything here is `unsafe` to call; the rest of the crate wraps it.
//! `tests/layout.rs` checks these declarations against the header (sizes, alignments, field
//! offsets and constant values, printed by a C program compiled from it).
#![allow(non_camel_case_types)]
#![allow(missing_docs)] // documented by pixconv.h

use std::os::raw::{c_char, c_void};

pub type pixconv_status = i32;

/// Declares `pub const NAME: TYPE = VALUE;` for each constant, and `CONSTANTS`, the list of
/// all of them by name, which the layout test compares with the header.
macro_rules! constants {
    ($($name:ident: $ty:ty = $value:expr,)*) => {
        $(pub const $name: $ty = $value;)*
        /// Every constant above, as (name, value).
        pub const CONSTANTS: &[(&str, i64)] = &[$((stringify!($name), $name as i64),)*];
    };
}

constants! {
    PIXCONV_OK: pixconv_status = 0,
    PIXCONV_ERROR_INVALID_ARGUMENT: pixconv_status = 1,
    PIXCONV_ERROR_UNKNOWN_ENUM: pixconv_status = 2,
    PIXCONV_ERROR_BAD_DIMENSIONS: pixconv_status = 3,
    PIXCONV_ERROR_SIZE_OVERFLOW: pixconv_status = 4,
    PIXCONV_ERROR_BUFFER_TOO_SMALL: pixconv_status = 5,
    PIXCONV_ERROR_BAD_STRIDE: pixconv_status = 6,
    PIXCONV_ERROR_MISMATCH: pixconv_status = 7,
    PIXCONV_ERROR_UNSUPPORTED: pixconv_status = 8,
    PIXCONV_ERROR_CORRUPT_DATA: pixconv_status = 9,
    PIXCONV_ERROR_LIMIT_EXCEEDED: pixconv_status = 10,
    PIXCONV_ERROR_IO: pixconv_status = 11,

    PIXCONV_DATATYPE_U8: u32 = 6,
    PIXCONV_DATATYPE_I8: u32 = 7,
    PIXCONV_DATATYPE_U16: u32 = 8,
    PIXCONV_DATATYPE_I16: u32 = 9,
    PIXCONV_DATATYPE_U32: u32 = 10,
    PIXCONV_DATATYPE_I32: u32 = 11,
    PIXCONV_DATATYPE_U64: u32 = 12,
    PIXCONV_DATATYPE_I64: u32 = 13,
    PIXCONV_DATATYPE_F16: u32 = 33,
    PIXCONV_DATATYPE_F32: u32 = 34,
    PIXCONV_DATATYPE_F64: u32 = 35,

    PIXCONV_COLOR_MODEL_L: u32 = 1,
    PIXCONV_COLOR_MODEL_RGB: u32 = 2,
    PIXCONV_COLOR_MODEL_RGBA: u32 = 3,
    PIXCONV_COLOR_MODEL_BGR: u32 = 4,
    PIXCONV_COLOR_MODEL_BGRA: u32 = 5,

    PIXCONV_PIXEL_FORMAT_NONE: u32 = 0,
    PIXCONV_PIXEL_FORMAT_Y_U_V12_LIMITED_RANGE: u32 = 20,
    PIXCONV_PIXEL_FORMAT_NV12: u32 = 26,
    PIXCONV_PIXEL_FORMAT_YUY2: u32 = 27,
    PIXCONV_PIXEL_FORMAT_Y8_FULL_RANGE: u32 = 30,
    PIXCONV_PIXEL_FORMAT_Y_U_V24_LIMITED_RANGE: u32 = 39,
    PIXCONV_PIXEL_FORMAT_Y_U_V24_FULL_RANGE: u32 = 40,
    PIXCONV_PIXEL_FORMAT_Y8_LIMITED_RANGE: u32 = 41,
    PIXCONV_PIXEL_FORMAT_Y_U_V12_FULL_RANGE: u32 = 44,
    PIXCONV_PIXEL_FORMAT_Y_U_V16_LIMITED_RANGE: u32 = 49,
    PIXCONV_PIXEL_FORMAT_Y_U_V16_FULL_RANGE: u32 = 50,

    PIXCONV_OUTPUT_RGBA8: u32 = 0,
    PIXCONV_OUTPUT_RGBAF32: u32 = 1,
    PIXCONV_ORDER_RGBA: u32 = 0,
    PIXCONV_ORDER_BGRA: u32 = 1,
    PIXCONV_RANGE_AUTO: u32 = 0,
    PIXCONV_RANGE_DATATYPE: u32 = 1,
    PIXCONV_RANGE_EXPLICIT: u32 = 2,
    PIXCONV_RANGE_DEPTH: u32 = 3,
    PIXCONV_INPUT_TRANSFER_SRGB: u32 = 0,
    PIXCONV_INPUT_TRANSFER_LINEAR: u32 = 1,
    PIXCONV_INPUT_TRANSFER_AUTO: u32 = 2,
    PIXCONV_OUTPUT_TRANSFER_DEFAULT: u32 = 0,
    PIXCONV_OUTPUT_TRANSFER_SRGB: u32 = 1,
    PIXCONV_OUTPUT_TRANSFER_LINEAR: u32 = 2,
    PIXCONV_YUV_MATRIX_DEFAULT: u32 = 0,
    PIXCONV_YUV_MATRIX_BT601: u32 = 1,
    PIXCONV_YUV_MATRIX_BT709: u32 = 2,
    PIXCONV_YUV_MATRIX_BT2020: u32 = 3,
    PIXCONV_YUV_RANGE_DEFAULT: u32 = 0,
    PIXCONV_YUV_RANGE_LIMITED: u32 = 1,
    PIXCONV_YUV_RANGE_FULL: u32 = 2,
    PIXCONV_CHROMA_NEAREST: u32 = 0,
    PIXCONV_CHROMA_BILINEAR: u32 = 1,
    PIXCONV_COLORMAP_NONE: u32 = 0,
    PIXCONV_COLORMAP_GRAYSCALE: u32 = 1,
    PIXCONV_COLORMAP_INFERNO: u32 = 2,
    PIXCONV_COLORMAP_MAGMA: u32 = 3,
    PIXCONV_COLORMAP_PLASMA: u32 = 4,
    PIXCONV_COLORMAP_TURBO: u32 = 5,
    PIXCONV_COLORMAP_VIRIDIS: u32 = 6,
    PIXCONV_COLORMAP_CYAN_TO_YELLOW: u32 = 7,
    PIXCONV_COLORMAP_SPECTRAL: u32 = 8,
    PIXCONV_COLORMAP_TWILIGHT: u32 = 9,

    PIXCONV_CODEC_UNKNOWN: u32 = 0,
    PIXCONV_CODEC_JPEG: u32 = 1,
    PIXCONV_CODEC_PNG: u32 = 2,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct pixconv_image_format {
    pub width: u32,
    pub height: u32,
    pub pixel_format: u32,
    pub color_model: u32,
    pub channel_datatype: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pixconv_plane {
    pub data: *const c_void,
    pub size: usize,
    pub stride: usize,
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pixconv_image {
    pub format: pixconv_image_format,
    pub planes: [pixconv_plane; 3],
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pixconv_output {
    pub data: *mut c_void,
    pub size: usize,
    pub stride: usize,
}

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pixconv_convert_options {
    pub struct_size: u32,
    pub output_type: u32,
    pub channel_order: u32,
    pub range_mode: u32,
    pub range_lo: f64,
    pub range_hi: f64,
    pub input_transfer: u32,
    pub output_transfer: u32,
    pub premultiply: u32,
    pub yuv_matrix: u32,
    pub yuv_range: u32,
    pub chroma_filter: u32,
    pub colormap: u32,
    pub segmentation: u32,
    pub class_colors: *const u8,
    pub class_color_count: usize,
    pub clamp: u32,
}

pub type pixconv_task_fn = Option<unsafe extern "C" fn(task_data: *mut c_void, index: u32)>;

#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct pixconv_task_runner {
    pub run: Option<
        unsafe extern "C" fn(
            runner_data: *mut c_void,
            count: u32,
            task: pixconv_task_fn,
            task_data: *mut c_void,
        ),
    >,
    pub runner_data: *mut c_void,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct pixconv_decode_options {
    pub struct_size: u32,
    pub max_jpeg_scans: u32,
    pub max_pixels: u64,
}

#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct pixconv_image_info {
    pub codec: u32,
    pub bit_depth: u32,
    pub format: pixconv_image_format,
}

extern "C" {
    pub fn pixconv_version() -> u32;
    pub fn pixconv_version_string() -> *const c_char;
    pub fn pixconv_last_error() -> *const c_char;
    pub fn pixconv_status_name(status: pixconv_status) -> *const c_char;

    pub fn pixconv_buffer_size(
        format: *const pixconv_image_format,
        strides: *const usize,
        size: *mut usize,
    ) -> pixconv_status;
    pub fn pixconv_output_size(
        width: u32,
        height: u32,
        output_type: u32,
        stride: usize,
        size: *mut usize,
    ) -> pixconv_status;
    pub fn pixconv_validate_image(image: *const pixconv_image) -> pixconv_status;

    pub fn pixconv_convert_options_init(options: *mut pixconv_convert_options);
    pub fn pixconv_convert_options_init_size(
        options: *mut pixconv_convert_options,
        struct_size: usize,
    );
    pub fn pixconv_convert(
        image: *const pixconv_image,
        output: *const pixconv_output,
        options: *const pixconv_convert_options,
    ) -> pixconv_status;
    pub fn pixconv_convert_parallel(
        image: *const pixconv_image,
        output: *const pixconv_output,
        options: *const pixconv_convert_options,
        threads: u32,
    ) -> pixconv_status;
    pub fn pixconv_convert_with_runner(
        image: *const pixconv_image,
        output: *const pixconv_output,
        options: *const pixconv_convert_options,
        runner: *const pixconv_task_runner,
        bands: u32,
    ) -> pixconv_status;

    pub fn pixconv_decode_options_init(options: *mut pixconv_decode_options);
    pub fn pixconv_decode_options_init_size(options: *mut pixconv_decode_options, struct_size: usize);
    pub fn pixconv_read_image_info(
        data: *const c_void,
        size: usize,
        options: *const pixconv_decode_options,
        info: *mut pixconv_image_info,
    ) -> pixconv_status;
    pub fn pixconv_decode_into(
        data: *const c_void,
        size: usize,
        output: *const pixconv_output,
        options: *const pixconv_decode_options,
    ) -> pixconv_status;
    pub fn pixconv_decode_and_convert_into(
        data: *const c_void,
        size: usize,
        output: *const pixconv_output,
        convert_options: *const pixconv_convert_options,
        decode_options: *const pixconv_decode_options,
    ) -> pixconv_status;
}
