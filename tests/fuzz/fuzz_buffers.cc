#include "fuzz_buffers.h"

#include <algorithm>
#include <cstring>

namespace pixconv::fuzz {
namespace {

// All bytes equal `value`: the first does, and each equals the next (one overlapping memcmp).
// Not a byte loop: the checks are not what the fuzzer should spend its coverage-traced
// comparisons on (a loop here took half of the convert fuzzer's time).
bool AllEqual(const uint8_t* begin, const uint8_t* end, uint8_t value) {
  if (begin == end) return true;
  return *begin == value && std::memcmp(begin, begin + 1, static_cast<size_t>(end - begin) - 1) == 0;
}

}  // namespace

std::vector<uint8_t> Cycled(std::span<const uint8_t> pattern, size_t size, size_t offset) {
  std::vector<uint8_t> bytes(size);
  if (pattern.empty()) return bytes;
  size_t at = offset % pattern.size();
  for (size_t i = 0; i < size;) {
    const size_t n = std::min(size - i, pattern.size() - at);
    std::memcpy(bytes.data() + i, pattern.data() + at, n);
    i += n;
    at = 0;
  }
  return bytes;
}

// The callers only ask about shapes the library accepted, so every row lies inside the
// buffer: stride * (height - 1) + row_bytes <= size.
bool OnlyRowsWritten(std::span<const uint8_t> buffer, const RowShape& shape, uint32_t y0,
                     uint32_t y1, uint8_t fill) {
  const uint8_t* p = buffer.data();
  size_t at = 0;  // everything before `at` has been checked
  for (uint32_t y = y0; y < y1; ++y) {
    const size_t row = size_t{y} * shape.stride;
    if (!AllEqual(p + at, p + row, fill)) return false;
    at = row + shape.row_bytes;
  }
  return AllEqual(p + at, p + buffer.size(), fill);
}

bool AllHold(std::span<const uint8_t> buffer, uint8_t fill) {
  return AllEqual(buffer.data(), buffer.data() + buffer.size(), fill);
}

bool SameRows(std::span<const uint8_t> a, std::span<const uint8_t> b, const RowShape& shape,
              uint32_t y0, uint32_t y1) {
  for (uint32_t y = y0; y < y1; ++y) {
    const size_t row = size_t{y} * shape.stride;
    if (std::memcmp(a.data() + row, b.data() + row, shape.row_bytes) != 0) return false;
  }
  return true;
}

bool RowsEqualPacked(std::span<const uint8_t> buffer, const RowShape& shape,
                     std::span<const uint8_t> packed, uint32_t y0, uint32_t y1) {
  for (uint32_t y = y0; y < y1; ++y) {
    if (std::memcmp(buffer.data() + size_t{y} * shape.stride,
                    packed.data() + size_t{y} * shape.row_bytes, shape.row_bytes) != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace pixconv::fuzz
