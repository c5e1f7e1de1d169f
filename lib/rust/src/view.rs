//! `ImageView`: an image format over borrowed sample memory, validated by the library.
use std::marker::PhantomData;
use std::os::raw::c_void;
use std::ptr;

use crate::error::{check, Error};
use crate::model::{ChannelDatatype, Encoding, ImageFormat, PixelFormat};
use crate::sys;

/// One plane of an image in separately allocated planes: its bytes and row stride in bytes
/// (0 = packed rows).
#[derive(Clone, Copy, Debug)]
pub struct Plane<'a> {
    /// The plane's bytes.
    pub data: &'a [u8],
    /// Bytes from one row's start to the next (0 = packed rows).
    pub stride: usize,
}

impl<'a> Plane<'a> {
    /// A plane with packed rows.
    pub fn packed(data: &'a [u8]) -> Self {
        Plane { data, stride: 0 }
    }
}

mod sealed {
    pub trait Sealed {}
}

/// A Rust type whose slices can hold an image's samples: the datatypes it stands for.
/// `u16` also holds F16 bit patterns. Sealed: implemented for the primitive sample types.
pub trait Sample: sealed::Sealed + Copy {
    /// Whether a sample of `datatype` is stored as one `Self`.
    fn holds(datatype: ChannelDatatype) -> bool;
}

macro_rules! sample {
    ($($ty:ty => $($datatype:ident)|+;)*) => {$(
        impl sealed::Sealed for $ty {}
        impl Sample for $ty {
            fn holds(datatype: ChannelDatatype) -> bool {
                matches!(datatype, $(ChannelDatatype::$datatype)|+)
            }
        }
    )*};
}

sample! {
    i8 => I8;
    u16 => U16 | F16;
    i16 => I16;
    u32 => U32;
    i32 => I32;
    u64 => U64;
    i64 => I64;
    f32 => F32;
    f64 => F64;
}

/// A validated image over borrowed memory: one buffer holding every plane (as Rerun stores
/// images) or separate planes (as video decoders hand them out). The library only reads the
/// memory; a view can be shared between threads and converted from several at once.
///
/// A view cannot outlive the memory it borrows:
///
/// ```compile_fail
/// use pixconv::{ChannelDatatype, ColorModel, ImageFormat, ImageView};
/// let format = ImageFormat::color(2, 2, ColorModel::L, ChannelDatatype::U8);
/// let view = {
///     let samples = vec![0u8; 4];
///     ImageView::new(format, &samples).unwrap() // `samples` dropped while borrowed
/// };
/// # let _ = view;
/// ```
#[derive(Clone, Copy, Debug)]
pub struct ImageView<'a> {
    raw: sys::pixconv_image,
    _data: PhantomData<&'a [u8]>,
}

// SAFETY: the view holds shared borrows of plain bytes (`&'a [u8]`, which is Send + Sync)
// as raw pointers, and the C ABI only reads them; its calls are thread-safe (pixconv.h,
// "Conventions": calls may run concurrently).
unsafe impl Send for ImageView<'_> {}
unsafe impl Sync for ImageView<'_> {}

impl<'a> ImageView<'a> {
    /// A view over one buffer holding every plane with packed rows, in order (Rerun's
    /// layout). A longer buffer is accepted, its tail ignored.
    /// Errors: `UnknownEnum`, `BadDimensions`, `SizeOverflow`, `BufferTooSmall`.
    pub fn new(format: ImageFormat, data: &'a [u8]) -> Result<Self, Error> {
        Self::with_strides(format, data, [0; 3])
    }

    /// A view over one buffer holding every plane, plane `p`'s rows `strides[p]` bytes apart
    /// (0 = packed). Errors: those of [`new`](Self::new) and `BadStride`.
    pub fn with_strides(
        format: ImageFormat,
        data: &'a [u8],
        strides: [usize; 3],
    ) -> Result<Self, Error> {
        let mut raw = empty_image(format);
        raw.planes[0] = raw_plane(data, strides[0]);
        raw.planes[1].stride = strides[1];
        raw.planes[2].stride = strides[2];
        Self::validate(raw)
    }

    /// A view over an interleaved image in a typed slice, e.g. `&[u16]` for U16 or F16 and
    /// `&[f32]` for F32 samples; `format` must be a color model whose datatype `T` holds.
    /// Errors: `Mismatch` for another datatype or a pixel format, and those of
    /// [`new`](Self::new).
    pub fn from_samples<T: Sample>(format: ImageFormat, samples: &'a [T]) -> Result<Self, Error> {
        match format.encoding {
            Encoding::Color { datatype, .. } if T::holds(datatype) => {}
            _ => {
                return Err(Error::new(
                    sys::PIXCONV_ERROR_MISMATCH,
                    &format!(
                        "a slice of {} cannot hold {:?} samples",
                        std::any::type_name::<T>(),
                        format.encoding
                    ),
                ))
            }
        }
        // SAFETY: every `Sample` type is plain old data without padding, so its slice's
        // memory is `size_of_val(samples)` initialized bytes, borrowed for 'a.
        let bytes = unsafe {
            std::slice::from_raw_parts(
                samples.as_ptr() as *const u8,
                std::mem::size_of_val(samples),
            )
        };
        Self::new(format, bytes)
    }

    /// A view over separately allocated planes, one per plane of the format (Y, U, V; NV12:
    /// Y, UV; one for interleaved images, YUY2 and Y8). Errors: those of
    /// [`with_strides`](Self::with_strides) and `InvalidArgument` for another plane count.
    pub fn from_planes(format: ImageFormat, planes: &[Plane<'a>]) -> Result<Self, Error> {
        let expected = plane_count(format.encoding);
        if planes.len() != expected {
            return Err(Error::new(
                sys::PIXCONV_ERROR_INVALID_ARGUMENT,
                &format!("{:?} has {} planes, not {}", format.encoding, expected, planes.len()),
            ));
        }
        let mut raw = empty_image(format);
        for (slot, plane) in raw.planes.iter_mut().zip(planes) {
            *slot = raw_plane(plane.data, plane.stride);
        }
        Self::validate(raw)
    }

    /// The image's format.
    pub fn format(&self) -> ImageFormat {
        // The format was built from an ImageFormat, so its values are known.
        ImageFormat::from_raw(&self.raw.format).expect("a view's format is valid")
    }

    pub(crate) fn raw(&self) -> &sys::pixconv_image {
        &self.raw
    }

    fn validate(raw: sys::pixconv_image) -> Result<Self, Error> {
        // SAFETY: every non-null plane pointer is a live slice of at least `size` bytes.
        check(unsafe { sys::pixconv_validate_image(&raw) })?;
        Ok(ImageView { raw, _data: PhantomData })
    }
}

/// Planes of an encoding (lib/README.md section 1).
fn plane_count(encoding: Encoding) -> usize {
    match encoding {
        Encoding::Pixel(PixelFormat::NV12) => 2,
        Encoding::Pixel(
            PixelFormat::Y_U_V12_LimitedRange
            | PixelFormat::Y_U_V12_FullRange
            | PixelFormat::Y_U_V16_LimitedRange
            | PixelFormat::Y_U_V16_FullRange
            | PixelFormat::Y_U_V24_LimitedRange
            | PixelFormat::Y_U_V24_FullRange,
        ) => 3,
        Encoding::Pixel(_) | Encoding::Color { .. } => 1,
    }
}

fn empty_image(format: ImageFormat) -> sys::pixconv_image {
    let plane = sys::pixconv_plane { data: ptr::null(), size: 0, stride: 0 };
    sys::pixconv_image { format: format.to_raw(), planes: [plane; 3] }
}

/// A plane over `data`. An empty slice's pointer is dangling but not null, so the library
/// sees a plane of 0 bytes (too small for any image), never "no plane".
fn raw_plane(data: &[u8], stride: usize) -> sys::pixconv_plane {
    sys::pixconv_plane { data: data.as_ptr() as *const c_void, size: data.len(), stride }
}
