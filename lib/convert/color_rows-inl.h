// Row kernels for color-model images (any ChannelDatatype x L/RGB/RGBA/BGR/BGRA) to RGBA8 or
// RGBAF32, written once as templates and instantiated per Highway target by the
// color_rows_*.cc files (one per sample width, so the instantiations build in parallel).
//
// A kernel is Load -> Normalize -> Finish (swizzle, transfer, premultiply, quantize, store):
//   - narrow samples (8/16-bit, F16, F32 with a float-safe range) are normalized in float;
//   - 32-bit integers subtract lo in integers, then continue in float;
//   - 64-bit integers, F64 and F32 with extreme ranges are normalized in double and then
//     demoted to float vectors, which share the same Finish stage;
//   - exact integer kernels for U8 (pure byte shuffles) and U16 -> RGBA8 ([0,65535] range),
//     where lib/README.md section 4 asks for bit-exact results.
// The planner (planner.cc) computes ColorRowParams so that each form keeps full precision.

#if defined(PIXCONV_CONVERT_COLOR_ROWS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_COLOR_ROWS_INL_H_
#undef PIXCONV_CONVERT_COLOR_ROWS_INL_H_
#else
#define PIXCONV_CONVERT_COLOR_ROWS_INL_H_
#endif

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "convert/byte_shuffle-inl.h"
#include "convert/color_plan.h"
#include "convert/f16-inl.h"
#include "convert/row_loop-inl.h"
#include "convert/sample_expand-inl.h"
#include "convert/store-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// F16 samples travel as their bit patterns; everything else as itself.
template <typename T>
using StorageT = std::conditional_t<std::is_same_v<T, hwy::float16_t>, uint16_t, T>;

template <typename T>
inline constexpr bool kIsFloatSample = std::is_floating_point_v<T> || std::is_same_v<T, hwy::float16_t>;

// Loads kC interleaved channels of Lanes(d) pixels into c0.. (the others are left as they
// are). Channel groups are named vectors, never arrays: SVE vectors can not be array elements.
template <size_t kC, class D, class V = hn::Vec<D>>
HWY_INLINE void LoadChannels(D d, const uint8_t* HWY_RESTRICT bytes, V& c0, V& c1, V& c2,
                             V& c3) {
  const auto* p = reinterpret_cast<const hn::TFromD<D>*>(bytes);
  if constexpr (kC == 1) {
    c0 = hn::LoadU(d, p);
  } else if constexpr (kC == 3) {
    hn::LoadInterleaved3(d, p, c0, c1, c2);
  } else {
    static_assert(kC == 4, "1, 3 or 4 channels");
    hn::LoadInterleaved4(d, p, c0, c1, c2, c3);
  }
}

// t_i = f(r_i) for each of the first kC channels.
template <size_t kC, class VI, class VO, class F>
HWY_INLINE void MapChannels(const F& f, VI r0, VI r1, VI r2, VI r3, VO& t0, VO& t1, VO& t2,
                            VO& t3) {
  t0 = f(r0);
  if constexpr (kC >= 3) {
    t1 = f(r1);
    t2 = f(r2);
  }
  if constexpr (kC == 4) t3 = f(r3);
}

// NaN -> 0, then clamp to [lower, upper] (lib/README.md 3.2): [0, 1], or [-FLT_MAX, FLT_MAX]
// for an unclamped RGBAF32 output. Integer inputs cannot be NaN.
template <bool kMayBeNaN, class D, class V = hn::Vec<D>>
HWY_INLINE V ClampUnit(D d, V t, const internal::ColorRowParams& p) {
  using T = hn::TFromD<D>;
  // On x86, max returns its second operand when either is NaN (Highway's Max is maxps/maxpd
  // on every x86 target), so Max(t, 0) below already maps NaN to 0: two ops per sample fewer
  // on the float inputs. An unclamped output's lower bound is -FLT_MAX, which needs the test.
  // The NaN conformance tests run on every target.
#if !HWY_ARCH_X86 || HWY_TARGET == HWY_EMU128 || HWY_TARGET == HWY_SCALAR
  if constexpr (kMayBeNaN) t = hn::IfThenZeroElse(hn::IsNaN(t), t);
#else
  if constexpr (kMayBeNaN) {
    if (p.unclamped) t = hn::IfThenZeroElse(hn::IsNaN(t), t);
  }
#endif
  return hn::Min(hn::Max(t, hn::Set(d, static_cast<T>(p.lower))),
                 hn::Set(d, static_cast<T>(p.upper)));
}

// ---------------------------------------------------------------- narrow (float math)

// Exact conversion of narrow samples to float.
template <typename T, class DF, class VS>
HWY_INLINE hn::Vec<DF> NarrowToFloat(DF df, VS v) {
  if constexpr (std::is_same_v<T, float>) {
    return v;
  } else if constexpr (std::is_same_v<T, hwy::float16_t>) {
    return F16BitsToFloat(df, v);
  } else {
    const hn::Rebind<int32_t, DF> di;
    return hn::ConvertTo(df, hn::PromoteTo(di, v));
  }
}

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
  return FinishOptions{p.decode_srgb, p.encode_srgb, p.premultiply, p.unclamped};
}

// Normalizers: Load<kC>(in, p, t0, t1, t2, t3) loads kC interleaved channels of Lanes(DF)
// pixels and returns them in t0.. as normalized float vectors in [0, 1] (see ColorRowParams
// for why each form keeps precision); LoadOne is the single-channel form.

// 8/16-bit, F16, F32: t = (v - anchor) * scale + offset, in float.
template <typename T>
struct NarrowNorm {
  using DF = hn::ScalableTag<float>;
  static constexpr size_t kSampleBytes = sizeof(StorageT<T>);
  template <size_t kC, class V = hn::Vec<DF>>
  static HWY_INLINE void Load(const uint8_t* HWY_RESTRICT in, const internal::ColorRowParams& p,
                              V& t0, V& t1, V& t2, V& t3) {
    const DF df;
    const hn::Rebind<StorageT<T>, DF> ds;
    auto r0 = hn::Zero(ds), r1 = r0, r2 = r0, r3 = r0;
    LoadChannels<kC>(ds, in, r0, r1, r2, r3);
    auto norm = [&](hn::Vec<decltype(ds)> raw) PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      hn::Vec<DF> v = NarrowToFloat<T>(df, raw);
      // The datatype range of unsigned and float data anchors at 0; v - 0 is v exactly.
      if (p.anchor != 0.0f) v = hn::Sub(v, hn::Set(df, p.anchor));
      return ClampUnit<kIsFloatSample<T>>(
          df, hn::MulAdd(v, hn::Set(df, p.scale), hn::Set(df, p.offset)), p);
    };
    MapChannels<kC>(norm, r0, r1, r2, r3, t0, t1, t2, t3);
  }
};

// v - lo_int for samples v of 32/64-bit integers in "ordered unsigned" form (signed types
// sign-flipped, so the order of values is the unsigned order), as float or double lanes of the
// same width: exact in the integers, one rounding in the conversion. Which form runs depends
// on the range, the same for every block:
//   - lo_int == 0 (the datatype range, and every range from the type's minimum down): no
//     sample lies below; v - 0 is v.
//   - lo <= hi: a sample below lo_int gives t < 0 either way, which clamps to 0, so it is
//     raised to lo_int first (its difference is 0, and v - lo_int >= 0 converts as unsigned).
//   - lo > hi (inverted), or an unclamped output: how far below matters; both signs are
//     computed, and a sample below lo_int gives a negative difference.
// The first two forms skip work that the last needs in general.
template <class DF, class VU>
HWY_INLINE hn::Vec<DF> OrderedDiff(DF df, VU v, const internal::ColorRowParams& p) {
  const hn::RebindToUnsigned<DF> du;
  const hn::RebindToSigned<DF> di;
  using TU = hn::TFromD<decltype(du)>;
  if (p.lo_int == 0) return hn::ConvertTo(df, v);
  const auto lo = hn::Set(du, static_cast<TU>(p.lo_int));
  if (p.scale_d > 0.0 && !p.unclamped) return hn::ConvertTo(df, hn::Sub(hn::Max(v, lo), lo));
  const auto msb = hn::Set(du, TU{1} << (sizeof(TU) * 8 - 1));
  const auto below = hn::Lt(hn::BitCast(di, hn::Xor(v, msb)), hn::BitCast(di, hn::Xor(lo, msb)));
  const auto up = hn::ConvertTo(df, hn::Sub(v, lo));
  const auto down = hn::Neg(hn::ConvertTo(df, hn::Sub(lo, v)));
  return hn::IfThenElse(hn::RebindMask(df, below), down, up);
}

// U32 / I32 in float lanes at full width: v - lo_int in 32-bit integers (I32 in sign-flipped
// "ordered unsigned" form), exact; then t = (diff - lo_frac) * scale in float. The difference
// converts to float with a relative error of 6e-8, which is all that matters where t is in
// [0, 1] (diff <= hi - lo there), so a U32 image near 4e9 with a narrow range keeps its
// precision without double math.
template <typename T>
struct Int32Norm {
  using DF = hn::ScalableTag<float>;
  static constexpr size_t kSampleBytes = sizeof(T);
  template <size_t kC, class V = hn::Vec<DF>>
  static HWY_INLINE void Load(const uint8_t* HWY_RESTRICT in, const internal::ColorRowParams& p,
                              V& t0, V& t1, V& t2, V& t3) {
    const DF df;
    const hn::RebindToUnsigned<DF> du;
    const hn::Rebind<T, DF> dt;
    const auto msb = hn::Set(du, 0x80000000u);
    auto r0 = hn::Zero(dt), r1 = r0, r2 = r0, r3 = r0;
    LoadChannels<kC>(dt, in, r0, r1, r2, r3);
    auto norm = [&](hn::Vec<decltype(dt)> raw) PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      auto v = hn::BitCast(du, raw);
      if constexpr (std::is_signed_v<T>) v = hn::Xor(v, msb);
      const hn::Vec<DF> diff = OrderedDiff(df, v, p);
      return ClampUnit<false>(
          df, hn::Mul(hn::Sub(diff, hn::Set(df, static_cast<float>(p.lo_frac))), hn::Set(df, p.scale)),
          p);
    };
    MapChannels<kC>(norm, r0, r1, r2, r3, t0, t1, t2, t3);
  }
};

// ---------------------------------------------------------------- wide (double math)

// Samples of 32/64-bit types (and F32 with extreme ranges) to normalized doubles.
template <typename T, class DD, class VS>
HWY_INLINE hn::Vec<DD> WideNormalize(DD dd, VS v, const internal::ColorRowParams& p) {
  using VD = hn::Vec<DD>;
  const VD scale = hn::Set(dd, p.scale_d);
  if constexpr (std::is_same_v<T, uint64_t> || std::is_same_v<T, int64_t>) {
    // v - lo_int in 64-bit integers, in "ordered unsigned" form (I64 sign-flipped), so a value
    // near 2^63 with a narrow range keeps every bit; then the fractional part in double.
    const hn::RebindToUnsigned<DD> du;
    auto vu = hn::BitCast(du, v);
    if constexpr (std::is_same_v<T, int64_t>) vu = hn::Xor(vu, hn::Set(du, uint64_t{1} << 63));
    const VD diff = OrderedDiff(dd, vu, p);
    // A degenerate range (lo == hi beyond 2^53) makes 0 * inf: NaN -> 0 as for floats.
    return ClampUnit<true>(dd, hn::Mul(hn::Sub(diff, hn::Set(dd, p.lo_frac)), scale), p);
  } else {
    VD x;
    if constexpr (std::is_same_v<T, double>) {
      x = v;
    } else if constexpr (std::is_same_v<T, float> || std::is_same_v<T, int32_t>) {
      x = hn::PromoteTo(dd, v);
    } else {  // uint32_t: flip to int32, promote, add 2^31 back (exact).
      static_assert(std::is_same_v<T, uint32_t>);
      const hn::Rebind<int32_t, DD> di32;
      const auto flipped = hn::BitCast(di32, hn::Xor(v, hn::Set(hn::Rebind<uint32_t, DD>(), 0x80000000u)));
      x = hn::Add(hn::PromoteTo(dd, flipped), hn::Set(dd, 2147483648.0));
    }
    return ClampUnit<true>(dd, hn::Mul(hn::Sub(x, hn::Set(dd, p.lo)), scale), p);
  }
}

// 64-bit integers, F64, F32 with extreme ranges: normalized in double, then two double vectors
// are demoted into one full float vector, so the float stages run at full width (one lane at a
// time on the scalar target, which has no half vectors).
template <typename T>
struct WideNorm {
#if HWY_TARGET == HWY_SCALAR
  using DF = hn::Rebind<float, hn::ScalableTag<double>>;
#else
  using DF = hn::ScalableTag<float>;
#endif
  static constexpr size_t kSampleBytes = sizeof(T);
  template <size_t kC, class V = hn::Vec<DF>>
  static HWY_INLINE void Load(const uint8_t* HWY_RESTRICT in, const internal::ColorRowParams& p,
                              V& t0, V& t1, V& t2, V& t3) {
#if HWY_TARGET == HWY_SCALAR
    const hn::ScalableTag<double> dd;
    const hn::Rebind<T, decltype(dd)> dt;
    auto r0 = hn::Zero(dt), r1 = r0, r2 = r0, r3 = r0;
    LoadChannels<kC>(dt, in, r0, r1, r2, r3);
    auto norm = [&](hn::Vec<decltype(dt)> raw) PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      return hn::DemoteTo(DF(), WideNormalize<T>(dd, raw, p));
    };
    MapChannels<kC>(norm, r0, r1, r2, r3, t0, t1, t2, t3);
#else
    const DF df;
    const hn::Half<DF> dfh;
    const hn::Rebind<double, decltype(dfh)> dd;
    const hn::Rebind<T, decltype(dd)> dt;
    auto lo0 = hn::Zero(dt), lo1 = lo0, lo2 = lo0, lo3 = lo0;
    auto hi0 = lo0, hi1 = lo0, hi2 = lo0, hi3 = lo0;
    LoadChannels<kC>(dt, in, lo0, lo1, lo2, lo3);
    LoadChannels<kC>(dt, in + hn::Lanes(dd) * kC * sizeof(T), hi0, hi1, hi2, hi3);
    auto norm = [&](hn::Vec<decltype(dt)> lo, hn::Vec<decltype(dt)> hi)
                    PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
      return hn::Combine(df, hn::DemoteTo(dfh, WideNormalize<T>(dd, hi, p)),
                         hn::DemoteTo(dfh, WideNormalize<T>(dd, lo, p)));
    };
    t0 = norm(lo0, hi0);
    if constexpr (kC >= 3) {
      t1 = norm(lo1, hi1);
      t2 = norm(lo2, hi2);
    }
    if constexpr (kC == 4) t3 = norm(lo3, hi3);
#endif
  }
};

// One channel of Lanes(Norm::DF) samples at in, normalized.
template <class Norm>
HWY_INLINE hn::Vec<typename Norm::DF> LoadOne(const uint8_t* HWY_RESTRICT in,
                                              const internal::ColorRowParams& p) {
  auto t = hn::Zero(typename Norm::DF()), unused = t;
  Norm::template Load<1>(in, p, t, unused, unused, unused);
  return t;
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

// The last stage for kernels that keep samples in memory order (RGBA in, RGBA out): the
// transfer skips every fourth lane (alpha), then the samples are stored as they are.
template <bool kF32, class DF, class V = hn::Vec<DF>>
HWY_INLINE void FinishSamples(DF df, const FinishOptions& o, V t, uint8_t* HWY_RESTRICT out) {
  if (o.decode_srgb || o.encode_srgb) {
    const hn::RebindToSigned<DF> di;
    const auto three = hn::Set(di, 3);
    const auto is_alpha = hn::RebindMask(df, hn::Eq(hn::And(hn::Iota(di, 0), three), three));
    t = hn::IfThenElse(is_alpha, t, TransferColor(df, o, t));
  }
  StoreSamples<kF32>(df, t, out);
}

// The color-model kernel: Norm loads and normalizes, Finish swizzles, transfers, stores.
// Where the output pixels are a fixed rearrangement of the input samples, the kernel skips
// the (de)interleaving and streams samples straight through in memory order: RGBA input
// without premultiply, and on AVX2 / AVX-512 RGB and BGR input to RGBAF32
// (sample_expand-inl.h).
template <class Norm>
struct ColorKernel {
  template <size_t kC, bool kSwapRB, bool kF32>
  struct K {
    static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& p) {
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
        // With a transfer, the sample stream would run the sRGB curve on alpha too (a
        // quarter more of the dominant cost); 8- and 16-bit samples deinterleave cheaply,
        // so they take the per-channel path then. Wider samples keep the sample stream.
        if (!p.premultiply && n % 4 == 0 && !(transfer && Norm::kSampleBytes <= 2)) {
          // Blocks of n samples are n / 4 whole pixels, so every block starts on a pixel and
          // FinishSamples finds alpha in every fourth lane.
          ForEachBlock(width, n / 4, 4 * Norm::kSampleBytes, kOutBytes, src, dst,
                       [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                           PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                         FinishSamples<kF32>(df, o, LoadOne<Norm>(in, p), out);
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

// ---------------------------------------------------------------- exact integer kernels

// U8 with range [0, 255] and nothing else to do: the output bytes are the input bytes,
// rearranged (byte_shuffle-inl.h on x86, interleaved loads and stores elsewhere).
struct ExactU8Kernel {
  template <size_t kC, bool kSwapRB, bool kF32>
  struct K {
    static_assert(!kF32, "the exact U8 kernel writes RGBA8 only");
    static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& p) {
      const hn::ScalableTag<uint8_t> d;
      if constexpr (kC == 4 && !kSwapRB) {
        if (!p.stream) {
          std::memcpy(dst, src, width * 4);
          return;
        }
        ForEachBlock(width, hn::Lanes(d), 4, 4, src, dst,
                     [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                       for (size_t i = 0; i < 4; ++i) {
                         hn::StoreU(hn::LoadU(d, in + i * hn::Lanes(d)), d, out + i * hn::Lanes(d));
                       }
                     }, true);
      } else {
#if PIXCONV_HAVE_BYTE_SHUFFLE
        ForEachBlock(width, kShuffleBlockPixels, kC, 4, src, dst,
                     [](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                           ShuffleBlockToRgba<kC, kSwapRB>(in, out);
                         },
                     p.stream);
#else
        using V = hn::Vec<decltype(d)>;
        const V opaque = hn::Set(d, 255);
        ForEachBlock(width, hn::Lanes(d), kC, 4, src, dst,
                     [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                       V c0 = opaque, c1 = opaque, c2 = opaque, c3 = opaque;
                       LoadChannels<kC>(d, in, c0, c1, c2, c3);
                       if constexpr (kC == 1) {
                         hn::StoreInterleaved4(c0, c0, c0, opaque, d, out);
                       } else {
                         // c3 is alpha, or still opaque for RGB / BGR.
                         hn::StoreInterleaved4(kSwapRB ? c2 : c0, c1, kSwapRB ? c0 : c2, c3, d,
                                               out);
                       }
                     }, p.stream);
#endif
      }
    }
  };
};

// U16 with range [0, 65535] to RGBA8: floor(v / 257 + 0.5) == (v * 65281 + 2^23) >> 24 for
// every v in [0, 65535] (checked exhaustively in tests/convert), in 32-bit lanes.
struct ExactU16Kernel {
  template <size_t kC, bool kSwapRB, bool kF32>
  struct K {
    static_assert(!kF32, "the exact U16 kernel writes RGBA8 only");
    static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& p) {
      const hn::ScalableTag<uint32_t> d32;
      const hn::Rebind<uint16_t, decltype(d32)> d16;
      const hn::Rebind<uint8_t, decltype(d32)> d8;
      const hn::RebindToSigned<decltype(d32)> di32;
      using V8 = hn::Vec<decltype(d8)>;
      const auto mul = hn::Set(d32, 65281u);
      const auto round = hn::Set(d32, 1u << 23);
      const V8 opaque = hn::Set(d8, 255);
      auto to8 = [&](hn::Vec<decltype(d16)> v) HWY_ATTR {
        const auto q = hn::ShiftRight<24>(hn::Add(hn::Mul(hn::PromoteTo(d32, v), mul), round));
        return hn::DemoteTo(d8, hn::BitCast(di32, q));
      };
      ForEachBlock(width, hn::Lanes(d32), kC * 2, 4, src, dst,
                   [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                       PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                     auto r0 = hn::Zero(d16), r1 = r0, r2 = r0, r3 = r0;
                     LoadChannels<kC>(d16, in, r0, r1, r2, r3);
                     if constexpr (kC == 1) {
                       const V8 l = to8(r0);
                       hn::StoreInterleaved4(l, l, l, opaque, d8, out);
                     } else {
                       const V8 r = to8(kSwapRB ? r2 : r0);
                       const V8 g = to8(r1);
                       const V8 b = to8(kSwapRB ? r0 : r2);
                       const V8 a = (kC == 4) ? to8(r3) : opaque;
                       hn::StoreInterleaved4(r, g, b, a, d8, out);
                     }
                   }, p.stream);
    }
  };
};

// ---------------------------------------------------------------- selection

// Picks K<channels, swap, f32>::Run for a key. L has no R/B to swap.
template <template <size_t, bool, bool> class K>
internal::ColorRowFn PickLayout(const internal::ColorKernelKey& key) {
  const bool f32 = key.out == OutputType::RGBAF32;
  switch (key.channels) {
    case 1:
      return f32 ? &K<1, false, true>::Run : &K<1, false, false>::Run;
    case 3:
      if (key.swap_rb) return f32 ? &K<3, true, true>::Run : &K<3, true, false>::Run;
      return f32 ? &K<3, false, true>::Run : &K<3, false, false>::Run;
    case 4:
      if (key.swap_rb) return f32 ? &K<4, true, true>::Run : &K<4, true, false>::Run;
      return f32 ? &K<4, false, true>::Run : &K<4, false, false>::Run;
    default:
      return nullptr;
  }
}

// The exact kernels have no RGBAF32 form; these adapters keep PickLayout uniform.
template <size_t kC, bool kSwapRB, bool kF32>
struct ExactU8 : ExactU8Kernel::K<kC, kSwapRB, false> {};
template <size_t kC, bool kSwapRB, bool kF32>
struct ExactU16 : ExactU16Kernel::K<kC, kSwapRB, false> {};

template <typename T>
internal::ColorRowFn PickSample(const internal::ColorKernelKey& key) {
  if constexpr (std::is_same_v<T, uint8_t>) {
    if (key.kernel == internal::ColorKernel::kExactU8) {
      return key.out == OutputType::RGBA8 ? PickLayout<ExactU8>(key) : nullptr;
    }
  }
  if constexpr (std::is_same_v<T, uint16_t>) {
    if (key.kernel == internal::ColorKernel::kExactU16) {
      return key.out == OutputType::RGBA8 ? PickLayout<ExactU16>(key) : nullptr;
    }
  }
  if constexpr (std::is_same_v<T, float>) {
    if (key.wide_math) return PickLayout<ColorKernel<WideNorm<float>>::template K>(key);
  }
  if constexpr (sizeof(StorageT<T>) <= 2 || std::is_same_v<T, float>) {
    return PickLayout<ColorKernel<NarrowNorm<T>>::template K>(key);
  } else if constexpr (std::is_same_v<T, uint32_t> || std::is_same_v<T, int32_t>) {
    return PickLayout<ColorKernel<Int32Norm<T>>::template K>(key);
  } else {
    return PickLayout<ColorKernel<WideNorm<T>>::template K>(key);
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_COLOR_ROWS_INL_H_
