// The sRGB transfer curve (lib/README.md 3.5) on float vectors, for every Highway target, within
// 8e-7 of the exact double-precision curve on [0, 1] (the RGBAF32 contract is 4e-6), and its
// odd extension to every real number for outputs that are not clamped.

// Per-target include guard (toggles for each foreach_target pass).
#if defined(PIXCONV_CONVERT_SRGB_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_SRGB_INL_H_
#undef PIXCONV_CONVERT_SRGB_INL_H_
#else
#define PIXCONV_CONVERT_SRGB_INL_H_
#endif

#include <cfloat>

#include "hwy/contrib/math/math-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// The power branches by minimax fits, evaluated with Horner in float:
//   decode: ((c + 0.055) / 1.055)^2.4 = P8(c), a polynomial of degree 8 on [0.04045, 1];
//   encode: 1.055 s^(2/2.4) - 0.055 = P(s) / Q(s) with s = sqrt(c), rational of degree (4, 4)
//           on [sqrt(0.0031308), 1].
// Fit error 5.6e-7 / 9.8e-8; with float rounding the largest error over a dense sweep is under
// 8e-7 (tests/convert/transfer_curve_test.cc, on every target). Decoding is what every RGBAF32
// conversion of sRGB data does (the default), so it gets the cheapest form: 8 FMAs and no
// division or table lookups.

// Newton steps that refine ApproximateReciprocal to float precision: each squares the relative
// error. x86's estimate has 12 bits (SSE, AVX2) or 14 (AVX-512), so one step suffices; ARM's
// FRECPE has 8, and one step would leave errors near 1e-5.
inline constexpr int kReciprocalNewtonSteps = HWY_ARCH_ARM ? 2 : 1;

// (4, 4) rational: P(x) / Q(x). Q >= 1 on the encode fit's interval, so a reciprocal estimate
// refined by Newton steps replaces Div, whose throughput is poor.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V Rational44(DF df, V x, const float (&p)[5], const float (&q)[5]) {
  V num = hn::Set(df, p[4]);
  V den = hn::Set(df, q[4]);
  for (int k = 3; k >= 0; --k) {
    num = hn::MulAdd(num, x, hn::Set(df, p[k]));
    den = hn::MulAdd(den, x, hn::Set(df, q[k]));
  }
  V r = hn::ApproximateReciprocal(den);
  for (int step = 0; step < kReciprocalNewtonSteps; ++step) {
    r = hn::MulAdd(r, hn::NegMulAdd(den, r, hn::Set(df, 1.0f)), r);
  }
  return hn::Mul(num, r);
}

// c in [0, 1] (sRGB-encoded) -> linear: c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V SrgbToLinear(DF df, V c) {
  static constexpr float kP[9] = {
      0.0008526087845229689f, 0.03538465619853154f, 0.4840853931134736f,
      0.8716665948605614f,    -0.8998974238985878f, 1.017003675220774f,
      -0.8128022279849303f,   0.38202266100916454f, -0.07831649807248256f};
  V power = hn::Set(df, kP[8]);
  for (int k = 7; k >= 0; --k) power = hn::MulAdd(power, c, hn::Set(df, kP[k]));
  const V linear = hn::Mul(c, hn::Set(df, 1.0f / 12.92f));
  return hn::IfThenElse(hn::Le(c, hn::Set(df, 0.04045f)), linear, power);
}

// c in [0, 1] (linear) -> sRGB: c <= 0.0031308 ? 12.92 c : 1.055 c^(1/2.4) - 0.055.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V LinearToSrgb(DF df, V c) {
  static constexpr float kP[5] = {-0.051120415569574758f, 0.52637651490897763f,
                                  38.861897734139276f, 146.74972441862749f, 73.189798127074837f};
  static constexpr float kQ[5] = {1.0f, 30.229438819235138f, 133.47205372771319f,
                                  92.161489320284389f, 2.413719851560475f};
  const V threshold = hn::Set(df, 0.0031308f);
  const V linear = hn::Mul(c, hn::Set(df, 12.92f));
  // The clamp keeps the fit inside its interval in lanes that take `linear`.
  const V s = hn::Sqrt(hn::Max(c, threshold));
  return hn::IfThenElse(hn::Le(c, threshold), linear, Rational44(df, s, kP, kQ));
}

// ---------------------------------------------------------------- extended curves

// y limited to [-FLT_MAX, FLT_MAX], in float or double lanes: what keeps an unclamped output
// finite (an infinite result saturates, as an infinite input does).
template <class D, class V = hn::Vec<D>>
HWY_INLINE V SaturateToFloat(D d, V y) {
  const V limit = hn::Set(d, static_cast<hn::TFromD<D>>(FLT_MAX));
  return hn::Min(hn::Max(y, hn::Neg(limit)), limit);
}

// f(x) with f computed in double lanes, saturated to +-FLT_MAX and rounded to float.
template <class DF, class F, class V = hn::Vec<DF>>
HWY_INLINE V MapInDouble(DF df, V x, const F& f) {
#if HWY_TARGET == HWY_SCALAR
  const hn::Rebind<double, DF> dd;
  return hn::DemoteTo(df, SaturateToFloat(dd, f(dd, hn::PromoteTo(dd, x))));
#else
  const hn::Half<DF> dh;
  const hn::Rebind<double, decltype(dh)> dd;
  const auto lo = SaturateToFloat(dd, f(dd, hn::PromoteTo(dd, hn::LowerHalf(dh, x))));
  const auto hi = SaturateToFloat(dd, f(dd, hn::PromoteTo(dd, hn::UpperHalf(dh, x))));
  return hn::Combine(df, hn::DemoteTo(dh, hi), hn::DemoteTo(dh, lo));
#endif
}

// The power segments of the curves for magnitudes x > 1, in double: decode
// ((x + 0.055) / 1.055)^2.4, encode 1.055 x^(1/2.4) - 0.055. Out of line: they run only for
// vectors that hold such values, and every kernel that inlined them would carry their code.
template <class DF, class V = hn::Vec<DF>>
HWY_NOINLINE V DecodePowerAboveOne(DF df, V x) {
  return MapInDouble(df, x, [](auto dd, auto v) HWY_ATTR {
    const auto base = hn::Mul(hn::Add(v, hn::Set(dd, 0.055)), hn::Set(dd, 1.0 / 1.055));
    return hn::Exp(dd, hn::Mul(hn::Set(dd, 2.4), hn::Log(dd, base)));
  });
}

template <class DF, class V = hn::Vec<DF>>
HWY_NOINLINE V EncodePowerAboveOne(DF df, V x) {
  return MapInDouble(df, x, [](auto dd, auto v) HWY_ATTR {
    const auto power = hn::Exp(dd, hn::Mul(hn::Set(dd, 1.0 / 2.4), hn::Log(dd, v)));
    return hn::MulSub(power, hn::Set(dd, 1.055), hn::Set(dd, 0.055));
  });
}

// The curve of kDecode (SrgbToLinear) or not (LinearToSrgb); with `extended`, on every finite
// float, for outputs that keep values outside [0, 1] (lib/README.md 3.5): odd, f(-c) = -f(c),
// the power segment continued above 1 and the result saturated to +-FLT_MAX. Values in
// [-1, 1] take the fits above; larger magnitudes take the power segment in double, which
// keeps the result within float rounding. One inlined copy of the fit serves both forms.
template <bool kDecode, class DF, class V = hn::Vec<DF>>
HWY_INLINE V SrgbCurve(DF df, V c, bool extended) {
  const V one = hn::Set(df, 1.0f);
  const V a = hn::Abs(c);
  const V in = extended ? hn::Min(a, one) : c;
  V y = kDecode ? SrgbToLinear(df, in) : LinearToSrgb(df, in);
  if (!extended) return y;
  const auto beyond = hn::Gt(a, one);
  if (HWY_UNLIKELY(!hn::AllFalse(df, beyond))) {
    // Log's domain is (0, FLT_MAX]: the Min keeps every lane inside it.
    const V x = hn::Min(hn::Max(a, one), hn::Set(df, FLT_MAX));
    y = hn::IfThenElse(beyond, kDecode ? DecodePowerAboveOne(df, x) : EncodePowerAboveOne(df, x),
                       y);
  }
  return hn::CopySign(y, c);
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_SRGB_INL_H_
