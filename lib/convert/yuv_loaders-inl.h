// The YUV sample loaders, one per layout (Loader<kind, bilinear, order>): the exact integer luma
// and chroma of a unit, in its lane order, for both the fixed-point and the float kernels.

#if defined(PIXCONV_CONVERT_YUV_LOADERS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_YUV_LOADERS_INL_H_
#undef PIXCONV_CONVERT_YUV_LOADERS_INL_H_
#else
#define PIXCONV_CONVERT_YUV_LOADERS_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "convert/yuv_lane_order-inl.h"
#include "convert/yuv_plan.h"
#include "convert/yuv_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// What a loader yields for one unit, in named vectors (SVE vectors can not be array elements
// or struct members): luma as Y * 257 (uint16 bits) for the lo and hi halves in y0, y1, and
// chroma x8 = (C - 128) * 256. kHalf: u0, v0 hold one sample per two pixels (N chroma samples
// for the unit's 2N pixels: nearest 4:2:x) in LaneOrder::Samples order, to be duplicated with
// LaneOrder::Expand after the chroma math (u1, v1 are left as they are); otherwise u0 / u1
// and v0 / v1 hold one value per pixel of half 0 / 1, in the unit order.

// Lanes(d16) bytes at p, zero-extended to 16 bits.
HWY_INLINE V16 LoadBytes(D16 d, const uint8_t* HWY_RESTRICT p) {
  return hn::PromoteTo(d, hn::LoadU(hn::Rebind<uint8_t, D16>(), p));
}

// Lanes(d16) little-endian byte pairs at p (low byte first).
HWY_INLINE hn::Vec<DU16> LoadPairs(const uint8_t* HWY_RESTRICT p) {
  return hn::LoadU(DU16(), reinterpret_cast<const uint16_t*>(p));
}

#if HWY_TARGET == HWY_AVX2
// AVX2 kStore lanes from 16 bytes at p: one broadcast load (a load-port op) and one in-block
// byte shuffle, where the generic loaders spend a cross-block permute and one or two unpacks or
// widenings per vector: the fixed-point units are bound by vector-op throughput. With two
// blocks, the kStore lanes of a half unit (luma, 4:4:4 chroma) or of a unit's 4:2:x chroma
// samples all come from 16 consecutive bytes. mask[i] picks byte i's source (0x80: zero).
HWY_INLINE V16 ShuffleDup128(const uint8_t* HWY_RESTRICT p, const uint8_t (&mask)[32]) {
  const hn::Repartition<uint8_t, D16> d8;
  return hn::BitCast(D16(), hn::TableLookupBytesOr0(hn::LoadDup128(d8, p), hn::Load(d8, mask)));
}

// Pixels of a kStore half unit (LaneOrder: block 0 holds pixels 0-3 and 8-11, block 1 pixels
// 4-7 and 12-15), each lane taking its byte twice (Y * 257) or in the high byte only (C * 256).
alignas(32) inline constexpr uint8_t kStoreBytesTwice[32] = {
    0, 0, 1, 1, 2,  2,  3,  3,  8,  8,  9,  9,  10, 10, 11, 11,
    4, 4, 5, 5, 6,  6,  7,  7,  12, 12, 13, 13, 14, 14, 15, 15};
alignas(32) inline constexpr uint8_t kStoreBytesHigh[32] = {
    0x80, 0, 0x80, 1, 0x80, 2, 0x80, 3, 0x80, 8,  0x80, 9,  0x80, 10, 0x80, 11,
    0x80, 4, 0x80, 5, 0x80, 6, 0x80, 7, 0x80, 12, 0x80, 13, 0x80, 14, 0x80, 15};
// The 16 chroma samples of a 4:2:x unit in LaneOrder::Samples order (block 0: samples 0, 1, 4,
// 5, 8, 9, 12, 13; block 1 the others), in the high byte.
alignas(32) inline constexpr uint8_t kStoreSamplesHigh[32] = {
    0x80, 0, 0x80, 1, 0x80, 4, 0x80, 5, 0x80, 8,  0x80, 9,  0x80, 12, 0x80, 13,
    0x80, 2, 0x80, 3, 0x80, 6, 0x80, 7, 0x80, 10, 0x80, 11, 0x80, 14, 0x80, 15};
#endif

#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3
// AVX-512 x8 of a 4:2:x unit's 32 U and 32 V samples at u and v, in LaneOrder::Samples order,
// with both planes in one vector: U's bytes and V's, top bits flipped (which makes them x8
// once widened), one 16-bit permute that gives block k U's and V's sample pairs k, 4 + k,
// 8 + k and 12 + k, and one zip with zero per plane that widens each sample to the high byte.
// Five vector ops where widening, shifting, flipping and permuting each plane apart take
// eight; the units are bound by their op count (bench/README.md, notes on performance).
HWY_INLINE void LoadSamplesX8(const uint8_t* HWY_RESTRICT u, const uint8_t* HWY_RESTRICT v,
                              V16& xu, V16& xv) {
  alignas(64) static constexpr int16_t kPairs[32] = {
      0, 4, 8,  12, 16, 20, 24, 28, 1, 5, 9,  13, 17, 21, 25, 29,
      2, 6, 10, 14, 18, 22, 26, 30, 3, 7, 11, 15, 19, 23, 27, 31};
  const hn::Repartition<uint8_t, D16> d8;
  const hn::Half<decltype(d8)> h8;
  const auto both = hn::Xor(hn::Combine(d8, hn::LoadU(h8, v), hn::LoadU(h8, u)),
                            hn::Set(d8, uint8_t{0x80}));
  // Highway 1.0.3 has no 16-bit TableLookupLanes for 512-bit vectors.
  const auto pairs =
      hn::Vec<decltype(d8)>{_mm512_permutexvar_epi16(_mm512_load_si512(kPairs), both.raw)};
  const auto zero = hn::Zero(d8);
  xu = hn::BitCast(D16(), hn::InterleaveLower(d8, zero, pairs));
  xv = hn::BitCast(D16(), hn::InterleaveUpper(d8, zero, pairs));
}
#endif

// x8 = (C - 128) * 256 from C * 256 (as int16 bits): the top bit flipped. Exact.
HWY_INLINE V16 FlipToX8(V16 c256) {
  return hn::Xor(c256, hn::Set(D16(), static_cast<int16_t>(-32768)));
}

// x8 = (C - 128) * 256 from chroma in units of 1/kDen code (kDen = 1, 2 or 8): C * 256 as
// uint16 bits, with the top bit flipped. Exact.
template <int kDen, class V>
HWY_INLINE V16 ToX8(D16 d, V c) {
  static_assert(kDen == 1 || kDen == 2 || kDen == 8, "chroma denominators are 1, 2 and 8");
  constexpr int kShift = kDen == 1 ? 8 : kDen == 2 ? 7 : 5;
  return FlipToX8(hn::BitCast(d, hn::ShiftLeft<kShift>(hn::BitCast(DU16(), c))));
}

// Luma of 2 * Lanes(d) pixels at p as Y * 257, in the unit order.
template <Order kOrder>
HWY_INLINE void LoadLuma(D16 d, const LaneOrder<kOrder>& order, const uint8_t* HWY_RESTRICT p,
                         V16& y0, V16& y1) {
  const DU16 du;
  (void)order;
#if HWY_TARGET != HWY_SCALAR
  if constexpr (kOrder == Order::kStore) {
#if HWY_TARGET == HWY_AVX2
    y0 = ShuffleDup128(p, kStoreBytesTwice);
    y1 = ShuffleDup128(p + 16, kStoreBytesTwice);
#else
    const hn::Repartition<uint8_t, D16> d8;
    const auto bytes = order.Bytes(hn::LoadU(d8, p));
    y0 = hn::BitCast(d, hn::ZipLower(du, bytes, bytes));
    y1 = hn::BitCast(d, hn::ZipUpper(du, bytes, bytes));
#endif
    return;
  }
#endif
  const auto k257 = hn::Set(du, uint16_t{257});
  y0 = hn::BitCast(d, hn::Mul(hn::BitCast(du, LoadBytes(d, p)), k257));
  y1 = hn::BitCast(d, hn::Mul(hn::BitCast(du, LoadBytes(d, p + hn::Lanes(d))), k257));
}

// x8 of 2 * Lanes(d) chroma bytes at p (4:4:4: one per pixel), in the unit order.
template <Order kOrder>
HWY_INLINE void LoadChroma444(D16 d, const LaneOrder<kOrder>& order, const uint8_t* HWY_RESTRICT p,
                              V16& x0, V16& x1) {
  (void)order;
#if HWY_TARGET != HWY_SCALAR
  if constexpr (kOrder == Order::kStore) {
#if HWY_TARGET == HWY_AVX2
    x0 = FlipToX8(ShuffleDup128(p, kStoreBytesHigh));
    x1 = FlipToX8(ShuffleDup128(p + 16, kStoreBytesHigh));
#else
    const DU16 du;
    const hn::Repartition<uint8_t, D16> d8;
    // The bytes' top bits flipped before the zips put them in the high bytes: one xor, not
    // FlipToX8 on each half.
    const auto bytes = hn::Xor(order.Bytes(hn::LoadU(d8, p)), hn::Set(d8, uint8_t{0x80}));
    const auto zero = hn::Zero(d8);
    x0 = hn::BitCast(d, hn::ZipLower(du, zero, bytes));
    x1 = hn::BitCast(d, hn::ZipUpper(du, zero, bytes));
#endif
    return;
  }
#endif
  x0 = ToX8<1>(d, LoadBytes(d, p));
  x1 = ToX8<1>(d, LoadBytes(d, p + hn::Lanes(d)));
}

// The per-pixel chroma of a bilinear row from the vertically filtered samples s (3 near + far,
// in 1/4 code) and their right neighbours s_next: even pixel 2i sits on sample i (2 s_i),
// odd pixel 2i+1 halfway to the next (s_i + s_{i+1}); both in 1/8 code.
template <Order kOrder>
HWY_INLINE void HorizontalBilinear(D16 d, const LaneOrder<kOrder>& order, V16 s, V16 s_next,
                                   V16& x0, V16& x1) {
  V16 lo = s, hi = s;
  order.Zip(d, hn::Add(s, s), hn::Add(s, s_next), lo, hi);
  x0 = ToX8<8>(d, lo);
  x1 = ToX8<8>(d, hi);
}

HWY_INLINE V16 ThreeNearPlusFar(V16 near, V16 far) {
  return hn::Add(hn::Add(hn::Add(near, near), near), far);
}

// Loader<kind, bilinear, order>::Load(d, lane_order, rows, y0, y1, u0, u1, v0, v1); kOrder is
// the order the loader yields.
template <YuvKind kK, bool kBilinear, Order kPreferred>
struct Loader;

template <bool kBilinear, Order kPreferred>
struct Loader<YuvKind::kPlanarSub, kBilinear, kPreferred> {
  static constexpr Order kOrder = kPreferred;
  static constexpr bool kHalf = !kBilinear;
  static HWY_INLINE void Load(D16 d, const LaneOrder<kOrder>& order, const internal::YuvRowPtrs& r,
                              V16& y0, V16& y1, V16& u0, V16& u1, V16& v0, V16& v1) {
    LoadLuma<kOrder>(d, order, r.y, y0, y1);
    if constexpr (!kBilinear) {
      (void)u1;
      (void)v1;
#if HWY_TARGET == HWY_AVX2
      if constexpr (kOrder == Order::kStore) {
        u0 = FlipToX8(ShuffleDup128(r.c0, kStoreSamplesHigh));
        v0 = FlipToX8(ShuffleDup128(r.c1, kStoreSamplesHigh));
        return;  // the generic loads below serve the other orders and targets
      }
#elif HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3
      if constexpr (kOrder == Order::kStore) {
        LoadSamplesX8(r.c0, r.c1, u0, v0);
        return;
      }
#endif
      u0 = order.Samples(d, ToX8<1>(d, LoadBytes(d, r.c0)));
      v0 = order.Samples(d, ToX8<1>(d, LoadBytes(d, r.c1)));
    } else {
      const V16 su = ThreeNearPlusFar(LoadBytes(d, r.c0), LoadBytes(d, r.c0_far));
      const V16 su_next = ThreeNearPlusFar(LoadBytes(d, r.c0 + 1), LoadBytes(d, r.c0_far + 1));
      const V16 sv = ThreeNearPlusFar(LoadBytes(d, r.c1), LoadBytes(d, r.c1_far));
      const V16 sv_next = ThreeNearPlusFar(LoadBytes(d, r.c1 + 1), LoadBytes(d, r.c1_far + 1));
      HorizontalBilinear(d, order, su, su_next, u0, u1);
      HorizontalBilinear(d, order, sv, sv_next, v0, v1);
    }
  }
};

template <bool kBilinear, Order kPreferred>
struct Loader<YuvKind::kPlanar444, kBilinear, kPreferred> {
  static constexpr Order kOrder = kPreferred;
  static constexpr bool kHalf = false;
  static HWY_INLINE void Load(D16 d, const LaneOrder<kOrder>& order, const internal::YuvRowPtrs& r,
                              V16& y0, V16& y1, V16& u0, V16& u1, V16& v0, V16& v1) {
    LoadLuma<kOrder>(d, order, r.y, y0, y1);
    LoadChroma444<kOrder>(d, order, r.c0, u0, u1);
    LoadChroma444<kOrder>(d, order, r.c1, v0, v1);
  }
};

template <bool kBilinear, Order kPreferred>
struct Loader<YuvKind::kNv12, kBilinear, kPreferred> {
  static constexpr Order kOrder = kPreferred;
  static constexpr bool kHalf = !kBilinear;
  static HWY_INLINE void Load(D16 d, const LaneOrder<kOrder>& order, const internal::YuvRowPtrs& r,
                              V16& y0, V16& y1, V16& u0, V16& u1, V16& v0, V16& v1) {
    LoadLuma<kOrder>(d, order, r.y, y0, y1);
    // Each uint16 lane is one U,V pair, U in the low byte.
    const DU16 du;
    if constexpr (!kBilinear) {
      (void)u1;
      (void)v1;
      // Both bytes' top bits flipped at once make U and V x8 where they land in the high byte.
      const auto pairs = order.Samples(du, hn::Xor(LoadPairs(r.c0), hn::Set(du, uint16_t{0x8080})));
      u0 = hn::BitCast(d, hn::ShiftLeft<8>(pairs));
      v0 = hn::BitCast(d, hn::And(pairs, hn::Set(du, uint16_t{0xFF00})));
    } else {
      const auto low = hn::Set(du, uint16_t{0xFF});
      auto u_of = [&](const uint8_t* p)
                      HWY_ATTR { return hn::BitCast(d, hn::And(LoadPairs(p), low)); };
      auto v_of = [&](const uint8_t* p)
                      HWY_ATTR { return hn::BitCast(d, hn::ShiftRight<8>(LoadPairs(p))); };
      const uint8_t* near = r.c0;
      const uint8_t* far = r.c0_far;
      HorizontalBilinear(d, order, ThreeNearPlusFar(u_of(near), u_of(far)),
                         ThreeNearPlusFar(u_of(near + 2), u_of(far + 2)), u0, u1);
      HorizontalBilinear(d, order, ThreeNearPlusFar(v_of(near), v_of(far)),
                         ThreeNearPlusFar(v_of(near + 2), v_of(far + 2)), v0, v1);
    }
  }
};

// YUY2: pixel 2i is bytes Y0 U, pixel 2i+1 is Y1 V of pair i. Both pixels of a pair take its
// U and V (nearest); bilinear (4:2:2 siting) gives the odd pixel the mean of its pair's and
// the next pair's chroma.
template <bool kBilinear, Order kPreferred>
struct Loader<YuvKind::kYuy2, kBilinear, kPreferred> {
  static constexpr Order kOrder = kPreferred;
  static constexpr bool kHalf = false;
#if HWY_TARGET == HWY_SCALAR
  // One pair per unit.
  static HWY_INLINE void Load(D16 d, const LaneOrder<kOrder>&, const internal::YuvRowPtrs& r,
                              V16& y0, V16& y1, V16& u0, V16& u1, V16& v0, V16& v1) {
    const uint8_t* p = r.y;
    y0 = hn::Set(d, static_cast<int16_t>(p[0] * 257));
    y1 = hn::Set(d, static_cast<int16_t>(p[2] * 257));
    if constexpr (!kBilinear) {
      u0 = u1 = ToX8<1>(d, hn::Set(d, int16_t{p[1]}));
      v0 = v1 = ToX8<1>(d, hn::Set(d, int16_t{p[3]}));
    } else {
      u0 = ToX8<2>(d, hn::Set(d, static_cast<int16_t>(2 * p[1])));
      u1 = ToX8<2>(d, hn::Set(d, static_cast<int16_t>(p[1] + p[5])));
      v0 = ToX8<2>(d, hn::Set(d, static_cast<int16_t>(2 * p[3])));
      v1 = ToX8<2>(d, hn::Set(d, static_cast<int16_t>(p[3] + p[7])));
    }
  }
#else
  static HWY_INLINE void Load(D16 d, const LaneOrder<kOrder>& order, const internal::YuvRowPtrs& r,
                              V16& y0, V16& y1, V16& u0, V16& u1, V16& v0, V16& v1) {
    const hn::Repartition<uint8_t, D16> d8;
    // Each vector of bytes is Lanes(d16) pixels, lo's then hi's.
    auto load = [&](const uint8_t* p) HWY_ATTR {
      if constexpr (kOrder == Order::kStore) {
        return order.PixelPairs(hn::LoadU(d8, p));
      } else {
        return hn::LoadU(d8, p);
      }
    };
    // Byte shuffles within 16-byte blocks (pairs never straddle one): each pixel's luma in both
    // bytes (Y * 257), and its pair's U or V in the high (nearest: x8) or low byte
    // (bilinear: C). 0x80 selects zero.
    alignas(16) static constexpr uint8_t kLuma[16] = {0, 0, 2,  2,  4,  4,  6,  6,
                                                      8, 8, 10, 10, 12, 12, 14, 14};
    alignas(16) static constexpr uint8_t kUHigh[16] = {0x80, 1, 0x80, 1, 0x80, 5,  0x80, 5,
                                                       0x80, 9, 0x80, 9, 0x80, 13, 0x80, 13};
    alignas(16) static constexpr uint8_t kVHigh[16] = {0x80, 3,  0x80, 3,  0x80, 7,  0x80, 7,
                                                       0x80, 11, 0x80, 11, 0x80, 15, 0x80, 15};
    alignas(16) static constexpr uint8_t kULow[16] = {1, 0x80, 1, 0x80, 5,  0x80, 5,  0x80,
                                                      9, 0x80, 9, 0x80, 13, 0x80, 13, 0x80};
    alignas(16) static constexpr uint8_t kVLow[16] = {3,  0x80, 3,  0x80, 7,  0x80, 7,  0x80,
                                                      11, 0x80, 11, 0x80, 15, 0x80, 15, 0x80};
    const auto luma = hn::LoadDup128(d8, kLuma);
    const size_t bytes = hn::Lanes(d8);
    // Half k of the unit: the vector of bytes at r.y + k * bytes.
    auto half = [&](size_t k, V16& y, V16& u_out, V16& v_out) HWY_ATTR {
      const auto px = load(r.y + k * bytes);
      y = hn::BitCast(d, hn::TableLookupBytesOr0(px, luma));
      if constexpr (!kBilinear) {
        // Chroma is every odd byte: flipping their top bits once makes the high-byte picks x8
        // themselves (FlipToX8 per channel would take two ops).
        const auto flipped = hn::Xor(px, hn::BitCast(d8, FlipToX8(hn::Zero(d))));
        u_out = hn::BitCast(d, hn::TableLookupBytesOr0(flipped, hn::LoadDup128(d8, kUHigh)));
        v_out = hn::BitCast(d, hn::TableLookupBytesOr0(flipped, hn::LoadDup128(d8, kVHigh)));
      } else {
        // The next pair's chroma is 4 bytes on: odd pixels add it, even pixels add their own
        // again (1/2 code units).
        const auto next = load(r.y + k * bytes + 4);
        const auto pick_u = hn::LoadDup128(d8, kULow);
        const auto pick_v = hn::LoadDup128(d8, kVLow);
        const V16 u = hn::BitCast(d, hn::TableLookupBytesOr0(px, pick_u));
        const V16 v = hn::BitCast(d, hn::TableLookupBytesOr0(px, pick_v));
        const V16 un = hn::BitCast(d, hn::TableLookupBytesOr0(next, pick_u));
        const V16 vn = hn::BitCast(d, hn::TableLookupBytesOr0(next, pick_v));
        u_out = ToX8<2>(d, hn::Add(u, hn::OddEven(un, u)));
        v_out = ToX8<2>(d, hn::Add(v, hn::OddEven(vn, v)));
      }
    };
    half(0, y0, u0, v0);
    half(1, y1, u1, v1);
  }
#endif
};

template <bool kBilinear, Order kPreferred>
struct Loader<YuvKind::kY8, kBilinear, kPreferred> {
  static constexpr Order kOrder = kPreferred;
  static constexpr bool kHalf = false;
  static HWY_INLINE void Load(D16 d, const LaneOrder<kOrder>& order, const internal::YuvRowPtrs& r,
                              V16& y0, V16& y1, V16& u0, V16& u1, V16& v0, V16& v1) {
    (void)u0;
    (void)u1;
    (void)v0;
    (void)v1;
    LoadLuma<kOrder>(d, order, r.y, y0, y1);
  }
};

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_YUV_LOADERS_INL_H_
