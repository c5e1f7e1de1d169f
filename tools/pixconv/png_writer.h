// Writes RGBA pixels as an 8 or 16-bit RGBA PNG with libpng.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "pixconv/status.h"

namespace pixconv::cli {

// `rgba` holds `height` rows of `width` RGBA pixels, `stride` bytes apart, with `bit_depth` 8
// (bytes) or 16 (big-endian pairs, PNG's order). `srgb` says how the values are encoded, so
// viewers display them right: an sRGB chunk when true, gAMA 1.0 (linear) when false.
Status WritePng(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                int bit_depth, bool srgb);

}  // namespace pixconv::cli
