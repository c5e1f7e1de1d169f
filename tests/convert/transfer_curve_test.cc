// The sRGB curves of the float kernels against the exact double curve (lib/README.md 3.5), swept
// densely over [0, 1] on every target: 2^20 + 1 evenly spaced values, plus the branch point
// of each curve and its float neighbours. srgb-inl.h claims 7.7e-7 (decode) and 5.3e-7
// (encode); 1e-6 checks that claim, four times tighter than the 4e-6 the RGBAF32 contract
// allows, so a worse fit cannot hide behind the contract.
#include <doctest/doctest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <vector>

#include "pixconv/convert.h"
#include "reference.h"
#include "support/targets.h"

namespace pixconv {
namespace {

// 2^20 + 1 evenly spaced values (2^16 + 1 under emulation), and 64 on each side of both
// branch points.
std::vector<float> SweepValues() {
  std::vector<float> v;
  const uint32_t steps = test::Emulated() ? 1u << 16 : 1u << 20;
  if (test::Emulated()) MESSAGE("emulated: the dense sweep takes 2^16 + 1 values, not 2^20 + 1");
  for (uint32_t i = 0; i <= steps; ++i) v.push_back(static_cast<float>(i) / steps);
  for (float branch : {0.04045f, 0.0031308f}) {
    float lo = branch, hi = branch;
    for (int k = 0; k < 64; ++k) {
      v.push_back(lo);
      v.push_back(hi);
      lo = std::nextafter(lo, 0.0f);
      hi = std::nextafter(hi, 1.0f);
    }
  }
  return v;
}

// Converts the values as an L F32 image (range [0, 1]: each sample is c) to RGBAF32 and
// returns the largest |R - curve(c)|, checking that G and B equal R and alpha is 1.
template <typename Curve>
double WorstError(const std::vector<float>& values, const ConvertOptions& o, Curve curve) {
  const uint32_t w = static_cast<uint32_t>(values.size());
  const ImageView view = *MakeImageView(ImageFormat::Color(w, 1, ColorModel::L, ChannelDatatype::F32),
                                        values.data(), values.size() * sizeof(float));
  std::vector<float> out(size_t{w} * 4);
  REQUIRE(Convert(view, {reinterpret_cast<uint8_t*>(out.data()), out.size() * sizeof(float)}, o).ok());
  double worst = 0;
  for (uint32_t x = 0; x < w; ++x) {
    const float* px = &out[size_t{x} * 4];
    REQUIRE(px[1] == px[0]);
    REQUIRE(px[2] == px[0]);
    REQUIRE(px[3] == 1.0f);
    worst = std::fmax(worst, std::fabs(px[0] - curve(static_cast<double>(values[x]))));
  }
  return worst;
}

ConvertOptions FloatOptions(InputTransfer in, OutputTransfer out) {
  ConvertOptions o;
  o.to = OutputType::RGBAF32;
  o.range = RangeMode::Datatype;
  o.input_transfer = in;
  o.output_transfer = out;
  return o;
}

// Sweeps one curve on every target and checks its worst error against kBound.
template <typename Curve>
void CheckSweep(const char* what, InputTransfer in, OutputTransfer out, Curve curve) {
  constexpr double kBound = 1e-6;
  const std::vector<float> values = SweepValues();
  const ConvertOptions o = FloatOptions(in, out);
  test::ForEachTarget([&](const char*) {
    const double worst = WorstError(values, o, curve);
    MESSAGE(what << " worst error " << worst);
    CHECK(worst <= kBound);
  });
}

TEST_CASE("sRGB decode stays within 1e-6 of the exact curve on [0, 1], on every target") {
  CheckSweep("decode", InputTransfer::Srgb, OutputTransfer::Linear,
             [](double c) { return ref::SrgbToLinear(c); });
}

TEST_CASE("sRGB encode stays within 1e-6 of the exact curve on [0, 1], on every target") {
  CheckSweep("encode", InputTransfer::Linear, OutputTransfer::Srgb,
             [](double c) { return ref::LinearToSrgb(c); });
}

// Values for the curves' odd extensions (ConvertOptions::clamp false): [-1, 1] at 1/2^16
// steps, magnitudes 2^k (1 + j / 64) up to FLT_MAX of both signs, +-FLT_MAX, +-Inf (which
// saturate to +-FLT_MAX) and NaN (which becomes 0).
std::vector<float> ExtendedValues() {
  std::vector<float> v;
  const int steps = 1 << 16;
  for (int i = -steps; i <= steps; ++i) v.push_back(static_cast<float>(i) / steps);
  for (int k = 0; k < 128; ++k) {
    for (int j = 0; j < 64; ++j) {
      const float m = std::ldexp(1.0f + j / 64.0f, k);
      v.push_back(m);
      v.push_back(-m);
    }
  }
  for (float special : {FLT_MAX, HUGE_VALF, std::nanf("")}) {
    v.push_back(special);
    v.push_back(-special);
  }
  return v;
}

template <typename Curve>
void CheckExtended(const char* what, InputTransfer in, OutputTransfer out, Curve curve) {
  const std::vector<float> values = ExtendedValues();
  ConvertOptions o = FloatOptions(in, out);
  o.clamp = false;
  const uint32_t w = static_cast<uint32_t>(values.size());
  const ImageView view = *MakeImageView(ImageFormat::Color(w, 1, ColorModel::L, ChannelDatatype::F32),
                                        values.data(), values.size() * sizeof(float));
  test::ForEachTarget([&](const char*) {
    std::vector<float> got(size_t{w} * 4);
    REQUIRE(Convert(view, {reinterpret_cast<uint8_t*>(got.data()), got.size() * sizeof(float)}, o).ok());
    double worst = 0;
    for (uint32_t x = 0; x < w; ++x) {
      const double c = std::isnan(values[x]) ? 0.0 : std::fmax(-FLT_MAX, std::fmin(FLT_MAX, values[x]));
      const double want = std::fmax(-FLT_MAX, std::fmin(FLT_MAX, curve(c)));
      const double error = std::fabs(got[size_t{x} * 4] - want) / std::fmax(1.0, std::fabs(want));
      if (!(error <= 1e-6)) {
        FAIL_CHECK(what << " of " << values[x] << ": got " << got[size_t{x} * 4] << ", want " << want);
        return;
      }
      worst = std::fmax(worst, error);
    }
    MESSAGE(what << " extended: worst relative error " << worst);
  });
}

TEST_CASE("unclamped: the curves' odd extensions within 1e-6 (relative above 1), every target") {
  CheckExtended("decode", InputTransfer::Srgb, OutputTransfer::Linear,
                [](double c) { return ref::SrgbToLinear(c); });
  CheckExtended("encode", InputTransfer::Linear, OutputTransfer::Srgb,
                [](double c) { return ref::LinearToSrgb(c); });
  CheckExtended("no curve", InputTransfer::Linear, OutputTransfer::Linear,
                [](double c) { return c; });
}

TEST_CASE("black decodes to exactly 0, on every target") {
  const std::vector<float> values = {0.0f, 1.0f};
  const ConvertOptions o = FloatOptions(InputTransfer::Srgb, OutputTransfer::Linear);
  test::ForEachTarget([&](const char*) {
    std::vector<float> out(8);
    const ImageView view = *MakeImageView(ImageFormat::Color(2, 1, ColorModel::L, ChannelDatatype::F32),
                                          values.data(), values.size() * sizeof(float));
    REQUIRE(Convert(view, {reinterpret_cast<uint8_t*>(out.data()), out.size() * sizeof(float)}, o).ok());
    CHECK(out[0] == 0.0f);  // not -1e-10: viewers compare black exactly
  });
}

}  // namespace
}  // namespace pixconv
