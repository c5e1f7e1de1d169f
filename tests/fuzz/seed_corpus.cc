#include "seed_corpus.h"

#include <cstring>
#include <string>
#include <vector>

#include "convert_case.h"
#include "decode/decode_test_util.h"
#include "decode_case.h"
#include "pixconv/layout.h"

namespace pixconv::fuzz {
namespace {

using Expect = Seed::Expect;

// A deterministic byte stream (the seeds are the same on every machine and every run).
class Lcg {
 public:
  explicit Lcg(uint32_t seed) : state_(seed) {}
  uint32_t Next() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_ >> 8;
  }

 private:
  uint32_t state_;
};

// ---------------------------------------------------------------- decode

// Options spread over the seeds by their index, so the corpus covers every entry point's
// option handling from the start.
DecodeCase DecodeHeader(size_t i) {
  DecodeCase c;
  c.target = static_cast<uint8_t>(i % 8);
  c.max_jpeg_scans = 100;
  if (i % 3 == 0) c.dst_stride = Delta{Delta::kMore, i % 4};
  ConvertOptions& o = c.convert;
  o.to = kOutputTypes[i % 2];
  o.order = kChannelOrders[(i / 2) % 2];
  o.range = kRangeModes[(i / 4) % 4];
  o.range_lo = 0.0;
  o.range_hi = 255.0;
  o.input_transfer = kInputTransfers[(i / 3) % 3];
  o.output_transfer = kOutputTransfers[(i / 5) % 3];
  o.premultiply = i % 7 == 0;
  if (i % 6 == 0) o.colormap = Colormap::Turbo;  // refused for color images: both paths agree
  return c;
}

Seed DecodeSeed(const std::string& name, DecodeCase c, const std::vector<uint8_t>& file,
                Expect expect) {
  c.file = file;
  return Seed{name, WriteDecodeCase(c), expect};
}

std::vector<uint8_t> Jpeg(uint32_t w, uint32_t h, int components, J_COLOR_SPACE in,
                          J_COLOR_SPACE stored, int h_samp, int v_samp, bool progressive,
                          bool arithmetic, unsigned restart) {
  decode_test::JpegEncodeSpec spec;
  spec.width = w;
  spec.height = h;
  spec.components = components;
  spec.in_space = in;
  spec.jpeg_space = stored;
  spec.h_samp = h_samp;
  spec.v_samp = v_samp;
  spec.progressive = progressive;
  spec.arithmetic = arithmetic;
  spec.restart_interval = restart;
  return decode_test::EncodeJpeg(spec, decode_test::SyntheticImage(w, h, components));
}

// ---------------------------------------------------------------- convert

std::vector<ImageFormat> AllLayouts() {
  std::vector<ImageFormat> formats;
  for (ChannelDatatype t : kAllDatatypes) {
    for (ColorModel m : kAllColorModels) formats.push_back(ImageFormat::Color(1, 1, m, t));
  }
  for (PixelFormat f : kAllPixelFormats) formats.push_back(ImageFormat::Pixel(1, 1, f));
  return formats;
}

// Samples for a seed: random bytes, or for float data (every other seed) values in [0, 1],
// which take the Auto range's [0, 1] branch instead of the min/max one.
std::vector<uint8_t> Samples(const ImageFormat& f, size_t i) {
  Lcg rng(static_cast<uint32_t>(i) * 7919u + 1);
  std::vector<uint8_t> bytes(256);
  if (!f.pixel_format && IsFloat(f.datatype) && i % 2 == 0) {
    const int size = BytesPerSample(f.datatype);
    for (size_t at = 0; at + size <= bytes.size(); at += size) {
      const double v = (rng.Next() % 1001) / 1000.0;
      if (size == 8) {
        std::memcpy(&bytes[at], &v, 8);
      } else if (size == 4) {
        const float x = static_cast<float>(v);
        std::memcpy(&bytes[at], &x, 4);
      } else {  // F16: 0x3C00 is 1.0; exponents 0x00..0x0E with any mantissa are below it
        const uint16_t half = static_cast<uint16_t>(rng.Next() % 0x3C01);
        std::memcpy(&bytes[at], &half, 2);
      }
    }
    return bytes;
  }
  for (uint8_t& b : bytes) b = static_cast<uint8_t>(rng.Next());
  return bytes;
}

ConvertCase ValidCase(ImageFormat f, size_t i) {
  constexpr uint32_t kWidths[] = {1, 2, 7, 16, 33, 64, 70, 129, 239};
  f.width = kWidths[i % std::size(kWidths)];
  f.height = 1 + static_cast<uint32_t>(i % 9);
  ConvertCase c;
  c.format = f;
  c.source = static_cast<SourceKind>(i % 3);
  c.num_planes = static_cast<int8_t>(ComputeLayout(f)->num_planes);
  // A hand-built view has no "0 = packed": its strides are the row bytes or more.
  if (i % 4 == 0 || c.source == SourceKind::kHandBuilt) {
    for (Delta& d : c.strides) d = Delta{Delta::kMore, i % 4 == 0 ? i % 13 : 0};
  }
  ConvertOptions& o = c.options;
  o.to = kOutputTypes[i % 2];
  o.order = kChannelOrders[(i / 2) % 2];
  o.range = kRangeModes[(i / 4) % 4];
  o.range_lo = i % 8 < 4 ? 0.0 : 65535.0;  // inverted half the time
  o.range_hi = i % 8 < 4 ? 255.0 : 0.0;
  o.input_transfer = kInputTransfers[(i / 3) % 3];
  o.output_transfer = kOutputTransfers[(i / 5) % 3];
  o.premultiply = i % 7 == 0;
  o.yuv_matrix = kYuvMatrices[i % 4];
  o.yuv_range = kYuvRanges[(i / 2) % 3];
  o.chroma = kChromaFilters[(i / 3) % 2];
  if (!f.pixel_format && f.color_model == ColorModel::L) {
    if (i % 5 == 1) o.colormap = kColormaps[1 + i % 9];
    if (i % 5 == 3) {
      o.segmentation = true;
      c.class_colors = ClassColorsKind::kTable;
      c.class_count = 16;
    }
  }
  if (i % 3 == 1) c.dst_stride = Delta{Delta::kMore, 8};
  c.row_begin = f.height / 3;
  c.row_end = f.height;
  c.runner = static_cast<RunnerKind>(i % 4);
  c.bands = 1 + static_cast<uint32_t>(i % 5);
  c.threads = static_cast<uint8_t>(i % 3);
  c.target = static_cast<uint8_t>(i);
  c.fill = static_cast<uint8_t>(i * 37);
  c.samples = Samples(f, i);
  return c;
}

Seed ConvertSeed(const std::string& name, const ConvertCase& c, Expect expect) {
  return Seed{name, WriteConvertCase(c), expect};
}

// ---------------------------------------------------------------- cli

Seed CliSeed(const std::string& name, const std::vector<std::string>& args, Expect expect,
             bool class_colors_inline = false, Delta file_length = {}) {
  std::vector<uint8_t> bytes = {static_cast<uint8_t>(class_colors_inline ? 1 : 0),
                                DeltaToByte(file_length)};
  for (size_t i = 0; i < args.size(); ++i) {
    if (i > 0) bytes.push_back(0);
    bytes.insert(bytes.end(), args[i].begin(), args[i].end());
  }
  return Seed{name, bytes, expect};
}

}  // namespace

std::vector<Seed> DecodeSeeds() {
  std::vector<Seed> seeds;
  size_t i = 0;
  for (const std::string& path : decode_test::PngSuiteValid()) {
    seeds.push_back(DecodeSeed("png-" + decode_test::Stem(path), DecodeHeader(i++),
                               decode_test::ReadFile(path), Expect::kAccepted));
  }
  for (const std::string& path : decode_test::PngSuiteInvalid()) {
    seeds.push_back(DecodeSeed("png-" + decode_test::Stem(path), DecodeHeader(i++),
                               decode_test::ReadFile(path), Expect::kRejected));
  }
  for (const std::string& path : decode_test::JpegCorpus()) {
    seeds.push_back(DecodeSeed("jpeg-" + decode_test::Stem(path), DecodeHeader(i++),
                               decode_test::ReadFile(path), Expect::kAccepted));
  }
  const std::vector<uint8_t> testorig =
      decode_test::ReadFile(decode_test::TestdataPath("libjpeg-turbo/testorig.jpg"));
  DecodeCase small_limit = DecodeHeader(i++);
  small_limit.max_pixels_log2 = 10;  // 1024 pixels: 227 x 149 is over the limit
  seeds.push_back(DecodeSeed("jpeg-over-pixel-limit", small_limit, testorig, Expect::kRejected));
  // 12-bit: libjpeg-turbo 2.x decodes 8-bit JPEGs only. The 16-bit PNG beside it is left out:
  // at 190 KB it would set libFuzzer's input length limit far above what the rest needs.
  seeds.push_back(DecodeSeed(
      "jpeg-monkey12", DecodeHeader(i++),
      decode_test::ReadFile(decode_test::TestdataPath("libjpeg-turbo/monkey12.jpg")),
      Expect::kRejected));
  seeds.push_back(DecodeSeed(
      "png-vgl_5674_0098", DecodeHeader(i++),
      decode_test::ReadFile(decode_test::TestdataPath("libjpeg-turbo/vgl_5674_0098.png")),
      Expect::kAccepted));

  struct Encoded {
    const char* name;
    std::vector<uint8_t> file;
  };
  const Encoded encoded[] = {
      {"progressive-420", Jpeg(33, 17, 3, JCS_RGB, JCS_YCbCr, 2, 2, true, false, 0)},
      {"gray", Jpeg(16, 9, 1, JCS_GRAYSCALE, JCS_GRAYSCALE, 1, 1, false, false, 0)},
      {"cmyk", Jpeg(16, 16, 4, JCS_CMYK, JCS_CMYK, 1, 1, false, false, 0)},
      {"ycck-422", Jpeg(24, 8, 4, JCS_CMYK, JCS_YCCK, 2, 1, false, false, 0)},
      {"rgb-stored", Jpeg(13, 11, 3, JCS_RGB, JCS_RGB, 1, 1, false, false, 0)},
      {"arithmetic-progressive-444", Jpeg(20, 12, 3, JCS_RGB, JCS_YCbCr, 1, 1, true, true, 0)},
      {"restart-422", Jpeg(40, 24, 3, JCS_RGB, JCS_YCbCr, 2, 1, false, false, 1)},
  };
  for (const Encoded& e : encoded) {
    seeds.push_back(DecodeSeed(std::string("jpeg-") + e.name, DecodeHeader(i++), e.file,
                               e.file.empty() ? Expect::kRejected : Expect::kAccepted));
  }
  DecodeCase few_scans = DecodeHeader(i++);
  few_scans.max_jpeg_scans = 2;  // jpeg_simple_progression writes 10 scans
  seeds.push_back(DecodeSeed("jpeg-over-scan-limit", few_scans, encoded[0].file,
                             Expect::kRejected));
  seeds.push_back(DecodeSeed("png-bomb-header", DecodeHeader(i++),
                             decode_test::PngWithoutImageData(1u << 20, 1u << 20, 8, 6),
                             Expect::kRejected));
  seeds.push_back(DecodeSeed("png-no-image-data", DecodeHeader(i++),
                             decode_test::PngWithoutImageData(16, 16, 16, 2), Expect::kRejected));
  return seeds;
}

std::vector<Seed> ConvertSeeds() {
  std::vector<Seed> seeds;
  const std::vector<ImageFormat> layouts = AllLayouts();
  for (size_t i = 0; i < layouts.size(); ++i) {
    const ImageFormat& f = layouts[i];
    const std::string name = f.pixel_format ? std::string(Name(*f.pixel_format))
                                            : std::string(Name(f.color_model)) + "-" +
                                                  std::string(Name(f.datatype));
    seeds.push_back(ConvertSeed("valid-" + std::to_string(i) + "-" + name, ValidCase(f, i),
                                Expect::kAccepted));
  }
  // Inputs the library must refuse, one reason each, from a valid L/U8 or NV12 case.
  const ConvertCase l8 = ValidCase(ImageFormat::Color(1, 1, ColorModel::L, ChannelDatatype::U8), 3);
  const ConvertCase nv12 = ValidCase(ImageFormat::Pixel(1, 1, PixelFormat::NV12), 5);
  auto refused = [&](const char* name, ConvertCase c) {
    seeds.push_back(ConvertSeed(std::string("refused-") + name, c, Expect::kRejected));
  };
  ConvertCase c = l8;
  c.format.datatype = static_cast<ChannelDatatype>(0);
  refused("unknown-datatype", c);
  c = l8;
  c.format.pixel_format = static_cast<PixelFormat>(21);
  refused("unknown-pixel-format", c);
  c = l8;
  c.format.width = 0;
  refused("zero-width", c);
  c = l8;
  c.format.width = kMaxDimension + 1;
  refused("wide", c);
  c = l8;
  c.source = SourceKind::kContiguous;
  c.lengths[0] = Delta{Delta::kLess, 0};
  refused("short-buffer", c);
  c = l8;
  c.format.width = 16;
  c.strides[0] = Delta{Delta::kLess, 0};
  refused("short-stride", c);
  c = l8;
  c.dst_length = Delta{Delta::kLess, 0};
  refused("short-destination", c);
  c = l8;
  c.options.to = static_cast<OutputType>(2);
  refused("unknown-output-type", c);
  c = l8;
  c.options.segmentation = false;
  c.options.colormap = static_cast<Colormap>(10);
  refused("unknown-colormap", c);
  c = l8;
  c.options.range = RangeMode::Explicit;
  c.options.range_lo = c.options.range_hi = 1.0;
  refused("empty-range", c);
  c = l8;
  c.options.range = RangeMode::Explicit;
  c.options.range_lo = InterestingDouble(18);  // NaN
  refused("nan-range", c);
  c = l8;
  c.options.segmentation = true;
  c.options.colormap = Colormap::Turbo;
  refused("segmentation-and-colormap", c);
  c = l8;
  c.options.segmentation = true;
  c.class_colors = ClassColorsKind::kTable;
  c.class_count = kMaxClassColors + 1;
  refused("too-many-class-colors", c);
  c = l8;
  c.options.segmentation = true;
  c.class_colors = ClassColorsKind::kNullTable;
  c.class_count = 5;
  refused("null-class-colors", c);
  c = ValidCase(ImageFormat::Color(1, 1, ColorModel::RGB, ChannelDatatype::U16), 1);
  c.options.colormap = Colormap::Viridis;
  refused("colormap-on-rgb", c);
  c = nv12;
  c.source = SourceKind::kHandBuilt;
  c.num_planes = 4;
  refused("four-planes", c);
  c = nv12;
  c.source = SourceKind::kHandBuilt;
  c.num_planes = -1;
  refused("negative-planes", c);
  c = nv12;
  c.source = SourceKind::kPlanar;
  c.lengths[1] = Delta{Delta::kLess, 0};
  refused("short-chroma-plane", c);
  c = nv12;
  c.options.yuv_matrix = static_cast<YuvMatrix>(4);
  refused("unknown-matrix", c);
  return seeds;
}

std::vector<Seed> CliArgsSeeds() {
  std::vector<Seed> seeds;
  auto add = [&](const std::string& name, std::vector<std::string> args, Expect expect,
                 bool class_colors_inline = false, Delta file_length = {}) {
    seeds.push_back(CliSeed(name, args, expect, class_colors_inline, file_length));
  };
  add("nv12", {"convert", "frame.nv12", "--size", "64x48", "--pixel-format", "nv12", "-o",
               "frame.png"},
      Expect::kAccepted);
  add("depth-range", {"convert", "depth.raw", "--size", "64x48", "--datatype", "u16", "--range",
                      "depth", "-o", "depth.png"},
      Expect::kAccepted);
  add("rgba16", {"convert", "depth.raw", "--size", "64x48", "--datatype", "u16", "--to", "rgba16",
                 "-o", "depth16.png"},
      Expect::kAccepted);
  add("pfm-f16", {"convert", "hdr.raw", "--size", "32x32", "--color-model", "rgb", "--datatype",
                  "f16", "-o", "hdr.pfm"},
      Expect::kAccepted);
  add("batch", {"convert", "a.png", "b.png", "-o", "out/", "--jobs", "4"}, Expect::kAccepted);
  add("stdio-yuy2", {"convert", "-", "--size", "63x47", "--pixel-format", "yuy2", "-o", "-",
                     "--output-format", "rgba"},
      Expect::kAccepted, false, Delta{Delta::kMore, 3});
  add("depth", {"convert", "depth.raw", "--size=64x48", "--datatype=u16", "--depth", "-o",
                "depth.png"},
      Expect::kAccepted);
  add("segmentation", {"convert", "mask.raw", "--size", "64x48", "--segmentation",
                       "--class-colors", "# classes\n0 0 0 0 0\n1 128 64 128\n2\t0 0 142 128\n",
                       "-o", "mask.png"},
      Expect::kAccepted, true);
  add("info-nv12", {"info", "frame.nv12", "--size", "64x48", "--pixel-format", "nv12"},
      Expect::kAccepted);
  add("info-json", {"info", "photo.raw", "--size", "16x16", "--color-model", "bgra",
                    "--datatype", "f32", "--json", "--stride", "300"},
      Expect::kAccepted);
  add("formats", {"formats", "--size", "1920x1080"}, Expect::kAccepted);
  add("bench", {"bench", "--filter", "NV12|U16"}, Expect::kAccepted);
  add("raw-bgra-f32", {"convert", "x.raw", "--size", "30x20", "--stride", "40", "-o", "x.rgba",
                       "--order", "bgra", "--to", "rgbaf32"},
      Expect::kAccepted);
  add("i420-options", {"convert", "x.raw", "--size", "31x21", "--pixel-format", "i420",
                       "--stride", "32,16,16", "--matrix", "bt2020", "--yuv-range", "full",
                       "--chroma", "bilinear", "-o", "x.png"},
      Expect::kAccepted);
  add("explicit-range", {"convert", "x.raw", "--size", "30x20", "--color-model", "rgba",
                         "--datatype", "f32", "--range", "0,4095", "--input-transfer", "linear",
                         "--output-transfer", "srgb", "--premultiply", "-o", "x.rgba", "--to",
                         "rgbaf32"},
      Expect::kAccepted);
  add("colormap", {"convert", "x.raw", "--size", "30x20", "--colormap", "viridis", "--datatype",
                   "i16", "-o", "x.png", "--verbose", "-q", "--progress", "-f"},
      Expect::kAccepted);
  add("target", {"convert", "x.raw", "--size", "8x8", "-o", "x.png", "--target", "emu128"},
      Expect::kAny);  // rejected where this build has no EMU128 (gcc 12 builds SCALAR)
  add("short-file", {"convert", "x.raw", "--size", "8x8", "-o", "x.png"}, Expect::kAccepted,
      false, Delta{Delta::kLess, 0});
  add("help", {"help", "convert"}, Expect::kAccepted);
  add("convert-help", {"convert", "--help"}, Expect::kAccepted);
  add("version", {"--version"}, Expect::kAccepted);
  add("zero-size", {"convert", "x.raw", "--size", "0x5", "-o", "x.png"}, Expect::kRejected);
  add("unknown-option", {"convert", "x.raw", "--sise", "4x4", "-o", "x.png"}, Expect::kRejected);
  add("both-formats", {"convert", "x.raw", "--size", "4x4", "--pixel-format", "nv12",
                       "--datatype", "u8", "-o", "x.png"},
      Expect::kRejected);
  add("bad-class-colors", {"convert", "x.raw", "--size", "4x4", "--segmentation",
                           "--class-colors", "0 1 2\n", "-o", "x.png"},
      Expect::kRejected, true);
  add("no-command", {}, Expect::kRejected);
  add("short-flags", {"convert", "a.raw", "b.raw", "--size", "8x8", "-fq", "-j4", "-oout/"},
      Expect::kAccepted);
  add("jpeg-out", {"convert", "x.raw", "--size", "8x8", "--pixel-format", "yuv420p", "-o",
                   "x.jpg", "--quality", "75", "--skip-existing", "--input-format", "raw"},
      Expect::kAccepted);
  add("info-several", {"info", "a.raw", "b.raw", "--size", "4x4", "--datatype", "uint16",
                       "--max-pixels", "1000"},
      Expect::kAccepted);
  add("output-twice", {"convert", "x.raw", "--size", "4x4", "-o", "a.png", "-o", "b.png"},
      Expect::kRejected);
  add("force-and-skip", {"convert", "x.raw", "--size", "4x4", "-f", "-n", "-o", "a.png"},
      Expect::kRejected);
  add("premultiply-png", {"convert", "x.raw", "--size", "4x4", "--premultiply", "-o", "a.png"},
      Expect::kRejected);
  return seeds;
}

}  // namespace pixconv::fuzz
