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
  pixconv convert IN... -o DIR/         convert many, in parallel, into a directory
  pixconv info FILE... [options]        describe images: format, bytes, per-channel min/max
  pixconv formats [--size WxH]          every pixel format, color model and datatype
  pixconv bench [--size WxH] [--filter REGEX]
                                        a quick throughput table for this machine
  pixconv --help | --version            (pixconv COMMAND --help for each command)

Raw input is a file of samples described on the command line: --size WxH and either
--color-model (L RGB RGBA BGR BGRA) with --datatype (U8 I8 U16 I16 U32 I32 U64 I64 F16 F32
F64), or --pixel-format (I420, I422, I444 limited/full, NV12, YUY2, Y8). PNG and JPEG inputs
are recognised by their content and need none of that. Names are case-insensitive; ffmpeg's
and NumPy's names work too (yuv420p, yuyv422, gray, uint16, float32).

Exit status: 0 success, 1 error (bad input file, I/O; any failed file of a batch), 2 usage
error (bad command line). Ctrl-C removes the temporary files of unfinished outputs.

Examples:
  pixconv convert frame.nv12 --size 1920x1080 --pixel-format nv12 -o frame.png
  pixconv convert photos/*.jpg -o thumbs/ --jobs 4
  pixconv info depth.raw --size 640x480 --datatype u16
)";

constexpr const char* kConvertHelp = R"(Usage: pixconv convert IN -o OUT [options]
       pixconv convert IN... -o DIR/ [options]

Converts IN to OUT. IN may be - (stdin) and OUT may be - (stdout). The extension of OUT picks
what is written (or --output-format, for stdout and directories; default png):
  .png          8-bit RGBA PNG (--to rgba8, the default), or 16-bit with --to rgba16
  .pfm          float RGB Portable FloatMap (the RGBA f32 result, alpha dropped)
  .jpg, .jpeg   8-bit RGB JPEG (--quality, default 90); alpha is dropped, with a warning
  .rgba, .raw   the destination buffer as is: RGBA8 bytes, or 4 little-endian f32 per pixel
                with --to rgbaf32; rows tightly packed, no header
With several inputs, or -o naming a directory (an existing one, or any name ending in /,
which is created), each IN is written to DIR/NAME.png (or .jpg, .pfm, .rgba), NAME being IN's
name without its extension; --jobs files convert at once. A file that fails is reported and
the others still convert. An existing regular file is replaced atomically and keeps its mode;
symlinks are followed; devices and FIFOs (-o /dev/null) are written to, and need no --force.

Input:
  --input-format KIND      auto (default), raw, png or jpeg: auto decodes files that start
                           like a PNG or JPEG and reads others as raw; with raw options given,
                           a file is decoded only when its whole header reads, so raw data
                           that starts with FF D8 FF stays raw

Raw input (PNG and JPEG carry their format in their header):
  --size WxH               image size in pixels (required for raw input)
  --color-model M          L, RGB, RGBA, BGR or BGRA (default L; gray = L)
  --datatype T             U8, I8, U16, I16, U32, I32, U64, I64, F16, F32, F64 (default U8;
                           or uint8 ... float64); multi-byte samples are little-endian
  --pixel-format NAME      instead of the two above: Y_U_V12_LimitedRange (i420),
                           Y_U_V12_FullRange (i420f), Y_U_V16_LimitedRange (i422),
                           Y_U_V16_FullRange (i422f), Y_U_V24_LimitedRange (i444),
                           Y_U_V24_FullRange (i444f), NV12, YUY2, Y8_LimitedRange (y8),
                           Y8_FullRange (y8f); ffmpeg's yuv420p, yuvj420p, yuv422p,
                           yuvj422p, yuv444p, yuvj444p, yuyv422 and gray (= y8f) work too
  --stride BYTES[,U,V]     input row stride in bytes: one value for every plane, or one per
                           plane (default: tightly packed rows)

Input (PNG and JPEG):
  --max-pixels N           largest width x height to decode (default 268435456 = 16384^2),
                           the guard against decompression bombs
  --auto-orient            turn JPEGs upright as their EXIF orientation says (off by default,
                           as in ImageMagick; 'pixconv info' shows the orientation)

Output:
  -o, --output OUT         the output file, - for stdout, or a directory (DIR/)
  --output-format KIND     png, jpeg, pfm, rgba or raw: what to write where -o has no
                           extension (it must agree with an extension that -o has)
  --to rgba8|rgbaf32|rgba16
                           output sample type (default rgba8); rgba16 = a 16-bit PNG made
                           from the RGBA f32 result, sRGB-encoded like rgba8, for input with
                           more than 8 bits
  --order rgba|bgra        channel order of raw output (PNG and PFM are always RGB(A))
  --quality N              JPEG quality, 1..100 (default 90)
  -f, --force              overwrite outputs that exist (otherwise nothing is converted)
  -n, --skip-existing      leave outputs that exist and convert the rest (to finish a batch
                           that was interrupted)
  -j, --jobs N             files converted at once in a batch (default: one per core)
  --png-level N            PNG compression, 0 (fastest, largest) to 12 (smallest, slowest);
                           default 4
  -q, --quiet              no progress bar or summary (errors are still printed)
  --progress               show them even when stderr is not a terminal

Value mapping (color-model input):
  --range MODE             which sample range maps to [0, 1]:
                             auto      (default for raw input) finite min/max of the image;
                                       data already in [0,1] (float) or [0,255] keeps that
                                       range; U8 is [0,255]
                             datatype  (default for PNG and JPEG files) the datatype's full
                                       range (floats: [0,1]): a 16-bit PNG's white is 65535
                             depth     [0, finite max], for depth images
                             LO,HI     explicit, e.g. 0,4095 (LO > HI inverts)
                           (--range auto stretches a 16-bit PNG's own min..max, as Rerun
                           does for raw images)
  --input-transfer srgb|linear|auto
                           how the input is encoded (default srgb; auto = sRGB for U8 and
                           data in [0,255] or [0,1], else linear)
  --output-transfer default|srgb|linear
                           how the output is encoded (default: sRGB for rgba8, linear for
                           rgbaf32)
  --premultiply            multiply RGB by alpha (after the transfer); raw output only, as
                           PNG stores straight alpha
  --no-clamp               float output (.pfm, --to rgbaf32) keeps values outside [0, 1]
                           (HDR data, a --range narrower than the data); NaN still becomes 0

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
                           (on stdout, or on stderr when the image goes to stdout)
  --target NAME            run the kernels of one SIMD target (e.g. SSE4); --version lists them
Short flags combine (-fq), and a short option takes its value attached too (-j4).
Options that do not apply to an input (--matrix for an RGB image, --range for YUV) are named
in a warning; an option with a value given twice is an error.

Examples:
  pixconv convert frame.nv12 --size 1920x1080 --pixel-format nv12 -o frame.png
  pixconv convert depth.raw --size 640x480 --datatype u16 --range depth -o depth.png
  pixconv convert depth.raw --size 640x480 --datatype f32 --depth -o depth_turbo.png
  pixconv convert mask.raw --size 640x480 --segmentation --class-colors classes.txt -o mask.png
  pixconv convert scan.raw --size 227x149 --color-model bgr --datatype u16 --range 0,4095 -o scan.png
  pixconv convert hdr.raw --size 512x512 --color-model rgba --datatype f32 --to rgbaf32 -o hdr.rgba
  pixconv convert photo.jpg --order bgra -o photo.rgba
  pixconv convert camera.jpg --auto-orient --quality 85 -o upright.jpg
  pixconv convert scan16.png --to rgba16 -o scan16-srgb.png
  pixconv convert hdr.raw --size 512x512 --color-model rgb --datatype f16 --range datatype \
          --input-transfer linear --no-clamp -o hdr.pfm     (linear HDR, values above 1 kept)
  pixconv convert shots/*.jpg shots/*.png -o out/ --jobs 8
  pixconv convert shots/*.jpg -o out/ -n        (after Ctrl-C: convert the rest)
  cat frame.yuy2 | pixconv convert - --size 640x480 --pixel-format yuy2 -o - > frame.png
)";

constexpr const char* kInfoHelp = R"(Usage: pixconv info FILE... [options]

Prints what each FILE holds: its kind (PNG, JPEG or raw) and bytes, the format (pixel format,
or color model and datatype), the size, the bit depth (PNG/JPEG), the EXIF orientation
(JPEG, when it has one), the bytes of the image, the
finite min/max of each channel (in memory order: B, G, R for BGR; Y, U, V for YUV) and of all
samples together, and the range --range (default auto) picks from them. PNG and JPEG files are
decoded for the statistics; raw files need --size and --color-model/--datatype or
--pixel-format, as for convert. FILE may be - (stdin). A damaged PNG or JPEG still gets
what its header says, and the exit status is 1 when any file could not be read.

Options: --size WxH, --color-model M, --datatype T, --pixel-format NAME, --stride BYTES[,U,V],
         --input-format KIND, --max-pixels N, --range MODE (see 'pixconv convert --help')
  --json                   the same facts as one JSON object (an array of them for several
                           files)

Examples:
  pixconv info photo.png
  pixconv info shots/*.jpg
  pixconv info depth.raw --size 640x480 --datatype u16
  pixconv info frame.nv12 --size 1920x1080 --pixel-format nv12 --json
)";

constexpr const char* kFormatsHelp = R"(Usage: pixconv formats [--size WxH]

Lists every pixel format, color model and datatype with its Rerun number, the bytes a raw
file of --size (default 1920x1080) needs, and the SIMD target whose kernels convert it on
this machine (for RGBA8 and RGBA f32 output).

Example:
  pixconv formats --size 640x480
)";

constexpr const char* kBenchHelp =
    R"(Usage: pixconv bench [--size WxH] [--filter REGEX] [--target NAME]

Times the conversions on this machine, one thread, synthetic data of --size (default
1920x1080), and prints Mpix/s, GB/s (bytes read + written) and the ratio to memcpy of the
same output size measured in the same run. Each row is the median of 5 runs and names the
SIMD target that ran it; a full table takes about ten seconds. For careful measurements use
the Google Benchmark suite (build/bench/convert_bench).

Options:
  --size WxH               image size (default 1920x1080)
  --filter REGEX           only rows whose name matches (case-insensitive), e.g. 'NV12|YUY2'
  --target NAME            run the kernels of one SIMD target; --version lists them

Examples:
  pixconv bench
  pixconv bench --size 3840x2160 --filter 'rgbaf32'
)";

}  // namespace

std::string HelpText(Command topic) {
  switch (topic) {
    case Command::kConvert:
      return kConvertHelp;
    case Command::kInfo:
      return kInfoHelp;
    case Command::kFormats:
      return kFormatsHelp;
    case Command::kBench:
      return kBenchHelp;
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
