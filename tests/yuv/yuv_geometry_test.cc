// Geometry of the YUV kernels on every SIMD target: every width from 1 to 70 and a full HD
// row, odd heights, padded strides, unaligned planes, separately allocated planes, every
// destination alignment, row bands that start on odd rows, and guard bytes around the
// destination (lib/README.md sections 1 and 4).
#include <doctest/doctest.h>

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

double Tolerance(OutputType to) { return to == OutputType::RGBA8 ? kTolerance8 : kToleranceF32; }

Deviation Compare(const ImageView& view, const ConvertOptions& opts, const GuardedOutput& out,
                  uint32_t y0, uint32_t y1) {
  const uint32_t width = view.format.width;
  if (opts.to == OutputType::RGBA8) {
    return CompareRgba8(ref::ExpectedRgba8(view, opts), out, width, y0, y1);
  }
  return CompareRgbaF32(ref::ExpectedRgbaF32(view, opts), out, width, y0, y1);
}

TEST_CASE("YUV: widths 1 to 70 and 1920, odd heights, strides, offsets and plane layouts") {
  constexpr OutputType kOutputs[] = {OutputType::RGBA8, OutputType::RGBAF32};
  constexpr ChromaFilter kFilters[] = {ChromaFilter::Nearest, ChromaFilter::Bilinear};
  std::vector<uint32_t> widths;
  for (uint32_t w = 1; w <= 70; ++w) widths.push_back(w);
  widths.push_back(1920);
  ForEachTarget([&](const char* target) {
    std::mt19937_64 rng(11);
    size_t i = 0;
    for (const PixelFormat format : kAllPixelFormats) {
      for (const uint32_t width : widths) {
        for (const OutputType to : kOutputs) {
          for (const ChromaFilter filter : kFilters) {
            ++i;
            const uint32_t height = width > 100 ? 2 : 1 + static_cast<uint32_t>(i % 4);  // 1..4
            YuvImageOptions io;
            io.extra_stride = i % 3 == 0 ? 1 + i % 17 : 0;
            io.misalign = i % 5;
            io.separate_planes = i % 2 == 0;
            const YuvImage img = MakeYuvImage(format, width, height, rng, io);
            ConvertOptions opts;
            opts.to = to;
            opts.chroma = filter;
            opts.order = i % 3 == 1 ? ChannelOrder::BGRA : ChannelOrder::RGBA;
            INFO(Describe(img.view.format), " ", OptionsName(opts), " extra stride ",
                 io.extra_stride, " misalign ", io.misalign, " separate ", io.separate_planes);
            const Result<Converter> converter = Converter::Create(img.view, opts);
            REQUIRE(converter.ok());
            CHECK(std::string(converter->target_name()) == YuvTargetName(target, opts));
            GuardedOutput out = MakeOutput(width, height, to, i % 4 == 3 ? 8 : 0, i % 7);
            REQUIRE(converter->ConvertAll(img.view, out.view()).ok());
            CHECK(out.GuardsIntact());
            const Deviation d = Compare(img.view, opts, out, 0, height);
            INFO("worst at x=", d.x, " y=", d.y, " channel ", d.channel);
            CHECK(d.max <= Tolerance(to));
          }
        }
      }
    }
  });
}

TEST_CASE("YUV: every destination alignment and row padding") {
  // The driver aligns its stores with a head of pixels and ends rows with an overlapping
  // unit; each offset of the destination from a 64-byte line takes a different path.
  ForEachTarget([&](const char*) {
    std::mt19937_64 rng(12);
    for (const PixelFormat format : {PixelFormat::Y_U_V12_LimitedRange, PixelFormat::NV12,
                                     PixelFormat::YUY2, PixelFormat::Y_U_V24_FullRange}) {
      for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
        for (size_t offset = 0; offset < 64; offset += (to == OutputType::RGBA8 ? 4 : 16) - 3) {
          for (const uint32_t width : {131u, 200u}) {
            const YuvImage img = MakeYuvImage(format, width, 3, rng);
            ConvertOptions opts;
            opts.to = to;
            opts.chroma = offset % 2 ? ChromaFilter::Bilinear : ChromaFilter::Nearest;
            INFO(Describe(img.view.format), " ", OptionsName(opts), " offset ", offset);
            GuardedOutput out = MakeOutput(width, 3, to, offset % 3 == 0 ? 60 : 0, offset);
            REQUIRE(Convert(img.view, out.view(), opts).ok());
            CHECK(out.GuardsIntact());
            CHECK(Compare(img.view, opts, out, 0, 3).max <= Tolerance(to));
          }
        }
      }
    }
  });
}

TEST_CASE("YUV: row bands, including bands that start on odd rows") {
  // A band starting on an odd row of a 4:2:0 image must read chroma row y / 2 (nearest) or
  // the rows its siting names (bilinear), and must not touch rows outside the band.
  struct Band {
    uint32_t y0, y1;
  };
  constexpr Band kBands[] = {{0, 1}, {1, 2}, {1, 4}, {3, 6}, {5, 7}, {6, 7}, {2, 5}};
  ForEachTarget([&](const char*) {
    std::mt19937_64 rng(13);
    for (const PixelFormat format : kAllPixelFormats) {
      for (const ChromaFilter filter : {ChromaFilter::Nearest, ChromaFilter::Bilinear}) {
        for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
          YuvImageOptions io;
          io.separate_planes = filter == ChromaFilter::Bilinear;
          io.extra_stride = 5;
          const YuvImage img = MakeYuvImage(format, 37, 7, rng, io);
          ConvertOptions opts;
          opts.to = to;
          opts.chroma = filter;
          const Result<Converter> converter = Converter::Create(img.view, opts);
          REQUIRE(converter.ok());
          for (const Band& band : kBands) {
            INFO(Describe(img.view.format), " ", OptionsName(opts), " rows [", band.y0, ", ",
                 band.y1, ")");
            GuardedOutput out = MakeOutput(37, 7, to, 12, 3);
            REQUIRE(converter->ConvertRows(img.view, out.view(), band.y0, band.y1).ok());
            CHECK(out.OnlyRowsWritten(band.y0, band.y1));
            CHECK(Compare(img.view, opts, out, band.y0, band.y1).max <= Tolerance(to));
          }
        }
      }
    }
  });
}

}  // namespace
}  // namespace pixconv::test
