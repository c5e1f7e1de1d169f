// Synthetic images for `pixconv formats` (which kernel a format gets) and `pixconv bench`
// (what it costs): a buffer of the format's exact size with deterministic pseudo-random
// samples, floats in [0, 1) as display data usually is.
#pragma once

#include <cstdint>
#include <vector>

#include "pixconv/layout.h"

namespace pixconv::cli {

struct SampleImage {
  std::vector<uint8_t> bytes;
  ImageView view;  // over `bytes`; do not copy a SampleImage (the view would dangle)
};

Status MakeSampleImage(const ImageFormat& format, SampleImage* image);

}  // namespace pixconv::cli
