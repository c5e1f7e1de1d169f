// Internal: the interval every normalized value is clamped to (lib/README.md 3.2 and 3.8),
// shared by the color-model and YUV plans.
#pragma once

#include <cfloat>

#include "pixconv/convert.h"

namespace pixconv::internal {

// [0, 1]; or, for an RGBAF32 output with ConvertOptions::clamp false, [-FLT_MAX, FLT_MAX]:
// values outside [0, 1] are kept (the sRGB curves extended) and only saturated to stay finite.
struct ClampBounds {
  bool unclamped = false;
  float lower = 0.0f;
  float upper = 1.0f;

  static ClampBounds For(const ConvertOptions& opts) {
    return opts.clamp ? ClampBounds{} : ClampBounds{true, -FLT_MAX, FLT_MAX};
  }
};

}  // namespace pixconv::internal
