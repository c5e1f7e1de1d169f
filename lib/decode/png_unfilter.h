// Reversing PNG's per-row filters (PNG specification, section 9) with Highway kernels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

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

// Reverses Average or Paeth on `rows` consecutive rows of that filter at once, 2 to
// FilterBlock::rows of them: row j of the block starts at first + j * stride, `bytes` long;
// prev is the row above the first, unfiltered. `scratch` holds BlockScratchBytes(bytes).
// Rows need no slack.
using BlockFn = void (*)(uint8_t* first, size_t stride, size_t rows, const uint8_t* prev,
                         size_t bytes, uint8_t* scratch);
struct FilterBlock {
  BlockFn fn = nullptr;
  size_t rows = 0;  // the most rows a call takes, and the number it is fastest at
};

// The Paeth block kernel for `bpp`: on the 256-bit x86 targets the wide blocks for bpp 2, 3
// and 4, else png_paeth_block.cc's for bpp 1, 2 and 4; {nullptr, 0} where there is none.
FilterBlock SelectPaethBlock(int bpp);
// The Average block kernel for `bpp`: the wide blocks for bpp 2, 3 and 4, or {nullptr, 0}.
FilterBlock SelectAverageBlock(int bpp);
size_t BlockScratchBytes(size_t bytes);

// The blocks of png_wide_blocks.cc for filter type 3 or 4 and bpp 2, 3 or 4, or
// {nullptr, 0} on targets without 256-bit x86 vectors.
FilterBlock SelectWideBlock(int filter, int bpp);
size_t WideBlockScratchBytes(size_t bytes);

// For tests: out[i] = x[i] + the Paeth predictor of a[i], b[i] and c[i], wrapped to a byte, by
// the byte-lane form of the wide blocks (PaethSumBytes) on the current target. n is a multiple
// of the target's vector bytes; the HWY_SCALAR target writes nothing.
void PaethBytesForTest(const uint8_t* x, const uint8_t* a, const uint8_t* b, const uint8_t* c,
                       uint8_t* out, size_t n);

// Unfilters the rows of one image, a row or a block of Average or Paeth rows at a time.
// Filtered rows are stored one after the other, each its filter-type byte and then its bytes.
class RowUnfilter {
 public:
  // False when memory runs out. `widest` is the most bytes a row has.
  bool Init(int bpp, size_t widest);

  // Unfilters, in place, at least one and at most `left` rows from `row` on, of `bytes`
  // each, below `prev` (unfiltered; zeros above a pass's first row): a run of two or more
  // Average or Paeth rows through their block kernel where there is one, else one row.
  // Returns how many, or 0 for a filter type above 4. The rows and prev need the slack
  // UnfilterFn describes.
  size_t Run(uint8_t* row, const uint8_t* prev, size_t bytes, size_t left);

 private:
  UnfilterFn unfilter_[5] = {};
  FilterBlock blocks_[5];  // by filter type: Average's and Paeth's, where there are blocks
  std::unique_ptr<uint8_t[]> scratch_;
};

}  // namespace pixconv::decode_internal
