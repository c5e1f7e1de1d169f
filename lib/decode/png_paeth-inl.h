// The Paeth step of the unfilter kernels, in two forms: on int16 lanes holding bytes (the row
// kernel in png_unfilter.cc, the blocks of png_paeth_block.cc), and on byte lanes (the wide
// blocks of png_wide_blocks.cc), which carry twice the bytes per vector.
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

// PaethSum on byte lanes, wrapping like the bytes it makes. In lanes where b < c every value is
// mirrored (v -> 255 - v, an xor): that keeps |b - c|, |a - c| and |a + b - 2c|, so the
// choice, and makes b >= c. With e = b - c the choice is then a ladder in a alone (from
// 2(a - c) + e >= 0 and its like): a below c + 1 - 2e, c below c - floor(e / 2), b below b,
// and a from b on. The values are biased by 128 (the same xor as the mirror) to compare as
// signed bytes, and the thresholds formed before a is known, with signed saturation for the
// clamp: on the chain from a are an xor, a compare and three selects.
template <class D>
HWY_INLINE hn::Vec<D> PaethSumBytes(D d, hn::Vec<D> x, hn::Vec<D> a, hn::Vec<D> b, hn::Vec<D> c) {
  const hn::RebindToSigned<D> di;
  // 0x80 where b >= c, 0x7F where b < c: the mirror and the bias in one xor.
  const auto flip = hn::Xor(hn::VecFromMask(d, hn::Eq(hn::SaturatedSub(c, b), hn::Zero(d))),
                            hn::Set(d, 0x7F));
  const auto bs = hn::BitCast(di, hn::Xor(b, flip));
  const auto cs = hn::BitCast(di, hn::Xor(c, flip));
  const auto e = hn::Sub(hn::BitCast(d, bs), hn::BitCast(d, cs));  // 0 to 255
  // c + 1 - 2e with e capped at 127: from e = 128 on, c is at most 127 and the threshold
  // saturates at the bottom either way.
  const auto e_capped = hn::BitCast(di, hn::Min(e, hn::Set(d, 127)));
  const auto to_c = hn::SaturatedSub(hn::SaturatedSub(hn::SaturatedAdd(cs, hn::Set(di, 1)),
                                                      e_capped), e_capped);
  const auto to_b = hn::SaturatedSub(cs, hn::BitCast(di, hn::ShiftRight<1>(e)));
  const auto xb = hn::Add(x, b);
  const auto xc = hn::Add(x, c);
  // The mirrored, biased a below each threshold.
  const auto as = hn::BitCast(di, hn::Xor(a, flip));
  const auto below = [&](hn::Vec<decltype(di)> t) { return hn::RebindMask(d, hn::Gt(t, as)); };
  const auto xa = hn::Add(x, a);
  const auto c_or_b = hn::IfThenElse(below(to_b), xc, xb);
  const auto below_b = hn::IfThenElse(below(to_c), xa, c_or_b);
  return hn::IfThenElse(below(bs), below_b, xa);
}

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_DECODE_PNG_PAETH_INL_H_
