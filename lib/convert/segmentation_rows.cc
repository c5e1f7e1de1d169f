// Segmentation row kernels (lib/README.md section 3, depth and segmentation): each sample of an L
// image is a class id; ids in the caller's table take its color, other ids in [0, 65535]
// Rerun's automatic color, computed in SIMD; everything else kInvalidClassColor.
// Per-target instantiation for every datatype.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/segmentation_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "convert/color_plan.h"
#include "convert/color_rows-inl.h"
#include "convert/row_loop-inl.h"
#include "convert/srgb-inl.h"
#include "convert/store-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// ---------------------------------------------------------------- samples to class ids

// Rounded ids as floats (ties to even, so -0.4 -> -0 counts as id 0) with every id outside
// [0, 65535] (and NaN, whose comparisons fail) replaced by -1.
template <class D, class V = hn::Vec<D>>
HWY_INLINE V ValidOrMinusOne(D d, V rounded) {
  const auto valid = hn::And(hn::Ge(rounded, hn::Zero(d)), hn::Le(rounded, hn::Set(d, 65535.0)));
  return hn::IfThenElse(valid, rounded, hn::Set(d, -1.0));
}

// Up to 32-bit samples: Lanes(DF) ids as int32, -1 for invalid ones.
template <typename T>
struct NarrowIds {
  using DF = hn::ScalableTag<float>;
  static constexpr size_t kSampleBytes = sizeof(StorageT<T>);
  static HWY_INLINE hn::Vec<hn::RebindToSigned<DF>> Load(const uint8_t* HWY_RESTRICT in) {
    const DF df;
    const hn::RebindToSigned<DF> di;
    const hn::Rebind<StorageT<T>, DF> ds;
    const auto raw = hn::LoadU(ds, reinterpret_cast<const StorageT<T>*>(in));
    if constexpr (kIsFloatSample<T>) {
      return hn::ConvertTo(di, ValidOrMinusOne(df, hn::Round(NarrowToFloat<T>(df, raw))));
    } else {
      // U32 ids >= 2^31 turn negative here, so one signed test covers every integer type.
      hn::Vec<decltype(di)> id;
      if constexpr (sizeof(T) == 4) {
        id = hn::BitCast(di, raw);
      } else {
        id = hn::PromoteTo(di, raw);
      }
      const auto invalid = hn::Or(hn::Lt(id, hn::Zero(di)), hn::Gt(id, hn::Set(di, 65535)));
      return hn::IfThenElse(invalid, hn::Set(di, -1), id);
    }
  }
};

// 64-bit samples as doubles (integers beyond 2^53 round, but stay far outside [0, 65535]),
// rounded and checked in double, demoted into one float vector as WideNorm does.
template <typename T>
struct WideIds {
  using DF = WideFloatTag;
  static constexpr size_t kSampleBytes = sizeof(T);

  template <class DD>
  static HWY_INLINE hn::Vec<DD> Ids(DD dd, const uint8_t* HWY_RESTRICT in) {
    const hn::Rebind<T, DD> dt;
    const auto raw = hn::LoadU(dt, reinterpret_cast<const T*>(in));
    if constexpr (std::is_same_v<T, double>) {
      return ValidOrMinusOne(dd, hn::Round(raw));
    } else {
      return ValidOrMinusOne(dd, hn::ConvertTo(dd, raw));
    }
  }

  static HWY_INLINE hn::Vec<hn::RebindToSigned<DF>> Load(const uint8_t* HWY_RESTRICT in) {
    const DF df;
    const hn::RebindToSigned<DF> di;
#if HWY_TARGET == HWY_SCALAR
    const hn::ScalableTag<double> dd;
    return hn::ConvertTo(di, hn::DemoteTo(df, Ids(dd, in)));
#else
    const hn::Half<DF> dfh;
    const hn::Rebind<double, decltype(dfh)> dd;
    const auto lo = hn::DemoteTo(dfh, Ids(dd, in));
    const auto hi = hn::DemoteTo(dfh, Ids(dd, in + hn::Lanes(dd) * sizeof(T)));
    return hn::ConvertTo(di, hn::Combine(df, hi, lo));
#endif
  }
};

// ---------------------------------------------------------------- colors

// x mod 10^6 for 0 <= x < 2^31: the quotient estimated in float (off by at most one), the
// remainder exact in integers and corrected.
template <class DI, class V = hn::Vec<DI>>
HWY_INLINE V Mod1e6(DI di, V x) {
  const hn::Rebind<float, DI> df;
  const V m = hn::Set(di, 1000000);
  const V q = hn::ConvertTo(di, hn::Floor(hn::Mul(hn::ConvertTo(df, x), hn::Set(df, 1e-6f))));
  V r = hn::Sub(x, hn::Mul(q, m));
  r = hn::IfThenElse(hn::Lt(r, hn::Zero(di)), hn::Add(r, m), r);
  return hn::IfThenElse(hn::Gt(r, hn::Sub(m, hn::Set(di, 1))), hn::Sub(r, m), r);
}

// Rerun's automatic color of ids in [0, 65535], in linear RGB: HSV with h = frac(id *
// 0.618034), s = 0.85, v = 0.5. In float, id * 0.618034 near 4e4 would keep only ~2e-3 of h,
// so h is formed exactly as (id * 618034 mod 10^6) / 10^6, with id = 256 a + b split so each
// product fits 32 bits (256 * 618034 = 216704 mod 10^6).
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE void AutoColorLinear(DF df, hn::Vec<hn::RebindToSigned<DF>> id, V* r, V* g, V* b) {
  const hn::RebindToSigned<DF> di;
  const auto a_part = hn::Mul(hn::ShiftRight<8>(id), hn::Set(di, 216704));
  const auto b_part = hn::Mul(hn::And(id, hn::Set(di, 255)), hn::Set(di, 618034));
  const auto sum = Mod1e6(di, hn::Add(Mod1e6(di, a_part), Mod1e6(di, b_part)));
  const V h6 = hn::Mul(hn::ConvertTo(df, sum), hn::Set(df, 6e-6f));
  const V sector = hn::Min(hn::Floor(h6), hn::Set(df, 5.0f));
  const V f = hn::Sub(h6, sector);
  constexpr float kS = 0.85f, kV = 0.5f;
  const V v = hn::Set(df, kV);
  const V p = hn::Set(df, kV * (1.0f - kS));
  const V q = hn::NegMulAdd(f, hn::Set(df, kV * kS), v);                 // v (1 - s f)
  const V t = hn::MulAdd(f, hn::Set(df, kV * kS), p);                    // v (1 - s (1 - f))
  auto is = [&](float k) HWY_ATTR { return hn::Eq(sector, hn::Set(df, k)); };
  // Sectors 0..5: (v,t,p) (q,v,p) (p,v,t) (p,q,v) (t,p,v) (v,p,q).
  *r = hn::IfThenElse(hn::Or(is(0), is(5)), v,
                      hn::IfThenElse(is(1), q, hn::IfThenElse(is(4), t, p)));
  *g = hn::IfThenElse(is(0), t,
                      hn::IfThenElse(hn::Or(is(1), is(2)), v, hn::IfThenElse(is(3), q, p)));
  *b = hn::IfThenElse(hn::Or(is(3), is(4)), v,
                      hn::IfThenElse(is(2), t, hn::IfThenElse(is(5), q, p)));
}

// Byte k of each packed RGBA8 lane as a float in [0, 1].
template <int kShift, class DF, class VU>
HWY_INLINE hn::Vec<DF> Channel8(DF df, VU packed) {
  const hn::RebindToSigned<DF> di;
  const auto byte = hn::And(hn::ShiftRight<kShift>(packed), hn::Set(hn::RebindToUnsigned<DF>(), 255u));
  return hn::Mul(hn::ConvertTo(df, hn::BitCast(di, byte)), hn::Set(df, 1.0f / 255.0f));
}

template <class Ids>
struct SegmentationKernel {
  template <bool kSwapRB, bool kF32>
  static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                  const internal::ColorRowParams& params) {
    const internal::ColorRowParams p = params;  // unaliased by the output (GeneralKernel)
    using DF = typename Ids::DF;
    using V = hn::Vec<DF>;
    const DF df;
    const hn::RebindToSigned<DF> di;
    const hn::RebindToUnsigned<DF> du;
    const bool linear_out = p.decode_srgb;
    const V one = hn::Set(df, 1.0f);
    const auto count = hn::Set(di, static_cast<int32_t>(p.class_count));
    // Not PIXCONV_ALWAYS_INLINE_LAMBDA: this body is large, forcing it into both call sites
    // doubled the file's compile time, and no measurement showed it faster.
    ForEachBlock(width, hn::Lanes(df), Ids::kSampleBytes, kF32 ? 16 : 4, src, dst,
                 [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out) HWY_ATTR {
                   const auto id = Ids::Load(in);
                   const auto valid_i = hn::Gt(id, hn::Set(di, -1));  // invalid ids are -1
                   const auto valid = hn::RebindMask(df, valid_i);
                   const auto listed_i = hn::Lt(id, count);  // id -1 is below any count
                   const auto listed = hn::And(valid, hn::RebindMask(df, listed_i));
                   V r = hn::Zero(df), g = r, b = r, a = one;
                   if (!hn::AllTrue(df, listed)) {
                     AutoColorLinear(df, id, &r, &g, &b);
                     if (!linear_out) {
                       r = LinearToSrgb(df, r);
                       g = LinearToSrgb(df, g);
                       b = LinearToSrgb(df, b);
                     }
                   }
                   if (!hn::AllFalse(df, listed)) {
                     // Unlisted lanes read entry 0, then take the automatic color instead.
                     const auto index = hn::IfThenElseZero(hn::And(listed_i, valid_i), id);
                     const auto packed = hn::GatherIndex(du, p.class_colors, index);
                     V tr = Channel8<0>(df, packed), tg = Channel8<8>(df, packed);
                     V tb = Channel8<16>(df, packed);
                     if (linear_out) {
                       tr = SrgbToLinear(df, tr);
                       tg = SrgbToLinear(df, tg);
                       tb = SrgbToLinear(df, tb);
                     }
                     r = hn::IfThenElse(listed, tr, r);
                     g = hn::IfThenElse(listed, tg, g);
                     b = hn::IfThenElse(listed, tb, b);
                     a = hn::IfThenElse(listed, Channel8<24>(df, packed), a);
                   }
                   // kInvalidClassColor: transparent black.
                   r = hn::IfThenElseZero(valid, r);
                   g = hn::IfThenElseZero(valid, g);
                   b = hn::IfThenElseZero(valid, b);
                   a = hn::IfThenElseZero(valid, a);
                   if (p.premultiply) {
                     r = hn::Mul(r, a);
                     g = hn::Mul(g, a);
                     b = hn::Mul(b, a);
                   }
                   StoreRgba<kF32, kSwapRB>(df, r, g, b, a, out);
                 }, p.stream);
  }
};

template <class Ids>
internal::ColorRowFn PickSegmentationOutput(const internal::ColorKernelKey& key) {
  using K = SegmentationKernel<Ids>;
  if (key.out == OutputType::RGBAF32) {
    return key.swap_rb ? &K::template Run<true, true> : &K::template Run<false, true>;
  }
  return key.swap_rb ? &K::template Run<true, false> : &K::template Run<false, false>;
}

internal::ColorRowFn PickSegmentationRow(const internal::ColorKernelKey& key,
                                         const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.datatype) {
    case ChannelDatatype::U8: return PickSegmentationOutput<NarrowIds<uint8_t>>(key);
    case ChannelDatatype::I8: return PickSegmentationOutput<NarrowIds<int8_t>>(key);
    case ChannelDatatype::U16: return PickSegmentationOutput<NarrowIds<uint16_t>>(key);
    case ChannelDatatype::I16: return PickSegmentationOutput<NarrowIds<int16_t>>(key);
    case ChannelDatatype::U32: return PickSegmentationOutput<NarrowIds<uint32_t>>(key);
    case ChannelDatatype::I32: return PickSegmentationOutput<NarrowIds<int32_t>>(key);
    case ChannelDatatype::F16: return PickSegmentationOutput<NarrowIds<hwy::float16_t>>(key);
    case ChannelDatatype::F32: return PickSegmentationOutput<NarrowIds<float>>(key);
    case ChannelDatatype::U64: return PickSegmentationOutput<WideIds<uint64_t>>(key);
    case ChannelDatatype::I64: return PickSegmentationOutput<WideIds<int64_t>>(key);
    case ChannelDatatype::F64: return PickSegmentationOutput<WideIds<double>>(key);
  }
  return nullptr;
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickSegmentationRow);

ColorRowFn SelectSegmentationRow(const ColorKernelKey& key, const char** target) {
  return HWY_DYNAMIC_DISPATCH(PickSegmentationRow)(key, target);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
