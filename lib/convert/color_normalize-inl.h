// The normalizers of the color-model kernels: Load<kC> reads kC interleaved channels of any
// datatype and returns them as float vectors t = (v - lo) / (hi - lo), clamped (lib/README.md
// 3.1-3.2), in the precision-keeping form ColorRowParams describes: float math for narrow
// samples, 32-bit integer differences, or double math demoted to float.
#if defined(PIXCONV_CONVERT_COLOR_NORMALIZE_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_COLOR_NORMALIZE_INL_H_
#undef PIXCONV_CONVERT_COLOR_NORMALIZE_INL_H_
#else
#define PIXCONV_CONVERT_COLOR_NORMALIZE_INL_H_
#endif

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "convert/color_plan.h"
#include "convert/f16-inl.h"
#include "convert/row_loop-inl.h"
#include "convert/srgb-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// F16 samples travel as their bit patterns; everything else as itself.
template <typename T>
using StorageT = std::conditional_t<std::is_same_v<T, hwy::float16_t>, uint16_t, T>;

template <typename T>
inline constexpr bool kIsFloatSample = std::is_floating_point_v<T> || std::is_same_v<T, hwy::float16_t>;

// Loads kC interleaved channels of Lanes(d) pixels into c0.. (the others are left as they
// are). Channel groups are named vectors, never arrays: SVE vectors can not be array elements.
template <size_t kC, class D, class V = hn::Vec<D>>
HWY_INLINE void LoadChannels(D d, const uint8_t* HWY_RESTRICT bytes, V& c0, V& c1, V& c2,
                             V& c3) {
  const auto* p = reinterpret_cast<const hn::TFromD<D>*>(bytes);
  if constexpr (kC == 1) {
    c0 = hn::LoadU(d, p);
  } else if constexpr (kC == 3) {
    hn::LoadInterleaved3(d, p, c0, c1, c2);
  } else {
    static_assert(kC == 4, "1, 3 or 4 channels");
    hn::LoadInterleaved4(d, p, c0, c1, c2, c3);
  }
}

// t_i = f(r_i) for each of the first kC channels.
template <size_t kC, class VI, class VO, class F>
HWY_INLINE void MapChannels(const F& f, VI r0, VI r1, VI r2, VI r3, VO& t0, VO& t1, VO& t2,
                            VO& t3) {
  t0 = f(r0);
  if constexpr (kC >= 3) {
    t1 = f(r1);
    t2 = f(r2);
  }
  if constexpr (kC == 4) t3 = f(r3);
}

// NaN -> 0, then clamp to the plan's ClampBounds (lib/README.md 3.2, clamp_bounds.h). Integer
// inputs cannot be NaN.
template <bool kMayBeNaN, class D, class V = hn::Vec<D>>
HWY_INLINE V ClampUnit(D d, V t, const internal::ColorRowParams& p) {
  using T = hn::TFromD<D>;
  // On x86, max returns its second operand when either is NaN (Highway's Max is maxps/maxpd
  // on every x86 target), so Max(t, 0) below already maps NaN to 0: two ops per sample fewer
  // on the float inputs. An unclamped output's lower bound is -FLT_MAX, which needs the test.
  // The NaN conformance tests run on every target.
#if !HWY_ARCH_X86 || HWY_TARGET == HWY_EMU128 || HWY_TARGET == HWY_SCALAR
  if constexpr (kMayBeNaN) t = hn::IfThenZeroElse(hn::IsNaN(t), t);
#else
  if constexpr (kMayBeNaN) {
    if (p.clamp.unclamped) t = hn::IfThenZeroElse(hn::IsNaN(t), t);
  }
#endif
  return hn::Min(hn::Max(t, hn::Set(d, static_cast<T>(p.clamp.lower))),
                 hn::Set(d, static_cast<T>(p.clamp.upper)));
}

// ---------------------------------------------------------------- narrow (float math)

// Exact conversion of narrow samples to float.
template <typename T, class DF, class VS>
HWY_INLINE hn::Vec<DF> NarrowToFloat(DF df, VS v) {
  if constexpr (std::is_same_v<T, float>) {
    return v;
  } else if constexpr (std::is_same_v<T, hwy::float16_t>) {
    return F16BitsToFloat(df, v);
  } else {
    const hn::Rebind<int32_t, DF> di;
    return hn::ConvertTo(df, hn::PromoteTo(di, v));
  }
}

// Normalizers: Load<kC>(in, p, t0, t1, t2, t3) loads kC interleaved channels of Lanes(DF)
// pixels and returns them in t0.. as normalized float vectors in [0, 1] (see ColorRowParams
// for why each form keeps precision); LoadOne is the single-channel form.

// 8/16-bit, F16, F32: t = (v - anchor) * scale + offset, in float.
template <typename T>
struct NarrowNorm {
  using DF = hn::ScalableTag<float>;
  static constexpr size_t kSampleBytes = sizeof(StorageT<T>);
  template <size_t kC, class V = hn::Vec<DF>>
  static HWY_INLINE void Load(const uint8_t* HWY_RESTRICT in, const internal::ColorRowParams& p,
                              V& t0, V& t1, V& t2, V& t3) {
    const DF df;
    const hn::Rebind<StorageT<T>, DF> ds;
    auto r0 = hn::Zero(ds), r1 = r0, r2 = r0, r3 = r0;
    LoadChannels<kC>(ds, in, r0, r1, r2, r3);
    auto norm = [&](hn::Vec<decltype(ds)> raw) PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      hn::Vec<DF> v = NarrowToFloat<T>(df, raw);
      if constexpr (kIsFloatSample<T>) {
        // Float data over their datatype range, [0, 1]: t is v, clamped.
        if (p.unit_float) return ClampUnit<true>(df, v, p);
      }
      // The datatype range of unsigned and float data anchors at 0; v - 0 is v exactly.
      if (p.anchor != 0.0f) v = hn::Sub(v, hn::Set(df, p.anchor));
      const hn::Vec<DF> t = hn::MulAdd(v, hn::Set(df, p.scale), hn::Set(df, p.offset));
      if constexpr (!kIsFloatSample<T>) {
        if (p.in_bounds) return t;
      }
      return ClampUnit<kIsFloatSample<T>>(df, t, p);
    };
    MapChannels<kC>(norm, r0, r1, r2, r3, t0, t1, t2, t3);
  }
};

// v - lo_int for samples v of 32/64-bit integers in "ordered unsigned" form (signed types
// sign-flipped, so the order of values is the unsigned order), as float or double lanes of the
// same width: exact in the integers, one rounding in the conversion. Which form runs depends
// on the range, the same for every block:
//   - lo_int == 0 (the datatype range, and every range from the type's minimum down): no
//     sample lies below; v - 0 is v.
//   - lo <= hi: a sample below lo_int gives t < 0 either way, which clamps to 0, so it is
//     raised to lo_int first (its difference is 0, and v - lo_int >= 0 converts as unsigned).
//   - lo > hi (inverted), or an unclamped output: how far below matters; both signs are
//     computed, and a sample below lo_int gives a negative difference.
// The first two forms skip work that the last needs in general.
template <class DF, class VU>
HWY_INLINE hn::Vec<DF> OrderedDiff(DF df, VU v, const internal::ColorRowParams& p) {
  const hn::RebindToUnsigned<DF> du;
  const hn::RebindToSigned<DF> di;
  using TU = hn::TFromD<decltype(du)>;
  if (p.lo_int == 0) return hn::ConvertTo(df, v);
  const auto lo = hn::Set(du, static_cast<TU>(p.lo_int));
  if (p.scale_d > 0.0 && !p.clamp.unclamped) return hn::ConvertTo(df, hn::Sub(hn::Max(v, lo), lo));
  const auto msb = hn::Set(du, TU{1} << (sizeof(TU) * 8 - 1));
  const auto below = hn::Lt(hn::BitCast(di, hn::Xor(v, msb)), hn::BitCast(di, hn::Xor(lo, msb)));
  const auto up = hn::ConvertTo(df, hn::Sub(v, lo));
  const auto down = hn::Neg(hn::ConvertTo(df, hn::Sub(lo, v)));
  return hn::IfThenElse(hn::RebindMask(df, below), down, up);
}

// U32 / I32 in float lanes at full width: v - lo_int in 32-bit integers (I32 in sign-flipped
// "ordered unsigned" form), exact; then t = (diff - lo_frac) * scale in float. The difference
// converts to float with a relative error of 6e-8, which is all that matters where t is in
// [0, 1] (diff <= hi - lo there), so a U32 image near 4e9 with a narrow range keeps its
// precision without double math.
template <typename T>
struct Int32Norm {
  using DF = hn::ScalableTag<float>;
  static constexpr size_t kSampleBytes = sizeof(T);
  template <size_t kC, class V = hn::Vec<DF>>
  static HWY_INLINE void Load(const uint8_t* HWY_RESTRICT in, const internal::ColorRowParams& p,
                              V& t0, V& t1, V& t2, V& t3) {
    const DF df;
    const hn::RebindToUnsigned<DF> du;
    const hn::Rebind<T, DF> dt;
    const auto msb = hn::Set(du, 0x80000000u);
    auto r0 = hn::Zero(dt), r1 = r0, r2 = r0, r3 = r0;
    LoadChannels<kC>(dt, in, r0, r1, r2, r3);
    auto norm = [&](hn::Vec<decltype(dt)> raw) PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      auto v = hn::BitCast(du, raw);
      if constexpr (std::is_signed_v<T>) v = hn::Xor(v, msb);
      const hn::Vec<DF> diff = OrderedDiff(df, v, p);
      const auto lo_frac = hn::Set(df, static_cast<float>(p.lo_frac));
      return ClampUnit<false>(df, hn::Mul(hn::Sub(diff, lo_frac), hn::Set(df, p.scale)), p);
    };
    MapChannels<kC>(norm, r0, r1, r2, r3, t0, t1, t2, t3);
  }
};

// ---------------------------------------------------------------- wide (double math)

// Samples of 32/64-bit types (and F32 with extreme ranges) to normalized doubles.
template <typename T, class DD, class VS>
HWY_INLINE hn::Vec<DD> WideNormalize(DD dd, VS v, const internal::ColorRowParams& p) {
  using VD = hn::Vec<DD>;
  const VD scale = hn::Set(dd, p.scale_d);
  if constexpr (std::is_same_v<T, uint64_t> || std::is_same_v<T, int64_t>) {
    // v - lo_int in 64-bit integers, in "ordered unsigned" form (I64 sign-flipped), so a value
    // near 2^63 with a narrow range keeps every bit; then the fractional part in double.
    const hn::RebindToUnsigned<DD> du;
    auto vu = hn::BitCast(du, v);
    if constexpr (std::is_same_v<T, int64_t>) vu = hn::Xor(vu, hn::Set(du, uint64_t{1} << 63));
    const VD diff = OrderedDiff(dd, vu, p);
    // A degenerate range (lo == hi beyond 2^53) makes 0 * inf: NaN -> 0 as for floats.
    return ClampUnit<true>(dd, hn::Mul(hn::Sub(diff, hn::Set(dd, p.lo_frac)), scale), p);
  } else {
    VD x;
    if constexpr (std::is_same_v<T, double>) {
      x = v;
    } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, int32_t>) {
      x = hn::PromoteTo(dd, v);
    } else {  // uint32_t: flip to int32, promote, add 2^31 back (exact).
      static_assert(std::is_same_v<T, uint32_t>);
      const hn::Rebind<int32_t, DD> di32;
      const auto flipped = hn::BitCast(di32, hn::Xor(v, hn::Set(hn::Rebind<uint32_t, DD>(), 0x80000000u)));
      x = hn::Add(hn::PromoteTo(dd, flipped), hn::Set(dd, 2147483648.0));
    }
    return ClampUnit<true>(dd, hn::Mul(hn::Sub(x, hn::Set(dd, p.lo)), scale), p);
  }
}

// The float lanes of kernels that compute in double: two double vectors demote into one full
// float vector, so the float stages run at full width; the scalar target, which has no half
// vectors, runs one lane at a time.
#if HWY_TARGET == HWY_SCALAR
using WideFloatTag = hn::Rebind<float, hn::ScalableTag<double>>;
#else
using WideFloatTag = hn::ScalableTag<float>;
#endif

// 64-bit integers, F64, F32 with extreme ranges: normalized in double, then demoted into
// WideFloatTag vectors.
template <typename T>
struct WideNorm {
  using DF = WideFloatTag;
  static constexpr size_t kSampleBytes = sizeof(T);
  template <size_t kC, class V = hn::Vec<DF>>
  static HWY_INLINE void Load(const uint8_t* HWY_RESTRICT in, const internal::ColorRowParams& p,
                              V& t0, V& t1, V& t2, V& t3) {
#if HWY_TARGET == HWY_SCALAR
    const hn::ScalableTag<double> dd;
    const hn::Rebind<T, decltype(dd)> dt;
    auto r0 = hn::Zero(dt), r1 = r0, r2 = r0, r3 = r0;
    LoadChannels<kC>(dt, in, r0, r1, r2, r3);
    auto norm = [&](hn::Vec<decltype(dt)> raw) PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      return hn::DemoteTo(DF(), WideNormalize<T>(dd, raw, p));
    };
    MapChannels<kC>(norm, r0, r1, r2, r3, t0, t1, t2, t3);
#else
    const DF df;
    const hn::Half<DF> dfh;
    const hn::Rebind<double, decltype(dfh)> dd;
    const hn::Rebind<T, decltype(dd)> dt;
    auto lo0 = hn::Zero(dt), lo1 = lo0, lo2 = lo0, lo3 = lo0;
    auto hi0 = lo0, hi1 = lo0, hi2 = lo0, hi3 = lo0;
    LoadChannels<kC>(dt, in, lo0, lo1, lo2, lo3);
    LoadChannels<kC>(dt, in + hn::Lanes(dd) * kC * sizeof(T), hi0, hi1, hi2, hi3);
    // F64 over [0, 1] (its datatype range) is only a clamp, which may as well run on the
    // demoted floats, a full vector at a time: rounding to float is monotonic and the bounds
    // are floats, so the result is the same.
    const bool unit_f64 = std::is_same_v<T, double> && p.lo == 0.0 && p.scale_d == 1.0;
    auto norm = [&](hn::Vec<decltype(dt)> lo, hn::Vec<decltype(dt)> hi)
                    PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      if constexpr (std::is_same_v<T, double>) {
        if (unit_f64) {
          return ClampUnit<true>(df, hn::Combine(df, hn::DemoteTo(dfh, hi), hn::DemoteTo(dfh, lo)),
                                 p);
        }
      }
      return hn::Combine(df, hn::DemoteTo(dfh, WideNormalize<T>(dd, hi, p)),
                         hn::DemoteTo(dfh, WideNormalize<T>(dd, lo, p)));
    };
    t0 = norm(lo0, hi0);
    if constexpr (kC >= 3) {
      t1 = norm(lo1, hi1);
      t2 = norm(lo2, hi2);
    }
    if constexpr (kC == 4) t3 = norm(lo3, hi3);
#endif
  }
};

// One channel of Lanes(Norm::DF) samples at in, normalized.
template <class Norm>
HWY_INLINE hn::Vec<typename Norm::DF> LoadOne(const uint8_t* HWY_RESTRICT in,
                                              const internal::ColorRowParams& p) {
  auto t = hn::Zero(typename Norm::DF()), unused = t;
  Norm::template Load<1>(in, p, t, unused, unused, unused);
  return t;
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_COLOR_NORMALIZE_INL_H_
