//! `Error`: a failed pixconv call's status code and the library's message.
use std::ffi::CStr;
use std::fmt;

use crate::sys;

/// The kind of failure: the C ABI's `PIXCONV_ERROR_*` codes (same numbers, see
/// [`Error::status`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An option or argument that makes no sense.
    InvalidArgument,
    /// A datatype, color model or pixel format value Rerun does not define.
    UnknownEnum,
    /// Zero width or height, or above 2^24.
    BadDimensions,
    /// Size arithmetic would overflow `usize`.
    SizeOverflow,
    /// A plane or destination shorter than needed.
    BufferTooSmall,
    /// A row stride shorter than the packed row.
    BadStride,
    /// An image does not match what it is used with.
    Mismatch,
    /// Valid input pixconv does not handle (e.g. 12-bit JPEG).
    Unsupported,
    /// A truncated or malformed JPEG / PNG.
    CorruptData,
    /// Above a caller-set limit (decompression bombs), or out of memory.
    LimitExceeded,
    /// Reading or writing a file failed.
    Io,
    /// A status code this crate does not know (from a newer library).
    Other,
}

impl ErrorKind {
    fn from_status(status: sys::pixconv_status) -> ErrorKind {
        match status {
            sys::PIXCONV_ERROR_INVALID_ARGUMENT => ErrorKind::InvalidArgument,
            sys::PIXCONV_ERROR_UNKNOWN_ENUM => ErrorKind::UnknownEnum,
            sys::PIXCONV_ERROR_BAD_DIMENSIONS => ErrorKind::BadDimensions,
            sys::PIXCONV_ERROR_SIZE_OVERFLOW => ErrorKind::SizeOverflow,
            sys::PIXCONV_ERROR_BUFFER_TOO_SMALL => ErrorKind::BufferTooSmall,
            sys::PIXCONV_ERROR_BAD_STRIDE => ErrorKind::BadStride,
            sys::PIXCONV_ERROR_MISMATCH => ErrorKind::Mismatch,
            sys::PIXCONV_ERROR_UNSUPPORTED => ErrorKind::Unsupported,
            sys::PIXCONV_ERROR_CORRUPT_DATA => ErrorKind::CorruptData,
            sys::PIXCONV_ERROR_LIMIT_EXCEEDED => ErrorKind::LimitExceeded,
            sys::PIXCONV_ERROR_IO => ErrorKind::Io,
            _ => ErrorKind::Other,
        }
    }
}

/// A failed call: the library's status code and message, e.g. `buffer too small: NV12
/// 1920x1080 needs 3110400 bytes, buffer has 3110000`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    status: sys::pixconv_status,
    message: String,
}

impl Error {
    /// An error made on the Rust side, worded as the library words its own.
    pub(crate) fn new(status: sys::pixconv_status, detail: &str) -> Error {
        // SAFETY: pixconv_status_name returns a static NUL-terminated string for any value.
        let name = unsafe { CStr::from_ptr(sys::pixconv_status_name(status)) };
        Error { status, message: format!("{}: {}", name.to_string_lossy(), detail) }
    }

    /// The status code (`PIXCONV_ERROR_*`), never `PIXCONV_OK`.
    pub fn status(&self) -> i32 {
        self.status
    }

    /// The kind of failure the status code names.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::from_status(self.status)
    }

    /// The library's message, starting with the code's name ("corrupt data: PNG: ...").
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// `Ok(())` for `PIXCONV_OK`, else the error with this thread's last message. Must be called
/// right after the call that returned `status`, on the same thread (the message is
/// thread-local and the next pixconv call replaces it).
pub(crate) fn check(status: sys::pixconv_status) -> Result<(), Error> {
    if status == sys::PIXCONV_OK {
        return Ok(());
    }
    // SAFETY: pixconv_last_error returns a NUL-terminated string that stays valid until the
    // next pixconv call on this thread; it is copied before any other call.
    let message = unsafe { CStr::from_ptr(sys::pixconv_last_error()) };
    let message = message.to_string_lossy().into_owned();
    if message.is_empty() {
        return Err(Error::new(status, "(the library gave no message)"));
    }
    Err(Error { status, message })
}
