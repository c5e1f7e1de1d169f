// Paeth over blocks of up to 16 rows of 2-byte pixels (16-bit gray, gray with alpha) on the
// 256-bit x86 targets. As in png_paeth_block.cc, row j runs kLag pixels behind row j - 1, so
// one step holds a pixel of every row: 32 bytes, unfiltered on byte lanes (PaethSumBytes).
// Here the skew stays in registers: eight steps at a time, each row's eight pixels are loaded
// together and transposed into the eight steps, and transposed back to be stored. Where some
// row has not started yet or has already ended (the first and last steps), the rows are
// first copied into a small staging area, with zeros before each row's first pixel.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_paeth_wide.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstring>

#include "decode/png_paeth-inl.h"
#include "decode/png_unfilter.h"
#include "hwy/highway.h"

// The constants, once: foreach_target includes this file once per target.
#ifndef PIXCONV_DECODE_PNG_PAETH_WIDE_CONSTANTS_
#define PIXCONV_DECODE_PNG_PAETH_WIDE_CONSTANTS_
namespace pixconv::decode_internal {
namespace {

constexpr size_t kRows = 16;   // rows of a block: a step is 16 pixels of 2 bytes
constexpr size_t kLag = 4;     // pixels each row runs behind the row above it
constexpr size_t kGroup = 8;   // steps per transpose: 8 pixels (16 bytes) of each row
// The steps until the last row has started, rounded up to whole groups.
constexpr size_t kHeadSteps = (kLag * (kRows - 1) + kGroup - 1) / kGroup * kGroup;
// The most steps one staging pass holds: a whole block of rows narrower than kHeadSteps +
// kGroup pixels, so at most kHeadSteps + kGroup - 1 + kLag * (kRows - 1), rounded up.
constexpr size_t kStageSteps =
    (kHeadSteps + kGroup - 1 + kLag * (kRows - 1) + kGroup - 1) / kGroup * kGroup;
// Zero bytes before the row above, which the step's load of it reaches back into.
constexpr size_t kAboveFront = 16;

// Steps of a block of rows of `pixels`, rounded up to whole groups.
constexpr size_t BlockSteps(size_t pixels) {
  return (pixels + kLag * (kRows - 1) + kGroup - 1) / kGroup * kGroup;
}

}  // namespace
}  // namespace pixconv::decode_internal
#endif  // PIXCONV_DECODE_PNG_PAETH_WIDE_CONSTANTS_

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET != HWY_SCALAR
void PaethBytesForTarget(const uint8_t* x, const uint8_t* a, const uint8_t* b, const uint8_t* c,
                         uint8_t* out, size_t n) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  for (size_t i = 0; i + lanes <= n; i += lanes) {
    hn::StoreU(PaethSumBytes(d, hn::LoadU(d, x + i), hn::LoadU(d, a + i), hn::LoadU(d, b + i),
                             hn::LoadU(d, c + i)),
               d, out + i);
  }
}
#else
void PaethBytesForTarget(const uint8_t*, const uint8_t*, const uint8_t*, const uint8_t*, uint8_t*,
                         size_t) {}
#endif

#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2

using D8 = hn::Full256<uint8_t>;
using D16 = hn::Full256<uint16_t>;
using V8 = hn::Vec<D8>;
using V16 = hn::Vec<D16>;

// Transposes 8 x 8 16-bit pixels within each 128-bit half: lane j of v[k] swaps with lane k
// of v[j], the upper halves among themselves.
HWY_INLINE void Transpose8x8(V16* v) {
  const D16 d16;
  const hn::Repartition<uint32_t, D16> d32;
  const hn::Repartition<uint64_t, D16> d64;
  hn::Vec<decltype(d32)> lo[4], hi[4];
  for (size_t k = 0; k < 4; ++k) {
    lo[k] = hn::BitCast(d32, hn::InterleaveLower(d16, v[2 * k], v[2 * k + 1]));
    hi[k] = hn::BitCast(d32, hn::InterleaveUpper(d16, v[2 * k], v[2 * k + 1]));
  }
  // Pixels 0-1, 2-3, 4-5, 6-7 of rows 0-3 (q[0..3]) and of rows 4-7 (q[4..7]).
  hn::Vec<decltype(d64)> q[8];
  for (size_t h = 0; h < 2; ++h) {
    q[4 * h] = hn::BitCast(d64, hn::InterleaveLower(d32, lo[2 * h], lo[2 * h + 1]));
    q[4 * h + 1] = hn::BitCast(d64, hn::InterleaveUpper(d32, lo[2 * h], lo[2 * h + 1]));
    q[4 * h + 2] = hn::BitCast(d64, hn::InterleaveLower(d32, hi[2 * h], hi[2 * h + 1]));
    q[4 * h + 3] = hn::BitCast(d64, hn::InterleaveUpper(d32, hi[2 * h], hi[2 * h + 1]));
  }
  for (size_t k = 0; k < 4; ++k) {
    v[2 * k] = hn::BitCast(d16, hn::InterleaveLower(d64, q[k], q[k + 4]));
    v[2 * k + 1] = hn::BitCast(d16, hn::InterleaveUpper(d64, q[k], q[k + 4]));
  }
}

// What the steps carry from one to the next: each row's pixel to the left (a), above and to
// the left (c), and the results of the last kLag - 1 steps before a, oldest first (back0 is
// kLag steps old: the row below takes its pixel above from it).
struct Chain {
  V8 a, c, back0, back1, back2;
};

// Eight steps: row j's eight pixels at at[j] (rows 8 to 15 in the vectors' upper halves), the
// pixels above row 0's at above[0, 16), with 14 readable bytes before and 16 after.
HWY_INLINE void Group(uint8_t* const* at, const uint8_t* above, Chain& ch) {
  const D8 d8;
  const D16 d16;
  const hn::Half<D8> h8;
  V16 v[kGroup];
  for (size_t j = 0; j < 8; ++j) {
    v[j] = hn::BitCast(d16, hn::Combine(d8, hn::LoadU(h8, at[j + 8]), hn::LoadU(h8, at[j])));
  }
  Transpose8x8(v);  // v[k] is now step k: row j's pixel in bytes 2j, 2j + 1
#pragma GCC unroll 8
  for (size_t k = 0; k < kGroup; ++k) {
    // Row j's pixel above is row j - 1's result of kLag steps back, two bytes up; row 0's
    // comes from `above`, whose pixel the load puts in bytes 14 and 15 of its lower half.
    const V8 row_above = hn::LoadU(d8, above + 2 * k - 14);
    const V8 b = hn::CombineShiftRightBytes<14>(d8, ch.back0,
                                               hn::ConcatLowerLower(d8, ch.back0, row_above));
    ch.back0 = ch.back1;
    ch.back1 = ch.back2;
    ch.back2 = ch.a;
    ch.a = PaethSumBytes(d8, hn::BitCast(d8, v[k]), ch.a, b, ch.c);
    ch.c = b;
    v[k] = hn::BitCast(d16, ch.a);
  }
  Transpose8x8(v);
  for (size_t j = 0; j < 8; ++j) {
    hn::StoreU(hn::LowerHalf(h8, hn::BitCast(d8, v[j])), h8, at[j]);
    hn::StoreU(hn::UpperHalf(h8, hn::BitCast(d8, v[j])), h8, at[j + 8]);
  }
}

// The rows of a block and the buffers a call uses.
struct Block {
  uint8_t* row[kRows];  // rows past the block's own point at `spare`
  size_t rows;
  size_t pixels;
  const uint8_t* above;  // the row above, from step 0, after kAboveFront zeros
  uint8_t* stage;        // kRows rows of kStageSteps pixels
};

// Steps [begin, end) through the staging area: each row's pixels of those steps copied in,
// zeros before its first pixel and after its last, and copied back once unfiltered.
void Staged(const Block& block, size_t begin, size_t end, Chain& ch) {
  const size_t width = 2 * (end - begin);
  size_t first[kRows], last[kRows];  // the steps of each row's own pixels in [begin, end)
  for (size_t j = 0; j < kRows; ++j) {
    uint8_t* stage = block.stage + j * 2 * kStageSteps;
    const size_t start = kLag * j;
    first[j] = begin > start ? begin : start;
    last[j] = end < start + block.pixels ? end : start + block.pixels;
    std::memset(stage, 0, width);
    if (j < block.rows && first[j] < last[j]) {
      std::memcpy(stage + 2 * (first[j] - begin), block.row[j] + 2 * (first[j] - start),
                  2 * (last[j] - first[j]));
    }
  }
  for (size_t s = begin; s < end; s += kGroup) {
    uint8_t* at[kRows];
    for (size_t j = 0; j < kRows; ++j) at[j] = block.stage + j * 2 * kStageSteps + 2 * (s - begin);
    Group(at, block.above + 2 * s, ch);
  }
  for (size_t j = 0; j < block.rows; ++j) {
    if (first[j] < last[j]) {
      std::memcpy(block.row[j] + 2 * (first[j] - kLag * j),
                  block.stage + j * 2 * kStageSteps + 2 * (first[j] - begin),
                  2 * (last[j] - first[j]));
    }
  }
}

void PaethRows16(uint8_t* first, size_t stride, size_t rows, const uint8_t* prev, size_t bytes,
                 uint8_t* scratch) {
  const size_t pixels = bytes / 2;
  const size_t steps = BlockSteps(pixels);
  uint8_t* above = scratch;
  std::memset(above, 0, kAboveFront);
  std::memcpy(above + kAboveFront, prev, bytes);
  std::memset(above + kAboveFront + bytes, 0, 2 * (steps - pixels) + 32);
  uint8_t* spare = above + kAboveFront + 2 * steps + 32;
  Block block;
  for (size_t j = 0; j < kRows; ++j) block.row[j] = j < rows ? first + j * stride : spare;
  block.rows = rows;
  block.pixels = pixels;
  block.above = above + kAboveFront;
  block.stage = spare + bytes + 32;

  const D8 d8;
  Chain ch{hn::Zero(d8), hn::Zero(d8), hn::Zero(d8), hn::Zero(d8), hn::Zero(d8)};
  // Groups in place: from the step where the last row has started to the last group whose
  // eight pixels of row 0 are all in the row.
  if (pixels < kHeadSteps + kGroup) {
    Staged(block, 0, steps, ch);
    return;
  }
  const size_t end = kHeadSteps + (pixels - kHeadSteps) / kGroup * kGroup;
  Staged(block, 0, kHeadSteps, ch);
  for (size_t s = kHeadSteps; s < end; s += kGroup) {
    uint8_t* at[kRows];
    for (size_t j = 0; j < kRows; ++j) at[j] = block.row[j] + 2 * (s - kLag * j);
    Group(at, block.above + 2 * s, ch);
  }
  Staged(block, end, steps, ch);
}

PaethBlock WideBlockForTarget() { return PaethBlock{PaethRows16, kRows}; }

#else

PaethBlock WideBlockForTarget() { return PaethBlock{}; }

#endif  // HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(WideBlockForTarget);
HWY_EXPORT(PaethBytesForTarget);

PaethBlock SelectPaethWideBlock() { return HWY_DYNAMIC_DISPATCH(WideBlockForTarget)(); }

size_t PaethWideScratchBytes(size_t bytes) {
  // The row above with its zeros, the spare row, the staging area.
  return kAboveFront + 2 * BlockSteps(bytes / 2) + 32 + bytes + 32 + kRows * 2 * kStageSteps;
}

void PaethBytesForTest(const uint8_t* x, const uint8_t* a, const uint8_t* b, const uint8_t* c,
                       uint8_t* out, size_t n) {
  HWY_DYNAMIC_DISPATCH(PaethBytesForTarget)(x, a, b, c, out, n);
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
