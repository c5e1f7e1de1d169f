//! Decoding the repository's corpora (tests/data/pngsuite, tests/data/libjpeg-turbo): the
//! safe API gives the C ABI's header information, pixels and converted pixels, and the same
//! errors for the corrupt files.
mod common;

use std::os::raw::c_void;
use std::path::Path;
use std::ptr;

use common::{bits, outcome};
use pixconv::sys;
use pixconv::{
    convert, decode, decode_and_convert, read_info, Codec, DecodeOptions, Options, RangeMode,
};

/// Decodes `file` through the raw ABI: the info and pixels, or the error.
fn raw_decode(data: &[u8]) -> Result<(sys::pixconv_image_info, Vec<u8>), (i32, String)> {
    let mut info = sys::pixconv_image_info::default();
    // SAFETY: `data` and `info` outlive the call.
    outcome(unsafe {
        sys::pixconv_read_image_info(
            data.as_ptr() as *const c_void,
            data.len(),
            ptr::null(),
            &mut info,
        )
    })?;
    let mut size = 0usize;
    // SAFETY: as above.
    outcome(unsafe { sys::pixconv_buffer_size(&info.format, ptr::null(), &mut size) })?;
    let mut pixels = vec![0u8; size];
    let output = sys::pixconv_output { data: pixels.as_mut_ptr() as *mut c_void, size, stride: 0 };
    // SAFETY: as above.
    outcome(unsafe {
        sys::pixconv_decode_into(data.as_ptr() as *const c_void, data.len(), &output, ptr::null())
    })?;
    Ok((info, pixels))
}

/// decode_and_convert_into through the raw ABI, to RGBA8 and RGBA f32.
fn raw_decode_and_convert(
    data: &[u8],
    info: &sys::pixconv_image_info,
    range_mode: u32,
) -> (Vec<u8>, Vec<f32>) {
    let pixels = info.format.width as usize * info.format.height as usize;
    let mut rgba8 = vec![0u8; pixels * 4];
    let mut rgba32 = vec![0f32; pixels * 4];
    let mut options = common::raw_options(sys::PIXCONV_OUTPUT_RGBA8);
    options.range_mode = range_mode;
    let output = sys::pixconv_output {
        data: rgba8.as_mut_ptr() as *mut c_void,
        size: rgba8.len(),
        stride: 0,
    };
    // SAFETY: every buffer outlives the call.
    outcome(unsafe {
        sys::pixconv_decode_and_convert_into(
            data.as_ptr() as *const c_void,
            data.len(),
            &output,
            &options,
            ptr::null(),
        )
    })
    .unwrap();
    options.output_type = sys::PIXCONV_OUTPUT_RGBAF32;
    let output = sys::pixconv_output {
        data: rgba32.as_mut_ptr() as *mut c_void,
        size: rgba32.len() * 4,
        stride: 0,
    };
    // SAFETY: as above.
    outcome(unsafe {
        sys::pixconv_decode_and_convert_into(
            data.as_ptr() as *const c_void,
            data.len(),
            &output,
            &options,
            ptr::null(),
        )
    })
    .unwrap();
    (rgba8, rgba32)
}

/// Decodes one file both ways and compares everything; returns whether it decoded.
fn check_file(path: &Path) -> bool {
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let data = std::fs::read(path).unwrap();
    let defaults = DecodeOptions::default();
    let raw = raw_decode(&data);
    let safe = decode(&data, &defaults);
    let (raw_info, raw_pixels) = match raw {
        Err(c) => {
            let error = safe.expect_err(&name);
            assert_eq!((error.status(), error.message().to_string()), c, "{}", name);
            return false;
        }
        Ok(raw) => raw,
    };
    let image = safe.unwrap_or_else(|e| panic!("{}: {}", name, e));
    let info = read_info(&data, &defaults).unwrap();
    assert_eq!(image.info, info, "{}", name);
    assert_eq!(u8::from(info.codec) as u32, raw_info.codec, "{}", name);
    assert_eq!(info.bit_depth, raw_info.bit_depth, "{}", name);
    assert_eq!(info.format.width, raw_info.format.width, "{}", name);
    assert_eq!(info.format.height, raw_info.format.height, "{}", name);
    assert_eq!(image.pixels, raw_pixels, "{}", name);

    // Decode-and-convert: Datatype range, so 16-bit files need no data-dependent range.
    let options = Options { range: RangeMode::Datatype, ..Options::default() };
    let rgba8 = decode_and_convert::<u8>(&data, &options, &defaults).unwrap();
    let rgba32 = decode_and_convert::<f32>(&data, &options, &defaults).unwrap();
    let (c8, c32) = raw_decode_and_convert(&data, &raw_info, sys::PIXCONV_RANGE_DATATYPE);
    assert_eq!(rgba8.pixels, c8, "{}", name);
    assert_eq!(bits(&rgba32.pixels), bits(&c32), "{}", name);
    assert_eq!((rgba8.width, rgba8.height), (info.format.width, info.format.height));

    // And equal to decode, then convert (the library's promise, through the safe API).
    let mut converted = vec![0u8; info.format.rgba8_size().unwrap()];
    convert(&image.view().unwrap(), &mut converted, &options).unwrap();
    assert_eq!(converted, rgba8.pixels, "{}", name);
    true
}

#[test]
fn every_pngsuite_file_decodes_as_through_the_c_abi() {
    let files = common::corpus("pngsuite/png", "png");
    let mut decoded = 0;
    let mut failed = Vec::new();
    for path in &files {
        if check_file(path) {
            decoded += 1;
        } else {
            failed.push(path.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    // PngSuite's corrupt files are the ones named x*; every other file decodes.
    assert!(failed.iter().all(|name| name.starts_with('x')), "{:?}", failed);
    assert!(!failed.is_empty(), "no corrupt file found");
    assert!(decoded > 150, "{} decoded", decoded);
}

#[test]
fn every_libjpeg_turbo_file_decodes_as_through_the_c_abi() {
    let files = common::corpus("libjpeg-turbo", "jpg");
    for path in &files {
        let data = std::fs::read(path).unwrap();
        if path.ends_with("monkey12.jpg") {
            // 12-bit JPEG: libjpeg-turbo 2.x decodes 8-bit JPEGs only.
            assert!(!check_file(path));
            let error = read_info(&data, &DecodeOptions::default()).unwrap_err();
            assert_eq!(error.kind(), pixconv::ErrorKind::Unsupported, "{}", error);
            continue;
        }
        assert!(check_file(path), "{}", path.display());
        assert_eq!(read_info(&data, &DecodeOptions::default()).unwrap().codec, Codec::Jpeg);
    }
    for path in common::corpus("libjpeg-turbo", "png") {
        assert!(check_file(&path), "{}", path.display());
    }
}
