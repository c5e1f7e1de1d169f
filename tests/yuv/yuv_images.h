// Test data for the YUV suites: pixel-format images in caller-style memory (padded strides,
// odd offsets, one buffer or separately allocated planes, each ending exactly at the end of
// its allocation so AddressSanitizer catches over-reads) and guarded destinations.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/model.h"
#include "support/guarded_output.h"

namespace pixconv::test {

struct YuvImageOptions {
  size_t extra_stride = 0;       // bytes of padding after every row of every plane
  size_t misalign = 0;           // offset of the first plane from an aligned allocation
  bool separate_planes = false;  // one allocation per plane (MakePlanarView)
};

struct YuvImage {
  std::vector<std::vector<uint8_t>> buffers;
  ImageView view;
};

// Random samples; about one in eight is an edge value (0, 16, 128, 235, 240, 255) so that
// clamping and the limits of limited range are exercised.
YuvImage MakeYuvImage(PixelFormat format, uint32_t width, uint32_t height, std::mt19937_64& rng,
                      const YuvImageOptions& options = {});

// Largest |got - want| over rows [y0, y1) (want: packed rows of the whole image, as the
// reference returns them), and where it happened.
struct Deviation {
  double max = 0.0;
  uint32_t x = 0, y = 0;
  int channel = 0;
};
Deviation CompareRgba8(const std::vector<uint8_t>& want, const GuardedOutput& got, uint32_t width,
                       uint32_t y0, uint32_t y1);
Deviation CompareRgbaF32(const std::vector<float>& want, const GuardedOutput& got, uint32_t width,
                         uint32_t y0, uint32_t y1);

std::string OptionsName(const ConvertOptions& opts);

// The target a YUV conversion with `opts` reports while `pinned` (a name from Targets()) is
// pinned. The fixed-point kernels (RGBA8 without a transfer change, lib/README.md 3.5) build
// for AVX3_DL too (lib/convert/yuv_rows_fixed.cc); the float ones run AVX3 there, like the
// other kernel files (CommonTargetName).
std::string YuvTargetName(const char* pinned, const ConvertOptions& opts);

}  // namespace pixconv::test
