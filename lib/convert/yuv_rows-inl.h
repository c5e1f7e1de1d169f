// Per-target building blocks of the YUV row kernels (yuv_rows.cc, yuv_rows_f32.cc):
//   - the unit: 2 * Lanes(int16) pixels, held as two int16 vectors "lo" and "hi";
//   - a row driver that runs whole units straight from the caller's rows and the rest through
//     padded stack copies of every plane (never reading or writing outside the caller's rows:
//     Highway 1.0.3 has no LoadN/StoreN);
//   - one loader per layout (planar 4:2:x / 4:4:4, NV12, YUY2, Y8; nearest or bilinear
//     chroma) yielding luma as Y * 257 (uint16 bits: Y in both bytes) and chroma as
//     x8 = (C - 128) * 256, exact int16 values (bilinear chroma is a multiple of 1/8 code);
//   - the lane orders of a unit, and the byte packing and RGBA8 store of the fixed-point path.
// The math stages (fixed point or float) live in the kernels' own files.
//
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

#if defined(PIXCONV_CONVERT_YUV_ROWS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_YUV_ROWS_INL_H_
#undef PIXCONV_CONVERT_YUV_ROWS_INL_H_
#else
#define PIXCONV_CONVERT_YUV_ROWS_INL_H_
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "convert/row_loop-inl.h"
#include "convert/yuv_plan.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Row kernel families. 4:2:0 and 4:2:2 planar rows are alike (RunYuvRows picks the rows).
enum class YuvKind { kPlanarSub, kPlanar444, kNv12, kYuy2, kY8 };

inline YuvKind KindOf(internal::YuvLayout layout) {
  switch (layout) {
    case internal::YuvLayout::kPlanar420:
    case internal::YuvLayout::kPlanar422:
      return YuvKind::kPlanarSub;
    case internal::YuvLayout::kPlanar444:
      return YuvKind::kPlanar444;
    case internal::YuvLayout::kNv12:
      return YuvKind::kNv12;
    case internal::YuvLayout::kYuy2:
      return YuvKind::kYuy2;
    case internal::YuvLayout::kY8:
      return YuvKind::kY8;
  }
  return YuvKind::kY8;
}

using D16 = hn::ScalableTag<int16_t>;
using V16 = hn::Vec<D16>;
using DU16 = hn::RebindToUnsigned<D16>;

// ---------------------------------------------------------------- row geometry and driver

// One plane row as a unit sees it. Rows are indexed like YuvRowPtrs: y, c0, c1, c0_far, c1_far.
//   per2: bytes per two pixels (planar luma 2, YUY2 4, 4:2:x chroma 1, 4:4:4 chroma 2, NV12 2);
//   pairs: the row holds ceil(w/2) whole pixel pairs (chroma, YUY2) rather than w pixels;
//   lookahead: bytes a unit reads past its own pixels (bilinear: the next chroma sample);
//   sample: bytes of one chroma sample, replicated to pad a tail (the edge clamp of the
//     bilinear filter); 0 pads with zeros (luma).
struct PlaneGeom {
  bool used;
  size_t per2;
  bool pairs;
  size_t lookahead;
  size_t sample;
};

template <YuvKind kK, bool kBilinear>
constexpr PlaneGeom GeomOf(int plane) {
  constexpr PlaneGeom kUnused{false, 0, false, 0, 0};
  const size_t ahead = kBilinear ? 1 : 0;
  switch (kK) {
    case YuvKind::kPlanarSub:
      if (plane == 0) return {true, 2, false, 0, 0};
      if (plane >= 3 && !kBilinear) return kUnused;
      return {true, 1, true, ahead, 1};
    case YuvKind::kPlanar444:
      if (plane == 0) return {true, 2, false, 0, 0};
      if (plane >= 3) return kUnused;
      return {true, 2, false, 0, 1};
    case YuvKind::kNv12:
      if (plane == 0) return {true, 2, false, 0, 0};
      if (plane == 1 || (plane == 3 && kBilinear)) return {true, 2, true, 2 * ahead, 2};
      return kUnused;
    case YuvKind::kYuy2:
      if (plane == 0) return {true, 4, true, 4 * ahead, 4};
      return kUnused;
    case YuvKind::kY8:
      if (plane == 0) return {true, 2, false, 0, 0};
      return kUnused;
  }
  return kUnused;
}

inline const uint8_t*& RowAt(internal::YuvRowPtrs& rows, int plane) {
  switch (plane) {
    case 0:
      return rows.y;
    case 1:
      return rows.c0;
    case 2:
      return rows.c1;
    case 3:
      return rows.c0_far;
    default:
      return rows.c1_far;
  }
}

// The most pixels one unit covers on any target (2 * Lanes(int16) = vector bytes; the scalar
// target's unit is 2 pixels).
inline constexpr size_t kMaxUnitPixels = HWY_MAX_BYTES;
static_assert(kMaxUnitPixels >= 2, "a unit is at least one pixel pair");
// The most bytes one unit reads from a plane: YUY2, 2 bytes per pixel plus a pair ahead.
inline constexpr size_t kMaxUnitPlaneBytes = 2 * kMaxUnitPixels + 4;

// Calls unit(rows, out) for units of `n` pixels (n even) that together cover `width` pixels;
// rows are advanced to the unit's first pixel (always even) and out is where its out_bpp * n
// bytes go. Units that read and write inside the caller's rows run on them directly; they may
// overlap (a pixel converts the same wherever its unit starts):
//   - when the destination is not vector-aligned but an even pixel count gets it there, a
//     first unit at 0 converts that head and the others start aligned (a store straddling two
//     cache lines costs about a third more on x86; malloc'd buffers are often 16 bytes off);
//   - with `stream`, the aligned units that fill whole chunks write through an OutputStreamer
//     (non-temporal stores, row_loop-inl.h);
//   - the last unit that fits ends the row when it covers pixels its predecessors did not.
// What remains (narrow rows, and the last pixels when bilinear chroma reads a sample past the
// row end) runs through zero- or edge-padded stack copies of the planes and a stack output,
// of which only the row's pixels are copied out.
template <YuvKind kK, bool kBilinear, class Unit>
HWY_INLINE void ForEachUnit(const internal::YuvRowPtrs& rows, size_t width, size_t n,
                            size_t out_bpp, uint8_t* HWY_RESTRICT dst, const Unit& unit,
                            bool stream = false) {
  // A local copy: stores through dst (bytes) could alias the caller's struct, so the compiler
  // would reload its pointers for every unit.
  const internal::YuvRowPtrs base = rows;
  const size_t half = width / 2 + width % 2;
  size_t row_bytes[5] = {};
  // The last even pixel at which a unit fits, or -1.
  ptrdiff_t last = static_cast<ptrdiff_t>(width) - static_cast<ptrdiff_t>(n);
  for (int p = 0; p < 5; ++p) {
    const PlaneGeom g = GeomOf<kK, kBilinear>(p);
    if (!g.used) continue;
    row_bytes[p] = g.pairs ? g.per2 * half : g.per2 * width / 2;
    const ptrdiff_t room =
        static_cast<ptrdiff_t>(row_bytes[p]) - static_cast<ptrdiff_t>(g.per2 * n / 2 + g.lookahead);
    last = room < 0 ? -1 : std::min(last, 2 * room / static_cast<ptrdiff_t>(g.per2));
  }
  if (last > 0) last &= ~ptrdiff_t{1};
  // Field by field with constant geometry: a loop over RowAt's references kept the struct in
  // memory, with a store, two read-modify-writes and two reloads per unit.
  auto advance = [&](size_t x) PIXCONV_ALWAYS_INLINE_LAMBDA {
    constexpr PlaneGeom g0 = GeomOf<kK, kBilinear>(0), g1 = GeomOf<kK, kBilinear>(1),
                        g2 = GeomOf<kK, kBilinear>(2), g3 = GeomOf<kK, kBilinear>(3),
                        g4 = GeomOf<kK, kBilinear>(4);
    internal::YuvRowPtrs at;  // unused planes keep the caller's pointers, never read
    at.y = g0.used ? base.y + g0.per2 * x / 2 : base.y;
    at.c0 = g1.used ? base.c0 + g1.per2 * x / 2 : base.c0;
    at.c1 = g2.used ? base.c1 + g2.per2 * x / 2 : base.c1;
    at.c0_far = g3.used ? base.c0_far + g3.per2 * x / 2 : base.c0_far;
    at.c1_far = g4.used ? base.c1_far + g4.per2 * x / 2 : base.c1_far;
    return at;
  };

  size_t done = 0;  // pixels [0, done) are converted
  if (last >= 0) {
    const size_t vector_bytes = hn::Lanes(hn::ScalableTag<uint8_t>());
    const size_t misaligned =
        (vector_bytes - reinterpret_cast<uintptr_t>(dst) % vector_bytes) % vector_bytes;
    const size_t head = misaligned % (2 * out_bpp) == 0 ? misaligned / out_bpp : 0;
    const size_t end = static_cast<size_t>(last);
    // Unit positions come in runs [x, stop], n apart: 0 (the head); then, with `stream`, whole
    // chunks from the first aligned position on through the streamer; then head + k n (or on
    // from the streamed chunks) up to `last`; then `last` itself. Each run is a tight loop, so
    // the next position is not decided after every unit (about 25 scalar instructions).
    const size_t chunk = kStreamChunkBytes / out_bpp;  // pixels, a multiple of n
    size_t x = 0, stop = 0;
    int run = 0;  // 0: the head unit, 1: the cached middle, 2: the unit at `last`
    for (;;) {
      for (;;) {
        unit(advance(x), dst + x * out_bpp);  // the one cached call site: the unit inlines here
        if (x >= stop) break;
        x += n;
      }
      done = std::max(done, x + n);
      if (run == 0) {
        run = 1;
        size_t next = head != 0 ? head : n;
        if (stream && misaligned == head * out_bpp && next + chunk - n <= end) {
          OutputStreamer out(n * out_bpp);
          for (; next + chunk - n <= end; next += chunk) {
            out.Chunk(dst + next * out_bpp, [&, next](size_t i, uint8_t* HWY_RESTRICT o)
                                                    PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
              unit(advance(next + i * n), o);
            });
          }
          out.Finish();
          done = std::max(done, next);
        }
        if (next <= end) {
          x = next;
          stop = next + (end - next) / n * n;
          continue;
        }
      }
      if (run == 1 && end + n > done) {
        run = 2;
        x = stop = end;
        continue;
      }
      break;
    }
  }

  alignas(64) uint8_t in[5][kMaxUnitPlaneBytes];
  alignas(64) uint8_t out[kMaxUnitPixels * 16];
  for (size_t x = done; x < width; x += n) {
    internal::YuvRowPtrs at = advance(x);
    for (int p = 0; p < 5; ++p) {
      const PlaneGeom g = GeomOf<kK, kBilinear>(p);
      if (!g.used) continue;
      const size_t have = row_bytes[p] - g.per2 * x / 2;  // >= one sample, as x < width
      const size_t need = g.per2 * n / 2 + g.lookahead;
      const size_t copied = std::min(have, need);
      uint8_t* to = in[p];
      std::memcpy(to, RowAt(at, p), copied);
      if (g.sample == 0) {
        std::memset(to + copied, 0, need - copied);
      } else {
        for (size_t b = copied; b < need; ++b) to[b] = to[b - g.sample];
      }
      RowAt(at, p) = to;
    }
    unit(at, out);
    std::memcpy(dst + x * out_bpp, out, std::min(n, width - x) * out_bpp);
  }
}

// ---------------------------------------------------------------- lane orders

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

// The permutes that put a unit's lanes in kOrder (see the top of this file).
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

// ---------------------------------------------------------------- sample loaders

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
    const auto bytes = order.Bytes(hn::LoadU(d8, p));
    const auto zero = hn::Zero(d8);
    x0 = FlipToX8(hn::BitCast(d, hn::ZipLower(du, zero, bytes)));
    x1 = FlipToX8(hn::BitCast(d, hn::ZipUpper(du, zero, bytes)));
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
      const auto pairs = order.Samples(du, LoadPairs(r.c0));
      u0 = FlipToX8(hn::BitCast(d, hn::ShiftLeft<8>(pairs)));
      v0 = FlipToX8(hn::BitCast(d, hn::And(pairs, hn::Set(du, uint16_t{0xFF00}))));
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
    // bytes (Y * 257), and its pair's U or V in the high (nearest: C * 256) or low byte
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
        const auto u = hn::TableLookupBytesOr0(px, hn::LoadDup128(d8, kUHigh));
        const auto v = hn::TableLookupBytesOr0(px, hn::LoadDup128(d8, kVHigh));
        u_out = FlipToX8(hn::BitCast(d, u));
        v_out = FlipToX8(hn::BitCast(d, v));
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

// Picks Pick<kind, bilinear>::Get(key). Kinds without subsampled chroma ignore the filter.
template <template <YuvKind, bool> class Pick>
internal::YuvRowFn PickKind(const internal::YuvKernelKey& key) {
  const bool b = key.bilinear;
  switch (KindOf(key.layout)) {
    case YuvKind::kPlanarSub:
      return b ? Pick<YuvKind::kPlanarSub, true>::Get(key)
               : Pick<YuvKind::kPlanarSub, false>::Get(key);
    case YuvKind::kPlanar444:
      return Pick<YuvKind::kPlanar444, false>::Get(key);
    case YuvKind::kNv12:
      return b ? Pick<YuvKind::kNv12, true>::Get(key) : Pick<YuvKind::kNv12, false>::Get(key);
    case YuvKind::kYuy2:
      return b ? Pick<YuvKind::kYuy2, true>::Get(key) : Pick<YuvKind::kYuy2, false>::Get(key);
    case YuvKind::kY8:
      return Pick<YuvKind::kY8, false>::Get(key);
  }
  return nullptr;
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_YUV_ROWS_INL_H_
