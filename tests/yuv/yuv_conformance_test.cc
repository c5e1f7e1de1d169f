// Conformance of the YUV kernels with the double-precision reference (DESIGN.md sections 3-4)
// on every SIMD target: every pixel format x matrix x range x output x chroma filter x order,
// odd sizes, padded and separate planes, bands that start on odd rows, guard bytes.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "../convert/test_images.h"
#include "pixconv/convert.h"
#include "reference.h"
#include "support/targets.h"
#include "yuv_images.h"

namespace pixconv {
namespace {

// Compares a guarded destination with the reference; returns the largest |difference|.
double Compare(const test::GuardedOutput& out, const ImageView& src, const ConvertOptions& o,
               const std::vector<uint8_t>& want8, const std::vector<float>& want32) {
  REQUIRE(out.GuardsIntact());
  const uint32_t w = src.format.width;
  double worst = 0;
  for (uint32_t y = 0; y < src.format.height; ++y) {
    for (uint32_t i = 0; i < w * 4; ++i) {
      const size_t k = size_t{y} * w * 4 + i;
      double got, want;
      if (o.to == OutputType::RGBAF32) {
        float g;
        std::memcpy(&g, out.Row(y) + i * 4, 4);
        got = g;
        want = want32[k];
      } else {
        got = out.Row(y)[i];
        want = want8[k];
      }
      const double diff = std::fabs(got - want);
      const double tolerance = o.to == OutputType::RGBAF32 ? 4e-6 : 1.0;
      if (!(diff <= tolerance)) {
        FAIL_CHECK(Describe(src.format) << " matrix=" << int(o.yuv_matrix) << " range=" << int(o.yuv_range)
                                        << " chroma=" << int(o.chroma) << " order=" << int(o.order)
                                        << " at " << i / 4 << "," << y << " ch " << i % 4 << ": got " << got
                                        << ", want " << want);
        return diff;
      }
      worst = std::fmax(worst, diff);
    }
  }
  return worst;
}

void Expect(const ImageView& src, const ConvertOptions& o, std::vector<uint8_t>* want8,
            std::vector<float>* want32) {
  if (o.to == OutputType::RGBA8) {
    *want8 = ref::ExpectedRgba8(src, o);
  } else {
    *want32 = ref::ExpectedRgbaF32(src, o);
  }
}

TEST_CASE("every pixel format x matrix x range x output x chroma x order, on every target") {
  std::mt19937_64 rng(2024);
  double worst8 = 0, worst32 = 0;
  int conversions = 0;
  for (PixelFormat f : kAllPixelFormats) {
    for (YuvMatrix m : {YuvMatrix::Default, YuvMatrix::Bt601, YuvMatrix::Bt709, YuvMatrix::Bt2020}) {
      for (YuvRange r : {YuvRange::Default, YuvRange::Limited, YuvRange::Full}) {
        const uint32_t w = 1 + static_cast<uint32_t>(rng() % 70);
        const uint32_t h = 1 + static_cast<uint32_t>(rng() % 5);
        test::YuvImage img = test::MakeYuvImage(f, w, h, rng, rng() % 2 == 0, rng() % 3 ? 5 : 0);
        for (OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
          for (ChromaFilter c : {ChromaFilter::Nearest, ChromaFilter::Bilinear}) {
            for (ChannelOrder order : {ChannelOrder::RGBA, ChannelOrder::BGRA}) {
              ConvertOptions o;
              o.to = to;
              o.yuv_matrix = m;
              o.yuv_range = r;
              o.chroma = c;
              o.order = order;
              std::vector<uint8_t> want8;
              std::vector<float> want32;
              Expect(img.view, o, &want8, &want32);
              test::ForEachTarget([&](const char*) {
                test::GuardedOutput out = test::MakeOutput(w, h, BytesPerPixel(to), w % 3 ? 7 : 0, w % 4);
                const Status s = Convert(img.view, out.view(), o);
                REQUIRE_MESSAGE(s.ok(), s.ToString());
                const double d = Compare(out, img.view, o, want8, want32);
                (to == OutputType::RGBA8 ? worst8 : worst32) =
                    std::fmax(to == OutputType::RGBA8 ? worst8 : worst32, d);
                ++conversions;
              });
            }
          }
        }
      }
    }
  }
  MESSAGE(conversions << " YUV conversions on [" << test::TargetList() << "], max |error| RGBA8 "
                      << worst8 << ", RGBAF32 " << worst32);
}

TEST_CASE("transfer overrides: linear input, sRGB F32 output") {
  std::mt19937_64 rng(5);
  for (PixelFormat f : {PixelFormat::NV12, PixelFormat::Y_U_V24_FullRange, PixelFormat::Y8_LimitedRange}) {
    test::YuvImage img = test::MakeYuvImage(f, 37, 3, rng, false, 0);
    for (int variant = 0; variant < 3; ++variant) {
      ConvertOptions o;
      o.to = variant == 1 ? OutputType::RGBAF32 : OutputType::RGBA8;
      o.input_transfer = variant == 0 ? InputTransfer::Linear : InputTransfer::Auto;
      o.output_transfer = variant == 1 ? OutputTransfer::Srgb : OutputTransfer::Default;
      o.premultiply = variant == 2;  // alpha is 1: a no-op
      std::vector<uint8_t> want8;
      std::vector<float> want32;
      Expect(img.view, o, &want8, &want32);
      test::ForEachTarget([&](const char*) {
        test::GuardedOutput out = test::MakeOutput(37, 3, BytesPerPixel(o.to));
        REQUIRE(Convert(img.view, out.view(), o).ok());
        Compare(out, img.view, o, want8, want32);
      });
    }
  }
}

TEST_CASE("every width 1..70 and 1920, separate and padded planes, on every target") {
  std::mt19937_64 rng(77);
  std::vector<uint32_t> widths;
  for (uint32_t w = 1; w <= 70; ++w) widths.push_back(w);
  widths.push_back(1920);
  for (PixelFormat f : {PixelFormat::Y_U_V12_LimitedRange, PixelFormat::Y_U_V16_FullRange,
                        PixelFormat::Y_U_V24_LimitedRange, PixelFormat::NV12, PixelFormat::YUY2,
                        PixelFormat::Y8_FullRange}) {
    for (uint32_t w : widths) {
      const uint32_t h = w == 1920 ? 2 : 3;
      test::YuvImage img = test::MakeYuvImage(f, w, h, rng, w % 2 == 1, w % 3 ? 3 : 0);
      for (ChromaFilter c : {ChromaFilter::Nearest, ChromaFilter::Bilinear}) {
        ConvertOptions o;
        o.chroma = c;
        o.to = w % 4 == 0 ? OutputType::RGBAF32 : OutputType::RGBA8;
        std::vector<uint8_t> want8;
        std::vector<float> want32;
        Expect(img.view, o, &want8, &want32);
        test::ForEachTarget([&](const char*) {
          test::GuardedOutput out = test::MakeOutput(w, h, BytesPerPixel(o.to), 5, 1);
          REQUIRE(Convert(img.view, out.view(), o).ok());
          Compare(out, img.view, o, want8, want32);
        });
      }
    }
  }
}

TEST_CASE("bands starting on odd rows use the right chroma rows; parallel equals serial") {
  std::mt19937_64 rng(99);
  for (PixelFormat f : {PixelFormat::Y_U_V12_FullRange, PixelFormat::NV12, PixelFormat::Y_U_V16_LimitedRange}) {
    test::YuvImage img = test::MakeYuvImage(f, 45, 13, rng, true, 2);
    for (ChromaFilter c : {ChromaFilter::Nearest, ChromaFilter::Bilinear}) {
      ConvertOptions o;
      o.chroma = c;
      test::GuardedOutput whole = test::MakeOutput(45, 13, 4, 4, 0);
      REQUIRE(Convert(img.view, whole.view(), o).ok());
      std::vector<uint8_t> want8;
      std::vector<float> want32;
      Expect(img.view, o, &want8, &want32);
      Compare(whole, img.view, o, want8, want32);

      Result<Converter> conv = Converter::Create(img.view, o);
      REQUIRE(conv.ok());
      test::GuardedOutput banded = test::MakeOutput(45, 13, 4, 4, 0);
      for (uint32_t y0 : {0u, 1u, 4u, 7u, 8u, 11u}) {
        const uint32_t y1 = y0 == 11 ? 13 : (y0 == 0 ? 1 : y0 == 1 ? 4 : y0 == 4 ? 7 : y0 == 7 ? 8 : 11);
        REQUIRE(conv->ConvertRows(img.view, banded.view(), y0, y1).ok());
      }
      CHECK(banded.storage == whole.storage);
      test::GuardedOutput parallel = test::MakeOutput(45, 13, 4, 4, 0);
      REQUIRE(ConvertParallel(img.view, parallel.view(), o, 3).ok());
      CHECK(parallel.storage == whole.storage);
    }
  }
}

}  // namespace
}  // namespace pixconv
