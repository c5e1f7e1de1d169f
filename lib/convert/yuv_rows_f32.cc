// Float YUV row kernels, per Highway target: RGBAF32, and RGBA8 when the transfer changes
// (lib/README.md 3.5; the shared store stage quantizes). The loaders of yuv_rows-inl.h yield exact
// integer luma (Y * 257) and chroma (x8 = (C - 128) * 256) in natural lane order; they are
// widened to float, and
//   y = Y * 257 * luma_scale + luma_offset, R = y + f_rv x8v, G = y + f_gu x8u + f_gv x8v,
//   B = y + f_bu x8u, clamped to [0, 1], then ApplyTransfer and StoreRgba (store-inl.h).
// Each value carries a few float roundings (~1e-7), far inside the 4e-6 of lib/README.md 4.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/yuv_rows_f32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <type_traits>

#include "convert/store-inl.h"
#include "convert/yuv_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace {

using DF = hn::ScalableTag<float>;
using VF = hn::Vec<DF>;

// Float vectors per int16 vector: the int16 lanes of one vector fill two float vectors (one
// on the single-lane scalar target).
#if HWY_TARGET == HWY_SCALAR
inline constexpr size_t kParts = 1;
#else
inline constexpr size_t kParts = 2;
#endif

// Widens int16 lanes (kUnsigned: uint16 bits) to float, exactly.
template <bool kUnsigned>
HWY_INLINE void Widen(V16 v, VF* out) {
  const DF df;
  const hn::RebindToSigned<DF> di;
  using D = std::conditional_t<kUnsigned, DU16, D16>;
  const auto w = hn::BitCast(D(), v);
#if HWY_TARGET == HWY_SCALAR
  out[0] = hn::ConvertTo(df, hn::PromoteTo(di, w));
#else
  const hn::Half<D> dh;
  out[0] = hn::ConvertTo(df, hn::PromoteTo(di, hn::LowerHalf(dh, w)));
  out[1] = hn::ConvertTo(df, hn::PromoteTo(di, hn::UpperHalf(dh, w)));
#endif
}

struct FloatMath {
  explicit FloatMath(const internal::YuvConstants& k)
      : scale(hn::Set(DF(), k.luma_scale)),
        offset(hn::Set(DF(), k.luma_offset)),
        rv(hn::Set(DF(), k.f_rv)),
        gu(hn::Set(DF(), k.f_gu)),
        gv(hn::Set(DF(), k.f_gv)),
        bu(hn::Set(DF(), k.f_bu)),
        finish{k.decode_srgb, k.encode_srgb, /*premultiply=*/false} {}

  HWY_INLINE VF Clamp(VF x) const {
    const DF df;
    return hn::Min(hn::Max(x, hn::Zero(df)), hn::Set(df, 1.0f));
  }

  VF scale, offset, rv, gu, gv, bu;
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
  const size_t nf = hn::Lanes(df);
  ForEachUnit<kK, kBilinear>(
      rows, width, 2 * hn::Lanes(d), kBpp, dst,
      [&](const internal::YuvRowPtrs& r, uint8_t* HWY_RESTRICT out)
          PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
        UnitSamples s;
        L::Load(d, order, r, s);
        if constexpr (L::kHalf) {
          const V16 u = s.u[0], v = s.v[0];
          order.Expand(d, u, u, s.u[0], s.u[1]);
          order.Expand(d, v, v, s.v[0], s.v[1]);
        }
        const VF one = hn::Set(df, 1.0f);
        for (size_t i = 0; i < 2; ++i) {
          VF y[kParts], u[kParts], v[kParts];
          Widen<true>(s.y[i], y);
          if constexpr (kK != YuvKind::kY8) {
            Widen<false>(s.u[i], u);
            Widen<false>(s.v[i], v);
          }
          for (size_t part = 0; part < kParts; ++part) {
            uint8_t* HWY_RESTRICT at = out + ((i * kParts + part) * nf) * kBpp;
            const VF luma = hn::MulAdd(y[part], m.scale, m.offset);
            if constexpr (kK == YuvKind::kY8) {
              VF gray = m.Clamp(luma);
              if (m.finish.decode_srgb) gray = SrgbToLinear(df, gray);
              if (m.finish.encode_srgb) gray = LinearToSrgb(df, gray);
              StoreRgba<kF32, false>(df, gray, gray, gray, one, at);
            } else {
              VF red = m.Clamp(hn::MulAdd(v[part], m.rv, luma));
              VF green = m.Clamp(hn::MulAdd(u[part], m.gu, hn::MulAdd(v[part], m.gv, luma)));
              VF blue = m.Clamp(hn::MulAdd(u[part], m.bu, luma));
              ApplyTransfer(df, m.finish, red, green, blue, one);
              StoreRgba<kF32, kSwapRB>(df, red, green, blue, one, at);
            }
          }
        }
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
