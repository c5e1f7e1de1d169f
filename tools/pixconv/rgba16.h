// 16-bit RGBA for PNG output (--to rgba16): the library's RGBA f32 result quantized like its
// RGBA8 output (lib/README.md 3.7, floor(x * max + 0.5)) but to 65535, so high-bit-depth input
// keeps its precision. The library has no 16-bit output type, and one conversion path (f32)
// keeps range, transfer and premultiply semantics identical to the other outputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pixconv::cli {

// `count` floats (nominally in [0, 1]; clamped, NaN -> 0) to big-endian 16-bit samples, PNG's
// byte order: 2 * count bytes.
std::vector<uint8_t> QuantizeToBigEndian16(const float* values, size_t count);

}  // namespace pixconv::cli
