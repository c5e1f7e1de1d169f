// Buffers for the fuzz targets: exactly as long as the input claims (so AddressSanitizer
// reports a read or write one byte past the end), filled with the input's bytes or a pattern,
// and checks of which rows a call wrote.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pixconv::fuzz {

// `size` bytes of `pattern` repeated (zeros if the pattern is empty), starting at `offset` in
// it. std::vector allocates exactly `size` bytes, so its end is the end of the allocation.
std::vector<uint8_t> Cycled(std::span<const uint8_t> pattern, size_t size, size_t offset = 0);

// Rows of `row_bytes`, `stride` bytes apart, in a buffer: the shape of a destination.
struct RowShape {
  size_t stride = 0;
  size_t row_bytes = 0;
  uint32_t height = 0;
};

// True when every byte of `buffer` outside the pixels of rows [y0, y1) still holds `fill`:
// stride padding, other rows and the tail after the last row.
bool OnlyRowsWritten(std::span<const uint8_t> buffer, const RowShape& shape, uint32_t y0,
                     uint32_t y1, uint8_t fill);

// True when every byte of `buffer` holds `fill` (nothing was written).
bool AllHold(std::span<const uint8_t> buffer, uint8_t fill);

// True when the pixels of rows [y0, y1) are equal in two buffers of the same shape.
bool SameRows(std::span<const uint8_t> a, std::span<const uint8_t> b, const RowShape& shape,
              uint32_t y0, uint32_t y1);

// True when the pixels of rows [y0, y1) of `buffer` equal the same rows of a packed image.
bool RowsEqualPacked(std::span<const uint8_t> buffer, const RowShape& shape,
                     std::span<const uint8_t> packed, uint32_t y0, uint32_t y1);

}  // namespace pixconv::fuzz
