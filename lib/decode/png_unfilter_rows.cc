// RowUnfilter (png_unfilter.h): runs of two or more Average or Paeth rows go to their block
// kernel where there is one, every other row to its row kernel.
#include <new>

#include "decode/png_unfilter.h"

namespace pixconv::decode_internal {

bool RowUnfilter::Init(int bpp, size_t widest) {
  SelectUnfilters(bpp, unfilter_);
  blocks_[3] = SelectAverageBlock(bpp);
  blocks_[4] = SelectPaethBlock(bpp);
  if (blocks_[3].fn == nullptr && blocks_[4].fn == nullptr) return true;
  scratch_.reset(new (std::nothrow) uint8_t[BlockScratchBytes(widest)]);
  return scratch_ != nullptr;
}

size_t RowUnfilter::Run(uint8_t* row, const uint8_t* prev, size_t bytes, size_t left) {
  const size_t stride = bytes + 1;
  const uint8_t filter = row[0];
  if (filter > 4) return 0;
  const FilterBlock& block = blocks_[filter];
  if (block.fn != nullptr) {
    const size_t most = left < block.rows ? left : block.rows;
    size_t run = 1;
    while (run < most && row[run * stride] == filter) ++run;
    if (run >= 2) {
      block.fn(row + 1, stride, run, prev, bytes, scratch_.get());
      return run;
    }
  }
  if (filter != 0) unfilter_[filter](row + 1, prev, bytes);
  return 1;
}

}  // namespace pixconv::decode_internal
