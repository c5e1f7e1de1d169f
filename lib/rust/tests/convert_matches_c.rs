//! The safe API writes the same bytes as the raw C ABI: every color model x datatype and
//! every pixel format, to RGBA8 and RGBA f32, with default and non-default options, from one
//! buffer, typed slices, separate planes and into strided rows.
mod common;

use common::{bits, bytes, raw_convert, raw_image, raw_options};
use pixconv::sys;
use pixconv::{
    convert, ChannelDatatype, ChannelOrder, ChromaFilter, ColorModel, Colormap, ImageFormat,
    ImageView, InputTransfer, Options, OutputTransfer, OutputType, PixelFormat, Plane, RangeMode,
    Sample, Strided, YuvMatrix, YuvRange,
};

/// Converts `view` (over `data`, in `format`) with the safe API and through the C ABI with
/// `raw` options, to RGBA8 and RGBA f32, and asserts both give the same bytes.
fn assert_same_as_c(
    format: ImageFormat,
    view: &ImageView<'_>,
    data: &[u8],
    options: &Options,
    raw: sys::pixconv_convert_options,
) {
    let raw_format = raw_format(format);
    let image = raw_image(raw_format, data);
    let pixels = format.width as usize * format.height as usize;

    let mut safe8 = vec![0u8; format.rgba8_size().unwrap()];
    convert(view, &mut safe8, options).unwrap_or_else(|e| panic!("{:?}: {}", format, e));
    let mut c8 = vec![0u8; pixels * 4];
    raw_convert(
        &image,
        &mut c8,
        &sys::pixconv_convert_options { output_type: sys::PIXCONV_OUTPUT_RGBA8, ..raw },
    )
    .unwrap_or_else(|e| panic!("{:?}: {:?}", format, e));
    assert_eq!(safe8, c8, "{:?} RGBA8", format);

    let mut safe32 = vec![0f32; format.rgba_f32_len().unwrap()];
    convert(view, &mut safe32, options).unwrap_or_else(|e| panic!("{:?}: {}", format, e));
    let mut c32 = vec![0f32; pixels * 4];
    raw_convert(
        &image,
        &mut c32,
        &sys::pixconv_convert_options { output_type: sys::PIXCONV_OUTPUT_RGBAF32, ..raw },
    )
    .unwrap_or_else(|e| panic!("{:?}: {:?}", format, e));
    assert_eq!(bits(&safe32), bits(&c32), "{:?} RGBA f32", format);
}

/// The C struct written by hand from the header's constants (not by the crate).
fn raw_format(format: ImageFormat) -> sys::pixconv_image_format {
    let mut raw = sys::pixconv_image_format {
        width: format.width,
        height: format.height,
        pixel_format: sys::PIXCONV_PIXEL_FORMAT_NONE,
        color_model: sys::PIXCONV_COLOR_MODEL_L,
        channel_datatype: sys::PIXCONV_DATATYPE_U8,
    };
    match format.encoding {
        pixconv::Encoding::Pixel(f) => raw.pixel_format = u8::from(f) as u32,
        pixconv::Encoding::Color { model, datatype } => {
            raw.color_model = u8::from(model) as u32;
            raw.channel_datatype = u8::from(datatype) as u32;
        }
    }
    raw
}

/// `data` copied into a Vec<T> (aligned for T).
fn typed<T: Sample + Default>(data: &[u8]) -> Vec<T> {
    let size = std::mem::size_of::<T>();
    assert_eq!(data.len() % size, 0);
    let mut out = vec![T::default(); data.len() / size];
    // SAFETY: `out` has exactly data.len() bytes, and any bit pattern is a valid sample.
    unsafe {
        std::ptr::copy_nonoverlapping(data.as_ptr(), out.as_mut_ptr() as *mut u8, data.len())
    };
    out
}

/// The same conversion from a typed slice of the datatype's Rust type.
fn assert_typed_view_matches(format: ImageFormat, datatype: ChannelDatatype, data: &[u8]) {
    fn check<T: Sample + Default>(format: ImageFormat, data: &[u8]) {
        let samples = typed::<T>(data);
        let typed_view = ImageView::from_samples(format, &samples).unwrap();
        let byte_view = ImageView::new(format, data).unwrap();
        let (mut a, mut b) =
            (vec![0u8; format.rgba8_size().unwrap()], vec![0u8; format.rgba8_size().unwrap()]);
        convert(&typed_view, &mut a, &Options::default()).unwrap();
        convert(&byte_view, &mut b, &Options::default()).unwrap();
        assert_eq!(a, b, "{:?} from a typed slice", format);
    }
    match datatype {
        ChannelDatatype::U8 => {}
        ChannelDatatype::I8 => check::<i8>(format, data),
        ChannelDatatype::U16 | ChannelDatatype::F16 => check::<u16>(format, data),
        ChannelDatatype::I16 => check::<i16>(format, data),
        ChannelDatatype::U32 => check::<u32>(format, data),
        ChannelDatatype::I32 => check::<i32>(format, data),
        ChannelDatatype::U64 => check::<u64>(format, data),
        ChannelDatatype::I64 => check::<i64>(format, data),
        ChannelDatatype::F32 => check::<f32>(format, data),
        ChannelDatatype::F64 => check::<f64>(format, data),
        other => panic!("no Rust type for {:?}", other),
    }
}

#[test]
fn every_color_model_and_datatype_matches_the_c_abi() {
    let mut seed = 1;
    let mut cases = 0;
    for &model in ColorModel::ALL {
        for &datatype in ChannelDatatype::ALL {
            let format = ImageFormat::color(13, 7, model, datatype);
            let data = bytes(format.buffer_size().unwrap(), seed);
            seed += 1;
            let view = ImageView::new(format, &data).unwrap();
            assert_eq!(view.format(), format);
            assert_same_as_c(format, &view, &data, &Options::default(), raw_options(0));
            assert_typed_view_matches(format, datatype, &data);
            cases += 1;
        }
    }
    assert_eq!(cases, 55);
}

/// Plane sizes of a pixel format at even width and height (lib/README.md section 1).
fn plane_sizes(f: PixelFormat, w: usize, h: usize) -> Vec<usize> {
    match f {
        PixelFormat::Y_U_V12_LimitedRange | PixelFormat::Y_U_V12_FullRange => {
            vec![w * h, w * h / 4, w * h / 4]
        }
        PixelFormat::Y_U_V16_LimitedRange | PixelFormat::Y_U_V16_FullRange => {
            vec![w * h, w * h / 2, w * h / 2]
        }
        PixelFormat::Y_U_V24_LimitedRange | PixelFormat::Y_U_V24_FullRange => {
            vec![w * h, w * h, w * h]
        }
        PixelFormat::NV12 => vec![w * h, w * h / 2],
        PixelFormat::YUY2 => vec![w * h * 2],
        PixelFormat::Y8_FullRange | PixelFormat::Y8_LimitedRange => vec![w * h],
        other => panic!("no layout for {:?}", other),
    }
}

#[test]
fn every_pixel_format_matches_the_c_abi_from_one_buffer_and_from_planes() {
    assert_eq!(PixelFormat::ALL.len(), 10);
    for (i, &pixel_format) in PixelFormat::ALL.iter().enumerate() {
        let format = ImageFormat::pixel(14, 8, pixel_format);
        let sizes = plane_sizes(pixel_format, 14, 8);
        assert_eq!(
            format.buffer_size().unwrap(),
            sizes.iter().sum::<usize>(),
            "{:?}",
            pixel_format
        );
        let data = bytes(format.buffer_size().unwrap(), 100 + i as u64);
        let view = ImageView::new(format, &data).unwrap();
        assert_same_as_c(format, &view, &data, &Options::default(), raw_options(0));

        // The same planes, each in its own allocation.
        let mut copies = Vec::new();
        let mut at = 0;
        for size in &sizes {
            copies.push(data[at..at + size].to_vec());
            at += size;
        }
        let planes: Vec<Plane<'_>> = copies.iter().map(|p| Plane::packed(p)).collect();
        let planar = ImageView::from_planes(format, &planes).unwrap();
        assert_same_as_c(format, &planar, &data, &Options::default(), raw_options(0));
    }
}

#[test]
fn non_default_options_reach_the_library_as_the_c_abi_spells_them() {
    let class_colors = vec![[255, 0, 0, 255], [0, 255, 0, 128], [0, 0, 255, 0]];
    let raw_base = raw_options(0);
    let cases: Vec<(ImageFormat, Options, sys::pixconv_convert_options)> = vec![
        (
            ImageFormat::color(9, 5, ColorModel::RGBA, ChannelDatatype::U16),
            Options { channel_order: ChannelOrder::BGRA, premultiply: true, ..Options::default() },
            sys::pixconv_convert_options {
                channel_order: sys::PIXCONV_ORDER_BGRA,
                premultiply: 1,
                ..raw_base
            },
        ),
        (
            ImageFormat::color(9, 5, ColorModel::L, ChannelDatatype::F32),
            Options {
                range: RangeMode::Explicit,
                range_lo: 0.25,
                range_hi: -3.0,
                ..Options::default()
            },
            sys::pixconv_convert_options {
                range_mode: sys::PIXCONV_RANGE_EXPLICIT,
                range_lo: 0.25,
                range_hi: -3.0,
                ..raw_base
            },
        ),
        (
            ImageFormat::color(9, 5, ColorModel::L, ChannelDatatype::U16),
            Options { range: RangeMode::Depth, colormap: Colormap::Turbo, ..Options::default() },
            sys::pixconv_convert_options {
                range_mode: sys::PIXCONV_RANGE_DEPTH,
                colormap: sys::PIXCONV_COLORMAP_TURBO,
                ..raw_base
            },
        ),
        (
            ImageFormat::color(9, 5, ColorModel::L, ChannelDatatype::U8),
            Options {
                segmentation: true,
                class_colors: class_colors.clone(),
                ..Options::default()
            },
            sys::pixconv_convert_options {
                segmentation: 1,
                class_colors: class_colors.as_ptr() as *const u8,
                class_color_count: class_colors.len(),
                ..raw_base
            },
        ),
        (
            ImageFormat::color(9, 5, ColorModel::BGR, ChannelDatatype::U8),
            Options { output_transfer: OutputTransfer::Linear, ..Options::default() },
            sys::pixconv_convert_options {
                output_transfer: sys::PIXCONV_OUTPUT_TRANSFER_LINEAR,
                ..raw_base
            },
        ),
        (
            ImageFormat::color(9, 5, ColorModel::RGB, ChannelDatatype::U8),
            Options { input_transfer: InputTransfer::Linear, ..Options::default() },
            sys::pixconv_convert_options {
                input_transfer: sys::PIXCONV_INPUT_TRANSFER_LINEAR,
                ..raw_base
            },
        ),
        (
            ImageFormat::color(9, 5, ColorModel::RGB, ChannelDatatype::F16),
            Options {
                range: RangeMode::Datatype,
                input_transfer: InputTransfer::Auto,
                output_transfer: OutputTransfer::Srgb,
                ..Options::default()
            },
            sys::pixconv_convert_options {
                range_mode: sys::PIXCONV_RANGE_DATATYPE,
                input_transfer: sys::PIXCONV_INPUT_TRANSFER_AUTO,
                output_transfer: sys::PIXCONV_OUTPUT_TRANSFER_SRGB,
                ..raw_base
            },
        ),
        (
            ImageFormat::pixel(10, 6, PixelFormat::NV12),
            Options {
                yuv_matrix: YuvMatrix::Bt2020,
                yuv_range: YuvRange::Full,
                chroma_filter: ChromaFilter::Bilinear,
                ..Options::default()
            },
            sys::pixconv_convert_options {
                yuv_matrix: sys::PIXCONV_YUV_MATRIX_BT2020,
                yuv_range: sys::PIXCONV_YUV_RANGE_FULL,
                chroma_filter: sys::PIXCONV_CHROMA_BILINEAR,
                ..raw_base
            },
        ),
    ];
    for (i, (format, options, raw)) in cases.into_iter().enumerate() {
        let data = bytes(format.buffer_size().unwrap(), 200 + i as u64);
        let view = ImageView::new(format, &data).unwrap();
        assert_same_as_c(format, &view, &data, &options, raw);
        // And the options do change the output (so the comparison above could fail).
        let mut with = vec![0u8; format.rgba8_size().unwrap()];
        let mut without = with.clone();
        convert(&view, &mut with, &options).unwrap();
        convert(&view, &mut without, &Options::default()).unwrap();
        assert_ne!(with, without, "case {}: options without effect", i);
    }
}

#[test]
fn default_options_are_the_libraries_defaults() {
    for output_type in [OutputType::RGBA8, OutputType::RGBAF32] {
        let ours = Options::default().to_raw(output_type);
        let init = raw_options(u8::from(output_type) as u32);
        assert_eq!(ours.struct_size, init.struct_size);
        assert_eq!(ours.output_type, init.output_type);
        assert_eq!(ours.channel_order, init.channel_order);
        assert_eq!(ours.range_mode, init.range_mode);
        assert_eq!(ours.range_lo.to_bits(), init.range_lo.to_bits());
        assert_eq!(ours.range_hi.to_bits(), init.range_hi.to_bits());
        assert_eq!(ours.input_transfer, init.input_transfer);
        assert_eq!(ours.output_transfer, init.output_transfer);
        assert_eq!(ours.premultiply, init.premultiply);
        assert_eq!(ours.yuv_matrix, init.yuv_matrix);
        assert_eq!(ours.yuv_range, init.yuv_range);
        assert_eq!(ours.chroma_filter, init.chroma_filter);
        assert_eq!(ours.colormap, init.colormap);
        assert_eq!(ours.segmentation, init.segmentation);
        assert_eq!(ours.class_color_count, init.class_color_count);
        assert_eq!(ours.clamp, init.clamp);
    }
    let mut init = std::mem::MaybeUninit::uninit();
    // SAFETY: the init function writes every field.
    let init: sys::pixconv_decode_options = unsafe {
        sys::pixconv_decode_options_init_size(
            init.as_mut_ptr(),
            std::mem::size_of::<sys::pixconv_decode_options>(),
        );
        init.assume_init()
    };
    assert_eq!(pixconv::DecodeOptions::default().to_raw(), init);
}

#[test]
fn strided_rows_match_the_c_abi_and_leave_the_padding_alone() {
    let format = ImageFormat::color(5, 3, ColorModel::RGB, ChannelDatatype::U8);
    let data = bytes(format.buffer_size().unwrap(), 7);
    let view = ImageView::new(format, &data).unwrap();
    let stride = 32; // bytes; the packed row is 20
    let mut strided = vec![0xAAu8; stride * 2 + 20];
    convert(&view, &mut Strided { data: &mut strided, row_stride: stride }, &Options::default())
        .unwrap();
    let mut packed = vec![0u8; 60];
    convert(&view, &mut packed, &Options::default()).unwrap();
    for y in 0..3 {
        assert_eq!(&strided[y * stride..y * stride + 20], &packed[y * 20..y * 20 + 20]);
    }
    assert!(strided[20..32].iter().all(|&b| b == 0xAA), "padding written");

    // 64 bytes is shorter than the packed RGBA f32 row of 80.
    let mut short = vec![0f32; 64];
    let error =
        convert(&view, &mut Strided { data: &mut short, row_stride: 64 }, &Options::default())
            .unwrap_err();
    assert_eq!(error.kind(), pixconv::ErrorKind::BadStride, "{}", error);
    let mut ok32 = vec![0f32; 32 * 2 + 20];
    convert(&view, &mut Strided { data: &mut ok32, row_stride: 32 * 4 }, &Options::default())
        .unwrap();
    let mut packed32 = vec![0f32; 60];
    convert(&view, &mut packed32, &Options::default()).unwrap();
    assert_eq!(bits(&ok32[32..52]), bits(&packed32[20..40]));
}

#[test]
fn rerun_numbers_round_trip_through_try_from() {
    for &f in PixelFormat::ALL {
        assert_eq!(PixelFormat::try_from(u8::from(f)).unwrap(), f);
    }
    for &m in ColorModel::ALL {
        assert_eq!(ColorModel::try_from(u8::from(m)).unwrap(), m);
    }
    for &t in ChannelDatatype::ALL {
        assert_eq!(ChannelDatatype::try_from(u8::from(t)).unwrap(), t);
    }
    for &c in Colormap::ALL {
        assert_eq!(Colormap::try_from(u8::from(c)).unwrap(), c);
    }
    assert_eq!(u8::from(PixelFormat::NV12), 26);
    assert_eq!(u8::from(ChannelDatatype::F16), 33);
    assert_eq!(u8::from(ColorModel::BGRA), 5);
    assert_eq!(u8::from(Colormap::Turbo), 5);
    let known: Vec<u8> = PixelFormat::ALL.iter().map(|&f| f.into()).collect();
    for value in 0..=255u8 {
        assert_eq!(PixelFormat::try_from(value).is_ok(), known.contains(&value), "{}", value);
    }
}

#[test]
fn padded_rows_in_one_buffer_and_in_planes_convert_like_packed_rows() {
    // I420 14x8: Y rows of 14 bytes, U and V rows of 7, padded to 16 and 8.
    let format = ImageFormat::pixel(14, 8, PixelFormat::Y_U_V12_LimitedRange);
    let packed = bytes(format.buffer_size().unwrap(), 300);
    let (y, rest) = packed.split_at(14 * 8);
    let (u, v) = rest.split_at(7 * 4);
    let pad = |plane: &[u8], row: usize, stride: usize| -> Vec<u8> {
        plane
            .chunks(row)
            .flat_map(|r| r.iter().copied().chain(std::iter::repeat(0xEE).take(stride - row)))
            .collect()
    };
    let (y16, u8_, v8) = (pad(y, 14, 16), pad(u, 7, 8), pad(v, 7, 8));
    let one_buffer: Vec<u8> = y16.iter().chain(&u8_).chain(&v8).copied().collect();
    // The last row of the last plane needs no padding.
    assert_eq!(format.buffer_size_with_strides([16, 8, 8]).unwrap(), one_buffer.len() - 1);

    let mut expected = vec![0u8; format.rgba8_size().unwrap()];
    convert(&ImageView::new(format, &packed).unwrap(), &mut expected, &Options::default()).unwrap();
    let strided = ImageView::with_strides(format, &one_buffer, [16, 8, 8]).unwrap();
    let planar = ImageView::from_planes(
        format,
        &[
            Plane { data: &y16, stride: 16 },
            Plane { data: &u8_, stride: 8 },
            Plane { data: &v8, stride: 8 },
        ],
    )
    .unwrap();
    for view in [strided, planar] {
        let mut rgba = vec![0u8; expected.len()];
        convert(&view, &mut rgba, &Options::default()).unwrap();
        assert_eq!(rgba, expected);
    }
}

#[test]
fn clamp_false_keeps_float_values_outside_the_unit_interval() {
    // RGB F32, linear, datatype range [0, 1]: 2.0, 0.5, -1.0 pass through unclamped.
    let samples: [f32; 3] = [2.0, 0.5, -1.0];
    let data: Vec<u8> = samples.iter().flat_map(|v| v.to_le_bytes()).collect();
    let format = ImageFormat::color(1, 1, ColorModel::RGB, ChannelDatatype::F32);
    let view = ImageView::new(format, &data).unwrap();
    let options = Options {
        range: RangeMode::Datatype,
        input_transfer: InputTransfer::Linear,
        clamp: false,
        ..Options::default()
    };
    let mut out = [0f32; 4];
    convert(&view, &mut out[..], &options).unwrap();
    assert_eq!(out, [2.0, 0.5, -1.0, 1.0]);
    convert(&view, &mut out[..], &Options { clamp: true, ..options.clone() }).unwrap();
    assert_eq!(out, [1.0, 0.5, 0.0, 1.0]);
    // RGBA8 can not hold such values: the library says so.
    let mut out8 = [0u8; 4];
    let error = convert(&view, &mut out8[..], &options).unwrap_err();
    assert!(error.to_string().contains("clamp = false needs RGBAF32 output"), "{}", error);
}
