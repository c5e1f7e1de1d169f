// Writes RGBA pixels as a PNG: filtered with SIMD kernels (png_filter.h) and compressed by
// libdeflate. The file holds the fewest channels that keep every pixel: gray when R = G = B
// everywhere, no alpha channel when every alpha is opaque.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "pixconv/status.h"

namespace pixconv::cli {

// --png-level: libdeflate's compression levels, 0 (stored) to 12 (smallest, slowest).
inline constexpr int kMinPngLevel = 0;
inline constexpr int kMaxPngLevel = 12;
inline constexpr int kDefaultPngLevel = 4;

// `rgba` holds `height` rows of `width` RGBA pixels, `stride` bytes apart, with `bit_depth` 8
// (bytes) or 16 (big-endian pairs, PNG's order). `srgb` says how the values are encoded, so
// viewers display them right: an sRGB chunk when true, gAMA 1.0 (linear) when false. Write
// errors name the system's reason ("No space left on device").
Status WritePng(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                int bit_depth, bool srgb, int level = kDefaultPngLevel);

}  // namespace pixconv::cli
