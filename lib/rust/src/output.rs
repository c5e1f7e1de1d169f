//! Destinations of a conversion: `[u8]` for RGBA8 and `[f32]` for RGBA f32, packed
//! (`Vec`s and slices) or with a row stride ([`Strided`]).
use std::os::raw::c_void;

use crate::options::OutputType;
use crate::sys;

mod sealed {
    pub trait Sealed {}
}

/// Memory a conversion writes: the element type picks the output (`u8`: RGBA8, `f32`:
/// RGBA f32). Sealed: implemented for slices, `Vec`s and [`Strided`] of `u8` and `f32`.
pub trait Output: sealed::Sealed {
    /// The output type the element type stands for.
    fn output_type(&self) -> OutputType;
    /// The C destination over this memory, valid while `self` is borrowed mutably.
    #[doc(hidden)]
    fn raw_output(&mut self) -> sys::pixconv_output;
}

/// An element of an output: `u8` (RGBA8) or `f32` (RGBA f32).
pub trait OutputElement: sealed::Sealed + Copy {
    /// The output type the element stands for.
    const OUTPUT_TYPE: OutputType;
}

impl sealed::Sealed for u8 {}
impl OutputElement for u8 {
    const OUTPUT_TYPE: OutputType = OutputType::RGBA8;
}
impl sealed::Sealed for f32 {}
impl OutputElement for f32 {
    const OUTPUT_TYPE: OutputType = OutputType::RGBAF32;
}

fn raw_over<T: OutputElement>(data: &mut [T], stride: usize) -> sys::pixconv_output {
    sys::pixconv_output {
        data: data.as_mut_ptr() as *mut c_void,
        size: std::mem::size_of_val(data),
        stride,
    }
}

impl<T: OutputElement> sealed::Sealed for [T] {}
impl<T: OutputElement> Output for [T] {
    fn output_type(&self) -> OutputType {
        T::OUTPUT_TYPE
    }
    fn raw_output(&mut self) -> sys::pixconv_output {
        raw_over(self, 0)
    }
}

impl<T: OutputElement> sealed::Sealed for Vec<T> {}
impl<T: OutputElement> Output for Vec<T> {
    fn output_type(&self) -> OutputType {
        T::OUTPUT_TYPE
    }
    fn raw_output(&mut self) -> sys::pixconv_output {
        raw_over(self.as_mut_slice(), 0)
    }
}

/// A destination whose rows are `row_stride` bytes apart (e.g. the 256-byte aligned rows a
/// GPU texture upload wants); the bytes between rows are not written.
#[derive(Debug)]
pub struct Strided<'a, T> {
    /// The memory the rows are written to.
    pub data: &'a mut [T],
    /// Bytes from one row's start to the next: at least the packed row (width * 4 elements),
    /// or 0 for packed rows.
    pub row_stride: usize,
}

impl<T: OutputElement> sealed::Sealed for Strided<'_, T> {}
impl<T: OutputElement> Output for Strided<'_, T> {
    fn output_type(&self) -> OutputType {
        T::OUTPUT_TYPE
    }
    fn raw_output(&mut self) -> sys::pixconv_output {
        raw_over(self.data, self.row_stride)
    }
}
