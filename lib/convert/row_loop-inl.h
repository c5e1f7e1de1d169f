// Row driver shared by the kernels: whole blocks of pixels straight from and to the caller's
// buffers, then the tail through a zeroed stack block, so a kernel only ever sees whole
// blocks and nothing outside the caller's row is read or written (STYLE.md 8.6; Highway 1.0.3
// has no LoadN/StoreN, and its MaskedLoad of bytes may read a whole vector).
//
// Streaming (non-temporal) output: a frame much larger than the caches is written to memory
// anyway, and ordinary stores first read every destination line into the cache ("read for
// ownership"), which is a third of the memory traffic of an RGBA f32 conversion and more of an
// 8-bit one. With `stream`, blocks are converted into one of two small aligned stack chunks
// (they stay in L1) while the other chunk, filled before, goes to the destination with
// non-temporal stores of whole vectors, a few after each block. Spreading the non-temporal
// stores among the arithmetic keeps the memory busy while the kernel computes; copying a
// whole chunk at once stalls on the write-combining buffers instead. Measured on the AVX-512
// development machine (1080p and 4K, L/RGB U8 -> RGBA8, L/RGBA U16 -> RGBAF32, against
// memcpy): interleaved 2 KiB chunks beat ordinary stores by 1.1x to 2x, whole-chunk copies by
// up to 1.2x, and non-temporal stores issued by the kernels themselves. The planner decides
// when to stream (kStreamMinOutputBytes, color_plan.h).

#if defined(PIXCONV_CONVERT_ROW_LOOP_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_ROW_LOOP_INL_H_
#undef PIXCONV_CONVERT_ROW_LOOP_INL_H_
#else
#define PIXCONV_CONVERT_ROW_LOOP_INL_H_
#endif

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "hwy/cache_control.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Largest block a kernel may ask for, in bytes per side: 64 lanes of up to 32 bytes per pixel
// (AVX-512 bytes, or 16 pixels of RGBA F64 input).
inline constexpr size_t kMaxBlockBytes = 64 * 32;

// The stack chunk of streamed output: a power of two, a multiple of every block's output
// (n * out_bpp, a power of two up to kMaxBlockBytes), and small enough to stay in L1.
inline constexpr size_t kStreamChunkBytes = 2048;
// Streamed stores start on a cache-line boundary of the destination.
inline constexpr size_t kStreamAlign = 64;

// Copies `bytes` (a multiple of the vector size) from an aligned buffer to an aligned
// destination with non-temporal stores. On targets without them, Stream is a plain store.
HWY_INLINE void StreamCopy(const uint8_t* HWY_RESTRICT from, uint8_t* HWY_RESTRICT to, size_t bytes) {
  const hn::ScalableTag<uint8_t> d;
  const size_t n = hn::Lanes(d);
  for (size_t i = 0; i < bytes; i += n) hn::Stream(hn::Load(d, from + i), d, to + i);
}

// Calls block(src, dst) for consecutive blocks of `n` pixels covering `width` pixels.
// `in_bpp` / `out_bpp` are bytes per pixel; n * max(in_bpp, out_bpp) <= kMaxBlockBytes.
template <class Block>
HWY_INLINE void ForEachBlockCached(size_t width, size_t n, size_t in_bpp, size_t out_bpp,
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

// The same, with the destination written by non-temporal stores when `stream` is set and the
// destination can be aligned at a pixel boundary (out_bpp divides kStreamAlign: 1, 4 or 16
// here). The pixels before the first aligned line and after the last whole chunk take the
// cached path. Ends with a store fence, so the row's stores are ordered before any later
// store of this thread (a caller that hands the frame to another thread synchronizes with
// it as for any other store).
template <class Block>
HWY_INLINE void ForEachBlock(size_t width, size_t n, size_t in_bpp, size_t out_bpp,
                             const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst,
                             const Block& block, bool stream = false) {
  const size_t chunk = kStreamChunkBytes / out_bpp;  // pixels per chunk, a multiple of n
  const size_t misaligned =
      (kStreamAlign - reinterpret_cast<uintptr_t>(dst) % kStreamAlign) % kStreamAlign;
  if (!stream || misaligned % out_bpp != 0 || width < misaligned / out_bpp + chunk) {
    ForEachBlockCached(width, n, in_bpp, out_bpp, src, dst, block);
    return;
  }
  size_t x = misaligned / out_bpp;
  ForEachBlockCached(x, n, in_bpp, out_bpp, src, dst, block);
  // Chunk k is converted into one buffer while chunk k - 1 streams out of the other: after
  // each of a chunk's `blocks` blocks, `per_block` vectors of the previous chunk (or one vector
  // after every `every` blocks, when blocks are smaller than a vector).
  const hn::ScalableTag<uint8_t> d8;
  const size_t vector = hn::Lanes(d8);
  const size_t vectors = kStreamChunkBytes / vector, blocks = chunk / n;
  const size_t per_block = vectors >= blocks ? vectors / blocks : 1;
  const size_t every = vectors >= blocks ? 1 : blocks / vectors;
  alignas(64) uint8_t buffers[2][kStreamChunkBytes];
  uint8_t* fill = buffers[0];
  const uint8_t* drain = nullptr;
  uint8_t* drain_to = nullptr;
  for (; x + chunk <= width; x += chunk) {
    size_t v = 0;
    for (size_t i = 0; i < blocks; ++i) {
      block(src + (x + i * n) * in_bpp, fill + i * n * out_bpp);
      if (drain != nullptr && (i + 1) % every == 0) {
        for (size_t k = 0; k < per_block; ++k, ++v) {
          hn::Stream(hn::Load(d8, drain + v * vector), d8, drain_to + v * vector);
        }
      }
    }
    drain = fill;
    drain_to = dst + x * out_bpp;
    fill = fill == buffers[0] ? buffers[1] : buffers[0];
  }
  StreamCopy(drain, drain_to, kStreamChunkBytes);  // at least one chunk ran
  ForEachBlockCached(width - x, n, in_bpp, out_bpp, src + x * in_bpp, dst + x * out_bpp, block);
  hwy::FlushStream();
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_ROW_LOOP_INL_H_
