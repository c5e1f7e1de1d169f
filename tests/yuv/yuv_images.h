// YUV test images in caller-style memory: one contiguous buffer with padded strides, or
// separately allocated planes (as video decoders hand them out), each plane ending exactly at
// the end of its allocation so over-reads are caught by AddressSanitizer.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <vector>

#include "pixconv/layout.h"

namespace pixconv::test {

struct YuvImage {
  std::vector<std::vector<uint8_t>> storage;
  ImageView view;
};

// Random samples, with the codes that matter (0, 16, 128, 235, 240, 255) mixed in.
// `separate_planes` uses MakePlanarView; otherwise one buffer with `extra_stride` padding.
YuvImage MakeYuvImage(PixelFormat f, uint32_t width, uint32_t height, std::mt19937_64& rng,
                      bool separate_planes, size_t extra_stride);

}  // namespace pixconv::test
