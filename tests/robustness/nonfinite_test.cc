// NaN and +-Inf, wherever a double or float can hold one: samples of every float datatype
// (F16, F32, F64) in every channel, on every SIMD target and both outputs; images with no
// finite sample; colormaps and segmentation; and the options' explicit range bounds. Samples
// are never an error (lib/README.md 3.1-3.2: the range scan skips them, NaN normalizes to 0,
// +-Inf clamp to 1 and 0); a non-finite option is kInvalidArgument. No output is ever NaN.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/parallel.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"
#include "support/targets.h"

namespace pixconv::robustness {
namespace {

using test::ForEachTarget;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// IEEE half of a value that is NaN, +-Inf, zero, or a normal number with 11 significant bits.
uint16_t ToF16(double v) {
  if (std::isnan(v)) return 0x7E00;
  const uint16_t sign = std::signbit(v) ? 0x8000 : 0;
  if (std::isinf(v)) return sign | 0x7C00;
  if (v == 0) return sign;
  int exponent = 0;
  const double mantissa = std::frexp(std::fabs(v), &exponent);  // [0.5, 1)
  const auto bits = static_cast<uint16_t>(std::lround((mantissa * 2 - 1) * 1024));
  return static_cast<uint16_t>(sign | (exponent - 1 + 15) << 10 | bits);
}

// Samples of datatype t (F16, F32 or F64), native byte order.
std::vector<uint8_t> Samples(ChannelDatatype t, const std::vector<double>& values) {
  std::vector<uint8_t> bytes(values.size() * BytesPerSample(t));
  for (size_t i = 0; i < values.size(); ++i) {
    if (t == ChannelDatatype::F16) {
      const uint16_t h = ToF16(values[i]);
      std::memcpy(&bytes[2 * i], &h, 2);
    } else if (t == ChannelDatatype::F32) {
      const auto f = static_cast<float>(values[i]);
      std::memcpy(&bytes[4 * i], &f, 4);
    } else {
      std::memcpy(&bytes[8 * i], &values[i], 8);
    }
  }
  return bytes;
}

double SrgbToLinear(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// lib/README.md 3.2: t = (v - lo) / (hi - lo), NaN -> 0, clamped to [0, 1].
double Normalize(double v, double lo, double hi) {
  const double t = (v - lo) / (hi - lo);
  return std::isnan(t) ? 0.0 : std::clamp(t, 0.0, 1.0);
}

constexpr ChannelDatatype kFloats[] = {ChannelDatatype::F16, ChannelDatatype::F32,
                                       ChannelDatatype::F64};

// An L image of `values` repeated to 37 pixels (whole vectors and a tail on every target),
// converted with `o`; checks the resolved range and every output sample against the
// normalization with the default transfers (sRGB in; sRGB out for RGBA8, linear for RGBAF32).
void CheckL(ChannelDatatype t, const std::vector<double>& pattern, const ConvertOptions& o,
            double want_lo, double want_hi) {
  std::vector<double> values;
  while (values.size() < 37) values.push_back(pattern[values.size() % pattern.size()]);
  const std::vector<uint8_t> bytes = Samples(t, values);
  const ImageView view =
      *MakeImageView(ImageFormat::Color(37, 1, ColorModel::L, t), bytes.data(), bytes.size());
  Result<Converter> converter = Converter::Create(view, o);
  REQUIRE_MESSAGE(converter.ok(), converter.status().ToString());
  CHECK(converter->range_lo() == want_lo);
  CHECK(converter->range_hi() == want_hi);
  std::vector<uint8_t> out(37 * BytesPerPixel(o.to));
  REQUIRE(converter->ConvertAll(view, {out.data(), out.size()}).ok());
  for (size_t i = 0; i < values.size(); ++i) {
    CAPTURE(values[i]);
    const double x = Normalize(values[i], want_lo, want_hi);
    if (o.to == OutputType::RGBA8) {
      const int want = static_cast<int>(std::floor(x * 255 + 0.5));
      CHECK(std::abs(int{out[4 * i]} - want) <= (x == 0 || x == 1 ? 0 : 1));
      CHECK(out[4 * i + 3] == 255);
    } else {
      float rgba[4];
      std::memcpy(rgba, &out[16 * i], 16);
      CHECK_FALSE(std::isnan(rgba[0]));
      CHECK(std::fabs(rgba[0] - SrgbToLinear(x)) <= 4e-6);
      CHECK(rgba[3] == 1.0f);
    }
  }
}

TEST_CASE("NaN and +-Inf samples: skipped by the range scan, then 0, 1 and 0") {
  ForEachTarget([&](const char*) {
    for (const ChannelDatatype t : kFloats) {
      for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
        CAPTURE(Name(t));
        CAPTURE(static_cast<int>(to));
        ConvertOptions o;
        o.to = to;
        // Finite samples within [0, 1]: Auto keeps [0, 1]; outside, their min and max.
        CheckL(t, {kNaN, kInf, -kInf, 0.25, 0.5, 0.75}, o, 0.0, 1.0);
        CheckL(t, {kNaN, -2.0, kInf, 2.0, -kInf, 6.0}, o, -2.0, 6.0);
        o.range = RangeMode::Explicit;
        o.range_lo = 0.0;
        o.range_hi = 2.0;
        CheckL(t, {kNaN, kInf, -kInf, 0.5, 1.0}, o, 0.0, 2.0);
        o.range = RangeMode::Depth;  // [0, finite max]
        CheckL(t, {kNaN, kInf, 0.5, -kInf, 2.0}, o, 0.0, 2.0);
        // No finite sample at all: floats fall back to their datatype range, [0, 1].
        o.range = RangeMode::Auto;
        CheckL(t, {kNaN, kInf, -kInf}, o, 0.0, 1.0);
        o.range = RangeMode::Depth;
        CheckL(t, {kNaN, kInf, -kInf}, o, 0.0, 1.0);
      }
    }
  });
}

TEST_CASE("NaN and +-Inf in the alpha channel, with premultiply") {
  ForEachTarget([&](const char*) {
    for (const ChannelDatatype t : kFloats) {
      CAPTURE(Name(t));
      // RGBA pixels (1, 0.5, 0, a): a = NaN -> 0, +Inf -> 1, -Inf -> 0, 0.5.
      const double alphas[] = {kNaN, kInf, -kInf, 0.5};
      std::vector<double> values;
      for (int repeat = 0; repeat < 5; ++repeat) {
        for (const double a : alphas) values.insert(values.end(), {1.0, 0.5, 0.0, a});
      }
      const std::vector<uint8_t> bytes = Samples(t, values);
      const ImageView view = *MakeImageView(ImageFormat::Color(20, 1, ColorModel::RGBA, t),
                                            bytes.data(), bytes.size());
      ConvertOptions o;
      o.to = OutputType::RGBAF32;
      o.premultiply = true;
      std::vector<float> out(20 * 4);
      REQUIRE(Convert(view, {out.data(), out.size() * 4}, o).ok());
      for (size_t i = 0; i < 20; ++i) {
        const double a = Normalize(alphas[i % 4], 0.0, 1.0);
        CAPTURE(alphas[i % 4]);
        CHECK(std::fabs(out[4 * i + 3] - a) <= 4e-6);
        CHECK(std::fabs(out[4 * i] - a) <= 4e-6);  // red 1 (linear 1) times alpha
        CHECK(std::fabs(out[4 * i + 1] - SrgbToLinear(0.5) * a) <= 4e-6);
        CHECK(out[4 * i + 2] == 0.0f);
      }
    }
  });
}

TEST_CASE("NaN and +-Inf through a colormap and as segmentation class ids") {
  ForEachTarget([&](const char*) {
    for (const ChannelDatatype t : kFloats) {
      CAPTURE(Name(t));
      // Samples 0 and 1 fix the range to [0, 1]: NaN and -Inf must get colormap(0), +Inf
      // colormap(1).
      const std::vector<uint8_t> bytes = Samples(t, {0.0, 1.0, kNaN, -kInf, kInf, 0.0, 1.0, kNaN});
      const ImageView view =
          *MakeImageView(ImageFormat::Color(8, 1, ColorModel::L, t), bytes.data(), bytes.size());
      ConvertOptions o;
      o.colormap = Colormap::Turbo;
      std::vector<uint8_t> out(8 * 4);
      REQUIRE(Convert(view, {out.data(), out.size()}, o).ok());
      // Iterators, not &out[4 * i + 4]: for the last pixel that indexes one past the end.
      const auto pixel = [&](int i) {
        return std::vector<uint8_t>(out.begin() + 4 * i, out.begin() + 4 * i + 4);
      };
      CHECK(pixel(2) == pixel(0));
      CHECK(pixel(3) == pixel(0));
      CHECK(pixel(4) == pixel(1));
      CHECK(pixel(7) == pixel(0));
      o = {};
      o.segmentation = true;
      REQUIRE(Convert(view, {out.data(), out.size()}, o).ok());
      for (const int i : {2, 3, 4, 7}) {
        CAPTURE(i);
        CHECK(pixel(i) == std::vector<uint8_t>(kInvalidClassColor, kInvalidClassColor + 4));
      }
      CHECK(pixel(1)[3] == 255);  // class 1: an automatic color, opaque
    }
  });
}

TEST_CASE("finite samples whose range overflows double, and the banded range scan") {
  // [-1e308, 1e308] spans more than DBL_MAX: the conversion still succeeds and no output is
  // NaN, whatever the band split of the range scan.
  const std::vector<uint8_t> bytes =
      Samples(ChannelDatatype::F64, {-1e308, kNaN, 1e308, 0.0, kInf, -kInf, 5.0, 1e300});
  const ImageView view = *MakeImageView(
      ImageFormat::Color(2, 4, ColorModel::L, ChannelDatatype::F64), bytes.data(), bytes.size());
  ConvertOptions o;
  o.to = OutputType::RGBAF32;
  std::vector<float> a(8 * 4), b(8 * 4);
  REQUIRE(Convert(view, {a.data(), a.size() * 4}, o).ok());
  for (const float x : a) CHECK_FALSE(std::isnan(x));
  REQUIRE(ConvertParallel(view, {b.data(), b.size() * 4}, o, 2).ok());
  CHECK(std::memcmp(a.data(), b.data(), a.size() * 4) == 0);
  // NaN and +-Inf spread over the bands of an F32 image: the merged scan skips them too.
  std::vector<double> values(64 * 16, 0.5);
  for (size_t i = 0; i < values.size(); i += 7) values[i] = kNaN;
  for (size_t i = 3; i < values.size(); i += 11) values[i] = i % 2 ? kInf : -kInf;
  values[100] = -3.0;
  values[900] = 9.0;
  const std::vector<uint8_t> f32 = Samples(ChannelDatatype::F32, values);
  const ImageView big = *MakeImageView(
      ImageFormat::Color(64, 16, ColorModel::L, ChannelDatatype::F32), f32.data(), f32.size());
  std::vector<uint8_t> c(64 * 16 * 4), d(c.size());
  REQUIRE(Convert(big, {c.data(), c.size()}).ok());
  REQUIRE(ConvertParallel(big, {d.data(), d.size()}, {}, 2).ok());
  CHECK(c == d);
  Result<SampleStats> stats = ScanSamples(big);
  REQUIRE(stats.ok());
  CHECK(stats->finite);
  CHECK(stats->min == -3.0);
  CHECK(stats->max == 9.0);
}

TEST_CASE("ScanSamples reports an image without a finite sample") {
  for (const ChannelDatatype t : kFloats) {
    const std::vector<uint8_t> bytes = Samples(t, {kNaN, kInf, -kInf, kNaN});
    const ImageView view =
        *MakeImageView(ImageFormat::Color(2, 2, ColorModel::L, t), bytes.data(), bytes.size());
    Result<SampleStats> stats = ScanSamples(view);
    REQUIRE(stats.ok());
    CHECK_FALSE(stats->finite);
  }
}

TEST_CASE("NaN and +-Inf in the explicit range bounds are rejected, and empty ranges") {
  std::vector<uint8_t> src(12, 100), out(16);
  const ImageView view = *MakeImageView(
      ImageFormat::Color(4, 1, ColorModel::RGB, ChannelDatatype::U8), src.data(), 12);
  // Not a structured binding: clang before 16 cannot capture one (CAPTURE is a lambda).
  for (const auto& bounds :
       {std::pair{kNaN, 1.0}, std::pair{0.0, kNaN}, std::pair{-kInf, 1.0}, std::pair{0.0, kInf}}) {
    const double lo = bounds.first, hi = bounds.second;
    CAPTURE(lo);
    CAPTURE(hi);
    ConvertOptions o;
    o.range = RangeMode::Explicit;
    o.range_lo = lo;
    o.range_hi = hi;
    EXPECT_ERROR(Convert(view, {out.data(), out.size()}, o), StatusCode::kInvalidArgument,
                 "explicit range bounds must be finite");
    // Only an explicit range reads them.
    o.range = RangeMode::Auto;
    CHECK(Convert(view, {out.data(), out.size()}, o).ok());
  }
  ConvertOptions wide;
  wide.range = RangeMode::Explicit;
  wide.range_lo = -1e308;
  wide.range_hi = 1e308;  // hi - lo overflows to +Inf
  EXPECT_ERROR(Convert(view, {out.data(), out.size()}, wide), StatusCode::kInvalidArgument,
               "is empty or too wide; use lo != hi");
  wide.range_lo = wide.range_hi = 3.0;
  EXPECT_ERROR(Convert(view, {out.data(), out.size()}, wide), StatusCode::kInvalidArgument,
               "explicit range [3.000000, 3.000000] is empty or too wide; use lo != hi");
  pixconv_image image{};
  image.format = {4, 1, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_RGB, PIXCONV_DATATYPE_U8};
  image.planes[0] = {src.data(), src.size(), 0};
  pixconv_output dst{out.data(), out.size(), 0};
  pixconv_convert_options c;
  pixconv_convert_options_init(&c);
  c.range_mode = PIXCONV_RANGE_EXPLICIT;
  c.range_lo = 0.0;
  c.range_hi = kInf;
  CHECK(pixconv_convert(&image, &dst, &c) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) ==
        "invalid argument: explicit range bounds must be finite");
}

}  // namespace
}  // namespace pixconv::robustness
