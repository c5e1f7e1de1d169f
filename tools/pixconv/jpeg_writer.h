// Writes RGBA8 pixels as a baseline JPEG with libjpeg-turbo. JPEG has no alpha channel, so
// alpha is dropped (the caller warns when it was not opaque).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "pixconv/status.h"

namespace pixconv::cli {

// `rgba` holds `height` packed rows of `width` RGBA pixels; `quality` is libjpeg's 1..100.
Status WriteJpeg(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, int quality);

// True when some alpha value of the packed RGBA8 pixels is below 255.
bool HasTransparency(const uint8_t* rgba, size_t pixels);

}  // namespace pixconv::cli
