// Whether two formats describe the same image (pixel_format, when set, makes the color model
// and datatype irrelevant, as in the model).
#pragma once

#include "pixconv/model.h"

namespace pixconv::fuzz {

inline bool SameFormat(const ImageFormat& a, const ImageFormat& b) {
  if (a.width != b.width || a.height != b.height || a.pixel_format != b.pixel_format) return false;
  return a.pixel_format || (a.color_model == b.color_model && a.datatype == b.datatype);
}

}  // namespace pixconv::fuzz
