//! Converting an image to RGBA8 or RGBA f32: in one call, on the library's thread pool, or
//! in row bands that the caller runs on its own threads ([`Converter`]).
use std::any::Any;
use std::os::raw::c_void;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{check, Error};
use crate::options::Options;
use crate::output::Output;
use crate::sys;
use crate::view::ImageView;

/// Converts the whole image into `out`: a `[u8]` / `Vec<u8>` gets RGBA8, a `[f32]` /
/// `Vec<f32>` RGBA f32, packed rows (or [`Strided`](crate::Strided) rows).
/// Errors: `BufferTooSmall`, `BadStride`, `InvalidArgument` for options that do not fit the
/// image (e.g. a colormap for an RGB image), with the library's message.
pub fn convert<O: Output + ?Sized>(
    image: &ImageView<'_>,
    out: &mut O,
    options: &Options,
) -> Result<(), Error> {
    // The options first: the destination's raw pointer is the last use of `out`.
    let raw_options = options.to_raw(out.output_type());
    let raw_out = out.raw_output();
    // SAFETY: the image's planes are live borrows (ImageView's lifetime), `raw_out` is the
    // exclusive borrow of `out`, and `raw_options` borrows `options.class_colors`.
    check(unsafe { sys::pixconv_convert(image.raw(), &raw_out, &raw_options) })
}

/// [`convert`] in row bands on the library's shared thread pool, `threads` threads including
/// the caller's (0 = one per core). The output is identical to [`convert`]'s.
pub fn convert_parallel<O: Output + ?Sized>(
    image: &ImageView<'_>,
    out: &mut O,
    options: &Options,
    threads: u32,
) -> Result<(), Error> {
    let raw_options = options.to_raw(out.output_type());
    let raw_out = out.raw_output();
    // SAFETY: as in `convert`.
    check(unsafe { sys::pixconv_convert_parallel(image.raw(), &raw_out, &raw_options, threads) })
}

/// An image and the options to convert it with, for converting in row bands on the caller's
/// threads (a viewer's own pool, or `std::thread::scope`). `Send` and `Sync`: several
/// threads may convert the same image at once (into different outputs), as the C ABI allows.
#[derive(Clone, Debug)]
pub struct Converter<'a> {
    image: ImageView<'a>,
    options: Options,
}

impl<'a> Converter<'a> {
    /// A converter for `image` (already validated) with `options`.
    pub fn new(image: &ImageView<'a>, options: &Options) -> Self {
        Converter { image: *image, options: options.clone() }
    }

    /// The image it converts.
    pub fn image(&self) -> &ImageView<'a> {
        &self.image
    }

    /// The options it converts with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// [`convert`] on the calling thread.
    pub fn convert<O: Output + ?Sized>(&self, out: &mut O) -> Result<(), Error> {
        convert(&self.image, out, &self.options)
    }

    /// [`convert_parallel`] on the library's pool.
    pub fn convert_parallel<O: Output + ?Sized>(
        &self,
        out: &mut O,
        threads: u32,
    ) -> Result<(), Error> {
        convert_parallel(&self.image, out, &self.options, threads)
    }

    /// Converts in `bands` row bands that `run` executes: the library plans once (range scan,
    /// kernel choice), then calls `run` with the [`Bands`] of a pass, and `run` must call
    /// [`Bands::run`] for every index in `0..bands.count()`, on any threads, in any order,
    /// and return after all have returned. `run` is called once per pass: twice when the
    /// range is data-dependent (a scan pass, then the conversion). The output is identical
    /// to [`convert`]'s.
    ///
    /// ```no_run
    /// # fn f(converter: &pixconv::Converter, rgba: &mut [u8]) -> Result<(), pixconv::Error> {
    /// converter.convert_in_bands(rgba, 8, |bands| {
    ///     std::thread::scope(|s| {
    ///         for i in 0..bands.count() {
    ///             s.spawn(move || bands.run(i));
    ///         }
    ///     })
    /// })
    /// # }
    /// ```
    ///
    /// Errors: those of [`convert`], and `InvalidArgument` when `run` returned before running
    /// every band (those bands' rows are not written). A panic in `run` stops the pass and
    /// is resumed once the library has returned.
    pub fn convert_in_bands<O, F>(&self, out: &mut O, bands: u32, mut run: F) -> Result<(), Error>
    where
        O: Output + ?Sized,
        F: FnMut(&Bands<'_>),
    {
        let raw_options = self.options.to_raw(out.output_type());
        let raw_out = out.raw_output();
        let mut state = RunnerState { run: &mut run, panic: None };
        let runner = sys::pixconv_task_runner {
            run: Some(run_passes),
            runner_data: &mut state as *mut RunnerState<'_> as *mut c_void,
        };
        // SAFETY: as in `convert`; `runner_data` is `state`, alive until the call returns,
        // and `run_passes` neither unwinds nor lets `Bands` outlive a pass.
        let status = unsafe {
            sys::pixconv_convert_with_runner(
                self.image.raw(),
                &raw_out,
                &raw_options,
                &runner,
                bands,
            )
        };
        let result = check(status);
        if let Some(payload) = state.panic {
            panic::resume_unwind(payload);
        }
        result
    }
}

/// The tasks of one pass of [`Converter::convert_in_bands`]: `count()` bands, each to be run
/// once by [`run`](Bands::run). `Sync`, so scoped threads can share it: the C ABI lets the
/// tasks of a pass run concurrently on any threads. It lives only during the pass, and the
/// borrow checker keeps it there:
///
/// ```compile_fail
/// # fn f(converter: &pixconv::Converter, rgba: &mut [u8]) {
/// let mut kept = None;
/// let _ = converter.convert_in_bands(rgba, 4, |bands| kept = Some(bands)); // escapes the pass
/// # }
/// ```
///
/// It is not `Send` (only shared references to it cross threads):
///
/// ```compile_fail
/// fn assert_send<T: Send>() {}
/// assert_send::<pixconv::Bands<'static>>();
/// ```
pub struct Bands<'p> {
    task: unsafe extern "C" fn(*mut c_void, u32),
    task_data: *mut c_void,
    started: &'p [AtomicBool],
}

// SAFETY: pixconv_task_runner's contract lets `task(task_data, i)` run on any thread,
// concurrently for different i; `started` makes each i run at most once.
unsafe impl Sync for Bands<'_> {}

impl Bands<'_> {
    /// The number of bands in this pass (at most the number asked for).
    pub fn count(&self) -> u32 {
        self.started.len() as u32
    }

    /// Runs band `index`. A band that has already run (or is running) is not run again.
    /// Panics if `index >= count()`.
    pub fn run(&self, index: u32) {
        let started = match self.started.get(index as usize) {
            Some(started) => started,
            None => panic!("band {} of a pass of {} bands", index, self.count()),
        };
        if started.swap(true, Ordering::AcqRel) {
            return;
        }
        // SAFETY: `task` and `task_data` come from the library for this pass, which has not
        // returned yet (a Bands cannot outlive the pass), and `index` is in range and first
        // run here.
        unsafe { (self.task)(self.task_data, index) }
    }
}

struct RunnerState<'f> {
    run: &'f mut dyn FnMut(&Bands<'_>),
    /// A panic of `run`, resumed after the library returns (it must not unwind through C).
    panic: Option<Box<dyn Any + Send + 'static>>,
}

/// The `run` of the C task runner: one pass, handed to the caller's closure.
extern "C" fn run_passes(
    runner_data: *mut c_void,
    count: u32,
    task: sys::pixconv_task_fn,
    task_data: *mut c_void,
) {
    // SAFETY: runner_data is the RunnerState of convert_in_bands, which is waiting for the
    // library's call, so nothing else uses it.
    let state = unsafe { &mut *(runner_data as *mut RunnerState<'_>) };
    let task = match task {
        Some(task) if state.panic.is_none() => task,
        _ => return, // after a panic, run nothing more: the call then fails
    };
    let started: Vec<AtomicBool> = (0..count).map(|_| AtomicBool::new(false)).collect();
    let bands = Bands { task, task_data, started: &started };
    let run = &mut state.run;
    if let Err(payload) = panic::catch_unwind(AssertUnwindSafe(|| run(&bands))) {
        state.panic = Some(payload);
    }
}
