// Rerun's automatic class color (lib/README.md section 3) in double precision, for callers that
// build their own tables (the CLI fills gaps in a class-color file with it). The kernels
// compute the same color in SIMD (segmentation_rows.cc).
#include <cmath>
#include <cstdint>

#include "pixconv/convert.h"

namespace pixconv {
namespace {

double EncodeSrgb(double c) {
  return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

uint8_t ToByte(double c) { return static_cast<uint8_t>(std::floor(c * 255.0 + 0.5)); }

}  // namespace

void AutoClassColor(uint16_t id, uint8_t rgba[4]) {
  const double h = id * 0.618034 - std::floor(id * 0.618034);
  constexpr double s = 0.85, v = 0.5;
  const double h6 = h * 6.0;
  const int sector = static_cast<int>(std::floor(h6)) % 6;
  const double f = h6 - std::floor(h6);
  const double p = v * (1.0 - s), q = v * (1.0 - s * f), t = v * (1.0 - s * (1.0 - f));
  const double rgb[6][3] = {{v, t, p}, {q, v, p}, {p, v, t}, {p, q, v}, {t, p, v}, {v, p, q}};
  for (int c = 0; c < 3; ++c) rgba[c] = ToByte(EncodeSrgb(rgb[sector][c]));
  rgba[3] = 255;
}

}  // namespace pixconv
