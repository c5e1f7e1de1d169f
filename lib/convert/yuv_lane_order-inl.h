// The lane orders of a YUV unit (kNatural, kStore) and kFixedPointOrder: the permutes that lay a
// unit out so the fixed-point RGBA8 store needs in-block shuffles only, and its byte packing.

#if defined(PIXCONV_CONVERT_YUV_LANE_ORDER_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_YUV_LANE_ORDER_INL_H_
#undef PIXCONV_CONVERT_YUV_LANE_ORDER_INL_H_
#else
#define PIXCONV_CONVERT_YUV_LANE_ORDER_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "convert/yuv_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Lane orders. kNatural (float kernels): lo holds pixels [0, N), hi [N, 2N), in order.
// kStore (fixed-point kernels): x86 shuffles are cheap within 128-bit blocks and dear across
// them, so the unit is laid out for the in-block shuffles of the RGBA8 store. With B blocks
// per vector and pixels taken in groups of 4, block k of lo holds groups k and B + k, block k
// of hi groups 2B + k and 3B + k. Then luma bytes widen with ZipLower/ZipUpper, chroma samples
// duplicate with InterleaveLower/Upper, one packuswb per channel gives bytes whose 4-byte
// groups sit in block-transposed order, and two levels of in-block zips leave vector q holding
// pixels [q * 4B, (q + 1) * 4B) in order, ready to store. The only cross-block shuffle is one
// 32-bit permute per loaded vector, which costs less than the four (AVX2) or eight (AVX-512)
// 128-bit shuffles with which StoreInterleaved4 transposes its blocks. Single-block vectors
// (SSSE3, SSE4, EMU128) and the scalar target need no permute; there both orders agree.
enum class Order { kNatural, kStore };

// The order the fixed-point kernels compute in: kStore where vectors have a fixed width of
// 128-bit blocks; SVE keeps natural order and stores with StoreInterleaved4, its native st4.
inline constexpr Order kFixedPointOrder = HWY_HAVE_SCALABLE ? Order::kNatural : Order::kStore;

#if HWY_TARGET != HWY_SCALAR && !HWY_HAVE_SCALABLE
// Saturates int16 lanes to bytes in x86 packuswb order: block k of the result is block k of
// lo's lanes, then block k of hi's. Highway 1.0.3 has no such op (DemoteTo reorders to natural
// order, costing three more shuffles per vector), so x86 calls the instruction directly; other
// targets have single-block vectors, where this is Combine of two DemoteTo.
HWY_INLINE hn::Vec<hn::Repartition<uint8_t, D16>> PackBlocks(D16 d, V16 lo, V16 hi) {
  (void)d;
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3
  return hn::Vec512<uint8_t>{_mm512_packus_epi16(lo.raw, hi.raw)};
#elif HWY_ARCH_X86 && HWY_TARGET == HWY_AVX2
  return hn::Vec256<uint8_t>{_mm256_packus_epi16(lo.raw, hi.raw)};
#elif HWY_ARCH_X86 && (HWY_TARGET == HWY_SSE4 || HWY_TARGET == HWY_SSSE3)
  return hn::Vec128<uint8_t>{_mm_packus_epi16(lo.raw, hi.raw)};
#else
  static_assert(hn::MaxLanes(D16()) * 2 <= 16, "multi-block vectors need a block-wise pack");
  const hn::Repartition<uint8_t, D16> d8;
  const hn::Rebind<uint8_t, D16> d8h;
  return hn::Combine(d8, hn::DemoteTo(d8h, hi), hn::DemoteTo(d8h, lo));
#endif
}

// The permutes that put a unit's lanes in kOrder (see Order).
template <Order kOrder>
class LaneOrder {
 public:
  using D8 = hn::Repartition<uint8_t, D16>;

  LaneOrder() {
    if constexpr (kWide) {
      const size_t blocks = hn::Lanes(D64()) / 2;
      // pairs_: u64 lane 2k takes lane k, lane 2k + 1 lane B + k, so that InterleaveLower/Upper
      // (which read the low / high 64 bits of each block) see the first / second half of a
      // natural vector.
      alignas(64) uint64_t pairs[HWY_MAX_BYTES / 8] = {};
      for (size_t k = 0; k < blocks; ++k) {
        pairs[2 * k] = k;
        pairs[2 * k + 1] = blocks + k;
      }
      pairs_ = hn::SetTableIndices(D64(), pairs);
      // groups_: u32 lane 4k + q takes lane qB + k (a 4 x B transpose of 4-byte groups).
      alignas(64) uint32_t groups[HWY_MAX_BYTES / 4] = {};
      for (size_t k = 0; k < blocks; ++k) {
        for (size_t q = 0; q < 4; ++q) groups[4 * k + q] = static_cast<uint32_t>(q * blocks + k);
      }
      groups_ = hn::SetTableIndices(D32(), groups);
    }
  }

  // Puts per-sample values (natural order, one per 2 pixels for a duplicated sample) in the
  // order that InterleaveLower/Upper expand to the unit order.
  template <class D, class V>
  HWY_INLINE V Samples(D d, V v) const {
    if constexpr (!kWide) return v;
    if constexpr (kOrder == Order::kNatural) {
      return hn::BitCast(d, hn::TableLookupLanes(hn::BitCast(D64(), v), pairs_));
    } else {
      return hn::BitCast(d, hn::TableLookupLanes(hn::BitCast(D32(), v), groups_));
    }
  }

  // lo, hi = a0 b0 a1 b1 ... in the unit order, from a and b in Samples order.
  template <class V>
  HWY_INLINE void Expand(D16 d, V a, V b, V& lo, V& hi) const {
    lo = hn::InterleaveLower(d, a, b);
    hi = hn::InterleaveUpper(d, a, b);
  }

  // The same from a and b in natural order.
  template <class V>
  HWY_INLINE void Zip(D16 d, V a, V b, V& lo, V& hi) const {
    Expand(d, Samples(d, a), Samples(d, b), lo, hi);
  }

  // One byte per pixel for the whole unit (kStore: luma or 4:4:4 chroma), permuted so that
  // ZipLower/ZipUpper widen it to the unit order.
  HWY_INLINE hn::Vec<D8> Bytes(hn::Vec<D8> v) const {
    static_assert(kOrder == Order::kStore, "natural bytes widen with PromoteTo");
    return Samples(D8(), v);
  }

  // Two bytes per pixel for half the unit (kStore: a vector of YUY2), permuted so that in-block
  // byte shuffles yield lanes in the unit order.
  HWY_INLINE hn::Vec<D8> PixelPairs(hn::Vec<D8> v) const {
    static_assert(kOrder == Order::kStore, "natural YUY2 needs no permute");
    if constexpr (!kWide) return v;
    return hn::BitCast(D8(), hn::TableLookupLanes(hn::BitCast(D64(), v), pairs_));
  }

 private:
  using D64 = hn::Repartition<uint64_t, D16>;
  using D32 = hn::Repartition<uint32_t, D16>;
  static constexpr bool kWide = hn::MaxLanes(D16()) * sizeof(int16_t) > 16;

  decltype(hn::SetTableIndices(D64(), static_cast<const uint64_t*>(nullptr))) pairs_{};
  decltype(hn::SetTableIndices(D32(), static_cast<const uint32_t*>(nullptr))) groups_{};
};
#elif HWY_HAVE_SCALABLE
// SVE: natural order only (kFixedPointOrder), so Samples is the identity and Expand
// interleaves whole vectors. Highway's InterleaveLower/Upper work per 128-bit block, which SVE
// emulates with extra permutes; widening each half to 32-bit lanes is the natural interleave.
template <Order kOrder>
class LaneOrder {
 public:
  static_assert(kOrder == Order::kNatural, "SVE kernels compute in natural order");
  template <class D, class V>
  HWY_INLINE V Samples(D, V v) const {
    return v;
  }
  template <class V>
  HWY_INLINE void Expand(D16 d, V a, V b, V& lo, V& hi) const {
    const hn::Half<DU16> dh;
    const hn::Repartition<uint32_t, D16> d32;
    const auto au = hn::BitCast(DU16(), a);
    const auto bu = hn::BitCast(DU16(), b);
    auto zip = [&](hn::Vec<decltype(dh)> x, hn::Vec<decltype(dh)> y) HWY_ATTR {
      return hn::BitCast(d, hn::Or(hn::PromoteTo(d32, x), hn::ShiftLeft<16>(hn::PromoteTo(d32, y))));
    };
    lo = zip(hn::LowerHalf(dh, au), hn::LowerHalf(dh, bu));
    hi = zip(hn::UpperHalf(dh, au), hn::UpperHalf(dh, bu));
  }
  template <class V>
  HWY_INLINE void Zip(D16 d, V a, V b, V& lo, V& hi) const {
    Expand(d, a, b, lo, hi);
  }
};
#else
template <Order kOrder>
class LaneOrder {
 public:
  // One pixel per vector: lo is the even pixel, hi the odd one.
  template <class D, class V>
  HWY_INLINE V Samples(D, V v) const {
    return v;
  }
  template <class V>
  HWY_INLINE void Expand(D16, V a, V b, V& lo, V& hi) const {
    lo = a;
    hi = b;
  }
  template <class V>
  HWY_INLINE void Zip(D16, V a, V b, V& lo, V& hi) const {
    lo = a;
    hi = b;
  }
};
#endif

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_YUV_LANE_ORDER_INL_H_
