// IEEE binary16 -> float on every target. Highway 1.0.3 promotes F16 in software on x86
// targets without F16C (SSSE3, SSE4) and on SCALAR, and maps Inf/NaN to large finite numbers
// there, so pixconv decodes the bits itself: exact for normals and subnormals, Inf and NaN kept.

#if defined(PIXCONV_CONVERT_F16_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_F16_INL_H_
#undef PIXCONV_CONVERT_F16_INL_H_
#else
#define PIXCONV_CONVERT_F16_INL_H_
#endif

#include <cstdint>

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// `bits` holds Lanes(df) binary16 bit patterns (a uint16_t vector of the same lane count).
template <class DF, class VU16>
HWY_INLINE hn::Vec<DF> F16BitsToFloat(DF df, VU16 bits) {
#if ((HWY_TARGET == HWY_AVX2 || HWY_TARGET == HWY_AVX3 || HWY_TARGET == HWY_AVX3_DL) && \
     !defined(HWY_DISABLE_F16C)) ||                                                          \
    (HWY_ARCH_ARM_A64 && HWY_TARGET != HWY_SCALAR)
  // These targets convert in hardware (x86 F16C vcvtph2ps, ARM fcvtl / SVE fcvt), which
  // handles Inf and NaN correctly.
  return hn::PromoteTo(df, hn::BitCast(hn::Rebind<hwy::float16_t, DF>(), bits));
#else
  const hn::RebindToUnsigned<DF> du;
  const auto h = hn::PromoteTo(du, bits);
  const auto sign = hn::ShiftLeft<16>(hn::And(h, hn::Set(du, 0x8000u)));
  const auto magnitude = hn::And(h, hn::Set(du, 0x7FFFu));
  const auto shifted = hn::ShiftLeft<13>(magnitude);
  // Rebias the exponent by multiplying with 2^112: exact for normals, and it turns subnormal
  // halves (which are float subnormals after the shift) into the right normal floats.
  const auto finite = hn::Mul(hn::BitCast(df, shifted), hn::Set(df, 5.192296858534828e33f));
  const auto special = hn::BitCast(df, hn::Or(shifted, hn::Set(du, 0x7F800000u)));
  const auto is_special = hn::RebindMask(df, hn::Gt(magnitude, hn::Set(du, 0x7BFFu)));
  return hn::Or(hn::IfThenElse(is_special, special, finite), hn::BitCast(df, sign));
#endif
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_F16_INL_H_
