// Writes RGBA8 pixels as an 8-bit RGBA PNG with libpng.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "pixconv/status.h"

namespace pixconv::cli {

// `rgba` holds `height` rows of `width` RGBA8 pixels, `stride` bytes apart. `srgb` says how the
// values are encoded, so viewers display them right: an sRGB chunk when true, gAMA 1.0 (linear)
// when false.
Status WritePng(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                bool srgb);

}  // namespace pixconv::cli
