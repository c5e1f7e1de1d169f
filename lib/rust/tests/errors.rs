//! Failures come back as `Err` with the library's status and message (the message the raw
//! C ABI reports for the same input), never as a panic or out-of-bounds access.
mod common;

use common::{bytes, outcome, raw_image};
use pixconv::sys;
use pixconv::{
    convert, decode, ChannelDatatype, ColorModel, Colormap, DecodeOptions, ErrorKind, ImageFormat,
    ImageView, Options, PixelFormat, Plane, RangeMode,
};

#[test]
fn a_short_buffer_is_buffer_too_small_with_the_librarys_message() {
    let format = ImageFormat::pixel(1920, 1080, PixelFormat::NV12);
    let data = vec![0u8; 3_110_000];
    let error = ImageView::new(format, &data).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BufferTooSmall);
    assert_eq!(error.status(), sys::PIXCONV_ERROR_BUFFER_TOO_SMALL);
    assert!(error.message().contains("3110400"), "{}", error);
    assert!(error.message().contains("3110000"), "{}", error);
    assert!(error.message().starts_with("buffer too small: "), "{}", error);

    // The same input through the raw ABI reports the same message.
    let raw = raw_image(
        sys::pixconv_image_format {
            width: 1920,
            height: 1080,
            pixel_format: 26,
            color_model: 1,
            channel_datatype: 6,
        },
        &data,
    );
    // SAFETY: `data` outlives the call.
    let c = outcome(unsafe { sys::pixconv_validate_image(&raw) }).unwrap_err();
    assert_eq!(c, (error.status(), error.message().to_string()));
    assert_eq!(error.to_string(), error.message());
}

#[test]
fn a_short_destination_is_buffer_too_small() {
    let format = ImageFormat::color(4, 4, ColorModel::RGB, ChannelDatatype::U8);
    let data = bytes(48, 1);
    let view = ImageView::new(format, &data).unwrap();
    let mut rgba = vec![0u8; 63];
    let error = convert(&view, &mut rgba, &Options::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BufferTooSmall, "{}", error);
    assert!(error.message().contains("64"), "{}", error);
    let mut rgba32 = vec![0f32; 63];
    let error = convert(&view, &mut rgba32, &Options::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BufferTooSmall, "{}", error);
    assert!(error.message().contains("256"), "{}", error);
}

#[test]
fn a_stride_shorter_than_the_row_is_bad_stride() {
    let format = ImageFormat::color(10, 10, ColorModel::RGB, ChannelDatatype::U8);
    let data = vec![0u8; 300];
    let error = ImageView::with_strides(format, &data, [20, 0, 0]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadStride, "{}", error);
    let error = ImageView::from_planes(format, &[Plane { data: &data, stride: 29 }]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadStride, "{}", error);
    let error = format.buffer_size_with_strides([29, 0, 0]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BadStride, "{}", error);
}

#[test]
fn zero_and_huge_dimensions_are_bad_dimensions() {
    for (w, h) in [(0, 10), (10, 0), (1 << 25, 1)] {
        let format = ImageFormat::color(w, h, ColorModel::L, ChannelDatatype::U8);
        let error = format.buffer_size().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadDimensions, "{}", error);
        let error = ImageView::new(format, &[0u8; 16]).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::BadDimensions, "{}", error);
    }
}

#[test]
fn unknown_rerun_numbers_are_unknown_enum_worded_as_the_library_words_them() {
    let error = PixelFormat::try_from(21).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnknownEnum);
    // The raw ABI's message for the same value.
    let data = [0u8; 64];
    let raw = raw_image(
        sys::pixconv_image_format {
            width: 4,
            height: 4,
            pixel_format: 21,
            color_model: 1,
            channel_datatype: 6,
        },
        &data,
    );
    // SAFETY: `data` outlives the call.
    let c = outcome(unsafe { sys::pixconv_validate_image(&raw) }).unwrap_err();
    assert_eq!(c, (error.status(), error.message().to_string()));

    let error = ImageFormat::from_rerun([4, 4], None, Some(9), None).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnknownEnum);
    assert_eq!(error.message(), "unknown enum value: unknown color model value 9");
    let error = ImageFormat::from_rerun([4, 4], None, None, Some(14)).unwrap_err();
    assert_eq!(error.message(), "unknown enum value: unknown channel datatype value 14");
    assert_eq!(Colormap::try_from(10).unwrap_err().kind(), ErrorKind::UnknownEnum);
    // A pixel format wins over the other two, which default to L and U8.
    assert_eq!(
        ImageFormat::from_rerun([4, 2], Some(26), Some(9), Some(14)).unwrap(),
        ImageFormat::pixel(4, 2, PixelFormat::NV12)
    );
    assert_eq!(
        ImageFormat::from_rerun([4, 2], None, None, None).unwrap(),
        ImageFormat::color(4, 2, ColorModel::L, ChannelDatatype::U8)
    );
}

#[test]
fn options_that_do_not_fit_the_image_are_invalid_argument() {
    let format = ImageFormat::color(4, 4, ColorModel::RGB, ChannelDatatype::U8);
    let data = bytes(48, 2);
    let view = ImageView::new(format, &data).unwrap();
    let mut rgba = vec![0u8; 64];
    let colormap = Options { colormap: Colormap::Turbo, ..Options::default() };
    let error = convert(&view, &mut rgba, &colormap).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument, "{}", error);
    let empty_range =
        Options { range: RangeMode::Explicit, range_lo: 2.0, range_hi: 2.0, ..Options::default() };
    let error = convert(&view, &mut rgba, &empty_range).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument, "{}", error);
    assert!(!error.message().is_empty());
}

#[test]
fn views_check_their_slices_and_plane_counts() {
    let format = ImageFormat::color(2, 2, ColorModel::L, ChannelDatatype::F32);
    let error = ImageView::from_samples(format, &[0u16; 4]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Mismatch, "{}", error);
    assert!(ImageView::from_samples(format, &[0f32; 4]).is_ok());
    let error = ImageView::from_samples(format, &[0f32; 3]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BufferTooSmall, "{}", error);

    let nv12 = ImageFormat::pixel(4, 4, PixelFormat::NV12);
    let y = [0u8; 16];
    let error = ImageView::from_planes(nv12, &[Plane::packed(&y)]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument, "{}", error);
    // An empty plane is a plane of 0 bytes, not a missing one.
    let error = ImageView::from_planes(nv12, &[Plane::packed(&y), Plane::packed(&[])]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BufferTooSmall, "{}", error);
    let error = ImageView::new(nv12, &[]).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BufferTooSmall, "{}", error);
}

#[test]
fn corrupt_files_are_corrupt_data_with_the_librarys_message() {
    let png = std::fs::read(common::corpus("pngsuite/png", "png")[0].clone()).unwrap();
    let truncated = &png[..png.len() - 30];
    let error = decode(truncated, &DecodeOptions::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::CorruptData, "{}", error);
    assert!(error.message().contains("PNG"), "{}", error);

    // The raw ABI's message for the same bytes.
    let info = pixconv::read_info(truncated, &DecodeOptions::default()).unwrap();
    let mut pixels = vec![0u8; info.format.buffer_size().unwrap()];
    let output =
        sys::pixconv_output { data: pixels.as_mut_ptr() as *mut _, size: pixels.len(), stride: 0 };
    // SAFETY: both buffers outlive the call.
    let c = outcome(unsafe {
        sys::pixconv_decode_into(
            truncated.as_ptr() as *const _,
            truncated.len(),
            &output,
            std::ptr::null(),
        )
    })
    .unwrap_err();
    assert_eq!(c, (error.status(), error.message().to_string()));

    let error = decode(b"not an image at all", &DecodeOptions::default()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unsupported, "{}", error);
    let error = decode(&[], &DecodeOptions::default()).unwrap_err();
    assert_ne!(error.status(), sys::PIXCONV_OK);
}

#[test]
fn decode_limits_are_limit_exceeded() {
    let jpeg = std::fs::read(common::data_file("libjpeg-turbo/testorig.jpg")).unwrap();
    let tight = DecodeOptions { max_pixels: 100, ..DecodeOptions::default() };
    let error = decode(&jpeg, &tight).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::LimitExceeded, "{}", error);
}

#[test]
fn errors_are_std_errors_that_question_mark_boxes() {
    fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
        ImageView::new(ImageFormat::color(2, 2, ColorModel::RGB, ChannelDatatype::U8), &[0u8; 3])?;
        Ok(())
    }
    let error = run().unwrap_err();
    assert!(error.to_string().starts_with("buffer too small: "), "{}", error);
}
