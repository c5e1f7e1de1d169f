// The last stage of every kernel: transfer, premultiply, quantize and store four float channel
// vectors (values in [0, 1] unless the output is unclamped, RGBA order) as RGBA8 or RGBAF32
// pixels (lib/README.md 3.5-3.7).
// Works for any float descriptor, full or partial, so kernels that compute in double and
// demote to half-width float vectors share it.

#if defined(PIXCONV_CONVERT_STORE_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_STORE_INL_H_
#undef PIXCONV_CONVERT_STORE_INL_H_
#else
#define PIXCONV_CONVERT_STORE_INL_H_
#endif

#include <cstdint>

#include "convert/srgb-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Transfer options shared by the color-model and YUV kernels.
struct FinishOptions {
  bool decode_srgb;  // RGB: sRGB -> linear
  bool encode_srgb;  // RGB: linear -> sRGB
  bool premultiply;  // RGB *= A (after the transfer)
  bool unclamped = false;  // values lie in [-FLT_MAX, FLT_MAX], not [0, 1]: extended curves
};

// The transfer of one color channel: decode, encode or nothing, as the options say.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V TransferColor(DF df, const FinishOptions& o, V t) {
  if (o.decode_srgb) return SrgbCurve<true>(df, t, o.unclamped);
  if (o.encode_srgb) return SrgbCurve<false>(df, t, o.unclamped);
  return t;
}

// Applies the transfer and premultiply steps in place. Alpha is never transferred.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE void ApplyTransfer(DF df, const FinishOptions& o, V& r, V& g, V& b, V a) {
  if (o.decode_srgb || o.encode_srgb) {
    r = TransferColor(df, o, r);
    g = TransferColor(df, o, g);
    b = TransferColor(df, o, b);
  }
  if (o.premultiply) {
    r = hn::Mul(r, a);
    g = hn::Mul(g, a);
    b = hn::Mul(b, a);
    if (o.unclamped) {  // the product of two unclamped values can overflow
      r = SaturateToFloat(df, r);
      g = SaturateToFloat(df, g);
      b = SaturateToFloat(df, b);
    }
  }
}

// floor(x * 255 + 0.5) for x in [0, 1], as 32-bit integers. The float result is >= 0.5, so
// truncation toward zero (ConvertTo) is floor; the Min guards the byte packing below against
// a transfer curve's rounding above 1.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE auto QuantizeU8(DF df, V x) {
  const hn::RebindToSigned<DF> di;
  const hn::RebindToUnsigned<DF> du;
  const V q = hn::MulAdd(x, hn::Set(df, 255.0f), hn::Set(df, 0.5f));
  return hn::Min(hn::BitCast(du, hn::ConvertTo(di, q)), hn::Set(du, 255u));
}

// Stores Lanes(df) pixels. `swap_rb` exchanges R and B (BGRA output, or BGR input). Each
// pixel is packed into one 32-bit lane (R in the lowest byte: memory order R, G, B, A on
// every little-endian target), much cheaper than interleaving four byte vectors.
template <bool kSwapRB, class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreRgba8(DF df, V r, V g, V b, V a, uint8_t* HWY_RESTRICT dst) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "RGBA8 packing assumes little-endian lanes");
  const hn::RebindToUnsigned<DF> du;
  const auto first = QuantizeU8(df, kSwapRB ? b : r);
  const auto third = QuantizeU8(df, kSwapRB ? r : b);
  const auto packed = hn::Or(hn::Or(first, hn::ShiftLeft<8>(QuantizeU8(df, g))),
                             hn::Or(hn::ShiftLeft<16>(third), hn::ShiftLeft<24>(QuantizeU8(df, a))));
  hn::StoreU(packed, du, reinterpret_cast<uint32_t*>(dst));
}

template <bool kSwapRB, class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreRgbaF32(DF df, V r, V g, V b, V a, uint8_t* HWY_RESTRICT dst) {
  float* HWY_RESTRICT out = reinterpret_cast<float*>(dst);
  if constexpr (kSwapRB) {
    hn::StoreInterleaved4(b, g, r, a, df, out);
  } else {
    hn::StoreInterleaved4(r, g, b, a, df, out);
  }
}

// Output type as a compile-time parameter: RGBA8 (false) or RGBAF32 (true).
template <bool kF32, bool kSwapRB, class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreRgba(DF df, V r, V g, V b, V a, uint8_t* HWY_RESTRICT dst) {
  if constexpr (kF32) {
    StoreRgbaF32<kSwapRB>(df, r, g, b, a, dst);
  } else {
    StoreRgba8<kSwapRB>(df, r, g, b, a, dst);
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_STORE_INL_H_
