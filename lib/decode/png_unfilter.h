// Reversing PNG's per-row filters (PNG specification, section 9) with Highway kernels.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pixconv::decode_internal {

// Reverses one filter in place: row[0, bytes) holds the filtered bytes and becomes the image
// bytes; prev[0, bytes) is the row above, already unfiltered (zeros above the first row).
// Both rows must be followed by 8 readable bytes, and row's 8 bytes must be writable: the
// kernels load and store whole pixels of 4 or 8 bytes and store those extra bytes unchanged.
using UnfilterFn = void (*)(uint8_t* row, const uint8_t* prev, size_t bytes);

// The kernels for filter types 1 (Sub), 2 (Up), 3 (Average) and 4 (Paeth) at index 1..4 of
// `out` (index 0, None, is nullptr), for `bpp` bytes per pixel: 1, 2, 3, 4, 6 or 8.
void SelectUnfilters(int bpp, UnfilterFn out[5]);

// The name of the SIMD target the kernels run on.
const char* UnfilterTargetName();

}  // namespace pixconv::decode_internal
