// Row bands: how a parallel conversion cuts an image (pixconv/parallel.h).
#include <algorithm>

#include "pixconv/parallel.h"

namespace pixconv {

uint32_t RowBandAlignment(const ImageFormat& format) {
  if (!format.pixel_format) return 1;
  switch (*format.pixel_format) {
    case PixelFormat::Y_U_V12_LimitedRange:
    case PixelFormat::Y_U_V12_FullRange:
    case PixelFormat::NV12:
      // 4:2:0: luma rows 2j and 2j+1 share chroma row j. Keeping the pair in one band means
      // each chroma row is fetched by one thread only (bands that start on an odd row would
      // still be correct: every output row is computed on its own).
      return 2;
    default:
      return 1;
  }
}

uint32_t RowBandBegin(const ImageFormat& format, uint32_t bands, uint32_t band) {
  const uint32_t height = format.height;
  if (bands == 0 || band >= bands) return height;
  const uint32_t align = RowBandAlignment(format);
  // Whole groups of `align` rows, spread as evenly as integer division allows; the last
  // group of an odd-height 4:2:0 image has one row.
  const uint64_t groups = (uint64_t{height} + align - 1) / align;
  const uint64_t begin = groups * band / bands * align;
  return static_cast<uint32_t>(std::min<uint64_t>(begin, height));
}

}  // namespace pixconv
