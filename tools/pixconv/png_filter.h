// PNG's row filters for the writer (PNG specification, section 9), with Highway kernels.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pixconv::cli {

// Filters row[0, bytes) against prev (the row above; zeros above the first row) with filter
// type 0..4, `bpp` bytes per pixel (1..8), into out[0, bytes). Returns the sum of the output
// bytes read as signed magnitudes: the usual heuristic for picking a row's filter (smaller
// compresses better).
uint64_t FilterPngRow(int filter, int bpp, const uint8_t* row, const uint8_t* prev, size_t bytes,
                      uint8_t* out);

}  // namespace pixconv::cli
