// Row kernels for YUV pixel formats, instantiated per Highway target.
//
// A kernel is Load (luma and upsampled chroma as 16-bit lanes, per layout) -> YUV to RGB
// (three affine functions in float, constants from yuv_plan.cc) -> the shared Finish stage
// (transfer, quantize, store). Chroma is upsampled in integers and stays exact: nearest
// duplicates each sample; bilinear keeps 2x the horizontal and 4x the vertical weights' sum
// (2c and c_i + c_{i+1}; 3 near + far), and the planner folds that scale into the constants.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/yuv_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <algorithm>
#include <cstring>

#include "convert/row_loop-inl.h"
#include "convert/store-inl.h"
#include "convert/yuv_plan.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;
using internal::YuvLayout;
using internal::YuvRowParams;
using internal::YuvRowSource;

// Bytes per chroma sample in a chroma row: NV12 interleaves U and V, YUY2 packs Y0 U Y1 V.
constexpr size_t ChromaStep(YuvLayout l) {
  return l == YuvLayout::kNV12 ? 2 : l == YuvLayout::kYUY2 ? 4 : 1;
}

// YUV (luma code and chroma codes in the kernel's units) to clamped RGB, then store.
template <bool kF32, bool kSwapRB, class DF, class V = hn::Vec<DF>>
HWY_INLINE void YuvToRgbStore(DF df, V y, V u, V v, const YuvRowParams& p, uint8_t* out) {
  const V luma = hn::Mul(y, hn::Set(df, p.ky));
  V r = hn::MulAdd(v, hn::Set(df, p.kr_v), hn::Add(luma, hn::Set(df, p.r0)));
  V g = hn::MulAdd(u, hn::Set(df, p.kg_u),
                   hn::MulAdd(v, hn::Set(df, p.kg_v), hn::Add(luma, hn::Set(df, p.g0))));
  V b = hn::MulAdd(u, hn::Set(df, p.kb_u), hn::Add(luma, hn::Set(df, p.b0)));
  const V zero = hn::Zero(df), one = hn::Set(df, 1.0f);
  r = hn::Min(hn::Max(r, zero), one);
  g = hn::Min(hn::Max(g, zero), one);
  b = hn::Min(hn::Max(b, zero), one);
  const FinishOptions o{p.decode_srgb, p.encode_srgb, false};
  ApplyTransfer(df, o, r, g, b, one);
  StoreRgba<kF32, kSwapRB>(df, r, g, b, one, out);
}

#if HWY_TARGET == HWY_SCALAR

// One pixel at a time: the chroma arithmetic of the vector path, written out per sample.
template <YuvLayout L, bool kH, bool kV, bool kF32, bool kSwapRB>
struct YuvKernel {
  static void Run(const YuvRowSource& s, uint8_t* HWY_RESTRICT dst, size_t width,
                  const YuvRowParams& p) {
    const hn::ScalableTag<float> df;
    constexpr size_t kStep = ChromaStep(L);
    const size_t last = s.chroma_width - 1;
    // Chroma sample k (clamped) of plane `plane`, with the vertical weights applied.
    auto sample = [&](int plane, size_t k) -> int {
      k = std::min(k, last);
      const uint8_t* near = L == YuvLayout::kYUY2 ? s.y : (L == YuvLayout::kNV12 ? s.near[0] : s.near[plane]);
      const uint8_t* far = L == YuvLayout::kNV12 ? s.far[0] : s.far[plane];
      const size_t off = L == YuvLayout::kYUY2 ? 1 + 2 * plane : (L == YuvLayout::kNV12 ? plane : 0);
      const int c = near[k * kStep + off];
      return kV ? 3 * c + far[k * kStep + off] : c;
    };
    for (size_t x = 0; x < width; ++x) {
      int y, u = 128, v = 128;
      if constexpr (L == YuvLayout::kYUY2) {
        y = s.y[4 * (x / 2) + 2 * (x & 1)];
      } else {
        y = s.y[x];
      }
      if constexpr (L == YuvLayout::kPlanar444) {
        u = s.near[0][x];
        v = s.near[1][x];
      } else if constexpr (L != YuvLayout::kY8) {
        const size_t i = x / 2;
        if (!kH) {
          u = sample(0, i);
          v = sample(1, i);
        } else {
          u = (x & 1) ? sample(0, i) + sample(0, i + 1) : 2 * sample(0, i);
          v = (x & 1) ? sample(1, i) + sample(1, i + 1) : 2 * sample(1, i);
        }
      }
      YuvToRgbStore<kF32, kSwapRB>(df, hn::Set(df, static_cast<float>(y)),
                                   hn::Set(df, static_cast<float>(u)),
                                   hn::Set(df, static_cast<float>(v)), p,
                                   dst + x * (kF32 ? 16 : 4));
    }
  }
};

#else  // vector targets

template <YuvLayout L, bool kH, bool kV, bool kF32, bool kSwapRB>
struct YuvKernel {
  using DF = hn::ScalableTag<float>;
  using DH = hn::Half<DF>;                    // one lane per chroma sample of a block
  using D16 = hn::Rebind<uint16_t, DF>;       // one lane per pixel
  using D8 = hn::Rebind<uint8_t, DF>;
  using D8H = hn::Rebind<uint8_t, DH>;
  using D16H = hn::Rebind<uint16_t, DH>;
  using D32H = hn::Rebind<uint32_t, DH>;
  using V16 = hn::Vec<D16>;
  using V32H = hn::Vec<D32H>;

  // Pixels of a block; chroma samples of a block (plus one for horizontal bilinear).
  static size_t Pixels() { return hn::Lanes(DF()); }
  static constexpr size_t kStep = ChromaStep(L);

  // Half-resolution chroma -> one 16-bit lane per pixel: (c, c) for nearest,
  // (2 c_i, c_i + c_{i+1}) for bilinear. `c` and `next` hold samples i.. and i+1..
  static HWY_INLINE V16 Upsample(V32H c, V32H next) {
    if constexpr (kH) {
      return hn::BitCast(D16(), hn::Or(hn::Add(c, c), hn::ShiftLeft<16>(hn::Add(c, next))));
    } else {
      (void)next;
      return hn::BitCast(D16(), hn::Or(c, hn::ShiftLeft<16>(c)));
    }
  }

  // Samples k.. of the planar half-width chroma plane `plane` with the vertical weights.
  static HWY_INLINE V32H PlanarChroma(const YuvRowSource& s, int plane, size_t k) {
    const V32H c = hn::PromoteTo(D32H(), hn::LoadU(D8H(), s.near[plane] + k));
    if constexpr (kV) {
      const V32H f = hn::PromoteTo(D32H(), hn::LoadU(D8H(), s.far[plane] + k));
      return hn::Add(hn::Add(hn::Add(c, c), c), f);
    }
    return c;
  }

  // U and V samples k.. of an NV12 row (interleaved pairs) with the vertical weights.
  static HWY_INLINE void Nv12Chroma(const YuvRowSource& s, size_t k, V32H* u, V32H* v) {
    hn::Vec<D8H> u8, v8;
    hn::LoadInterleaved2(D8H(), s.near[0] + 2 * k, u8, v8);
    *u = hn::PromoteTo(D32H(), u8);
    *v = hn::PromoteTo(D32H(), v8);
    if constexpr (kV) {
      hn::LoadInterleaved2(D8H(), s.far[0] + 2 * k, u8, v8);
      *u = hn::Add(hn::Add(hn::Add(*u, *u), *u), hn::PromoteTo(D32H(), u8));
      *v = hn::Add(hn::Add(hn::Add(*v, *v), *v), hn::PromoteTo(D32H(), v8));
    }
  }

  static HWY_INLINE hn::Vec<DF> ToFloat(V16 v) {
    const hn::RebindToSigned<DF> di;
    return hn::ConvertTo(DF(), hn::PromoteTo(di, v));
  }

  // Converts the block of pixels [x, x + Pixels()) of `s`.
  static HWY_INLINE void Block(const YuvRowSource& s, size_t x, const YuvRowParams& p,
                               uint8_t* HWY_RESTRICT out) {
    const size_t k = x / 2;  // first chroma sample (blocks start at even x)
    V16 y, u, v;
    if constexpr (L == YuvLayout::kYUY2) {
      hn::Vec<D8H> y0, u8, y1, v8;
      hn::LoadInterleaved4(D8H(), s.y + 4 * k, y0, u8, y1, v8);
      const auto pairs = hn::Or(hn::PromoteTo(D16H(), y0), hn::ShiftLeft<8>(hn::PromoteTo(D16H(), y1)));
      y = hn::PromoteTo(D16(), hn::BitCast(D8(), pairs));
      V32H un = V32H(), vn = V32H();
      if constexpr (kH) {
        hn::Vec<D8H> y0n, u8n, y1n, v8n;
        hn::LoadInterleaved4(D8H(), s.y + 4 * (k + 1), y0n, u8n, y1n, v8n);
        un = hn::PromoteTo(D32H(), u8n);
        vn = hn::PromoteTo(D32H(), v8n);
      }
      u = Upsample(hn::PromoteTo(D32H(), u8), un);
      v = Upsample(hn::PromoteTo(D32H(), v8), vn);
    } else {
      y = hn::PromoteTo(D16(), hn::LoadU(D8(), s.y + x));
      if constexpr (L == YuvLayout::kY8) {
        u = v = hn::Set(D16(), 128);
      } else if constexpr (L == YuvLayout::kPlanar444) {
        u = hn::PromoteTo(D16(), hn::LoadU(D8(), s.near[0] + x));
        v = hn::PromoteTo(D16(), hn::LoadU(D8(), s.near[1] + x));
      } else if constexpr (L == YuvLayout::kPlanarHalf) {
        u = Upsample(PlanarChroma(s, 0, k), kH ? PlanarChroma(s, 0, k + 1) : V32H());
        v = Upsample(PlanarChroma(s, 1, k), kH ? PlanarChroma(s, 1, k + 1) : V32H());
      } else {  // NV12
        V32H cu, cv, nu = V32H(), nv = V32H();
        Nv12Chroma(s, k, &cu, &cv);
        if constexpr (kH) Nv12Chroma(s, k + 1, &nu, &nv);
        u = Upsample(cu, nu);
        v = Upsample(cv, nv);
      }
    }
    YuvToRgbStore<kF32, kSwapRB>(DF(), ToFloat(y), ToFloat(u), ToFloat(v), p, out);
  }

  // Chroma samples a block reads from each chroma row.
  static size_t ChromaPerBlock() {
    if constexpr (L == YuvLayout::kPlanar444 || L == YuvLayout::kY8) return 0;
    return Pixels() / 2 + (kH ? 1 : 0);
  }

  // The last pixels of a row: the sources are copied to zero-padded stack rows, chroma
  // beyond the row's end replicating its last sample (the edge clamp of bilinear), so the
  // block never reads outside the caller's rows.
  static void Tail(const YuvRowSource& s, size_t x, size_t width, const YuvRowParams& p,
                   uint8_t* HWY_RESTRICT dst) {
    constexpr size_t kOutBpp = kF32 ? 16 : 4;
    const size_t n = Pixels();
    const size_t rest = width - x;
    const size_t k = x / 2;
    alignas(64) uint8_t luma[4 * 64 + 8] = {};
    alignas(64) uint8_t chroma[4][4 * 64 + 8] = {};
    alignas(64) uint8_t out[64 * 16];
    YuvRowSource t;
    t.y = luma;
    t.chroma_width = s.chroma_width - k;
    // Copies `want` chroma samples from sample k of `row` (step bytes each), replicating the
    // last available one.
    auto copy_chroma = [&](const uint8_t* row, uint8_t* to, size_t want) {
      const size_t have = std::min(want, s.chroma_width - k);
      std::memcpy(to, row + k * kStep, have * kStep);
      for (size_t i = have; i < want; ++i) std::memcpy(to + i * kStep, row + (s.chroma_width - 1) * kStep, kStep);
    };
    if constexpr (L == YuvLayout::kYUY2) {
      copy_chroma(s.y, luma, n / 2 + (kH ? 1 : 0));
    } else {
      std::memcpy(luma, s.y + x, rest);
      if constexpr (L == YuvLayout::kPlanar444) {
        std::memcpy(chroma[0], s.near[0] + x, rest);
        std::memcpy(chroma[1], s.near[1] + x, rest);
        t.near[0] = chroma[0];
        t.near[1] = chroma[1];
      } else if constexpr (L != YuvLayout::kY8) {
        const int planes = L == YuvLayout::kNV12 ? 1 : 2;
        for (int c = 0; c < planes; ++c) {
          copy_chroma(s.near[c], chroma[c], ChromaPerBlock());
          t.near[c] = chroma[c];
          if constexpr (kV) {
            copy_chroma(s.far[c], chroma[2 + c], ChromaPerBlock());
            t.far[c] = chroma[2 + c];
          }
        }
      }
    }
    Block(t, 0, p, out);
    std::memcpy(dst + x * kOutBpp, out, rest * kOutBpp);
  }

  static void Run(const YuvRowSource& s, uint8_t* HWY_RESTRICT dst, size_t width,
                  const YuvRowParams& p) {
    constexpr size_t kOutBpp = kF32 ? 16 : 4;
    const size_t n = Pixels();
    // A block may run in place while its pixels and its chroma reads stay inside the row.
    const size_t chroma_reads = ChromaPerBlock();
    size_t x = 0;
    for (; x + n <= width && (chroma_reads == 0 || x / 2 + chroma_reads <= s.chroma_width); x += n) {
      Block(s, x, p, dst + x * kOutBpp);
    }
    if (x < width) Tail(s, x, width, p, dst);
  }
};

#endif  // HWY_TARGET == HWY_SCALAR

// Picks YuvKernel<...>::Run for a key; filters that do not apply to a layout are ignored.
template <YuvLayout L, bool kH, bool kV>
internal::YuvRowFn PickOutput(const internal::YuvKernelKey& key) {
  if (key.f32) {
    return key.swap_rb ? &YuvKernel<L, kH, kV, true, true>::Run : &YuvKernel<L, kH, kV, true, false>::Run;
  }
  return key.swap_rb ? &YuvKernel<L, kH, kV, false, true>::Run : &YuvKernel<L, kH, kV, false, false>::Run;
}

template <YuvLayout L>
internal::YuvRowFn PickFilter(const internal::YuvKernelKey& key) {
  if constexpr (L == YuvLayout::kPlanar444 || L == YuvLayout::kY8) {
    return PickOutput<L, false, false>(key);
  } else if constexpr (L == YuvLayout::kYUY2) {
    return key.h_bilinear ? PickOutput<L, true, false>(key) : PickOutput<L, false, false>(key);
  } else {
    if (key.v_bilinear) return PickOutput<L, true, true>(key);
    return key.h_bilinear ? PickOutput<L, true, false>(key) : PickOutput<L, false, false>(key);
  }
}

internal::YuvRowFn SelectYuvRowTarget(const internal::YuvKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.layout) {
    case YuvLayout::kPlanar444: return PickFilter<YuvLayout::kPlanar444>(key);
    case YuvLayout::kPlanarHalf: return PickFilter<YuvLayout::kPlanarHalf>(key);
    case YuvLayout::kNV12: return PickFilter<YuvLayout::kNV12>(key);
    case YuvLayout::kYUY2: return PickFilter<YuvLayout::kYUY2>(key);
    case YuvLayout::kY8: return PickFilter<YuvLayout::kY8>(key);
  }
  return nullptr;
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(SelectYuvRowTarget);

YuvRowFn SelectYuvRow(const YuvKernelKey& key, const char** target_name) {
  return HWY_DYNAMIC_DISPATCH(SelectYuvRowTarget)(key, target_name);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
