// RowUnfilter (png_unfilter.h): runs of two or more Paeth rows go to the block kernel, every
// other row to its row kernel.
#include <new>

#include "decode/png_unfilter.h"

namespace pixconv::decode_internal {

bool RowUnfilter::Init(int bpp, size_t widest) {
  SelectUnfilters(bpp, unfilter_);
  block_ = SelectPaethBlock(bpp);
  if (block_.fn == nullptr) return true;
  scratch_.reset(new (std::nothrow) uint8_t[PaethBlockScratchBytes(widest)]);
  return scratch_ != nullptr;
}

size_t RowUnfilter::Run(uint8_t* row, const uint8_t* prev, size_t bytes, size_t left) {
  const size_t stride = bytes + 1;
  if (block_.fn != nullptr) {
    const size_t most = left < block_.rows ? left : block_.rows;
    size_t paeth = 0;
    while (paeth < most && row[paeth * stride] == 4) ++paeth;
    if (paeth >= 2) {
      block_.fn(row + 1, stride, paeth, prev, bytes, scratch_.get());
      return paeth;
    }
  }
  const uint8_t filter = row[0];
  if (filter > 4) return 0;
  if (filter != 0) unfilter_[filter](row + 1, prev, bytes);
  return 1;
}

}  // namespace pixconv::decode_internal
