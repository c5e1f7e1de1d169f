// Fixed-point YUV -> RGBA8 row kernels (no transfer change), per Highway target.
//
// Everything stays in 16-bit lanes, in 1/64 of an output code (constants and error budget:
// yuv_plan.h, yuv_plan.cc):
//   L = MulHigh(Y * 257, luma_mul) + bias                    per pixel
//   T = MulFixedPoint15(x8, q13)                             per chroma sample and channel;
//                                                            nearest 4:2:x: once per 2 pixels
//   code = SaturatedAdd(L, T) >> 6, saturated to [0, 255] when packed to bytes.
// Nothing wraps: L + bias is in [-1200, 19100] and every T in [-17600, 17600] (B of BT.2020
// limited range is the largest), and a sum that saturates is beyond [0, 255] anyway.
// Lanes are in kStore order (yuv_lane_order-inl.h): widening luma, duplicating chroma and packing
// bytes are one in-block shuffle each, and two levels of in-block zips interleave the pixels.
// The AVX2 unit is bound by vector-op throughput (about 49 ops per 32 YUY2 pixels); AVX-512's
// 32 registers and wider lanes halve the ops per pixel (bench/README.md, notes on performance).
// AVX3_DL (AVX-512 VBMI) stores with byte permutes instead of zips, 3 ops fewer per unit.
// SVE computes in natural lane order instead (kFixedPointOrder) and stores with
// StoreInterleaved4.
//
// This file also builds for AVX3_DL (HWY_WANT_AVX3_DL, before the first Highway header), as
// sample_table_rows.cc does; dispatch is per file, so the other kernels still run AVX3 there.
#define HWY_WANT_AVX3_DL 1
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/yuv_rows_fixed.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <array>
#include <type_traits>

#include "convert/broadcast-inl.h"
#include "convert/byte_shuffle-inl.h"
#include "convert/yuv_lane_order-inl.h"
#include "convert/yuv_loaders-inl.h"
#include "convert/yuv_row_loop-inl.h"
#include "convert/yuv_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace {

struct FixedMath {
  explicit FixedMath(const internal::YuvConstants& k)
      : luma_mul(k.luma_mul),
        bias(k.bias),
        rv(k.q13_rv),
        gu(k.q13_gu),
        gv(k.q13_gv),
        bu(k.q13_bu) {}

  // floor(Y * 257 * luma_mul / 2^16) + bias, from Y * 257 (Y in both bytes: 16 bits).
  HWY_INLINE V16 Luma(D16 d, V16 y257) const {
    return hn::Add(hn::BitCast(d, hn::MulHigh(hn::BitCast(DU16(), y257), luma_mul())), bias());
  }

  // The chroma terms of R, G and B: round(x8 * q13 / 2^15) = coefficient * 64 * (C - 128).
  HWY_INLINE void Chroma(V16 x8u, V16 x8v, V16& r, V16& g, V16& b) const {
    r = hn::MulFixedPoint15(x8v, rv());
    g = hn::Add(hn::MulFixedPoint15(x8u, gu()), hn::MulFixedPoint15(x8v, gv()));
    b = hn::MulFixedPoint15(x8u, bu());
  }

  Broadcast<DU16> luma_mul;
  Broadcast<D16> bias, rv, gu, gv, bu;
};

// (L + T) >> 6: codes as int16 (saturated to [0, 255] when packed to bytes).
HWY_INLINE V16 ToCode(V16 luma, V16 term) {
  return hn::ShiftRight<6>(hn::SaturatedAdd(luma, term));
}

// Stores the unit's 2 * Lanes(d) pixels from int16 codes (r0, g0, b0: the lo half; r1, g1,
// b1: the hi half) in kFixedPointOrder.
#if HWY_TARGET == HWY_SCALAR || HWY_HAVE_SCALABLE
// Natural order (one pixel per vector on the scalar target): each half saturates to bytes and
// is stored with StoreInterleaved4.
template <bool kSwapRB>
HWY_INLINE void StoreUnit(D16 d, V16 r0, V16 r1, V16 g0, V16 g1, V16 b0, V16 b1,
                          uint8_t* HWY_RESTRICT dst) {
  const hn::Rebind<uint8_t, D16> d8;
  const auto opaque = hn::Set(d8, uint8_t{255});
  auto store = [&](V16 r, V16 g, V16 b, uint8_t* HWY_RESTRICT to) HWY_ATTR {
    hn::StoreInterleaved4(hn::DemoteTo(d8, kSwapRB ? b : r), hn::DemoteTo(d8, g),
                          hn::DemoteTo(d8, kSwapRB ? r : b), opaque, d8, to);
  };
  store(r0, g0, b0, dst);
  store(r1, g1, b1, dst + 4 * hn::Lanes(d));
}
#elif HWY_TARGET == HWY_AVX3_DL
// kStore order, AVX-512 VBMI: each half packs its first two channels to bytes (packuswb) and
// its third beside 255s, and one two-table byte permute (vpermt2b) per 16 pixels takes their
// four bytes from those 128 in memory order: 4 packs and 4 permutes where the zips below take
// 3 packs and 8 zips.
template <bool kSwapRB>
HWY_INLINE void StoreUnit(D16 d, V16 r0, V16 r1, V16 g0, V16 g1, V16 b0, V16 b1,
                          uint8_t* HWY_RESTRICT dst) {
  const hn::Repartition<uint8_t, D16> d8;
  // Output vector q (0, 1) of a half holds its pixels 16q to 16q + 15. Pixel 16q + p, with
  // p = 4k + i, is lane 8k + 4q + i of the half (kStore order), which packuswb put at byte
  // 16k + 4q + i of the first table (channel 0; channel 1 is 8 bytes on). The second table,
  // from index 64, holds channel 2 the same way and 255s at bytes 8-15 of each block.
  static constexpr auto kIndex = [] {
    std::array<std::array<uint8_t, 64>, 2> index{};
    for (size_t q = 0; q < 2; ++q) {
      for (size_t p = 0; p < 16; ++p) {
        const size_t at = 16 * (p / 4) + 4 * q + p % 4;
        index[q][4 * p] = static_cast<uint8_t>(at);
        index[q][4 * p + 1] = static_cast<uint8_t>(at + 8);
        index[q][4 * p + 2] = static_cast<uint8_t>(64 + at);
        index[q][4 * p + 3] = static_cast<uint8_t>(64 + 16 * (p / 4) + 8);
      }
    }
    return index;
  }();
  const auto index0 = hn::LoadU(d8, kIndex[0].data()).raw;
  const auto index1 = hn::LoadU(d8, kIndex[1].data()).raw;
  const V16 opaque = hn::Set(d, int16_t{255});
  auto half = [&](V16 r, V16 g, V16 b, uint8_t* HWY_RESTRICT to) HWY_ATTR {
    const auto first = PackBlocks(d, kSwapRB ? b : r, g).raw;
    const auto second = PackBlocks(d, kSwapRB ? r : b, opaque).raw;
    hn::StoreU(hn::Vec512<uint8_t>{_mm512_permutex2var_epi8(first, index0, second)}, d8, to);
    hn::StoreU(hn::Vec512<uint8_t>{_mm512_permutex2var_epi8(first, index1, second)}, d8,
               to + 64);
  };
  half(r0, g0, b0, dst);
  half(r1, g1, b1, dst + 128);
}
#else
// kStore order: packuswb, then two levels of in-block zips give whole vectors of pixels in
// memory order.
template <bool kSwapRB>
HWY_INLINE void StoreUnit(D16 d, V16 r0, V16 r1, V16 g0, V16 g1, V16 b0, V16 b1,
                          uint8_t* HWY_RESTRICT dst) {
  const hn::Repartition<uint8_t, D16> d8;
  const DU16 du;
  const auto first = PackBlocks(d, kSwapRB ? b0 : r0, kSwapRB ? b1 : r1);
  const auto second = PackBlocks(d, g0, g1);
  const auto third = PackBlocks(d, kSwapRB ? r0 : b0, kSwapRB ? r1 : b1);
  const auto opaque = hn::Set(d8, uint8_t{255});
  const auto pair01_lo = hn::ZipLower(du, first, second);
  const auto pair01_hi = hn::ZipUpper(du, first, second);
  const auto pair23_lo = hn::ZipLower(du, third, opaque);
  const auto pair23_hi = hn::ZipUpper(du, third, opaque);
  const size_t bytes = hn::Lanes(d8);
  hn::StoreU(hn::BitCast(d8, hn::InterleaveLower(du, pair01_lo, pair23_lo)), d8, dst);
  hn::StoreU(hn::BitCast(d8, hn::InterleaveUpper(du, pair01_lo, pair23_lo)), d8, dst + bytes);
  hn::StoreU(hn::BitCast(d8, hn::InterleaveLower(du, pair01_hi, pair23_hi)), d8, dst + 2 * bytes);
  hn::StoreU(hn::BitCast(d8, hn::InterleaveUpper(du, pair01_hi, pair23_hi)), d8, dst + 3 * bytes);
}
#endif

template <YuvKind kK, bool kBilinear, bool kSwapRB>
void RowFixed(const internal::YuvRowPtrs& rows, uint8_t* HWY_RESTRICT dst, size_t width,
              const internal::YuvConstants& k) {
  using L = Loader<kK, kBilinear, kFixedPointOrder>;
  const D16 d;
  const FixedMath m(k);
  const LaneOrder<L::kOrder> order;
  ForEachUnit<kK, kBilinear>(
      rows, width, 2 * hn::Lanes(d), 4, dst,
      [&](const internal::YuvRowPtrs& r, uint8_t* HWY_RESTRICT out)
          PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
        V16 y0 = hn::Zero(d), y1 = y0, u0 = y0, u1 = y0, v0 = y0, v1 = y0;
        L::Load(d, order, r, y0, y1, u0, u1, v0, v1);
        const V16 luma0 = m.Luma(d, y0), luma1 = m.Luma(d, y1);
        if constexpr (kK == YuvKind::kY8) {
          const V16 zero = hn::Zero(d);
          const V16 gray0 = ToCode(luma0, zero), gray1 = ToCode(luma1, zero);
          StoreUnit<false>(d, gray0, gray1, gray0, gray1, gray0, gray1, out);
          return;
        }
        // The chroma terms of each channel for the lo and hi halves.
        V16 r0 = y0, r1 = y0, g0 = y0, g1 = y0, b0 = y0, b1 = y0;
        if constexpr (L::kHalf) {
          V16 half_r = y0, half_g = y0, half_b = y0;
          m.Chroma(u0, v0, half_r, half_g, half_b);
          order.Expand(d, half_r, half_r, r0, r1);
          order.Expand(d, half_g, half_g, g0, g1);
          order.Expand(d, half_b, half_b, b0, b1);
        } else {
          m.Chroma(u0, v0, r0, g0, b0);
          m.Chroma(u1, v1, r1, g1, b1);
        }
        StoreUnit<kSwapRB>(d, ToCode(luma0, r0), ToCode(luma1, r1), ToCode(luma0, g0),
                           ToCode(luma1, g1), ToCode(luma0, b0), ToCode(luma1, b1), out);
      }, k.stream);
}

#if PIXCONV_HAVE_BYTE_SHUFFLE
// Y8 on x86: a gray code per pixel, then the L U8 broadcast of byte_shuffle-inl.h (one pshufb
// per output vector) instead of three packs and eight zips of equal channels. A unit is one
// vector of luma bytes, widened, mapped and packed in natural order: ZipLower / ZipUpper split
// each 128-bit block into halves and packuswb joins them again, so no lane permute is needed.
// The codes go through a stack vector because the broadcast wants each 16-byte block in every
// block; a load contained in the preceding store is forwarded, not read from memory. AVX-512
// broadcasts each block in registers instead. Where every code is its Y (full range:
// luma_is_code), the broadcast reads the luma row itself, which is the L U8 kernel and runs
// at store speed.
template <bool kLumaIsCode>
void RowY8ShuffleT(const internal::YuvRowPtrs& rows, uint8_t* HWY_RESTRICT dst, size_t width,
                   const internal::YuvConstants& k) {
  const D16 d;
  const DU16 du;
  const hn::Repartition<uint8_t, D16> d8;
  const FixedMath m(k);
  ForEachUnit<YuvKind::kY8, false>(
      rows, width, hn::Lanes(d8), 4, dst,
      [&](const internal::YuvRowPtrs& r, uint8_t* HWY_RESTRICT out)
          PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
        if constexpr (kLumaIsCode) {
          for (size_t j = 0; j < hn::Lanes(d8); j += kShuffleBlockPixels) {
            ShuffleBlockToRgba<1, false>(r.y + j, out + 4 * j);
          }
          return;
        }
        const auto bytes = hn::LoadU(d8, r.y);
        const V16 lo = hn::BitCast(d, hn::ZipLower(du, bytes, bytes));  // Y * 257
        const V16 hi = hn::BitCast(d, hn::ZipUpper(du, bytes, bytes));
        const auto gray = PackBlocks(d, hn::ShiftRight<6>(m.Luma(d, lo)),
                                     hn::ShiftRight<6>(m.Luma(d, hi)));
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3
        // AVX-512: each 16-pixel block of codes broadcast in registers (one vshufi32x4), not
        // stored and reloaded 16 bytes at a time, a round trip that stalls on Zen 4.
        auto block = [&](auto imm, uint8_t* HWY_RESTRICT to) HWY_ATTR {
          const hn::Vec<decltype(d8)> codes{
              _mm512_shuffle_i32x4(gray.raw, gray.raw, decltype(imm)::value)};
          hn::StoreU(GrayToRgba(d8, codes, 0), d8, to);
        };
        block(std::integral_constant<int, 0x00>(), out);
        block(std::integral_constant<int, 0x55>(), out + 64);
        block(std::integral_constant<int, 0xAA>(), out + 128);
        block(std::integral_constant<int, 0xFF>(), out + 192);
#else
        alignas(64) uint8_t codes[HWY_MAX_BYTES];
        hn::Store(gray, d8, codes);
        for (size_t j = 0; j < hn::Lanes(d8); j += kShuffleBlockPixels) {
          ShuffleBlockToRgba<1, false>(codes + j, out + 4 * j);
        }
#endif
      }, k.stream);
}

void RowY8Shuffle(const internal::YuvRowPtrs& rows, uint8_t* HWY_RESTRICT dst, size_t width,
                  const internal::YuvConstants& k) {
  if (k.luma_is_code) {
    RowY8ShuffleT<true>(rows, dst, width, k);
  } else {
    RowY8ShuffleT<false>(rows, dst, width, k);
  }
}
#endif

template <YuvKind kK, bool kBilinear>
struct PickFixed {
  static internal::YuvRowFn Get(const internal::YuvKernelKey& key) {
    if (key.out != OutputType::RGBA8) return nullptr;
#if PIXCONV_HAVE_BYTE_SHUFFLE
    if constexpr (kK == YuvKind::kY8) return &RowY8Shuffle;  // gray: the order is moot
#endif
    return key.swap_rb ? &RowFixed<kK, kBilinear, true> : &RowFixed<kK, kBilinear, false>;
  }
};

}  // namespace

internal::YuvRowFn PickYuvRowFixed(const internal::YuvKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  return PickKind<PickFixed>(key);
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickYuvRowFixed);

YuvRowFn SelectYuvRowFixed(const YuvKernelKey& key, const char** target_name) {
  return HWY_DYNAMIC_DISPATCH(PickYuvRowFixed)(key, target_name);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
