// Paeth over a block of consecutive Paeth-filtered rows at once. Pixel (r, i) needs only the
// pixels (r, i - 1), (r - 1, i) and (r - 1, i - 1), so row r can run behind row r - 1: step s
// of the block holds pixel s - kLag * j of its row j, one pixel per group of lanes, and all
// of them advance together on the one chain a row alone would wait on. With a lag of two
// pixels rather than one, the pixel above comes from two steps back, off that chain. The rows
// are first copied into that skewed order (zero pixels before each row's first), unfiltered
// there, and copied back. (On the 256-bit x86 targets, 2- to 4-byte pixels take the blocks
// of png_wide_blocks.cc instead.)
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_paeth_block.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstring>

#include "decode/png_paeth-inl.h"
#include "decode/png_unfilter.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Pixels each row runs behind the row above it.
constexpr size_t kLag = 2;

#if HWY_TARGET != HWY_SCALAR

// Bytes of one step of the skewed block: its rows' pixels at that step, one vector of int16
// once widened.
constexpr size_t kStepBytes = 8;

// The block of kStepBytes / kBpp rows (kBpp 1, 2 or 4).
template <size_t kBpp>
constexpr size_t kBlockRows = kStepBytes / kBpp;

template <size_t kBpp>
size_t Steps(size_t pixels) {
  return pixels + kLag * (kBlockRows<kBpp> - 1);
}

// Skew for steps [begin, end) of the first `rows` rows, one pixel at a time; the lanes of
// rows past those are zeros.
template <size_t kBpp>
void SkewSteps(const uint8_t* first, size_t stride, size_t pixels, size_t rows, size_t begin,
               size_t end, uint8_t* skew) {
  for (size_t s = begin; s < end; ++s) {
    for (size_t j = 0; j < kBlockRows<kBpp>; ++j) {
      uint8_t* out = skew + s * kStepBytes + j * kBpp;
      const size_t start = kLag * j;
      if (j < rows && s >= start && s - start < pixels) {
        std::memcpy(out, first + j * stride + (s - start) * kBpp, kBpp);
      } else {
        std::memset(out, 0, kBpp);
      }
    }
  }
}

template <size_t kBpp>
void UnskewSteps(const uint8_t* skew, size_t pixels, size_t rows, size_t begin, size_t end,
                 uint8_t* first, size_t stride) {
  for (size_t s = begin; s < end; ++s) {
    for (size_t j = 0; j < rows; ++j) {
      const size_t start = kLag * j;
      if (s >= start && s - start < pixels) {
        std::memcpy(first + j * stride + (s - start) * kBpp,
                    skew + s * kStepBytes + j * kBpp, kBpp);
      }
    }
  }
}

// bpp 2, four rows: where all four rows have pixels, four steps at a time as a 4 x 4
// transpose of 16-bit pixels (each row's four pixels loaded together); the edges one by one.
void Skew2(const uint8_t* first, size_t stride, size_t pixels, uint8_t* skew) {
  const hn::CappedTag<uint8_t, 16> d8;
  const hn::Repartition<uint16_t, decltype(d8)> d16;
  const hn::Repartition<uint32_t, decltype(d8)> d32;
  size_t s = kLag * 3;  // the first step of the last row
  SkewSteps<2>(first, stride, pixels, 4, 0, s, skew);
  // Row 0's load reads pixels s to s + 7, all in the row.
  for (; s + 8 <= pixels; s += 4) {
    const auto r0 = hn::BitCast(d16, hn::LoadU(d8, first + 2 * s));
    const auto r1 = hn::BitCast(d16, hn::LoadU(d8, first + stride + 2 * (s - kLag)));
    const auto r2 = hn::BitCast(d16, hn::LoadU(d8, first + 2 * stride + 2 * (s - 2 * kLag)));
    const auto r3 = hn::BitCast(d16, hn::LoadU(d8, first + 3 * stride + 2 * (s - 3 * kLag)));
    const auto r01 = hn::BitCast(d32, hn::InterleaveLower(d16, r0, r1));
    const auto r23 = hn::BitCast(d32, hn::InterleaveLower(d16, r2, r3));
    uint8_t* out = skew + s * 8;
    hn::StoreU(hn::BitCast(d8, hn::InterleaveLower(d32, r01, r23)), d8, out);
    hn::StoreU(hn::BitCast(d8, hn::InterleaveUpper(d32, r01, r23)), d8, out + 16);
  }
  SkewSteps<2>(first, stride, pixels, 4, s, Steps<2>(pixels), skew);
}

void Unskew2(const uint8_t* skew, size_t pixels, uint8_t* first, size_t stride) {
  const hn::CappedTag<uint8_t, 16> d8;
  const hn::Half<decltype(d8)> half;
  const hn::Repartition<uint16_t, decltype(d8)> d16;
  size_t s = kLag * 3;
  UnskewSteps<2>(skew, pixels, 4, 0, s, first, stride);
  for (; s + 4 <= pixels; s += 4) {
    // Steps s, s + 1 and s + 2, s + 3: rows 0 to 3 of each, back to four pixels per row.
    const auto lo = hn::BitCast(d16, hn::LoadU(d8, skew + s * 8));
    const auto hi = hn::BitCast(d16, hn::LoadU(d8, skew + s * 8 + 16));
    const auto t0 = hn::InterleaveLower(d16, lo, hi);
    const auto t1 = hn::InterleaveUpper(d16, lo, hi);
    const auto rows01 = hn::BitCast(d8, hn::InterleaveLower(d16, t0, t1));
    const auto rows23 = hn::BitCast(d8, hn::InterleaveUpper(d16, t0, t1));
    hn::StoreU(hn::LowerHalf(half, rows01), half, first + 2 * s);
    hn::StoreU(hn::UpperHalf(half, rows01), half, first + stride + 2 * (s - kLag));
    hn::StoreU(hn::LowerHalf(half, rows23), half, first + 2 * stride + 2 * (s - 2 * kLag));
    hn::StoreU(hn::UpperHalf(half, rows23), half, first + 3 * stride + 2 * (s - 3 * kLag));
  }
  UnskewSteps<2>(skew, pixels, 4, s, Steps<2>(pixels), first, stride);
}

// Copies the rows into `skew` (step s, row j at byte s * kStepBytes + j * kBpp), zero where
// a row has not started yet. The steps past a row's end are zeros too, so that every byte
// the kernel reads was written; their results are never copied back.
// A block of fewer rows than kBlockRows (a shorter run of Paeth rows) goes pixel by pixel.
template <size_t kBpp>
void Skew(const uint8_t* first, size_t stride, size_t pixels, size_t rows, uint8_t* skew) {
  const size_t steps = Steps<kBpp>(pixels);
  if (rows < kBlockRows<kBpp>) {
    SkewSteps<kBpp>(first, stride, pixels, rows, 0, steps, skew);
    return;
  }
  if constexpr (kBpp == 2) {
    Skew2(first, stride, pixels, skew);
    return;
  }
  for (size_t j = 0; j < kBlockRows<kBpp>; ++j) {
    const uint8_t* row = first + j * stride;
    uint8_t* out = skew + j * kBpp;
    const size_t start = kLag * j;
    for (size_t s = 0; s < start; ++s) std::memset(out + s * kStepBytes, 0, kBpp);
    out += start * kStepBytes;
    for (size_t p = 0; p < pixels; ++p) {
      std::memcpy(out + p * kStepBytes, row + p * kBpp, kBpp);
    }
    for (size_t s = start + pixels; s < steps; ++s) {
      std::memset(skew + s * kStepBytes + j * kBpp, 0, kBpp);
    }
  }
}

template <size_t kBpp>
void Unskew(const uint8_t* skew, size_t pixels, size_t rows, uint8_t* first, size_t stride) {
  if (rows < kBlockRows<kBpp>) {
    UnskewSteps<kBpp>(skew, pixels, rows, 0, Steps<kBpp>(pixels), first, stride);
    return;
  }
  if constexpr (kBpp == 2) {
    Unskew2(skew, pixels, first, stride);
    return;
  }
  for (size_t j = 0; j < kBlockRows<kBpp>; ++j) {
    uint8_t* row = first + j * stride;
    const uint8_t* in = skew + kLag * j * kStepBytes + j * kBpp;
    for (size_t p = 0; p < pixels; ++p) {
      std::memcpy(row + p * kBpp, in + p * kStepBytes, kBpp);
    }
  }
}

template <size_t kBpp>
void PaethBlockRows(uint8_t* first, size_t stride, size_t rows, const uint8_t* prev,
                    size_t bytes, uint8_t* scratch) {
  constexpr size_t kRows = kBlockRows<kBpp>;
  const size_t pixels = bytes / kBpp;
  const size_t steps = Steps<kBpp>(pixels);
  uint8_t* skew = scratch;
  // The row above the block, then zeros: what row 0 sees above it at every step.
  uint8_t* above = scratch + steps * kStepBytes;
  std::memcpy(above, prev, bytes);
  std::memset(above + bytes, 0, kLag * (kRows - 1) * kBpp + kStepBytes);
  Skew<kBpp>(first, stride, pixels, rows, skew);

  const hn::CappedTag<uint8_t, kStepBytes> d8;
  const hn::Rebind<int16_t, decltype(d8)> d;
  // All ones in row 0's lanes, a vector rather than a mask: GCC 12 fails to compile (internal
  // error) the AVX3 masked widening load that IfThenElseZero would give.
  const auto row0 = hn::VecFromMask(d, hn::FirstN(d, kBpp));
  const auto low_byte = hn::Set(d, 0xFF);
  auto a = hn::Zero(d);      // the previous step's results: each row's pixel to the left
  auto c = hn::Zero(d);      // the previous step's b: each row's pixel above and to the left
  auto back = hn::Zero(d);   // the results of kLag steps back
  static_assert(kLag == 2, "back holds the results of two steps back");
  for (size_t s = 0; s < steps; ++s) {
    uint8_t* at = skew + s * kStepBytes;
    const auto x = hn::PromoteTo(d, hn::LoadU(d8, at));
    const auto up = hn::And(row0, hn::PromoteTo(d, hn::LoadU(d8, above + s * kBpp)));
    // Row j's pixel above is row j - 1's result of kLag steps back, one pixel lower.
    const auto b = hn::Or(hn::ShiftLeftLanes<kBpp>(d, back), up);
    back = a;
    a = hn::And(PaethSum(x, a, b, c), low_byte);
    hn::StoreU(hn::DemoteTo(d8, a), d8, at);
    c = b;
  }
  Unskew<kBpp>(skew, pixels, rows, first, stride);
}

template <size_t kBpp>
FilterBlock BlockFor() {
  return FilterBlock{PaethBlockRows<kBpp>, kBlockRows<kBpp>};
}

#endif  // HWY_TARGET != HWY_SCALAR

FilterBlock SelectPaethBlockForTarget(int bpp) {
#if HWY_TARGET == HWY_SCALAR
  (void)bpp;
  return FilterBlock{};
#else
  switch (bpp) {
    case 1: return BlockFor<1>();
    case 2: return BlockFor<2>();
    case 4: return BlockFor<4>();
    // bpp 3 (two rows in six lanes) measured slower than the row kernel; from bpp 6 on, one
    // pixel fills the vector.
    default: return FilterBlock{};
  }
#endif
}

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(SelectPaethBlockForTarget);

FilterBlock SelectPaethBlock(int bpp) {
  const FilterBlock wide = SelectWideBlock(4, bpp);
  if (wide.fn != nullptr) return wide;
  return HWY_DYNAMIC_DISPATCH(SelectPaethBlockForTarget)(bpp);
}

FilterBlock SelectAverageBlock(int bpp) { return SelectWideBlock(3, bpp); }

size_t BlockScratchBytes(size_t bytes) {
  // The skewed steps (at most bytes + 14 of 8 bytes) and the row above with its zeros (at
  // most 36 bytes of them), or what the wide blocks need.
  const size_t skewed = (bytes + 64) * 8 + bytes + 80;
  const size_t wide = WideBlockScratchBytes(bytes);
  return skewed > wide ? skewed : wide;
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
