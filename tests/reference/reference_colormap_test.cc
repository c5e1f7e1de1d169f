// Hand-computed values of the reference's colormaps and class colors (lib/README.md 8
// and lib/README.md section 3), so that the conformance tests compare kernels with something
// known to be right.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "reference.h"

namespace pixconv::ref {
namespace {

void CheckColor(const RefPixel& p, double r, double g, double b, double a = 1.0) {
  CHECK(p.r == doctest::Approx(r).epsilon(1e-12));
  CHECK(p.g == doctest::Approx(g).epsilon(1e-12));
  CHECK(p.b == doctest::Approx(b).epsilon(1e-12));
  CHECK(p.a == a);
}

TEST_CASE("colormap ends are the spec's constant terms, clamped") {
  CheckColor(ColormapColor(Colormap::Turbo, 0.0), 0.13572138, 0.09140261, 0.10667330);
  CheckColor(ColormapColor(Colormap::Viridis, 0.0), 0.2777273272234177, 0.005407344544966578,
             0.3340998053353061);
  // Magma's c0 is slightly negative in every channel: clamped to 0.
  CheckColor(ColormapColor(Colormap::Magma, 0.0), 0.0, 0.0, 0.0);
  CheckColor(ColormapColor(Colormap::Grayscale, 0.25), 0.25, 0.25, 0.25);
  // t outside [0, 1] is clamped first.
  CheckColor(ColormapColor(Colormap::Grayscale, 7.0), 1.0, 1.0, 1.0);
}

TEST_CASE("CyanToYellow goes cyan, gray, yellow") {
  CheckColor(ColormapColor(Colormap::CyanToYellow, 0.0), 0.0, 1.0, 1.0);
  CheckColor(ColormapColor(Colormap::CyanToYellow, 0.5), 0.25, 0.25, 0.25);
  CheckColor(ColormapColor(Colormap::CyanToYellow, 1.0), 1.0, 1.0, 0.0);
}

// The spec adjusted c6 so that f(0) = f(1). That holds exactly for R; with the published G
// and B coefficients the loop closes only to 9.4e-4 and 2.0e-4 (under half an 8-bit step),
// which the reference keeps as the spec has it.
TEST_CASE("Twilight is cyclic: f(0) == f(1), within half an 8-bit step") {
  const RefPixel a = ColormapColor(Colormap::Twilight, 0.0), b = ColormapColor(Colormap::Twilight, 1.0);
  CHECK(a.r == doctest::Approx(b.r).epsilon(1e-9));
  CHECK(std::fabs(a.g - b.g) < 0.5 / 255);
  CHECK(std::fabs(a.b - b.b) < 0.5 / 255);
}

TEST_CASE("automatic class color of id 0 is red-ish HSV(0, 0.85, 0.5), sRGB-encoded") {
  // h = 0: (v, t, p) with f = 0, t = p = v (1 - s) = 0.075.
  CheckColor(AutoClassColorSrgb(0), LinearToSrgb(0.5), LinearToSrgb(0.075), LinearToSrgb(0.075));
  // id 1: h = 0.618034, sector 3 (p, q, v), f = 0.708204, q = 0.5 (1 - 0.85 f).
  const double f = 0.618034 * 6.0 - 3.0;
  CheckColor(AutoClassColorSrgb(1), LinearToSrgb(0.075), LinearToSrgb(0.5 * (1 - 0.85 * f)),
             LinearToSrgb(0.5));
}

TEST_CASE("class colors: table, automatic, invalid") {
  const std::vector<float> ids = {1.0f, 2.4f, NAN, -1.0f, 70000.0f};
  const Result<ImageView> src = MakeImageView(
      ImageFormat::Color(5, 1, ColorModel::L, ChannelDatatype::F32), ids.data(), ids.size() * 4);
  REQUIRE(src.ok());
  const uint8_t table[8] = {0, 0, 0, 0, 255, 51, 0, 102};
  const ClassColors colors{table, 2};
  CheckColor(ClassColor(*src, colors, 0, 0), 1.0, 0.2, 0.0, 0.4);
  const RefPixel two = AutoClassColorSrgb(2);
  CheckColor(ClassColor(*src, colors, 1, 0), two.r, two.g, two.b);
  for (uint32_t x : {2u, 3u, 4u}) CheckColor(ClassColor(*src, colors, x, 0), 0.0, 0.0, 0.0, 0.0);
}

}  // namespace
}  // namespace pixconv::ref
