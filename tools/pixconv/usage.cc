#include "usage.h"

#include "pixconv/convert.h"

#ifndef PIXCONV_VERSION
#error "PIXCONV_VERSION must be defined by the build (meson.project_version())"
#endif

namespace pixconv::cli {
namespace {

constexpr const char* kOverview =
    R"(pixconv - convert raw images (Rerun's image model) and PNG/JPEG files to RGBA8 or RGBA f32

Usage:
  pixconv convert IN -o OUT [options]   convert one image (see 'pixconv convert --help')
  pixconv info FILE [options]           describe an image (see 'pixconv info --help')
  pixconv --help | --version

Raw input is a file of samples described on the command line: --size WxH and either
--color-model (L RGB RGBA BGR BGRA) with --datatype (U8 I8 U16 I16 U32 I32 U64 I64 F16 F32
F64), or --pixel-format (I420, I422, I444 limited/full, NV12, YUY2, Y8). PNG and JPEG inputs
are recognised by their content and need none of that. Names are case-insensitive.

Exit status: 0 success, 1 error (bad input file, I/O), 2 usage error (bad command line).
)";

constexpr const char* kConvertHelp = R"(Usage: pixconv convert IN -o OUT [options]

Converts IN to OUT. The extension of OUT picks what is written:
  .png          8-bit RGBA PNG (needs --to rgba8, the default)
  .rgba, .raw   the destination buffer as is: RGBA8 bytes, or 4 little-endian f32 per pixel
                with --to rgbaf32; rows tightly packed, no header

Input (raw files only; PNG and JPEG are detected by content):
  --size WxH               image size in pixels (required for raw input)
  --color-model M          L, RGB, RGBA, BGR or BGRA (default L)
  --datatype T             U8, I8, U16, I16, U32, I32, U64, I64, F16, F32, F64 (default U8);
                           multi-byte samples are little-endian
  --pixel-format NAME      instead of the two above: Y_U_V12_LimitedRange (i420),
                           Y_U_V12_FullRange (i420f), Y_U_V16_LimitedRange (i422),
                           Y_U_V16_FullRange (i422f), Y_U_V24_LimitedRange (i444),
                           Y_U_V24_FullRange (i444f), NV12, YUY2, Y8_LimitedRange (y8),
                           Y8_FullRange (y8f)
  --stride BYTES[,U,V]     input row stride in bytes: one value for every plane, or one per
                           plane (default: tightly packed rows)

Output:
  -o, --output OUT         the output file
  --to rgba8|rgbaf32       output sample type (default rgba8)
  --order rgba|bgra        channel order of raw output (PNG is always RGBA)
  -f, --force              overwrite OUT if it exists

Value mapping (color-model input):
  --range MODE             which sample range maps to [0, 1]:
                             auto      (default) finite min/max of the image; data already in
                                       [0,1] (float) or [0,255] keeps that range; U8 is [0,255]
                             datatype  the datatype's full range (floats: [0,1])
                             depth     [0, finite max], for depth images
                             LO,HI     explicit, e.g. 0,4095 (LO > HI inverts)
                           (16-bit PNGs get auto too, as in Rerun; --range datatype maps
                           0..65535 to 0..1 as other viewers do)
  --input-transfer srgb|linear|auto
                           how the input is encoded (default srgb; auto = sRGB for U8 and
                           data in [0,255] or [0,1], else linear)
  --output-transfer default|srgb|linear
                           how the output is encoded (default: sRGB for rgba8, linear for
                           rgbaf32)
  --premultiply            multiply RGB by alpha (after the transfer)

Depth and segmentation (L input only):
  --colormap NAME          color the normalized samples (after --range) with a colormap:
                           grayscale, inferno, magma, plasma, turbo, viridis, cyantoyellow,
                           spectral, twilight
  --depth                  a depth image: --range depth and --colormap turbo, unless given
  --segmentation           the samples are class ids (floats round to the nearest integer);
                           ids without a color get Rerun's automatic color, negative, NaN and
                           ids above 65535 transparent black
  --class-colors FILE      class colors for --segmentation: one 'id r g b [a]' per line
                           (id 0..65535, 8-bit sRGB values, alpha default 255), '#' starts a
                           comment; ids missing from the file get the automatic color

YUV input (--pixel-format):
  --matrix bt601|bt709|bt2020     override the format's matrix (NV12/YUY2: BT.601, others BT.709)
  --yuv-range limited|full        override the format's range
  --chroma nearest|bilinear       chroma upsampling (default nearest)

Other:
  -v, --verbose            print what was converted: formats, range, transfers, SIMD target
  --target NAME            run the kernels of one SIMD target (e.g. SSE4); --version lists them

Examples:
  pixconv convert frame.nv12 --size 1920x1080 --pixel-format nv12 -o frame.png
  pixconv convert depth.raw --size 640x480 --datatype u16 --range depth -o depth.png
  pixconv convert depth.raw --size 640x480 --datatype f32 --depth -o depth_turbo.png
  pixconv convert mask.raw --size 640x480 --segmentation --class-colors classes.txt -o mask.png
  pixconv convert scan.raw --size 227x149 --color-model bgr --datatype u16 --range 0,4095 -o scan.png
  pixconv convert hdr.raw --size 512x512 --color-model rgba --datatype f32 --to rgbaf32 -o hdr.rgba
  pixconv convert photo.jpg --order bgra -o photo.rgba
)";

constexpr const char* kInfoHelp = R"(Usage: pixconv info FILE [options]

PNG or JPEG: prints the format, size, color model, datatype and bit depth from the header.
Raw (with --size and --color-model/--datatype or --pixel-format, as for convert): prints the
format, the bytes it needs and has, the finite min/max over all samples (the Y plane for YUV)
and the range --range (default auto) picks from them.

Options: --size WxH, --color-model M, --datatype T, --pixel-format NAME, --stride BYTES[,U,V],
         --range MODE (see 'pixconv convert --help')

Examples:
  pixconv info photo.png
  pixconv info depth.raw --size 640x480 --datatype u16
)";

}  // namespace

std::string HelpText(Command topic) {
  switch (topic) {
    case Command::kConvert:
      return kConvertHelp;
    case Command::kInfo:
      return kInfoHelp;
    default:
      return kOverview;
  }
}

std::string VersionText() {
  return std::string("pixconv ") + PIXCONV_VERSION +
         "\nSIMD targets (this build and CPU, best first): " + SupportedTargetNames() +
         "\nruntime dispatch picks: " + BestTargetName() + "\n";
}

}  // namespace pixconv::cli
