// The Paeth step both Paeth kernels share (png_unfilter.cc for a row, png_paeth_block.cc for
// a block of rows), on int16 lanes holding bytes.
#if defined(PIXCONV_DECODE_PNG_PAETH_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_DECODE_PNG_PAETH_INL_H_
#undef PIXCONV_DECODE_PNG_PAETH_INL_H_
#else
#define PIXCONV_DECODE_PNG_PAETH_INL_H_
#endif

#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// x + the Paeth predictor of a (left), b (above), c (above left), before the wrap to a byte.
// Only a is on the chain from one pixel to the next: with |p - c| = |a - (2c - b)|, and x + b,
// x + c formed before a is known, a passes through a subtract, an abs, two compares and two
// selects. Ties go to a, then b, as the specification orders them.
template <class V>
HWY_INLINE V PaethSum(V x, V a, V b, V c) {
  const V pa = hn::Abs(hn::Sub(b, c));
  const V k = hn::Sub(hn::Add(c, c), b);
  const V xb = hn::Add(x, b);
  const V xc = hn::Add(x, c);
  const V pb = hn::Abs(hn::Sub(a, c));
  const V pc = hn::Abs(hn::Sub(a, k));
  const auto not_a = hn::Or(hn::Lt(pb, pa), hn::Lt(pc, pa));
  return hn::IfThenElse(not_a, hn::IfThenElse(hn::Lt(pc, pb), xc, xb), hn::Add(x, a));
}

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_DECODE_PNG_PAETH_INL_H_
