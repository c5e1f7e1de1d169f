// Row driver shared by the kernels: whole blocks of pixels straight from and to the caller's
// buffers, then the tail through a zeroed stack block, so a kernel only ever sees whole
// blocks and nothing outside the caller's row is read or written (STYLE.md 8.6; Highway 1.0.3
// has no LoadN/StoreN, and its MaskedLoad of bytes may read a whole vector).

#if defined(PIXCONV_CONVERT_ROW_LOOP_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_ROW_LOOP_INL_H_
#undef PIXCONV_CONVERT_ROW_LOOP_INL_H_
#else
#define PIXCONV_CONVERT_ROW_LOOP_INL_H_
#endif

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

// Largest block a kernel may ask for, in bytes per side: 64 lanes of up to 32 bytes per pixel
// (AVX-512 bytes, or 16 pixels of RGBA F64 input).
inline constexpr size_t kMaxBlockBytes = 64 * 32;

// Calls block(src, dst) for consecutive blocks of `n` pixels covering `width` pixels.
// `in_bpp` / `out_bpp` are bytes per pixel; n * max(in_bpp, out_bpp) <= kMaxBlockBytes.
template <class Block>
HWY_INLINE void ForEachBlock(size_t width, size_t n, size_t in_bpp, size_t out_bpp,
                             const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst,
                             const Block& block) {
  size_t x = 0;
  if (width >= n) {
    for (; x <= width - n; x += n) block(src + x * in_bpp, dst + x * out_bpp);
  }
  if (x == width) return;
  alignas(64) uint8_t in[kMaxBlockBytes];
  alignas(64) uint8_t out[kMaxBlockBytes];
  const size_t rest = width - x;
  std::memset(in, 0, n * in_bpp);
  std::memcpy(in, src + x * in_bpp, rest * in_bpp);
  block(in, out);
  std::memcpy(dst + x * out_bpp, out, rest * out_bpp);
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_ROW_LOOP_INL_H_
