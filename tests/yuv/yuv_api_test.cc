// YUV planning through the public API and the internal planner: option validation, defaults
// (matrix, range, transfers), what does not apply to pixel formats, and the kernel choice per
// target.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "convert/yuv_plan.h"
#include "reference.h"
#include "support/targets.h"
#include "yuv_images.h"

namespace pixconv::test {
namespace {

std::vector<uint8_t> ConvertBytes(const ImageView& view, const ConvertOptions& opts) {
  std::vector<uint8_t> out(size_t{view.format.width} * view.format.height * BytesPerPixel(opts.to));
  REQUIRE(Convert(view, {out.data(), out.size()}, opts).ok());
  return out;
}

TEST_CASE("YUV: options outside their enums are rejected") {
  const ImageFormat f = ImageFormat::Pixel(4, 4, PixelFormat::NV12);
  internal::YuvPlan plan;
  auto expect_unknown = [&](ConvertOptions o) {
    CHECK(internal::PlanYuv(f, o, &plan).code() == StatusCode::kUnknownEnum);
  };
  ConvertOptions o;
  o.yuv_matrix = static_cast<YuvMatrix>(9);
  expect_unknown(o);
  o = {};
  o.yuv_range = static_cast<YuvRange>(3);
  expect_unknown(o);
  o = {};
  o.chroma = static_cast<ChromaFilter>(2);
  expect_unknown(o);
  o = {};
  o.to = static_cast<OutputType>(2);
  expect_unknown(o);
  o = {};
  o.order = static_cast<ChannelOrder>(2);
  expect_unknown(o);
  ImageFormat bad = f;
  bad.pixel_format = static_cast<PixelFormat>(99);
  CHECK(internal::PlanYuv(bad, {}, &plan).code() == StatusCode::kUnknownEnum);
  CHECK(internal::PlanYuv(ImageFormat::Color(4, 4, ColorModel::RGB, ChannelDatatype::U8), {}, &plan)
            .code() == StatusCode::kInvalidArgument);
}

TEST_CASE("YUV: the plan picks a kernel of the pinned target") {
  ForEachTarget([&](const char* target) {
    for (const PixelFormat format : kAllPixelFormats) {
      for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
        internal::YuvPlan plan;
        ConvertOptions o;
        o.to = to;
        REQUIRE(internal::PlanYuv(ImageFormat::Pixel(8, 8, format), o, &plan).ok());
        const bool has_kernel = plan.row != nullptr;
        CHECK(has_kernel);
        CHECK(std::string(plan.target_name) == YuvTargetName(target, o));
      }
    }
  });
}

TEST_CASE("YUV: transfers resolve as lib/README.md 3.5 says") {
  std::mt19937_64 rng(21);
  const YuvImage img = MakeYuvImage(PixelFormat::NV12, 6, 2, rng);
  ConvertOptions o;
  Result<Converter> c = Converter::Create(img.view, o);
  REQUIRE(c.ok());
  CHECK(c->input_is_srgb());
  CHECK(c->output_is_srgb());  // RGBA8 default
  o.to = OutputType::RGBAF32;
  c = Converter::Create(img.view, o);
  REQUIRE(c.ok());
  CHECK_FALSE(c->output_is_srgb());        // RGBAF32 default: linear
  o.input_transfer = InputTransfer::Auto;  // pixel formats: sRGB
  c = Converter::Create(img.view, o);
  REQUIRE(c.ok());
  CHECK(c->input_is_srgb());
}

TEST_CASE("YUV: Y8 ignores the matrix; premultiply changes nothing (alpha is 1)") {
  std::mt19937_64 rng(22);
  for (const PixelFormat format : {PixelFormat::Y8_FullRange, PixelFormat::Y8_LimitedRange}) {
    const YuvImage img = MakeYuvImage(format, 77, 3, rng);
    ConvertOptions o;
    const std::vector<uint8_t> base = ConvertBytes(img.view, o);
    for (const YuvMatrix m : {YuvMatrix::Bt601, YuvMatrix::Bt709, YuvMatrix::Bt2020}) {
      o.yuv_matrix = m;
      CHECK(ConvertBytes(img.view, o) == base);
    }
  }
  for (const PixelFormat format : kAllPixelFormats) {
    const YuvImage img = MakeYuvImage(format, 45, 3, rng);
    for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
      ConvertOptions o;
      o.to = to;
      const std::vector<uint8_t> plain = ConvertBytes(img.view, o);
      o.premultiply = true;
      CHECK(ConvertBytes(img.view, o) == plain);
    }
  }
}

TEST_CASE("YUV: full-range Y8 to RGBA8 copies the samples exactly") {
  // The planner finds that every full-range code maps to itself, which lets the Y8 kernel copy
  // bytes (yuv_rows_fixed.cc); limited range must not take that path.
  internal::YuvPlan plan;
  REQUIRE(internal::PlanYuv(ImageFormat::Pixel(8, 8, PixelFormat::Y8_FullRange), {}, &plan).ok());
  CHECK(plan.constants.luma_is_code);
  REQUIRE(internal::PlanYuv(ImageFormat::Pixel(8, 8, PixelFormat::Y8_LimitedRange), {}, &plan).ok());
  CHECK_FALSE(plan.constants.luma_is_code);
  std::vector<uint8_t> y(256);
  for (int i = 0; i < 256; ++i) y[i] = static_cast<uint8_t>(i);
  ForEachTarget([&](const char*) {
    const ImageView view =
        *MakeImageView(ImageFormat::Pixel(256, 1, PixelFormat::Y8_FullRange), y.data(), y.size());
    const std::vector<uint8_t> out = ConvertBytes(view, {});
    for (int i = 0; i < 256; ++i) {
      INFO("Y=", i);
      CHECK(int{out[4 * i]} == i);
      CHECK(int{out[4 * i + 1]} == i);
      CHECK(int{out[4 * i + 2]} == i);
      CHECK(int{out[4 * i + 3]} == 255);
    }
  });
}

TEST_CASE("YUV: the fixed-point RGBA8 path gives the same bytes on every target") {
  // Integer arithmetic with the same rounding everywhere: a frame looks the same whichever
  // CPU converts it.
  std::mt19937_64 rng(23);
  for (const PixelFormat format : kAllPixelFormats) {
    for (const ChromaFilter filter : {ChromaFilter::Nearest, ChromaFilter::Bilinear}) {
      const YuvImage img = MakeYuvImage(format, 150, 5, rng);
      ConvertOptions o;
      o.chroma = filter;
      std::vector<uint8_t> first;
      ForEachTarget([&](const char*) {
        const std::vector<uint8_t> out = ConvertBytes(img.view, o);
        if (first.empty()) first = out;
        CHECK(out == first);
      });
    }
  }
}

}  // namespace
}  // namespace pixconv::test
