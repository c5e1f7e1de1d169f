// Paeth over a block of consecutive Paeth-filtered rows at once. Pixel (r, i) needs only the
// pixels (r, i - 1), (r - 1, i) and (r - 1, i - 1), so row r can run behind row r - 1: step s
// of the block holds pixel s - kLag * j of its row j, one pixel per group of lanes, and all
// of them advance together on the one chain a row alone would wait on. With a lag of two
// pixels rather than one (four in the 256-bit blocks), the pixel above comes from two (four)
// steps back, off that chain. The rows are first copied into that skewed order (zero pixels
// before each row's first), unfiltered there, and copied back.
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

// Whether the target has 256-bit vectors: there bpp 2 takes a block of eight rows.
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2
#undef PIXCONV_PAETH_WIDE_BLOCKS
#define PIXCONV_PAETH_WIDE_BLOCKS 1
constexpr bool kWide = true;
#else
#undef PIXCONV_PAETH_WIDE_BLOCKS
#define PIXCONV_PAETH_WIDE_BLOCKS 0
constexpr bool kWide = false;
#endif

// Bytes of one step of the skewed block: its rows' pixels at that step, one vector of int16
// once widened: 8 bytes (8 lanes), or for bpp 2 where vectors have 256 bits, 16 (16 lanes).
template <size_t kBpp>
constexpr size_t kStepBytes = kBpp == 2 && kWide ? 16 : 8;

// The block of kStepBytes / kBpp rows (kBpp 1, 2 or 4).
template <size_t kBpp>
constexpr size_t kBlockRows = kStepBytes<kBpp> / kBpp;

// Pixels each row of the block runs behind the row above it: kLag, or 4 in the 256-bit
// blocks, where the pixel above crosses the vector's halves (two shuffles more between a
// row's result and the row below, which must stay off the chain).
template <size_t kBpp>
constexpr size_t kLagOf = kStepBytes<kBpp> == 16 ? 4 : kLag;

template <size_t kBpp>
size_t Steps(size_t pixels) {
  return pixels + kLagOf<kBpp> * (kBlockRows<kBpp> - 1);
}

// Skew for steps [begin, end) of the first `rows` rows, one pixel at a time; the lanes of
// rows past those are zeros.
template <size_t kBpp>
void SkewSteps(const uint8_t* first, size_t stride, size_t pixels, size_t rows, size_t begin,
               size_t end, uint8_t* skew) {
  for (size_t s = begin; s < end; ++s) {
    for (size_t j = 0; j < kBlockRows<kBpp>; ++j) {
      uint8_t* out = skew + s * kStepBytes<kBpp> + j * kBpp;
      const size_t start = kLagOf<kBpp> * j;
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
      const size_t start = kLagOf<kBpp> * j;
      if (s >= start && s - start < pixels) {
        std::memcpy(first + j * stride + (s - start) * kBpp,
                    skew + s * kStepBytes<kBpp> + j * kBpp, kBpp);
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

#if PIXCONV_PAETH_WIDE_BLOCKS
// Only the 256-bit x86 targets take eight-row blocks; the code keeps vectors in arrays, which
// SVE vectors can not be.

// Transposes 8 x 8 16-bit pixels in place: v[k] lane j becomes v[j] lane k.
template <class D16>
HWY_INLINE void Transpose8x8(D16 d16, hn::Vec<D16>* v) {
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

// bpp 2, eight rows (16-byte steps): where all eight rows have pixels, eight steps at a time
// as an 8 x 8 transpose of 16-bit pixels (each row's eight pixels loaded together); the
// edges one by one. The transpose is its own inverse, so Unskew2x8 runs it too.
void Skew2x8(const uint8_t* first, size_t stride, size_t pixels, uint8_t* skew) {
  const hn::CappedTag<uint8_t, 16> d8;
  const hn::Repartition<uint16_t, decltype(d8)> d16;
  constexpr size_t kLag8 = kLagOf<2>;
  size_t s = kLag8 * 7;  // the first step of the last row
  SkewSteps<2>(first, stride, pixels, 8, 0, s, skew);
  for (; s + 8 <= pixels; s += 8) {
    hn::Vec<decltype(d16)> v[8];
    for (size_t j = 0; j < 8; ++j) {
      v[j] = hn::BitCast(d16, hn::LoadU(d8, first + j * stride + 2 * (s - kLag8 * j)));
    }
    Transpose8x8(d16, v);
    for (size_t k = 0; k < 8; ++k) hn::StoreU(hn::BitCast(d8, v[k]), d8, skew + (s + k) * 16);
  }
  SkewSteps<2>(first, stride, pixels, 8, s, Steps<2>(pixels), skew);
}

void Unskew2x8(const uint8_t* skew, size_t pixels, uint8_t* first, size_t stride) {
  const hn::CappedTag<uint8_t, 16> d8;
  const hn::Repartition<uint16_t, decltype(d8)> d16;
  constexpr size_t kLag8 = kLagOf<2>;
  size_t s = kLag8 * 7;
  UnskewSteps<2>(skew, pixels, 8, 0, s, first, stride);
  for (; s + 8 <= pixels; s += 8) {
    hn::Vec<decltype(d16)> v[8];
    for (size_t k = 0; k < 8; ++k) v[k] = hn::BitCast(d16, hn::LoadU(d8, skew + (s + k) * 16));
    Transpose8x8(d16, v);
    for (size_t j = 0; j < 8; ++j) {
      hn::StoreU(hn::BitCast(d8, v[j]), d8, first + j * stride + 2 * (s - kLag8 * j));
    }
  }
  UnskewSteps<2>(skew, pixels, 8, s, Steps<2>(pixels), first, stride);
}
#endif  // PIXCONV_PAETH_WIDE_BLOCKS

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
#if PIXCONV_PAETH_WIDE_BLOCKS
    Skew2x8(first, stride, pixels, skew);
#else
    Skew2(first, stride, pixels, skew);
#endif
    return;
  }
  for (size_t j = 0; j < kBlockRows<kBpp>; ++j) {
    const uint8_t* row = first + j * stride;
    uint8_t* out = skew + j * kBpp;
    const size_t start = kLagOf<kBpp> * j;
    for (size_t s = 0; s < start; ++s) std::memset(out + s * kStepBytes<kBpp>, 0, kBpp);
    out += start * kStepBytes<kBpp>;
    for (size_t p = 0; p < pixels; ++p) {
      std::memcpy(out + p * kStepBytes<kBpp>, row + p * kBpp, kBpp);
    }
    for (size_t s = start + pixels; s < steps; ++s) {
      std::memset(skew + s * kStepBytes<kBpp> + j * kBpp, 0, kBpp);
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
#if PIXCONV_PAETH_WIDE_BLOCKS
    Unskew2x8(skew, pixels, first, stride);
#else
    Unskew2(skew, pixels, first, stride);
#endif
    return;
  }
  for (size_t j = 0; j < kBlockRows<kBpp>; ++j) {
    uint8_t* row = first + j * stride;
    const uint8_t* in = skew + kLagOf<kBpp> * j * kStepBytes<kBpp> + j * kBpp;
    for (size_t p = 0; p < pixels; ++p) {
      std::memcpy(row + p * kBpp, in + p * kStepBytes<kBpp>, kBpp);
    }
  }
}

// Moves every lane kLanes lanes up, zeros in the first: ShiftLeftLanes, which on 256-bit
// vectors shifts within each 128-bit half, and across them with the lower half's top lanes.
template <size_t kLanes, class D>
HWY_INLINE hn::Vec<D> ShiftUp(D d, hn::Vec<D> v) {
  if constexpr (hn::MaxLanes(D()) * sizeof(hn::TFromD<D>) > 16) {
    const auto below = hn::ConcatLowerLower(d, v, hn::Zero(d));  // lower half moved up
    return hn::CombineShiftRightBytes<16 - kLanes * sizeof(hn::TFromD<D>)>(d, v, below);
  } else {
    return hn::ShiftLeftLanes<kLanes>(d, v);
  }
}

template <size_t kBpp>
void PaethBlockRows(uint8_t* first, size_t stride, size_t rows, const uint8_t* prev,
                    size_t bytes, uint8_t* scratch) {
  constexpr size_t kRows = kBlockRows<kBpp>;
  constexpr size_t kStep = kStepBytes<kBpp>;
  constexpr size_t kRowLag = kLagOf<kBpp>;
  const size_t pixels = bytes / kBpp;
  const size_t steps = Steps<kBpp>(pixels);
  uint8_t* skew = scratch;
  // The row above the block, then zeros: what row 0 sees above it at every step.
  uint8_t* above = scratch + steps * kStep;
  std::memcpy(above, prev, bytes);
  std::memset(above + bytes, 0, kRowLag * (kRows - 1) * kBpp + kStep);
  Skew<kBpp>(first, stride, pixels, rows, skew);

  const hn::CappedTag<uint8_t, kStep> d8;
  const hn::Rebind<int16_t, decltype(d8)> d;
  // All ones in row 0's lanes, a vector rather than a mask: GCC 12 fails to compile (internal
  // error) the AVX3 masked widening load that IfThenElseZero would give.
  const auto row0 = hn::VecFromMask(d, hn::FirstN(d, kBpp));
  const auto low_byte = hn::Set(d, 0xFF);
  auto a = hn::Zero(d);  // the previous step's results: each row's pixel to the left
  auto c = hn::Zero(d);  // the previous step's b: each row's pixel above and to the left
  // The results of the steps before a, oldest first: back0 is kRowLag steps old. Named
  // vectors, not an array: SVE vectors can not be array elements.
  static_assert(kRowLag == 2 || kRowLag == 4, "the lags the blocks use");
  auto back0 = hn::Zero(d), back1 = back0, back2 = back0;
  (void)back1;
  (void)back2;
  for (size_t s = 0; s < steps; ++s) {
    uint8_t* at = skew + s * kStep;
    const auto x = hn::PromoteTo(d, hn::LoadU(d8, at));
    const auto up = hn::And(row0, hn::PromoteTo(d, hn::LoadU(d8, above + s * kBpp)));
    // Row j's pixel above is row j - 1's result of kRowLag steps back, one pixel lower.
    const auto b = hn::Or(ShiftUp<kBpp>(d, back0), up);
    if constexpr (kRowLag == 4) {
      back0 = back1;
      back1 = back2;
      back2 = a;
    } else {
      back0 = a;
    }
    a = hn::And(PaethSum(x, a, b, c), low_byte);
    hn::StoreU(hn::DemoteTo(d8, a), d8, at);
    c = b;
  }
  Unskew<kBpp>(skew, pixels, rows, first, stride);
}

template <size_t kBpp>
PaethBlock BlockFor() {
  return PaethBlock{PaethBlockRows<kBpp>, kBlockRows<kBpp>};
}

#endif  // HWY_TARGET != HWY_SCALAR

PaethBlock SelectPaethBlockForTarget(int bpp) {
#if HWY_TARGET == HWY_SCALAR
  (void)bpp;
  return PaethBlock{};
#else
  switch (bpp) {
    case 1: return BlockFor<1>();
    case 2: return BlockFor<2>();
    case 4: return BlockFor<4>();
    // bpp 3 (two rows in six lanes) measured slower than the row kernel; from bpp 6 on, one
    // pixel fills the vector.
    default: return PaethBlock{};
  }
#endif
}

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(SelectPaethBlockForTarget);

PaethBlock SelectPaethBlock(int bpp) {
  return HWY_DYNAMIC_DISPATCH(SelectPaethBlockForTarget)(bpp);
}

size_t PaethBlockScratchBytes(size_t bytes) {
  // The skewed steps (at most bytes + 14 of 8 bytes, or bytes / 2 + 28 of 16) and the row
  // above with its zeros (at most 72 bytes of them).
  return (bytes + 64) * 8 + bytes + 80;
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
