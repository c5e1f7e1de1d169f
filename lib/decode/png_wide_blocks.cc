// Average and Paeth over blocks of consecutive rows on the 256-bit x86 targets. As in
// png_paeth_block.cc, row j runs kLag pixels behind row j - 1, so that one step holds a pixel
// of every row of the block and all of them advance on the one chain a row alone would wait
// on. A step is 32 bytes on byte lanes: 16 rows of 2-byte pixels, or 8 rows of 4-byte pixels,
// or 8 rows of 3-byte pixels each padded to 4 bytes in the vector. The skew stays in
// registers: eight steps at a time, each row's eight pixels are loaded together and
// transposed into the eight steps, and transposed back to be stored. Where some row has not
// started yet or has already ended (the first and last steps), the rows are first copied into
// a small staging area, with zeros before each row's first pixel.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_wide_blocks.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <algorithm>
#include <cstring>

#include "decode/png_paeth-inl.h"
#include "decode/png_unfilter.h"
#include "hwy/highway.h"

// The constants, once: foreach_target includes this file once per target.
#ifndef PIXCONV_DECODE_PNG_WIDE_BLOCKS_CONSTANTS_
#define PIXCONV_DECODE_PNG_WIDE_BLOCKS_CONSTANTS_
namespace pixconv::decode_internal {
namespace {

constexpr size_t kLag = 4;     // pixels each row runs behind the row above it
constexpr size_t kGroup = 8;   // steps per transpose: 8 pixels of each row
// Zero bytes before the row above, which the step's load of it reaches back into.
constexpr size_t kAboveFront = 16;

constexpr size_t RoundUpToGroup(size_t steps) { return (steps + kGroup - 1) / kGroup * kGroup; }

// The block geometry of `bpp` bytes per pixel: kRows rows; the steps until the last row has
// started (whole groups); a margin of pixels that a row's 32-byte load of eight pixels reads
// past them (3-byte pixels: 8 bytes); and the most steps one staging pass holds, a whole
// block of rows too narrow for any group in place.
template <size_t kBpp>
struct Geometry {
  static constexpr size_t kRows = kBpp == 2 ? 16 : 8;
  static constexpr size_t kHeadSteps = RoundUpToGroup(kLag * (kRows - 1));
  static constexpr size_t kMargin = kBpp == 3 ? 3 : 0;
  static constexpr size_t kStageSteps =
      RoundUpToGroup(kHeadSteps + kGroup + kMargin - 1 + kLag * (kRows - 1));
  // Bytes of a staged row: its steps, and the load's reach past the last group.
  static constexpr size_t kStageBytes = kStageSteps * kBpp + 32;

  static constexpr size_t Steps(size_t pixels) {
    return RoundUpToGroup(pixels + kLag * (kRows - 1));
  }
  // The row above with its zeros, the spare row, the staging area.
  static constexpr size_t ScratchBytes(size_t bytes) {
    return kAboveFront + kBpp * Steps(bytes / kBpp) + 32 + bytes + 32 + kRows * kStageBytes;
  }
};

}  // namespace
}  // namespace pixconv::decode_internal
#endif  // PIXCONV_DECODE_PNG_WIDE_BLOCKS_CONSTANTS_

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
using D32 = hn::Full256<uint32_t>;
using D64 = hn::Full256<uint64_t>;
using H8 = hn::Full128<uint8_t>;
using V8 = hn::Vec<D8>;

// ------------------------------ Layouts: a group's rows into steps and back

// 2-byte pixels, 16 rows: rows j and j + 8 share a vector (lower and upper half), and 8 x 8
// transposes of 16-bit pixels within each half make the steps, row j in bytes 2j, 2j + 1.
struct Pixels2 {
  static constexpr size_t kBpp = 2;
  static constexpr size_t kSlot = 2;  // bytes of a row's pixel in a step

  // Transposes 8 x 8 16-bit pixels within each half: lane j of v[k] swaps with lane k of v[j].
  static HWY_INLINE void Transpose(V8* v8) {
    const D16 d16;
    const D32 d32;
    hn::Vec<D32> lo[4], hi[4];
    for (size_t k = 0; k < 4; ++k) {
      const auto a = hn::BitCast(d16, v8[2 * k]), b = hn::BitCast(d16, v8[2 * k + 1]);
      lo[k] = hn::BitCast(d32, hn::InterleaveLower(d16, a, b));
      hi[k] = hn::BitCast(d32, hn::InterleaveUpper(d16, a, b));
    }
    // Pixels 0-1, 2-3, 4-5, 6-7 of rows 0-3 (q[0..3]) and of rows 4-7 (q[4..7]).
    const D64 d64;
    hn::Vec<D64> q[8];
    for (size_t h = 0; h < 2; ++h) {
      q[4 * h] = hn::BitCast(d64, hn::InterleaveLower(d32, lo[2 * h], lo[2 * h + 1]));
      q[4 * h + 1] = hn::BitCast(d64, hn::InterleaveUpper(d32, lo[2 * h], lo[2 * h + 1]));
      q[4 * h + 2] = hn::BitCast(d64, hn::InterleaveLower(d32, hi[2 * h], hi[2 * h + 1]));
      q[4 * h + 3] = hn::BitCast(d64, hn::InterleaveUpper(d32, hi[2 * h], hi[2 * h + 1]));
    }
    const D8 d8;
    for (size_t k = 0; k < 4; ++k) {
      v8[2 * k] = hn::BitCast(d8, hn::InterleaveLower(d64, q[k], q[k + 4]));
      v8[2 * k + 1] = hn::BitCast(d8, hn::InterleaveUpper(d64, q[k], q[k + 4]));
    }
  }

  static HWY_INLINE void Load(uint8_t* const* at, V8* v) {
    const D8 d8;
    const H8 h8;
    for (size_t j = 0; j < 8; ++j) {
      v[j] = hn::Combine(d8, hn::LoadU(h8, at[j + 8]), hn::LoadU(h8, at[j]));
    }
    Transpose(v);
  }

  static HWY_INLINE void Store(V8* v, uint8_t* const* at) {
    const H8 h8;
    Transpose(v);
    for (size_t j = 0; j < 8; ++j) {
      hn::StoreU(hn::LowerHalf(h8, v[j]), h8, at[j]);
      hn::StoreU(hn::UpperHalf(h8, v[j]), h8, at[j + 8]);
    }
  }
};

// 8 x 8 transpose of 32-bit slots: slot j of v[k] swaps with slot k of v[j]. A step holds
// rows 0-3 in its lower half and 4-7 in its upper half.
HWY_INLINE void Transpose32(V8* v8) {
  const D32 d32;
  const D64 d64;
  hn::Vec<D64> t[8];
  for (size_t k = 0; k < 4; ++k) {
    const auto a = hn::BitCast(d32, v8[2 * k]), b = hn::BitCast(d32, v8[2 * k + 1]);
    t[2 * k] = hn::BitCast(d64, hn::InterleaveLower(d32, a, b));
    t[2 * k + 1] = hn::BitCast(d64, hn::InterleaveUpper(d32, a, b));
  }
  // u[p] holds slots p and p + 4 (lower and upper half) of rows 0-3; u[p + 4] of rows 4-7.
  hn::Vec<D64> u[8];
  for (size_t h = 0; h < 2; ++h) {
    u[4 * h] = hn::InterleaveLower(d64, t[4 * h], t[4 * h + 2]);
    u[4 * h + 1] = hn::InterleaveUpper(d64, t[4 * h], t[4 * h + 2]);
    u[4 * h + 2] = hn::InterleaveLower(d64, t[4 * h + 1], t[4 * h + 3]);
    u[4 * h + 3] = hn::InterleaveUpper(d64, t[4 * h + 1], t[4 * h + 3]);
  }
  const D8 d8;
  for (size_t p = 0; p < 4; ++p) {
    v8[p] = hn::BitCast(d8, hn::ConcatLowerLower(d64, u[p + 4], u[p]));
    v8[p + 4] = hn::BitCast(d8, hn::ConcatUpperUpper(d64, u[p + 4], u[p]));
  }
}

// 4-byte pixels, 8 rows: each row's eight pixels one vector.
struct Pixels4 {
  static constexpr size_t kBpp = 4;
  static constexpr size_t kSlot = 4;

  static HWY_INLINE void Load(uint8_t* const* at, V8* v) {
    const D8 d8;
    for (size_t j = 0; j < 8; ++j) v[j] = hn::LoadU(d8, at[j]);
    Transpose32(v);
  }

  static HWY_INLINE void Store(V8* v, uint8_t* const* at) {
    const D8 d8;
    Transpose32(v);
    for (size_t j = 0; j < 8; ++j) hn::StoreU(v[j], d8, at[j]);
  }
};

// 3-byte pixels, 8 rows: each row's eight pixels (24 bytes) spread to 4-byte slots, the
// fourth byte zero (its results are never stored), and packed back.
struct Pixels3 {
  static constexpr size_t kBpp = 3;
  static constexpr size_t kSlot = 4;

  static HWY_INLINE void Load(uint8_t* const* at, V8* v) {
    const D8 d8;
    const D32 d32;
    // Bytes 0-15 to the lower half, 12-27 to the upper; then each half's first 12 bytes to
    // four slots.
    alignas(32) static constexpr int32_t kHalves[8] = {0, 1, 2, 3, 3, 4, 5, 6};
    alignas(32) static constexpr uint8_t kSpread[32] = {
        0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80,
        0, 1, 2, 0x80, 3, 4, 5, 0x80, 6, 7, 8, 0x80, 9, 10, 11, 0x80};
    const auto halves = hn::SetTableIndices(d32, kHalves);
    const auto spread = hn::Load(d8, kSpread);
    for (size_t j = 0; j < 8; ++j) {
      const auto row = hn::BitCast(d32, hn::LoadU(d8, at[j]));
      v[j] = hn::TableLookupBytesOr0(hn::BitCast(d8, hn::TableLookupLanes(row, halves)), spread);
    }
    Transpose32(v);
  }

  static HWY_INLINE void Store(V8* v, uint8_t* const* at) {
    const D8 d8;
    const D32 d32;
    const H8 h8;
    const hn::Full64<uint8_t> q8;
    alignas(32) static constexpr uint8_t kPack[32] = {
        0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80,
        0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, 0x80, 0x80, 0x80, 0x80};
    alignas(32) static constexpr int32_t kJoin[8] = {0, 1, 2, 4, 5, 6, 7, 7};
    const auto pack = hn::Load(d8, kPack);
    const auto join = hn::SetTableIndices(d32, kJoin);
    Transpose32(v);
    for (size_t j = 0; j < 8; ++j) {
      const auto packed = hn::BitCast(d32, hn::TableLookupBytesOr0(v[j], pack));
      const auto row = hn::BitCast(d8, hn::TableLookupLanes(packed, join));  // bytes 0-23
      hn::StoreU(hn::LowerHalf(h8, row), h8, at[j]);
      hn::StoreU(hn::LowerHalf(q8, hn::UpperHalf(h8, row)), q8, at[j] + 16);
    }
  }
};

// ------------------------------ Filters: one step of every row

// Each row's pixel to the left (a) is the previous step's result; the pixel above (b) is
// the row above's result of kLag steps back.
struct PaethStep {
  V8 c = hn::Zero(D8());  // the previous step's b: each row's pixel above and to the left
  HWY_INLINE V8 operator()(V8 x, V8 a, V8 b) {
    const V8 sum = PaethSumBytes(D8(), x, a, b, c);
    c = b;
    return sum;
  }
};

struct AverageStep {
  // x + floor((a + b) / 2): the rounded-up average less the bit it rounded up.
  HWY_INLINE V8 operator()(V8 x, V8 a, V8 b) {
    const D8 d8;
    const V8 round_up = hn::And(hn::Xor(a, b), hn::Set(d8, 1));
    return hn::Add(x, hn::Sub(hn::AverageRound(a, b), round_up));
  }
};

// ------------------------------ The block

// What the steps carry: each row's last result (a), the results of the kLag - 1 steps
// before it, oldest first (back0 is kLag steps old: the row below takes its pixel above from
// it), and the filter's own state.
template <class Filter>
struct Chain {
  V8 a, back0, back1, back2;
  Filter filter;
};

// Eight steps: row j's eight pixels at at[j]; row 0's pixels above them at above[0, 8 bpp),
// with 16 readable bytes before and 32 after.
template <class Layout, class Filter>
HWY_INLINE void Group(uint8_t* const* at, const uint8_t* above, Chain<Filter>& ch) {
  constexpr size_t kSlot = Layout::kSlot;
  const D8 d8;
  V8 v[kGroup];
  Layout::Load(at, v);  // v[k] is step k: row j's pixel in bytes kSlot j to kSlot j + kSlot - 1
#pragma GCC unroll 8
  for (size_t k = 0; k < kGroup; ++k) {
    // Row j's pixel above is row j - 1's result of kLag steps back, one slot up; row 0's
    // comes from `above`, whose pixel this load puts in the top slot of its lower half.
    const V8 row_above = hn::LoadU(d8, above + Layout::kBpp * k - (16 - kSlot));
    const V8 b = hn::CombineShiftRightBytes<16 - kSlot>(
        d8, ch.back0, hn::ConcatLowerLower(d8, ch.back0, row_above));
    ch.back0 = ch.back1;
    ch.back1 = ch.back2;
    ch.back2 = ch.a;
    ch.a = ch.filter(v[k], ch.a, b);
    v[k] = ch.a;
  }
  Layout::Store(v, at);
}

// The rows of a block and the buffers a call uses.
template <class Layout>
struct Block {
  using G = Geometry<Layout::kBpp>;
  uint8_t* row[G::kRows];  // rows past the block's own point at a spare row
  size_t rows;
  size_t pixels;
  const uint8_t* above;  // the row above, from step 0, after kAboveFront zeros
  uint8_t* stage;        // kRows rows of G::kStageBytes
};

// Steps [begin, end) through the staging area: each row's pixels of those steps copied in,
// zeros before its first pixel and after its last, and copied back once unfiltered.
template <class Layout, class Filter>
void Staged(const Block<Layout>& block, size_t begin, size_t end, Chain<Filter>& ch) {
  using G = Geometry<Layout::kBpp>;
  constexpr size_t kBpp = Layout::kBpp;
  size_t first[G::kRows], last[G::kRows];  // the steps of each row's own pixels in [begin, end)
  for (size_t j = 0; j < G::kRows; ++j) {
    uint8_t* stage = block.stage + j * G::kStageBytes;
    const size_t start = kLag * j;
    first[j] = std::max(begin, start);
    last[j] = std::min(end, start + block.pixels);
    std::memset(stage, 0, G::kStageBytes);
    if (j < block.rows && first[j] < last[j]) {
      std::memcpy(stage + kBpp * (first[j] - begin), block.row[j] + kBpp * (first[j] - start),
                  kBpp * (last[j] - first[j]));
    }
  }
  for (size_t s = begin; s < end; s += kGroup) {
    uint8_t* at[G::kRows];
    for (size_t j = 0; j < G::kRows; ++j) {
      at[j] = block.stage + j * G::kStageBytes + kBpp * (s - begin);
    }
    Group<Layout>(at, block.above + kBpp * s, ch);
  }
  for (size_t j = 0; j < block.rows; ++j) {
    if (first[j] < last[j]) {
      std::memcpy(block.row[j] + kBpp * (first[j] - kLag * j),
                  block.stage + j * G::kStageBytes + kBpp * (first[j] - begin),
                  kBpp * (last[j] - first[j]));
    }
  }
}

template <class Layout, class Filter>
void WideRows(uint8_t* first, size_t stride, size_t rows, const uint8_t* prev, size_t bytes,
              uint8_t* scratch) {
  using G = Geometry<Layout::kBpp>;
  constexpr size_t kBpp = Layout::kBpp;
  const size_t pixels = bytes / kBpp;
  const size_t steps = G::Steps(pixels);
  uint8_t* above = scratch;
  std::memset(above, 0, kAboveFront);
  std::memcpy(above + kAboveFront, prev, bytes);
  std::memset(above + kAboveFront + bytes, 0, kBpp * (steps - pixels) + 32);
  uint8_t* spare = above + kAboveFront + kBpp * steps + 32;
  Block<Layout> block;
  for (size_t j = 0; j < G::kRows; ++j) block.row[j] = j < rows ? first + j * stride : spare;
  block.rows = rows;
  block.pixels = pixels;
  block.above = above + kAboveFront;
  block.stage = spare + bytes + 32;

  const V8 zero = hn::Zero(D8());
  Chain<Filter> ch{zero, zero, zero, zero, Filter{}};
  // Groups in place: from the step where the last row has started to the last group whose
  // loads stay in row 0 (and so in every row).
  if (pixels < G::kHeadSteps + kGroup + G::kMargin) {
    Staged(block, 0, steps, ch);
    return;
  }
  const size_t end =
      G::kHeadSteps + (pixels - G::kMargin - G::kHeadSteps) / kGroup * kGroup;
  Staged(block, 0, G::kHeadSteps, ch);
  for (size_t s = G::kHeadSteps; s < end; s += kGroup) {
    uint8_t* at[G::kRows];
    for (size_t j = 0; j < G::kRows; ++j) at[j] = block.row[j] + kBpp * (s - kLag * j);
    Group<Layout>(at, block.above + kBpp * s, ch);
  }
  Staged(block, end, steps, ch);
}

template <class Layout, class Filter>
FilterBlock BlockOf() {
  return FilterBlock{WideRows<Layout, Filter>, Geometry<Layout::kBpp>::kRows};
}

FilterBlock WideBlockForTarget(int filter, int bpp) {
  const bool paeth = filter == 4;
  switch (bpp) {
    case 2: return paeth ? BlockOf<Pixels2, PaethStep>() : BlockOf<Pixels2, AverageStep>();
    case 3: return paeth ? BlockOf<Pixels3, PaethStep>() : BlockOf<Pixels3, AverageStep>();
    case 4: return paeth ? BlockOf<Pixels4, PaethStep>() : BlockOf<Pixels4, AverageStep>();
    default: return FilterBlock{};
  }
}

#else

FilterBlock WideBlockForTarget(int, int) { return FilterBlock{}; }

#endif  // HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(WideBlockForTarget);
HWY_EXPORT(PaethBytesForTarget);

FilterBlock SelectWideBlock(int filter, int bpp) {
  if (filter != 3 && filter != 4) return FilterBlock{};
  return HWY_DYNAMIC_DISPATCH(WideBlockForTarget)(filter, bpp);
}

size_t WideBlockScratchBytes(size_t bytes) {
  return std::max({Geometry<2>::ScratchBytes(bytes), Geometry<3>::ScratchBytes(bytes),
                   Geometry<4>::ScratchBytes(bytes)});
}

void PaethBytesForTest(const uint8_t* x, const uint8_t* a, const uint8_t* b, const uint8_t* c,
                       uint8_t* out, size_t n) {
  HWY_DYNAMIC_DISPATCH(PaethBytesForTarget)(x, a, b, c, out, n);
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
