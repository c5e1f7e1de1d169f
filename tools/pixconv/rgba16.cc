#include "rgba16.h"

#include <cmath>

namespace pixconv::cli {

std::vector<uint8_t> QuantizeToBigEndian16(const float* values, size_t count) {
  std::vector<uint8_t> bytes(2 * count);
  for (size_t i = 0; i < count; ++i) {
    const double x = values[i];
    // !(x > 0) also catches NaN.
    const double clamped = !(x > 0.0) ? 0.0 : (x > 1.0 ? 1.0 : x);
    const auto q = static_cast<uint16_t>(std::floor(clamped * 65535.0 + 0.5));
    bytes[2 * i] = static_cast<uint8_t>(q >> 8);
    bytes[2 * i + 1] = static_cast<uint8_t>(q & 0xFF);
  }
  return bytes;
}

}  // namespace pixconv::cli
