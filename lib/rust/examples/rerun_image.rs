//! From the fields of a Rerun `Image` to the RGBA8 buffer a texture upload wants.
//!
//! A Rerun `Image` holds a blob, a resolution `[width, height]`, and an `ImageFormat` whose
//! `pixel_format`, `color_model` and `channel_datatype` are optional enums with Rerun's
//! numbers. `rgba8_for_texture` takes exactly those and returns packed sRGB RGBA8 rows.
//!
//!   cargo run --example rerun_image                     # three synthetic frames
//!   cargo run --example rerun_image -- BLOB W H PF CM DT  # a raw blob; "-" for an absent enum
use pixconv::{convert, Error, ImageFormat, ImageView, Options};

/// The RGBA8 pixels (sRGB, straight alpha, `width * 4` bytes per row) of a Rerun image.
fn rgba8_for_texture(
    blob: &[u8],
    resolution: [u32; 2],
    pixel_format: Option<u8>,
    color_model: Option<u8>,
    channel_datatype: Option<u8>,
) -> Result<Vec<u8>, Error> {
    let format = ImageFormat::from_rerun(resolution, pixel_format, color_model, channel_datatype)?;
    let image = ImageView::new(format, blob)?;
    let mut rgba = vec![0u8; format.rgba8_size()?];
    convert(&image, &mut rgba, &Options::default())?;
    Ok(rgba)
}

fn parse_enum(arg: &str) -> Option<u8> {
    if arg == "-" {
        return None;
    }
    Some(arg.parse().unwrap_or_else(|_| panic!("not a Rerun enum number: {}", arg)))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() == 6 {
        let blob = std::fs::read(&args[0])?;
        let resolution = [args[1].parse()?, args[2].parse()?];
        let rgba = rgba8_for_texture(
            &blob,
            resolution,
            parse_enum(&args[3]),
            parse_enum(&args[4]),
            parse_enum(&args[5]),
        )?;
        std::fs::write(format!("{}.rgba", args[0]), &rgba)?;
        println!("wrote {}.rgba: {} bytes", args[0], rgba.len());
        return Ok(());
    }

    // NV12 (PixelFormat 26): mid-gray luma, neutral chroma.
    let nv12 = vec![128u8; 64 * 48 * 3 / 2];
    let rgba = rgba8_for_texture(&nv12, [64, 48], Some(26), None, None)?;
    println!("NV12 64x48       -> {} bytes, first pixel {:?}", rgba.len(), &rgba[..4]);

    // A U16 grayscale ramp (ColorModel L = 1, ChannelDatatype U16 = 8), native byte order.
    let ramp: Vec<u8> = (0..32u16 * 8).flat_map(|v| (v * 200).to_ne_bytes()).collect();
    let rgba = rgba8_for_texture(&ramp, [32, 8], None, Some(1), Some(8))?;
    println!("L/U16 32x8       -> {} bytes, last pixel {:?}", rgba.len(), &rgba[rgba.len() - 4..]);

    // RGB f32 (ColorModel RGB = 2, ChannelDatatype F32 = 34), one orange pixel.
    let orange: Vec<u8> = [1.0f32, 0.5, 0.0].iter().flat_map(|v| v.to_ne_bytes()).collect();
    let rgba = rgba8_for_texture(&orange, [1, 1], None, Some(2), Some(34))?;
    println!("RGB/F32 1x1      -> {:?}", rgba);

    // A blob one byte short: an error with the library's message, not a panic.
    match rgba8_for_texture(&nv12[1..], [64, 48], Some(26), None, None) {
        Err(error) => println!("NV12, short blob -> error: {}", error),
        Ok(_) => return Err("a short blob converted".into()),
    }
    Ok(())
}
