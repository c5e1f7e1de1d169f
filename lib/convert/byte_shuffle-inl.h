// Exact U8 color-model kernels as one byte shuffle per output vector (x86: pshufb), for the
// layouts whose output bytes are a fixed rearrangement of input bytes: L, RGB, BGR -> RGBA
// (alpha 255) and BGRA -> RGBA. Highway's LoadInterleaved3 + StoreInterleaved4 spend about
// ten shuffles per vector on x86 to split the channels and zip them again; here each 16-byte
// output group (4 pixels) comes from a single 16-byte window of the input through one
// in-block TableLookupBytes, so a kernel runs at store speed and the 1080p frame (cache
// resident) converts at memcpy's byte rate. ARM keeps the interleaved path: vld3 / vst4 do
// this natively there.
//
// Block: 16 pixels on every target (64 output bytes = 64 / Lanes vectors), so one index
// table serves SSSE3, AVX2 and AVX-512: output vector i takes the 16-byte index groups
// [i * B, (i + 1) * B) of the 64-byte table, B = Lanes / 16.

#if defined(PIXCONV_CONVERT_BYTE_SHUFFLE_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_BYTE_SHUFFLE_INL_H_
#undef PIXCONV_CONVERT_BYTE_SHUFFLE_INL_H_
#else
#define PIXCONV_CONVERT_BYTE_SHUFFLE_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "hwy/highway.h"

// Where the shuffle kernels exist: x86 targets with in-block byte lookups (all but the scalar
// one; EMU128 emulates TableLookupBytes lane by lane, which keeps the path tested anyway).
// Defined again for each target this header is compiled for.
#undef PIXCONV_HAVE_BYTE_SHUFFLE
#if HWY_ARCH_X86 && HWY_TARGET != HWY_SCALAR
#define PIXCONV_HAVE_BYTE_SHUFFLE 1
#else
#define PIXCONV_HAVE_BYTE_SHUFFLE 0
#endif

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if PIXCONV_HAVE_BYTE_SHUFFLE

inline constexpr size_t kShuffleBlockPixels = 16;

// 0x80 selects zero (TableLookupBytesOr0); alpha is then ORed in as 255.
inline constexpr uint8_t kZ = 0x80;

// L: group g (pixels 4g..4g+3) reads bytes 4g..4g+3 of the 16 input bytes, broadcast to every
// 128-bit block.
alignas(64) inline constexpr uint8_t kLToRgba[64] = {
    0,  0,  0,  kZ, 1,  1,  1,  kZ, 2,  2,  2,  kZ, 3,  3,  3,  kZ,
    4,  4,  4,  kZ, 5,  5,  5,  kZ, 6,  6,  6,  kZ, 7,  7,  7,  kZ,
    8,  8,  8,  kZ, 9,  9,  9,  kZ, 10, 10, 10, kZ, 11, 11, 11, kZ,
    12, 12, 12, kZ, 13, 13, 13, kZ, 14, 14, 14, kZ, 15, 15, 15, kZ};

// RGB / BGR: group g needs input bytes 12g..12g+11. Group 0 loads its window at byte 0, the
// others at 12g - 4, so the last window ends exactly at the block's 48th byte (nothing past
// the block is read) and their pixels start at byte 4 of the window.
alignas(64) inline constexpr uint8_t kRgbToRgba[64] = {
    0, 1,  2,  kZ, 3, 4,  5,  kZ, 6, 7,  8,  kZ, 9,  10, 11, kZ,
    4, 5,  6,  kZ, 7, 8,  9,  kZ, 10, 11, 12, kZ, 13, 14, 15, kZ,
    4, 5,  6,  kZ, 7, 8,  9,  kZ, 10, 11, 12, kZ, 13, 14, 15, kZ,
    4, 5,  6,  kZ, 7, 8,  9,  kZ, 10, 11, 12, kZ, 13, 14, 15, kZ};
alignas(64) inline constexpr uint8_t kBgrToRgba[64] = {
    2, 1,  0,  kZ, 5,  4,  3,  kZ, 8,  7,  6,  kZ, 11, 10, 9,  kZ,
    6, 5,  4,  kZ, 9,  8,  7,  kZ, 12, 11, 10, kZ, 15, 14, 13, kZ,
    6, 5,  4,  kZ, 9,  8,  7,  kZ, 12, 11, 10, kZ, 15, 14, 13, kZ,
    6, 5,  4,  kZ, 9,  8,  7,  kZ, 12, 11, 10, kZ, 15, 14, 13, kZ};

// BGRA: R and B trade places within each pixel; alpha is the input's.
alignas(64) inline constexpr uint8_t kBgraToRgba[64] = {
    2,  1,  0,  3,  6,  5,  4,  7,  10, 9,  8,  11, 14, 13, 12, 15,
    2,  1,  0,  3,  6,  5,  4,  7,  10, 9,  8,  11, 14, 13, 12, 15,
    2,  1,  0,  3,  6,  5,  4,  7,  10, 9,  8,  11, 14, 13, 12, 15,
    2,  1,  0,  3,  6,  5,  4,  7,  10, 9,  8,  11, 14, 13, 12, 15};

// The input windows of RGB groups [first, first + Lanes(d) / 16), one per 128-bit block.
template <class D>
HWY_INLINE hn::Vec<D> LoadRgbWindows(D d, const uint8_t* HWY_RESTRICT in, size_t first) {
  if constexpr (hn::MaxLanes(D()) <= 16) {
    return hn::LoadU(d, in + (first == 0 ? 0 : 12 * first - 4));
  } else {
    const hn::Half<D> dh;
    const size_t half_groups = hn::MaxLanes(dh) / 16;
    return hn::Combine(d, LoadRgbWindows(dh, in, first + half_groups),
                       LoadRgbWindows(dh, in, first));
  }
}

// Output vector i of a gray block: its pixels' codes taken from `dup`, which holds the block's
// 16 codes in every 128-bit block, with alpha 255.
template <class D>
HWY_INLINE hn::Vec<D> GrayToRgba(D d, hn::Vec<D> dup, size_t i) {
  const hn::Repartition<uint32_t, D> d32;
  const auto opaque = hn::BitCast(d, hn::Set(d32, 0xFF000000u));
  return hn::Or(hn::TableLookupBytesOr0(dup, hn::Load(d, kLToRgba + i * hn::Lanes(d))), opaque);
}

// One block of 16 pixels: kC input channels (1, 3 or 4), kSwapRB for BGR / BGRA.
template <size_t kC, bool kSwapRB>
HWY_INLINE void ShuffleBlockToRgba(const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out) {
  const hn::ScalableTag<uint8_t> d;
  const hn::Repartition<uint32_t, decltype(d)> d32;
  constexpr size_t kVectors = 64 / hn::MaxLanes(d);
  const size_t n = hn::Lanes(d);
  const auto opaque = hn::BitCast(d, hn::Set(d32, 0xFF000000u));
  for (size_t i = 0; i < kVectors; ++i) {
    if constexpr (kC == 1) {
      hn::StoreU(GrayToRgba(d, hn::LoadDup128(d, in), i), d, out + i * n);
    } else if constexpr (kC == 3) {
      const auto idx = hn::Load(d, (kSwapRB ? kBgrToRgba : kRgbToRgba) + i * n);
      const auto windows = LoadRgbWindows(d, in, i * (n / 16));
      hn::StoreU(hn::Or(hn::TableLookupBytesOr0(windows, idx), opaque), d, out + i * n);
    } else {
      static_assert(kC == 4 && kSwapRB, "RGBA to RGBA is a copy");
      const auto idx = hn::Load(d, kBgraToRgba + i * n);
      hn::StoreU(hn::TableLookupBytes(hn::LoadU(d, in + i * n), idx), d, out + i * n);
    }
  }
}

#endif  // PIXCONV_HAVE_BYTE_SHUFFLE

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_BYTE_SHUFFLE_INL_H_
