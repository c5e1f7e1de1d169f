// The unfilter kernels, compiled for every Highway target. Up is a vector add over the whole
// row. Sub, Average and Paeth depend on the pixel to the left, so one pixel is one small
// vector (its spare lanes carried through unchanged); HWY_SCALAR, with one lane, runs loops.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_unfilter.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstdlib>

#include "decode/png_paeth-inl.h"
#include "decode/png_unfilter.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void UpRow(uint8_t* row, const uint8_t* prev, size_t bytes) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  size_t i = 0;
  for (; i + lanes <= bytes; i += lanes) {
    hn::StoreU(hn::Add(hn::LoadU(d, row + i), hn::LoadU(d, prev + i)), d, row + i);
  }
  for (; i < bytes; ++i) row[i] = static_cast<uint8_t>(row[i] + prev[i]);
}

// Scalar forms, for the HWY_SCALAR target, whose vectors have one lane.
template <size_t kBpp>
void SubRowScalar(uint8_t* row, const uint8_t* /*prev*/, size_t bytes) {
  for (size_t i = kBpp; i < bytes; ++i) row[i] = static_cast<uint8_t>(row[i] + row[i - kBpp]);
}

template <size_t kBpp>
void AverageRowScalar(uint8_t* row, const uint8_t* prev, size_t bytes) {
  for (size_t i = 0; i < bytes && i < kBpp; ++i) {
    row[i] = static_cast<uint8_t>(row[i] + (prev[i] >> 1));
  }
  for (size_t i = kBpp; i < bytes; ++i) {
    row[i] = static_cast<uint8_t>(row[i] + ((row[i - kBpp] + prev[i]) >> 1));
  }
}

inline int PaethPredictor(int a, int b, int c) {
  const int pa = std::abs(b - c);
  const int pb = std::abs(a - c);
  const int pc = std::abs(a + b - 2 * c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

template <size_t kBpp>
void PaethRowScalar(uint8_t* row, const uint8_t* prev, size_t bytes) {
  for (size_t i = 0; i < bytes && i < kBpp; ++i) row[i] = static_cast<uint8_t>(row[i] + prev[i]);
  for (size_t i = kBpp; i < bytes; ++i) {
    row[i] = static_cast<uint8_t>(row[i] + PaethPredictor(row[i - kBpp], prev[i], prev[i - kBpp]));
  }
}

// One pixel per vector of 4 (bpp 1 to 4) or 8 (bpp 6, 8) lanes. The lanes past the pixel
// compute garbage that is never stored: the store keeps the bytes those lanes loaded. The
// dependency on the previous pixel is kept as short as possible: masking and narrowing happen
// off that chain. Each pixel's bytes are loaded before the previous pixel's store, which they
// overlap when bpp is 3 or 6 (a load that overlaps an earlier store waits for it).
template <size_t kBpp>
using PixelTag = hn::CappedTag<uint8_t, (kBpp <= 4 ? 4 : 8)>;

template <size_t kBpp>
void SubRowVector(uint8_t* row, const uint8_t* /*prev*/, size_t bytes) {
  const PixelTag<kBpp> d;
  const auto in_pixel = hn::FirstN(d, kBpp);
  auto a = hn::Zero(d);
  auto x = hn::LoadU(d, row);
  for (size_t i = 0; i < bytes; i += kBpp) {
    const auto next = hn::LoadU(d, row + i + kBpp);
    a = hn::Add(x, a);
    hn::StoreU(hn::IfThenElse(in_pixel, a, x), d, row + i);
    x = next;
  }
}

// Sub for bpp 1, 2, 4 and 8 as a prefix sum over 16 bytes at a time: log2(16 / bpp) shifted
// adds sum each pixel with those before it in the vector, then the last pixel of the vector
// before, broadcast, is added to all. Only that add and broadcast are on the chain from one
// vector to the next, where SubRowVector waits on each pixel.
#if HWY_TARGET != HWY_SCALAR
template <size_t kBpp>
void SubRowPrefix(uint8_t* row, const uint8_t* /*prev*/, size_t bytes) {
  const hn::CappedTag<uint8_t, 16> d;
  using Pixel = hwy::UnsignedFromSize<kBpp>;
  const hn::Repartition<Pixel, decltype(d)> dp;
  auto carry = hn::Zero(d);
  size_t i = 0;
  for (; i + 16 <= bytes; i += 16) {
    auto v = hn::LoadU(d, row + i);
    v = hn::Add(v, hn::ShiftLeftBytes<kBpp>(d, v));
    if constexpr (kBpp <= 4) v = hn::Add(v, hn::ShiftLeftBytes<2 * kBpp>(d, v));
    if constexpr (kBpp <= 2) v = hn::Add(v, hn::ShiftLeftBytes<4 * kBpp>(d, v));
    if constexpr (kBpp == 1) v = hn::Add(v, hn::ShiftLeftBytes<8>(d, v));
    v = hn::Add(v, carry);
    hn::StoreU(v, d, row + i);
    if constexpr (kBpp == 1) {
      carry = hn::TableLookupBytes(v, hn::Set(d, 15));  // Highway has no Broadcast of bytes
    } else {
      carry = hn::BitCast(d, hn::Broadcast<16 / kBpp - 1>(hn::BitCast(dp, v)));
    }
  }
  for (; i < bytes; ++i) {
    if (i >= kBpp) row[i] = static_cast<uint8_t>(row[i] + row[i - kBpp]);
  }
}
#endif

template <size_t kBpp>
void AverageRowVector(uint8_t* row, const uint8_t* prev, size_t bytes) {
  const PixelTag<kBpp> d;
  const auto in_pixel = hn::FirstN(d, kBpp);
  auto a = hn::Zero(d);
  auto x = hn::LoadU(d, row);
  for (size_t i = 0; i < bytes; i += kBpp) {
    const auto next = hn::LoadU(d, row + i + kBpp);
    const auto b = hn::LoadU(d, prev + i);
    // floor((a + b) / 2) without overflow: the common bits plus half the differing ones.
    // (Highway 1.0.3's AverageRound of bytes wraps at 256 on SVE, which lacks rhadd.)
    a = hn::Add(x, hn::Add(hn::And(a, b), hn::ShiftRight<1>(hn::Xor(a, b))));
    hn::StoreU(hn::IfThenElse(in_pixel, a, x), d, row + i);
    x = next;
  }
}

template <size_t kBpp>
void PaethRowVector(uint8_t* row, const uint8_t* prev, size_t bytes) {
  const PixelTag<kBpp> d;
  const hn::Rebind<int16_t, decltype(d)> dw;
  const auto in_pixel = hn::FirstN(d, kBpp);
  const auto low_byte = hn::Set(dw, 0xFF);
  auto a = hn::Zero(dw);
  auto c = hn::Zero(dw);
  auto x8 = hn::LoadU(d, row);
  for (size_t i = 0; i < bytes; i += kBpp) {
    const auto next = hn::LoadU(d, row + i + kBpp);
    const auto x = hn::PromoteTo(dw, x8);
    const auto b = hn::PromoteTo(dw, hn::LoadU(d, prev + i));
    // With p = a + b - c: |p - a| = |b - c|, |p - b| = |a - c|, |p - c| = |(a - c) + (b - c)|.
    a = hn::And(PaethSum(x, a, b, c), low_byte);
    hn::StoreU(hn::IfThenElse(in_pixel, hn::DemoteTo(d, a), x8), d, row + i);
    c = b;
    x8 = next;
  }
}

template <size_t kBpp>
void SelectForBpp(UnfilterFn* out) {
#if HWY_TARGET == HWY_SCALAR
  out[1] = SubRowScalar<kBpp>;
  out[3] = AverageRowScalar<kBpp>;
  out[4] = PaethRowScalar<kBpp>;
#else
  if constexpr (kBpp == 3 || kBpp == 6) {
    out[1] = SubRowVector<kBpp>;
  } else {
    out[1] = SubRowPrefix<kBpp>;
  }
  out[3] = AverageRowVector<kBpp>;
  out[4] = PaethRowVector<kBpp>;
#endif
}

void SelectUnfiltersForTarget(int bpp, UnfilterFn* out) {
  out[0] = nullptr;
  out[2] = UpRow;
  switch (bpp) {
    case 1: SelectForBpp<1>(out); break;
    case 2: SelectForBpp<2>(out); break;
    case 3: SelectForBpp<3>(out); break;
    case 4: SelectForBpp<4>(out); break;
    case 6: SelectForBpp<6>(out); break;
    default: SelectForBpp<8>(out); break;
  }
}

const char* TargetName() { return hwy::TargetName(HWY_TARGET); }

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(SelectUnfiltersForTarget);
HWY_EXPORT(TargetName);

void SelectUnfilters(int bpp, UnfilterFn out[5]) {
  HWY_DYNAMIC_DISPATCH(SelectUnfiltersForTarget)(bpp, out);
}

const char* UnfilterTargetName() { return HWY_DYNAMIC_DISPATCH(TargetName)(); }

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
