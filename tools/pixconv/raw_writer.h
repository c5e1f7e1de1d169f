// Writes the destination buffer as it is: RGBA8 bytes, or RGBA f32 as little-endian floats.
#pragma once

#include <cstddef>
#include <cstdio>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/status.h"

namespace pixconv::cli {

// `pixels` is a packed destination of OutputSize() bytes in the layout `type` names.
Status WriteRaw(FILE* out, const std::vector<uint8_t>& pixels, OutputType type);

}  // namespace pixconv::cli
