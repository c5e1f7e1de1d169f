// The general color-model kernel (any ChannelDatatype x L/RGB/RGBA/BGR/BGRA to RGBA8 or
// RGBAF32): Load (color_normalize-inl.h) -> Finish (swizzle, transfer, premultiply, quantize,
// store), or, where the output is a fixed rearrangement of the samples, a stream of samples in
// memory order. Exact kernels: color_exact-inl.h; the choice per key: color_select-inl.h.
#if defined(PIXCONV_CONVERT_COLOR_ROWS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_COLOR_ROWS_INL_H_
#undef PIXCONV_CONVERT_COLOR_ROWS_INL_H_
#else
#define PIXCONV_CONVERT_COLOR_ROWS_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "convert/color_normalize-inl.h"
#include "convert/color_plan.h"
#include "convert/row_loop-inl.h"
#include "convert/sample_expand-inl.h"
#include "convert/store-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Swizzles the normalized channels t0.. into RGBA, then transfer, premultiply, store.
template <size_t kC, bool kSwapRB, bool kF32, class DF, class V = hn::Vec<DF>>
HWY_INLINE void Finish(DF df, const FinishOptions& o, V t0, V t1, V t2, V t3,
                       uint8_t* HWY_RESTRICT out) {
  const V one = hn::Set(df, 1.0f);
  if constexpr (kC == 1) {
    (void)t1;
    (void)t2;
    (void)t3;
    const V l = TransferColor(df, o, t0);
#if PIXCONV_HAVE_SAMPLE_EXPAND
    if constexpr (kF32) {
      StoreGrayAsRgbaF32(df, l, out);
      return;
    }
#endif
    StoreRgba<kF32, false>(df, l, l, l, one, out);
  } else {
    V r = t0, g = t1, b = t2;
    const V a = (kC == 4) ? t3 : one;
    ApplyTransfer(df, o, r, g, b, a);
    StoreRgba<kF32, kSwapRB>(df, r, g, b, a, out);
  }
}

inline FinishOptions ToFinish(const internal::ColorRowParams& p) {
  return FinishOptions{p.decode_srgb, p.encode_srgb, p.premultiply, p.clamp.unclamped};
}

// Stores samples in memory order (whole RGBA pixels) as RGBAF32 or RGBA8.
template <bool kF32, class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreSamples(DF df, V t, uint8_t* HWY_RESTRICT out) {
  if constexpr (kF32) {
    hn::StoreU(t, df, reinterpret_cast<float*>(out));
  } else {
    const hn::RebindToSigned<DF> di;
    const hn::Rebind<uint8_t, DF> d8;
    hn::StoreU(hn::DemoteTo(d8, hn::BitCast(di, QuantizeU8(df, t))), d8, out);
  }
}

// The last stage for kernels that keep samples in memory order (RGBA in, RGBA out) and have
// a transfer: it skips every fourth lane (alpha), then the samples are stored as they are.
template <bool kF32, class DF, class V = hn::Vec<DF>>
HWY_INLINE void TransferSamples(DF df, const FinishOptions& o, V t, uint8_t* HWY_RESTRICT out) {
  const hn::RebindToSigned<DF> di;
  const auto three = hn::Set(di, 3);
  const auto is_alpha = hn::RebindMask(df, hn::Eq(hn::And(hn::Iota(di, 0), three), three));
  StoreSamples<kF32>(df, hn::IfThenElse(is_alpha, t, TransferColor(df, o, t)), out);
}

// The color-model kernel: Norm loads and normalizes, Finish swizzles, transfers, stores.
// Where the output pixels are a fixed rearrangement of the input samples, the kernel skips
// the (de)interleaving and streams samples straight through in memory order: RGBA input
// without premultiply, and on AVX2 / AVX-512 RGB and BGR input to RGBAF32
// (sample_expand-inl.h).
template <class Norm>
struct GeneralKernel {
  template <size_t kC, bool kSwapRB, bool kF32>
  struct K {
    static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& params) {
      // A local copy: the output's byte stores may alias the caller's params, which would
      // make the compiler reload every constant after each store; they can not alias this.
      const internal::ColorRowParams p = params;
      using DF = typename Norm::DF;
      const DF df;
      const size_t n = hn::Lanes(df);
      const FinishOptions o = ToFinish(p);
      constexpr size_t kOutBytes = kF32 ? 16 : 4;  // per pixel
#if PIXCONV_HAVE_SAMPLE_EXPAND
      // On AVX2 the expansion costs two permutes and two blends per output vector, which
      // only pays against the (de)interleaving of 8- and 16-bit samples.
      constexpr bool kRgbSampleStream =
          kC == 3 && kF32 && (HWY_TARGET != HWY_AVX2 || Norm::kSampleBytes <= 2);
      if constexpr (kRgbSampleStream) {
        // Every RGB sample is a color sample: normalized and transferred alike, in place.
        ForEachBlock(width, n, 3 * Norm::kSampleBytes, 16, src, dst,
                     [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                       auto sample = [&](size_t k) HWY_ATTR {
                         return TransferColor(
                             df, o, LoadOne<Norm>(in + k * n * Norm::kSampleBytes, p));
                       };
                       StoreRgbSamplesAsRgbaF32<kSwapRB>(df, sample(0), sample(1), sample(2),
                                                         out);
                     }, p.stream);
        return;
      }
#endif
      const bool transfer = o.decode_srgb || o.encode_srgb;
#if PIXCONV_HAVE_RGBA_COLOR_PACK
      if constexpr (kC == 4) {
        // With a transfer: 16 pixels as four sample vectors, whose color samples are packed
        // into three for the curve (sample_expand-inl.h). RGBA and BGRA alike, samples of up
        // to 32 bits: 64-bit samples keep the paths below, which stream large outputs faster
        // (bench/README.md, notes on performance).
        if (transfer && !p.premultiply && Norm::kSampleBytes <= 4) {
          ForEachBlock(width, n, 4 * Norm::kSampleBytes, kOutBytes, src, dst,
                       [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                           PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                         hn::Vec<DF> v[4], c[3];
                         for (size_t k = 0; k < 4; ++k) {
                           v[k] = LoadOne<Norm>(in + k * n * Norm::kSampleBytes, p);
                         }
                         RgbaSamplesToPacked(df, v, c);
                         for (size_t k = 0; k < 3; ++k) c[k] = TransferColor(df, o, c[k]);
                         PackedToRgbaSamples<kSwapRB>(df, c, v);
                         for (size_t k = 0; k < 4; ++k) {
                           StoreSamples<kF32>(df, v[k], out + k * (n / 4) * kOutBytes);
                         }
                       }, p.stream);
          return;
        }
      }
#endif
      if constexpr (kC == 4 && !kSwapRB) {
        // Blocks of n samples are n / 4 whole pixels, so every block starts on a pixel.
        if (!p.premultiply && n % 4 == 0 && !transfer) {
          // Without a transfer every sample is normalized alike: a plain stream, in a loop of
          // its own that the transfer's code and registers stay out of.
          ForEachBlock(width, n / 4, 4 * Norm::kSampleBytes, kOutBytes, src, dst,
                       [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                           PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                         StoreSamples<kF32>(df, LoadOne<Norm>(in, p), out);
                       }, p.stream);
          return;
        }
        // With a transfer, the sample stream would run the sRGB curve on alpha too (a
        // quarter more of the dominant cost); 8- and 16-bit samples deinterleave cheaply,
        // so they take the per-channel path then. Wider samples keep the sample stream.
        if (!p.premultiply && n % 4 == 0 && Norm::kSampleBytes > 2) {
          // TransferSamples finds alpha in every fourth lane.
          ForEachBlock(width, n / 4, 4 * Norm::kSampleBytes, kOutBytes, src, dst,
                       [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                           PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                         TransferSamples<kF32>(df, o, LoadOne<Norm>(in, p), out);
                       }, p.stream);
          return;
        }
      }
      ForEachBlock(width, n, kC * Norm::kSampleBytes, kOutBytes, src, dst,
                   [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                       PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                     auto t0 = hn::Zero(df), t1 = t0, t2 = t0, t3 = t0;
                     Norm::template Load<kC>(in, p, t0, t1, t2, t3);
                     Finish<kC, kSwapRB, kF32>(df, o, t0, t1, t2, t3, out);
                   }, p.stream);
    }
  };
};

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_COLOR_ROWS_INL_H_
