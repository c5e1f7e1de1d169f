// Colormap row kernels (lib/README.md 3.4): an L image of any datatype, normalized by the
// color-model normalizers (NarrowNorm / Int32Norm / WideNorm, so every range mode and the
// precision rules of ColorRowParams carry over), then each channel a clamped polynomial of t
// (colormap_plan.h), then the shared store stage. The colormap's colors are sRGB-encoded:
// RGBA8 (sRGB output) stores them as they are, a linear output decodes them.
// RGBA8 output gathers from the colormap's table instead (see kColormapLutSize for why and
// how accurately); RGBAF32 evaluates the polynomials.

#if defined(PIXCONV_CONVERT_COLORMAP_ROWS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_COLORMAP_ROWS_INL_H_
#undef PIXCONV_CONVERT_COLORMAP_ROWS_INL_H_
#else
#define PIXCONV_CONVERT_COLORMAP_ROWS_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "convert/color_plan.h"
#include "convert/color_rows-inl.h"
#include "convert/row_loop-inl.h"
#include "convert/store-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// c[0] + t (c[1] + t (c[2] + ...)), clamped to [0, 1] (the spec clamps every channel), for
// float or double vectors. Each coefficient is broadcast where it is used (as a memory operand
// on x86), so no vectors are kept in arrays (SVE can not).
template <class D, class V = hn::Vec<D>>
HWY_INLINE V ClampedHorner(D d, V t, const double (&c)[7]) {
  V acc = hn::Set(d, c[6]);
  for (int k = 5; k >= 0; --k) acc = hn::MulAdd(acc, t, hn::Set(d, c[k]));
  return hn::Min(hn::Max(acc, hn::Zero(d)), hn::Set(d, 1.0));
}

// One channel of an RGBAF32 colormap: Horner in double (see colormap_plan.h for why), on the
// two halves of the float vector, demoted back into one float vector.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE V ChannelInDouble(DF df, V t, const double (&coeff)[7]) {
#if HWY_TARGET == HWY_SCALAR
  const hn::Rebind<double, DF> dd;
  return hn::DemoteTo(df, ClampedHorner(dd, hn::PromoteTo(dd, t), coeff));
#else
  const hn::Half<DF> dh;
  const hn::Rebind<double, decltype(dh)> dd;
  const auto lo = ClampedHorner(dd, hn::PromoteTo(dd, hn::LowerHalf(dh, t)), coeff);
  const auto hi = ClampedHorner(dd, hn::PromoteTo(dd, hn::UpperHalf(dh, t)), coeff);
  return hn::Combine(df, hn::DemoteTo(dh, hi), hn::DemoteTo(dh, lo));
#endif
}

// Norm: the color-model normalizer of the datatype. Only the L layout exists; kSwapRB is BGRA
// output.
template <class Norm>
struct ColormapKernel {
  template <bool kSwapRB, bool kF32>
  static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                  const internal::ColorRowParams& params) {
    const internal::ColorRowParams p = params;  // unaliased by the output (GeneralKernel)
    using DF = typename Norm::DF;
    using V = hn::Vec<DF>;
    const DF df;
    const V one = hn::Set(df, 1.0f);
    // Alpha is 1, so premultiply is the identity; only the decode to linear remains.
    const FinishOptions o{p.decode_srgb, false, false};
    const internal::ColormapPoly& poly = *p.colormap;
    if constexpr (!kF32) {
      // The table is in the output's channel order and already holds alpha.
      const hn::RebindToSigned<DF> di;
      const hn::RebindToUnsigned<DF> du;
      const V scale = hn::Set(df, static_cast<float>(internal::kColormapLutSize - 1));
      const V half = hn::Set(df, 0.5f);
      ForEachBlock(width, hn::Lanes(df), Norm::kSampleBytes, 4, src, dst,
                   [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                       PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                     const V t = LoadOne<Norm>(in, p);
                     const auto index = hn::ConvertTo(di, hn::MulAdd(t, scale, half));
                     hn::StoreU(hn::GatherIndex(du, p.colormap_lut, index), du,
                                reinterpret_cast<uint32_t*>(out));
                   }, p.stream);
      return;
    }
    // Not PIXCONV_ALWAYS_INLINE_LAMBDA: this body is large, forcing it into both call sites
    // doubled the file's compile time, and no measurement showed it faster.
    ForEachBlock(width, hn::Lanes(df), Norm::kSampleBytes, kF32 ? 16 : 4, src, dst,
                 [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out) HWY_ATTR {
                   const V t = LoadOne<Norm>(in, p);
                   V r = ChannelInDouble(df, t, poly.coeff[0]);
                   V g = ChannelInDouble(df, t, poly.coeff[1]);
                   V b = ChannelInDouble(df, t, poly.coeff[2]);
                   ApplyTransfer(df, o, r, g, b, one);
                   StoreRgba<kF32, kSwapRB>(df, r, g, b, one, out);
                 }, p.stream);
  }
};

// The kernel for a datatype's normalizer, by output type and order.
template <class Norm>
internal::ColorRowFn PickColormapOutput(const internal::ColorKernelKey& key) {
  using K = ColormapKernel<Norm>;
  if (key.out == OutputType::RGBAF32) {
    return key.swap_rb ? &K::template Run<true, true> : &K::template Run<false, true>;
  }
  return &K::template Run<false, false>;  // the table holds the channel order
}

// The same normalizer choice as PickSample in color_select-inl.h.
template <typename T>
internal::ColorRowFn PickColormapSample(const internal::ColorKernelKey& key) {
  if constexpr (std::is_same_v<T, float>) {
    if (key.wide_math) return PickColormapOutput<WideNorm<float>>(key);
  }
  if constexpr (sizeof(StorageT<T>) <= 2 || std::is_same_v<T, float>) {
    return PickColormapOutput<NarrowNorm<T>>(key);
  } else if constexpr (std::is_same_v<T, uint32_t> || std::is_same_v<T, int32_t>) {
    return PickColormapOutput<Int32Norm<T>>(key);
  } else {
    return PickColormapOutput<WideNorm<T>>(key);
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_COLORMAP_ROWS_INL_H_
