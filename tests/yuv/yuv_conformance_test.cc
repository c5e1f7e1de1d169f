// Every pixel format x matrix x range x output x chroma filter x channel order (and the
// transfer options) on every SIMD target, against the double-precision reference
// (lib/README.md sections 3 and 4): RGBA8 within 1 code, RGBAF32 within 4e-6, alpha exactly 1, guard bytes intact.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "reference.h"
#include "support/targets.h"
#include "yuv_images.h"

namespace pixconv::test {
namespace {

constexpr double kTolerance8 = 1.0;     // lib/README.md 4
constexpr double kToleranceF32 = 4e-6;  // lib/README.md 4

constexpr YuvMatrix kMatrices[] = {YuvMatrix::Default, YuvMatrix::Bt601, YuvMatrix::Bt709,
                                   YuvMatrix::Bt2020};
constexpr YuvRange kRanges[] = {YuvRange::Default, YuvRange::Limited, YuvRange::Full};
constexpr OutputType kOutputs[] = {OutputType::RGBA8, OutputType::RGBAF32};
constexpr ChromaFilter kFilters[] = {ChromaFilter::Nearest, ChromaFilter::Bilinear};
constexpr ChannelOrder kOrders[] = {ChannelOrder::RGBA, ChannelOrder::BGRA};

// Converts the whole image through the public API on the pinned target and compares it with
// the reference. Returns the deviation (already CHECKed against the tolerance).
double ConvertAndCompare(const YuvImage& img, const ConvertOptions& opts, const char* target,
                         size_t extra_stride = 0, size_t misalign = 0,
                         double tolerance_f32 = kToleranceF32) {
  const ImageFormat& f = img.view.format;
  INFO(Describe(f), " ", OptionsName(opts));
  const Result<Converter> converter = Converter::Create(img.view, opts);
  REQUIRE(converter.ok());
  CHECK(std::string(converter->target_name()) == YuvTargetName(target, opts));
  GuardedOutput out = MakeOutput(f.width, f.height, opts.to, extra_stride, misalign);
  REQUIRE(converter->ConvertAll(img.view, out.view()).ok());
  CHECK(out.GuardsIntact());
  Deviation d;
  if (opts.to == OutputType::RGBA8) {
    d = CompareRgba8(ref::ExpectedRgba8(img.view, opts), out, f.width, 0, f.height);
  } else {
    d = CompareRgbaF32(ref::ExpectedRgbaF32(img.view, opts), out, f.width, 0, f.height);
  }
  INFO("worst at x=", d.x, " y=", d.y, " channel ", d.channel);
  CHECK(d.max <= (opts.to == OutputType::RGBA8 ? kTolerance8 : tolerance_f32));
  // Alpha is 1 for every pixel format: exactly 255 or 1.0f, which the tolerance above would
  // let slip by one code.
  size_t wrong_alpha = 0;
  for (uint32_t y = 0; y < f.height; ++y) {
    const uint8_t* row = out.Row(y);
    for (uint32_t x = 0; x < f.width; ++x) {
      if (opts.to == OutputType::RGBA8) {
        wrong_alpha += row[4 * x + 3] != 255;
      } else {
        float a;
        std::memcpy(&a, row + 16 * x + 12, sizeof(a));
        wrong_alpha += a != 1.0f;
      }
    }
  }
  CHECK(wrong_alpha == 0);
  return d.max;
}

TEST_CASE("YUV: every format, matrix, range, output, filter and order") {
  // Small odd-sized images, cycling through widths, strides, offsets and plane layouts.
  constexpr uint32_t kWidths[] = {1, 2, 3, 7, 16, 33, 63, 64, 65, 70, 129};
  ForEachTarget([&](const char* target) {
    std::mt19937_64 rng(20240601);
    size_t combo = 0;
    double worst8 = 0.0, worst32 = 0.0;
    for (const PixelFormat format : kAllPixelFormats) {
      for (const YuvMatrix matrix : kMatrices) {
        for (const YuvRange range : kRanges) {
          for (const OutputType to : kOutputs) {
            for (const ChromaFilter filter : kFilters) {
              for (const ChannelOrder order : kOrders) {
                ++combo;
                const uint32_t width = kWidths[combo % std::size(kWidths)];
                const uint32_t height = 1 + 2 * static_cast<uint32_t>(combo % 3);  // 1, 3, 5
                YuvImageOptions io;
                io.extra_stride = combo % 4 == 1 ? 13 : 0;
                io.misalign = combo % 3;
                io.separate_planes = combo % 5 == 2;
                const YuvImage img = MakeYuvImage(format, width, height, rng, io);
                ConvertOptions opts;
                opts.to = to;
                opts.order = order;
                opts.yuv_matrix = matrix;
                opts.yuv_range = range;
                opts.chroma = filter;
                const double d =
                    ConvertAndCompare(img, opts, target, combo % 7 == 3 ? 20 : 0, combo % 2);
                (to == OutputType::RGBA8 ? worst8 : worst32) =
                    std::max(d, to == OutputType::RGBA8 ? worst8 : worst32);
              }
            }
          }
        }
      }
    }
    MESSAGE(std::string(target), ": worst RGBA8 deviation ", worst8, ", worst RGBAF32 deviation ",
            worst32);
  });
}

TEST_CASE("YUV: full HD rows, every format, output and filter") {
  ForEachTarget([&](const char* target) {
    std::mt19937_64 rng(7);
    for (const PixelFormat format : kAllPixelFormats) {
      for (const OutputType to : kOutputs) {
        for (const ChromaFilter filter : kFilters) {
          const YuvImage img = MakeYuvImage(format, 1920, 3, rng);
          ConvertOptions opts;
          opts.to = to;
          opts.chroma = filter;
          ConvertAndCompare(img, opts, target);
        }
      }
    }
  });
}

TEST_CASE("YUV: transfer options and premultiply") {
  // Input linear -> sRGB-encoded RGBA8; decoded (linear) RGBA8; RGBAF32 kept sRGB-encoded or
  // linear -> linear; premultiply is a no-op (alpha is 1).
  struct Case {
    OutputType to;
    InputTransfer in;
    OutputTransfer out;
    bool premultiply;
  };
  constexpr Case kCases[] = {
      {OutputType::RGBA8, InputTransfer::Linear, OutputTransfer::Default, false},
      {OutputType::RGBA8, InputTransfer::Srgb, OutputTransfer::Linear, false},
      {OutputType::RGBA8, InputTransfer::Auto, OutputTransfer::Srgb, true},
      {OutputType::RGBA8, InputTransfer::Linear, OutputTransfer::Linear, false},
      {OutputType::RGBAF32, InputTransfer::Srgb, OutputTransfer::Srgb, false},
      {OutputType::RGBAF32, InputTransfer::Linear, OutputTransfer::Default, false},
      {OutputType::RGBAF32, InputTransfer::Linear, OutputTransfer::Srgb, true},
      {OutputType::RGBAF32, InputTransfer::Auto, OutputTransfer::Default, true},
  };
  ForEachTarget([&](const char* target) {
    std::mt19937_64 rng(99);
    size_t i = 0;
    for (const PixelFormat format : kAllPixelFormats) {
      for (const Case& c : kCases) {
        for (const ChromaFilter filter : kFilters) {
          const YuvImage img = MakeYuvImage(format, 37 + static_cast<uint32_t>(i++ % 40), 3, rng);
          ConvertOptions opts;
          opts.to = c.to;
          opts.input_transfer = c.in;
          opts.output_transfer = c.out;
          opts.premultiply = c.premultiply;
          opts.chroma = filter;
          opts.order = i % 2 ? ChannelOrder::BGRA : ChannelOrder::RGBA;
          ConvertAndCompare(img, opts, target);
        }
      }
    }
  });
}

TEST_CASE("YUV: unclamped RGBAF32 keeps footroom, headroom and out-of-gamut colors") {
  // Random codes cover limited range's footroom and headroom and colors outside the RGB cube,
  // so the unclamped reference holds values below 0 and above 1 (checked), each transfer
  // running its curves' odd extensions. Every YUV value lies in [-1.5, 2.5]: the contract's
  // relative 4e-6 is an absolute 1e-5 there.
  struct Case {
    YuvRange range;
    InputTransfer in;
    OutputTransfer out;
  };
  constexpr Case kCases[] = {
      {YuvRange::Limited, InputTransfer::Srgb, OutputTransfer::Default},
      {YuvRange::Limited, InputTransfer::Srgb, OutputTransfer::Srgb},
      {YuvRange::Full, InputTransfer::Linear, OutputTransfer::Srgb},
      {YuvRange::Full, InputTransfer::Srgb, OutputTransfer::Default},
  };
  ForEachTarget([&](const char* target) {
    std::mt19937_64 rng(4242);
    size_t i = 0, below = 0, above = 0;
    for (const PixelFormat format : kAllPixelFormats) {
      for (const Case& c : kCases) {
        for (const ChromaFilter filter : kFilters) {
          const YuvImage img = MakeYuvImage(format, 29 + static_cast<uint32_t>(i++ % 40), 3, rng);
          ConvertOptions opts;
          opts.to = OutputType::RGBAF32;
          opts.clamp = false;
          opts.yuv_range = c.range;
          opts.input_transfer = c.in;
          opts.output_transfer = c.out;
          opts.chroma = filter;
          opts.order = i % 2 ? ChannelOrder::BGRA : ChannelOrder::RGBA;
          ConvertAndCompare(img, opts, target, 0, i % 3, 2.5 * kToleranceF32);
          for (const float v : ref::ExpectedRgbaF32(img.view, opts)) {
            below += v < 0.0f;
            above += v > 1.0f;
          }
        }
      }
    }
    CHECK(below > 0);
    CHECK(above > 0);
  });
}

}  // namespace
}  // namespace pixconv::test
