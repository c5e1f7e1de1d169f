// Writes RGBA f32 pixels as a colour Portable FloatMap (.pfm): the float format HDR tools
// (ImageMagick, OpenCV, the Netpbm family) read. PFM has no alpha channel, so alpha is dropped.
#pragma once

#include <cstdint>
#include <cstdio>

#include "pixconv/status.h"

namespace pixconv::cli {

// `rgba` holds `height` packed rows of `width` RGBA f32 pixels in native order. Writes the
// "PF" header with scale -1 (little-endian samples) and the rows bottom to top, as PFM orders
// them.
Status WritePfm(FILE* out, const float* rgba, uint32_t width, uint32_t height);

}  // namespace pixconv::cli
