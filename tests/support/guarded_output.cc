#include "support/guarded_output.h"

namespace pixconv::test {

GuardedOutput MakeOutput(uint32_t width, uint32_t height, size_t bytes_per_pixel,
                         size_t extra_stride, size_t misalign) {
  GuardedOutput out;
  out.row_bytes = size_t{width} * bytes_per_pixel;
  out.stride = out.row_bytes + extra_stride;
  out.height = height;
  out.offset = 16 + misalign;
  out.storage.assign(out.offset + out.stride * (height - 1) + out.row_bytes + 16,
                     GuardedOutput::kGuard);
  return out;
}

bool GuardedOutput::OnlyRowsWritten(uint32_t y0, uint32_t y1) const {
  for (size_t i = 0; i < storage.size(); ++i) {
    bool inside = false;
    if (i >= offset) {
      const size_t row = (i - offset) / stride;
      inside = row >= y0 && row < y1 && (i - offset) % stride < row_bytes;
    }
    if (!inside && storage[i] != kGuard) return false;
  }
  return true;
}

}  // namespace pixconv::test
