//! Helpers shared by the integration tests: deterministic sample bytes, the test corpora,
//! and conversions through the raw C ABI (`pixconv::sys`) to compare the safe API with.
#![allow(dead_code)]

use std::ffi::CStr;
use std::os::raw::c_void;
use std::path::PathBuf;
use std::ptr;

use pixconv::sys;

/// `len` pseudo-random bytes (a 64-bit LCG), the same for the same seed.
pub fn bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 56) as u8
        })
        .collect()
}

/// tests/data/<path> of the repository.
pub fn data_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/data").join(path)
}

/// The files of tests/data/<dir> ending in `extension`, sorted.
pub fn corpus(dir: &str, extension: &str) -> Vec<PathBuf> {
    let root = data_file(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {}", root.display(), e))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().map_or(false, |e| e == extension))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .{} files in {}", extension, root.display());
    files
}

/// The status of a raw call and this thread's message after it.
pub fn outcome(status: sys::pixconv_status) -> Result<(), (i32, String)> {
    if status == sys::PIXCONV_OK {
        return Ok(());
    }
    // SAFETY: a NUL-terminated thread-local string, read right after the call.
    let message = unsafe { CStr::from_ptr(sys::pixconv_last_error()) };
    Err((status, message.to_string_lossy().into_owned()))
}

/// A raw image over one buffer with packed rows.
pub fn raw_image(format: sys::pixconv_image_format, data: &[u8]) -> sys::pixconv_image {
    let none = sys::pixconv_plane { data: ptr::null(), size: 0, stride: 0 };
    let mut image = sys::pixconv_image { format, planes: [none; 3] };
    image.planes[0] =
        sys::pixconv_plane { data: data.as_ptr() as *const c_void, size: data.len(), stride: 0 };
    image
}

/// Options from `pixconv_convert_options_init` with `output_type` set.
pub fn raw_options(output_type: u32) -> sys::pixconv_convert_options {
    let mut options = std::mem::MaybeUninit::uninit();
    // SAFETY: given the whole struct's size, the init function writes every field.
    let mut options: sys::pixconv_convert_options = unsafe {
        sys::pixconv_convert_options_init_size(
            options.as_mut_ptr(),
            std::mem::size_of::<sys::pixconv_convert_options>(),
        );
        options.assume_init()
    };
    options.output_type = output_type;
    options
}

/// pixconv_convert through the raw ABI into `out`.
pub fn raw_convert<T>(
    image: &sys::pixconv_image,
    out: &mut [T],
    options: &sys::pixconv_convert_options,
) -> Result<(), (i32, String)> {
    let output = sys::pixconv_output {
        data: out.as_mut_ptr() as *mut c_void,
        size: std::mem::size_of_val(out),
        stride: 0,
    };
    // SAFETY: the image's memory is borrowed by the caller, `out` is writable.
    outcome(unsafe { sys::pixconv_convert(image, &output, options) })
}

/// The bits of f32s, so NaNs compare equal to themselves.
pub fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}
