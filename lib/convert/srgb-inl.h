// The exact sRGB transfer curve (DESIGN.md 3.5) on float vectors, for every Highway target.
// Accuracy: within a few 1e-7 of the double-precision curve on [0, 1], well inside the
// 4e-6 RGBAF32 contract; Exp/Log come from hwy/contrib/math (about 1 ulp each).

// Per-target include guard (toggles for each foreach_target pass).
#if defined(PIXCONV_CONVERT_SRGB_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_SRGB_INL_H_
#undef PIXCONV_CONVERT_SRGB_INL_H_
#else
#define PIXCONV_CONVERT_SRGB_INL_H_
#endif

#include "hwy/contrib/math/math-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// c in [0, 1] (sRGB-encoded) -> linear: c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V SrgbToLinear(DF df, V c) {
  const V linear = hn::Mul(c, hn::Set(df, 1.0f / 12.92f));
  const V base = hn::MulAdd(c, hn::Set(df, 1.0f / 1.055f), hn::Set(df, 0.055f / 1.055f));
  // base >= 0.052 for c >= 0, so Log is finite; pow(base, 2.4) = exp(2.4 * log(base)).
  const V power = hn::Exp(df, hn::Mul(hn::Set(df, 2.4f), hn::Log(df, base)));
  return hn::IfThenElse(hn::Le(c, hn::Set(df, 0.04045f)), linear, power);
}

// c in [0, 1] (linear) -> sRGB: c <= 0.0031308 ? 12.92 c : 1.055 c^(1/2.4) - 0.055.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V LinearToSrgb(DF df, V c) {
  const V threshold = hn::Set(df, 0.0031308f);
  const V linear = hn::Mul(c, hn::Set(df, 12.92f));
  // Clamp the pow branch's input away from 0 so Log stays finite in lanes that take `linear`.
  const V safe = hn::Max(c, threshold);
  const V root = hn::Exp(df, hn::Mul(hn::Set(df, 1.0f / 2.4f), hn::Log(df, safe)));
  const V power = hn::MulAdd(root, hn::Set(df, 1.055f), hn::Set(df, -0.055f));
  return hn::IfThenElse(hn::Le(c, threshold), linear, power);
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_SRGB_INL_H_
