// The sRGB transfer curve (DESIGN.md 3.5) on float vectors, for every Highway target, within
// 5e-7 of the exact double-precision curve on [0, 1] (the RGBAF32 contract is 4e-6).

// Per-target include guard (toggles for each foreach_target pass).
#if defined(PIXCONV_CONVERT_SRGB_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_SRGB_INL_H_
#undef PIXCONV_CONVERT_SRGB_INL_H_
#else
#define PIXCONV_CONVERT_SRGB_INL_H_
#endif

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Rational minimax fits of the power branches, evaluated with Horner in float:
//   decode: ((c + 0.055) / 1.055)^2.4 = P(c) / Q(c) on [0.04045, 1];
//   encode: 1.055 s^(2/2.4) - 0.055 = P(s) / Q(s) with s = sqrt(c), on [sqrt(0.0031308), 1].
// Fit error 2.3e-8 / 9.8e-8; with float rounding the largest error measured over 2e6 points
// is 2.7e-7 / 4.5e-7 (and tests/convert checks every kernel against the exact double curve).
// About 4x faster than pow via Exp(Log()), which dominated every RGBAF32 conversion.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V Rational44(DF df, V x, const float (&p)[5], const float (&q)[5]) {
  V num = hn::Set(df, p[4]);
  V den = hn::Set(df, q[4]);
  for (int k = 3; k >= 0; --k) {
    num = hn::MulAdd(num, x, hn::Set(df, p[k]));
    den = hn::MulAdd(den, x, hn::Set(df, q[k]));
  }
  return hn::Div(num, den);
}

// c in [0, 1] (sRGB-encoded) -> linear: c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V SrgbToLinear(DF df, V c) {
  static constexpr float kP[5] = {0.00083600933197898008f, 0.039654147330621392f,
                                  0.61736738569226579f, 3.0250634842726365f, 3.1194854941034045f};
  static constexpr float kQ[5] = {1.0f, 4.0920508989794069f, 1.8950251748658615f,
                                  -0.20944629594355813f, 0.024776901865228098f};
  const V linear = hn::Mul(c, hn::Set(df, 1.0f / 12.92f));
  return hn::IfThenElse(hn::Le(c, hn::Set(df, 0.04045f)), linear, Rational44(df, c, kP, kQ));
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

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_SRGB_INL_H_
