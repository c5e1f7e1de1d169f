// Float YUV row kernels, per Highway target: RGBAF32, and RGBA8 when the transfer changes
// (lib/README.md 3.5; the shared store stage quantizes). The loaders of yuv_loaders-inl.h yield
// exact integer luma (Y * 257) and chroma (x8 = (C - 128) * 256) in natural lane order; they
// are widened to float, and
//   y = Y * 257 * luma_scale + luma_offset, R = y + f_rv x8v, G = y + f_gu x8u + f_gv x8v,
//   B = y + f_bu x8u, clamped to [0, 1] (unless unclamped), then ApplyTransfer and StoreRgba
//   (store-inl.h).
// Each value carries a few float roundings (~1e-7), far inside the 4e-6 of lib/README.md 4.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/yuv_rows_float.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <type_traits>

#include "convert/broadcast-inl.h"
#include "convert/store-inl.h"
#include "convert/yuv_lane_order-inl.h"
#include "convert/yuv_loaders-inl.h"
#include "convert/yuv_row_loop-inl.h"
#include "convert/yuv_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace {

using DF = hn::ScalableTag<float>;
using VF = hn::Vec<DF>;

// Widens int16 lanes (kUnsigned: uint16 bits) to float, exactly: the lower (kUpper false) or
// upper half of them, which fill one float vector. The scalar target has one lane, no halves.
template <bool kUnsigned, bool kUpper>
HWY_INLINE VF Widen(V16 v) {
  const DF df;
  const hn::RebindToSigned<DF> di;
  using D = std::conditional_t<kUnsigned, DU16, D16>;
  const auto w = hn::BitCast(D(), v);
#if HWY_TARGET == HWY_SCALAR
  static_assert(!kUpper, "one lane has no upper half");
  return hn::ConvertTo(df, hn::PromoteTo(di, w));
#else
  const hn::Half<D> dh;
  return hn::ConvertTo(df, hn::PromoteTo(di, kUpper ? hn::UpperHalf(dh, w) : hn::LowerHalf(dh, w)));
#endif
}

struct FloatMath {
  explicit FloatMath(const internal::YuvConstants& k)
      : scale(k.luma_scale),
        offset(k.luma_offset),
        rv(k.f_rv),
        gu(k.f_gu),
        gv(k.f_gv),
        bu(k.f_bu),
        lower(k.clamp.lower),
        upper(k.clamp.upper),
        finish{k.decode_srgb, k.encode_srgb, /*premultiply=*/false, k.clamp.unclamped} {}

  HWY_INLINE VF Clamp(VF x) const { return hn::Min(hn::Max(x, lower()), upper()); }

  Broadcast<DF> scale, offset, rv, gu, gv, bu, lower, upper;
  FinishOptions finish;
};

template <YuvKind kK, bool kBilinear, bool kSwapRB, bool kF32>
void RowFloat(const internal::YuvRowPtrs& rows, uint8_t* HWY_RESTRICT dst, size_t width,
              const internal::YuvConstants& k) {
  using L = Loader<kK, kBilinear, Order::kNatural>;
  const D16 d;
  const DF df;
  const FloatMath m(k);
  const LaneOrder<L::kOrder> order;
  constexpr size_t kBpp = kF32 ? 16 : 4;
  // Converts and stores Lanes(df) pixels from float luma y and chroma u, v.
  auto convert = [&](VF y, VF u, VF v, uint8_t* HWY_RESTRICT at)
                     PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
    const VF one = hn::Set(df, 1.0f);
    const VF luma = hn::MulAdd(y, m.scale(), m.offset());
    if constexpr (kK == YuvKind::kY8) {
      (void)u;
      (void)v;
      VF gray = m.Clamp(luma);
      gray = TransferColor(df, m.finish, gray);
      StoreRgba<kF32, false>(df, gray, gray, gray, one, at);
    } else {
      VF red = m.Clamp(hn::MulAdd(v, m.rv(), luma));
      VF green = m.Clamp(hn::MulAdd(u, m.gu(), hn::MulAdd(v, m.gv(), luma)));
      VF blue = m.Clamp(hn::MulAdd(u, m.bu(), luma));
      ApplyTransfer(df, m.finish, red, green, blue, one);
      StoreRgba<kF32, kSwapRB>(df, red, green, blue, one, at);
    }
  };
  // Converts and stores the Lanes(d) pixels of one half unit (luma y, chroma u and v).
  auto half = [&](V16 y, V16 u, V16 v, uint8_t* HWY_RESTRICT out)
                  PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
    convert(Widen<true, false>(y), Widen<false, false>(u), Widen<false, false>(v), out);
#if HWY_TARGET != HWY_SCALAR
    convert(Widen<true, true>(y), Widen<false, true>(u), Widen<false, true>(v),
            out + hn::Lanes(df) * kBpp);
#endif
  };
  ForEachUnit<kK, kBilinear>(
      rows, width, 2 * hn::Lanes(d), kBpp, dst,
      [&](const internal::YuvRowPtrs& r, uint8_t* HWY_RESTRICT out)
          PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
        V16 y0 = hn::Zero(d), y1 = y0, u0 = y0, u1 = y0, v0 = y0, v1 = y0;
        L::Load(d, order, r, y0, y1, u0, u1, v0, v1);
        if constexpr (L::kHalf) {
          const V16 u = u0, v = v0;
          order.Expand(d, u, u, u0, u1);
          order.Expand(d, v, v, v0, v1);
        }
        half(y0, u0, v0, out);
        half(y1, u1, v1, out + hn::Lanes(d) * kBpp);
      }, k.stream);
}

template <YuvKind kK, bool kBilinear>
struct PickFloat {
  static internal::YuvRowFn Get(const internal::YuvKernelKey& key) {
    if (key.out == OutputType::RGBAF32) {
      return key.swap_rb ? &RowFloat<kK, kBilinear, true, true>
                         : &RowFloat<kK, kBilinear, false, true>;
    }
    return key.swap_rb ? &RowFloat<kK, kBilinear, true, false>
                       : &RowFloat<kK, kBilinear, false, false>;
  }
};

}  // namespace

internal::YuvRowFn PickYuvRowFloat(const internal::YuvKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  return PickKind<PickFloat>(key);
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickYuvRowFloat);

YuvRowFn SelectYuvRowFloat(const YuvKernelKey& key, const char** target_name) {
  return HWY_DYNAMIC_DISPATCH(PickYuvRowFloat)(key, target_name);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
