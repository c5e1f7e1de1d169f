// A destination buffer with guard bytes before, between rows (stride padding) and after, so a
// test can prove that a kernel wrote its pixels and nothing else.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pixconv/convert.h"

namespace pixconv::test {

struct GuardedOutput {
  static constexpr uint8_t kGuard = 0xA5;
  std::vector<uint8_t> storage;
  size_t offset = 0;  // of row 0 in storage: 16 guard bytes plus the requested misalignment
  size_t stride = 0;
  size_t row_bytes = 0;
  uint32_t height = 0;

  // The destination as a kernel sees it (the trailing 16 guard bytes excluded).
  OutputView view() {
    return OutputView{storage.data() + offset, storage.size() - offset - 16, stride};
  }
  uint8_t* Row(uint32_t y) { return storage.data() + offset + size_t{y} * stride; }
  const uint8_t* Row(uint32_t y) const { return storage.data() + offset + size_t{y} * stride; }
  // True if every byte outside the pixels of rows [y0, y1) still holds kGuard.
  bool OnlyRowsWritten(uint32_t y0, uint32_t y1) const;
  bool GuardsIntact() const { return OnlyRowsWritten(0, height); }
};

// Rows of width * bytes_per_pixel bytes, extra_stride bytes of padding after each, the first
// one misalign bytes past a 16-byte guard.
GuardedOutput MakeOutput(uint32_t width, uint32_t height, size_t bytes_per_pixel,
                         size_t extra_stride = 0, size_t misalign = 0);
inline GuardedOutput MakeOutput(uint32_t width, uint32_t height, OutputType type,
                                size_t extra_stride = 0, size_t misalign = 0) {
  return MakeOutput(width, height, BytesPerPixel(type), extra_stride, misalign);
}

}  // namespace pixconv::test
