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

// A destination with guard bytes before, between rows (stride padding) and after.
struct GuardedOutput {
  static constexpr uint8_t kGuard = 0xA5;
  std::vector<uint8_t> storage;
  size_t offset = 0;
  size_t stride = 0;
  size_t row_bytes = 0;
  uint32_t height = 0;
  OutputView view() {
    return OutputView{storage.data() + offset, storage.size() - offset - 16, stride};
  }
  uint8_t* Row(uint32_t y) { return storage.data() + offset + size_t{y} * stride; }
  const uint8_t* Row(uint32_t y) const { return storage.data() + offset + size_t{y} * stride; }
  // True if every byte outside the pixels of rows [y0, y1) still holds kGuard.
  bool OnlyRowsWritten(uint32_t y0, uint32_t y1) const;
  bool GuardsIntact() const { return OnlyRowsWritten(0, height); }
};
GuardedOutput MakeOutput(uint32_t width, uint32_t height, OutputType type, size_t extra_stride = 0,
                         size_t misalign = 0);

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

}  // namespace pixconv::test
