// Row driver shared by the kernels: whole blocks of pixels straight from and to the caller's
// buffers, then the tail through a zeroed stack block, so a kernel only ever sees whole
// blocks and nothing outside the caller's row is read or written (Highway 1.0.3 has no
// LoadN/StoreN, and its MaskedLoad of bytes may read a whole vector).
//
// Streaming (non-temporal) output: a frame much larger than the caches is written to memory
// anyway, and ordinary stores first read every destination line into the cache ("read for
// ownership"), which is a third of the memory traffic of an RGBA f32 conversion and more of an
// 8-bit one. With `stream`, blocks are converted into one of two small aligned stack chunks
// (they stay in L1) while the other chunk, filled before, goes to the destination with
// non-temporal stores of whole vectors, a few after each block. Spreading the non-temporal
// stores among the arithmetic keeps the memory busy while the kernel computes; copying a
// whole chunk at once stalls on the write-combining buffers instead (bench/README.md, notes on
// performance). The planner decides when to stream (StreamMinOutputBytes(),
// stream_threshold.h).

// For the lambdas that convert one block or unit: the drivers call them from two or three
// sites (the cached loop, the streamer's chunks, for YUV the padded tail), and past one call
// site GCC stops inlining a body this large. Out of line, every block pays a call, reloads the
// kernel's constant vectors through the captured references and passes its pointers through
// memory, which costs the YUV kernels about half their speed on cache-resident frames. Each
// call site is a copy of the kernel, so the drivers keep them few.
//
// Sanitizer builds leave the inlining to the compiler: they check correctness, not speed, and
// forced copies of the instrumented kernels multiply their build time.
#ifndef PIXCONV_ALWAYS_INLINE_LAMBDA
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define PIXCONV_SANITIZED_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define PIXCONV_SANITIZED_BUILD 1
#endif
#endif
#if (defined(__GNUC__) || defined(__clang__)) && !defined(PIXCONV_SANITIZED_BUILD)
#define PIXCONV_ALWAYS_INLINE_LAMBDA __attribute__((always_inline))
#else
#define PIXCONV_ALWAYS_INLINE_LAMBDA
#endif
#endif

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

// Double-buffered streaming of a row's output in chunks of kStreamChunkBytes. Usage:
//   OutputStreamer out;
//   for each chunk at destination `to` (aligned to the vector size):
//     out.Chunk(to, block_bytes, [](size_t i, uint8_t* block_out) { convert block i; });
//   out.Finish();
// Chunk k is converted into one buffer while chunk k - 1 streams out of the other: after each
// group of blocks, its share of the previous chunk's vectors (one vector after every few
// blocks, when a block is smaller than a vector). The block size is an argument of each
// Chunk, not state, so that where it and the vector size are constants (every fixed-width
// target) the group and share loops unroll; members could be aliased by the blocks' byte
// stores and would be reloaded at every chunk.
class OutputStreamer {
 public:
  // Converts the chunk that goes to `to` (vector-aligned) by block(i, out) for each block i
  // of block_bytes (a power of two that divides kStreamChunkBytes), while the previous chunk
  // streams out.
  template <class Block>
  HWY_INLINE void Chunk(uint8_t* HWY_RESTRICT to, size_t block_bytes, const Block& block) {
    const hn::ScalableTag<uint8_t> d8;
    const size_t n = hn::Lanes(d8);
    const size_t blocks = kStreamChunkBytes / block_bytes;
    const size_t vectors = kStreamChunkBytes / n;
    // Blocks per group, and vectors streamed after each group.
    const size_t group = vectors >= blocks ? 1 : blocks / vectors;
    const size_t per_group = vectors >= blocks ? vectors / blocks : 1;
    uint8_t* const fill = fill_;
    const uint8_t* const drain = drain_;
    uint8_t* const drain_to = drain_to_;
    // One loop for the first chunk (nothing to drain) and the others: a second call site would
    // be a second inlined copy of the block.
    const size_t share = drain != nullptr ? per_group : 0;
    size_t drained = 0;
    for (size_t i = 0; i < blocks; i += group) {
      for (size_t j = i; j < i + group; ++j) block(j, fill + j * block_bytes);
      for (size_t k = 0; k < share; ++k, drained += n) {
        hn::Stream(hn::Load(d8, drain + drained), d8, drain_to + drained);
      }
    }
    drain_ = fill;
    drain_to_ = to;
    fill_ = fill == buffers_[0] ? buffers_[1] : buffers_[0];
  }

  // Streams the last chunk. It does not fence: Converter::ConvertRows fences once per band
  // (converter.cc), because an sfence waits for the write-combining buffers to drain, and one
  // per row made a streamed 4K YUV frame about 30% slower (2160 fences).
  HWY_INLINE void Finish() {
    if (drain_ != nullptr) {
      const hn::ScalableTag<uint8_t> d8;
      const size_t n = hn::Lanes(d8);
      for (size_t b = 0; b < kStreamChunkBytes; b += n) {
        hn::Stream(hn::Load(d8, drain_ + b), d8, drain_to_ + b);
      }
    }
  }

 private:
  alignas(64) uint8_t buffers_[2][kStreamChunkBytes];
  uint8_t* fill_ = buffers_[0];
  const uint8_t* drain_ = nullptr;
  uint8_t* drain_to_ = nullptr;
};

// Calls block(in, out) for consecutive blocks of `n` pixels covering `width` pixels, `in_bpp`
// and `out_bpp` bytes per pixel (n * max(in_bpp, out_bpp) <= kMaxBlockBytes). The last, partial
// block runs on a zero-padded stack copy of its input and a stack output, of which only the
// row's pixels are copied out.
//
// With `stream`, when the destination can be aligned at a pixel boundary (out_bpp divides
// kStreamAlign: 4 or 16 here), the whole chunks from the first aligned line on are written by
// non-temporal stores; the pixels before that line and after the last whole chunk take the
// cached path.
//
// The block is called from two sites only, the cached loop (whole and partial blocks alike)
// and the streamer's: the block lambdas are always inlined, and every further call site would
// be one more copy of the kernel in every instantiation (each of them compiled per target);
// eight sites made single files take minutes and gigabytes to compile.
template <class Block>
HWY_INLINE void ForEachBlock(size_t width, size_t n, size_t in_bpp, size_t out_bpp,
                             const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst,
                             const Block& block, bool stream = false) {
  const size_t chunk = kStreamChunkBytes / out_bpp;  // pixels per chunk, a multiple of n
  const size_t misaligned =
      (kStreamAlign - reinterpret_cast<uintptr_t>(dst) % kStreamAlign) % kStreamAlign;
  const bool streamed =
      stream && misaligned % out_bpp == 0 && width >= misaligned / out_bpp + chunk;
  // Streamed pixels are [first, last); the cached ones [0, first) and [last, width).
  const size_t first = streamed ? misaligned / out_bpp : width;
  const size_t last = streamed ? first + (width - first) / chunk * chunk : width;
  alignas(64) uint8_t in_pad[kMaxBlockBytes];
  alignas(64) uint8_t out_pad[kMaxBlockBytes];
  const size_t in_block = n * in_bpp, out_block = n * out_bpp;
  size_t x = 0;
  size_t end = first;
  for (;;) {
    // The cached pixels [x, end): a run of whole blocks in a tight loop (pointer increments
    // only, so the kernel's constants stay in registers), then the partial block, if any,
    // through the pads by the same call site.
    for (;;) {
      const uint8_t* HWY_RESTRICT in = src + x * in_bpp;
      uint8_t* HWY_RESTRICT out = dst + x * out_bpp;
      size_t blocks = (end - x) / n;
      const size_t rest = blocks == 0 ? end - x : 0;  // pixels of a partial block
      if (blocks == 0) {
        if (rest == 0) break;
        std::memset(in_pad, 0, in_block);
        std::memcpy(in_pad, in, rest * in_bpp);
        in = in_pad;
        out = out_pad;
        blocks = 1;
      }
      for (size_t i = 0; i < blocks; ++i, in += in_block, out += out_block) block(in, out);
      if (rest != 0) {
        std::memcpy(dst + x * out_bpp, out_pad, rest * out_bpp);
        break;
      }
      x += blocks * n;
    }
    if (end == width) return;
    OutputStreamer streamer;
    for (x = first; x < last; x += chunk) {
      const uint8_t* HWY_RESTRICT in = src + x * in_bpp;
      streamer.Chunk(dst + x * out_bpp, out_block,
                     [in, in_block, &block](size_t i, uint8_t* HWY_RESTRICT o)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR { block(in + i * in_block, o); });
    }
    streamer.Finish();
    x = last;
    end = width;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_ROW_LOOP_INL_H_
