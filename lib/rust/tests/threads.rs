//! Thread safety: which types are Send / Sync, conversions sharing one view from scoped
//! threads, and a Converter's row bands run on scoped threads.
mod common;

use std::panic;
use std::sync::atomic::{AtomicU32, Ordering};

use common::bytes;
use pixconv::{
    convert, convert_parallel, Bands, ChannelDatatype, ColorModel, Converter, DecodedImage, Error,
    ErrorKind, ImageFormat, ImageView, Options, PixelFormat, RangeMode,
};

fn assert_send_sync<T: Send + Sync>() {}
fn assert_sync<T: Sync>() {}

#[test]
fn shared_types_are_send_and_sync() {
    assert_send_sync::<ImageView<'_>>();
    assert_send_sync::<Converter<'_>>();
    assert_send_sync::<Options>();
    assert_send_sync::<Error>();
    assert_send_sync::<DecodedImage>();
    assert_sync::<Bands<'_>>();
}

/// The images the tests convert: a data-dependent range (two passes: scan, convert), a
/// 4:2:0 format (bands start on even rows), and a colormap.
fn cases() -> Vec<(ImageFormat, Vec<u8>, Options)> {
    let u16_format = ImageFormat::color(61, 37, ColorModel::RGB, ChannelDatatype::U16);
    let nv12 = ImageFormat::pixel(62, 38, PixelFormat::NV12);
    let depth = ImageFormat::color(40, 33, ColorModel::L, ChannelDatatype::F32);
    vec![
        (u16_format, bytes(u16_format.buffer_size().unwrap(), 1), Options::default()),
        (nv12, bytes(nv12.buffer_size().unwrap(), 2), Options::default()),
        (
            depth,
            bytes(depth.buffer_size().unwrap(), 3),
            Options {
                range: RangeMode::Depth,
                colormap: pixconv::Colormap::Turbo,
                ..Options::default()
            },
        ),
    ]
}

#[test]
fn converter_bands_on_scoped_threads_give_the_bytes_of_convert() {
    for (format, data, options) in cases() {
        let view = ImageView::new(format, &data).unwrap();
        let mut expected = vec![0u8; format.rgba8_size().unwrap()];
        convert(&view, &mut expected, &options).unwrap();

        let converter = Converter::new(&view, &options);
        for bands in [1, 3, 8, 1000] {
            let passes = AtomicU32::new(0);
            let mut rgba = vec![0u8; expected.len()];
            converter
                .convert_in_bands(&mut rgba, bands, |tasks| {
                    passes.fetch_add(1, Ordering::Relaxed);
                    std::thread::scope(|s| {
                        for i in 0..tasks.count() {
                            s.spawn(move || tasks.run(i));
                        }
                    });
                })
                .unwrap();
            assert_eq!(rgba, expected, "{:?} in {} bands", format, bands);
            assert!(passes.load(Ordering::Relaxed) >= 1);

            let mut rgba32 = vec![0f32; format.rgba_f32_len().unwrap()];
            let mut expected32 = rgba32.clone();
            converter.convert(&mut expected32).unwrap();
            converter
                .convert_in_bands(&mut rgba32, bands, |tasks| {
                    // Every band twice and in reverse: the second call of each is skipped.
                    for i in (0..tasks.count()).rev() {
                        tasks.run(i);
                        tasks.run(i);
                    }
                })
                .unwrap();
            assert_eq!(common::bits(&rgba32), common::bits(&expected32));
        }
    }
}

#[test]
fn one_view_and_one_converter_shared_by_scoped_threads() {
    for (format, data, options) in cases() {
        let view = ImageView::new(format, &data).unwrap();
        let converter = Converter::new(&view, &options);
        let mut expected = vec![0u8; format.rgba8_size().unwrap()];
        converter.convert(&mut expected).unwrap();
        let mut outputs = vec![vec![0u8; expected.len()]; 6];
        std::thread::scope(|s| {
            for (i, out) in outputs.iter_mut().enumerate() {
                let (view, converter, options) = (&view, &converter, &options);
                s.spawn(move || match i % 3 {
                    0 => convert(view, out, options).unwrap(),
                    1 => converter.convert_parallel(out, 2).unwrap(),
                    _ => converter
                        .convert_in_bands(out, 4, |tasks| {
                            std::thread::scope(|inner| {
                                for band in 0..tasks.count() {
                                    inner.spawn(move || tasks.run(band));
                                }
                            })
                        })
                        .unwrap(),
                });
            }
        });
        for out in &outputs {
            assert_eq!(out, &expected, "{:?}", format);
        }
        let mut parallel = vec![0u8; expected.len()];
        convert_parallel(&view, &mut parallel, &options, 0).unwrap();
        assert_eq!(parallel, expected);
    }
}

#[test]
fn a_runner_that_skips_bands_is_an_error_not_a_hole() {
    let (format, data, options) = cases().swap_remove(1); // NV12: one pass
    let view = ImageView::new(format, &data).unwrap();
    let mut rgba = vec![0u8; format.rgba8_size().unwrap()];
    let error = Converter::new(&view, &options)
        .convert_in_bands(&mut rgba, 4, |tasks| tasks.run(0))
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument, "{}", error);
    assert!(error.message().contains("band 1"), "{}", error);
}

#[test]
fn a_panicking_runner_panics_after_the_library_returns() {
    let (format, data, options) = cases().swap_remove(0);
    let view = ImageView::new(format, &data).unwrap();
    let mut rgba = vec![0u8; format.rgba8_size().unwrap()];
    let result = panic::catch_unwind(panic::AssertUnwindSafe(|| {
        Converter::new(&view, &options).convert_in_bands(&mut rgba, 4, |tasks| {
            tasks.run(0);
            panic!("a runner failed");
        })
    }));
    let payload = result.unwrap_err();
    assert_eq!(payload.downcast_ref::<&str>(), Some(&"a runner failed"));
    // A worker's panic reaches the caller through std::thread::scope the same way.
    let result = panic::catch_unwind(panic::AssertUnwindSafe(|| {
        Converter::new(&view, &options).convert_in_bands(&mut rgba, 4, |tasks| {
            std::thread::scope(|s| {
                s.spawn(|| panic!("a worker failed"));
                tasks.run(0);
            })
        })
    }));
    assert!(result.is_err());
    // The library is still usable on this thread.
    Converter::new(&view, &options).convert(&mut rgba).unwrap();
}

#[test]
#[should_panic(expected = "band 9 of a pass of 4 bands")]
fn a_band_index_out_of_range_panics() {
    let (format, data, options) = cases().swap_remove(1);
    let view = ImageView::new(format, &data).unwrap();
    let mut rgba = vec![0u8; format.rgba8_size().unwrap()];
    let _ = Converter::new(&view, &options).convert_in_bands(&mut rgba, 4, |tasks| tasks.run(9));
}
