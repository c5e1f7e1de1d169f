// Per-target sample-table row kernels (sample_table.h): 8-bit samples to RGBAF32 by table
// lookup (alpha, which takes no transfer, by arithmetic), and to RGBA8 by lookups of bytes.
// AVX3_DL has vector lookups (AVX-512 VBMI's vpermi2b looks up 128 bytes per op). AVX2, SSE4
// and SSSE3 have no byte permute that wide, and their converters to RGBAF32 look every sample
// up in a float table, one load each, which beats their polynomial sRGB decode. Plain AVX3
// keeps the planned kernel, whose 16-lane polynomial beats one load per sample, and so do the
// other targets and RGBA8 output there.
//
// This is one of the two translation units that build for AVX3_DL (yuv_rows_fixed.cc is the other):
// Highway leaves that target out unless asked (HWY_WANT_AVX3_DL, before its first header), and a
// sixth target for every kernel file would lengthen the build by a fifth. Dispatch is per
// translation unit, so on a CPU with AVX3_DL this file runs its AVX3_DL code while the others run
// AVX3.
#define HWY_WANT_AVX3_DL 1
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/sample_table_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "convert/color_plan.h"
#include "convert/row_loop-inl.h"
#include "convert/sample_expand-inl.h"
#include "convert/sample_table.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if HWY_TARGET == HWY_AVX3_DL

// The order in which a lookup takes its 64 samples: the byte planes are zipped back into
// floats by two rounds of in-block unpacks (bytes, then 16-bit pairs), which leave float j of
// output vector o at 128-bit block L where sample 16 o + 4 L + j should be. Taking the samples
// in this order first makes the four output vectors come out in memory order. With kSwapRB,
// samples 0 and 2 of every pixel (4 samples) trade places on the way (BGRA <-> RGBA).
template <bool kSwapRB>
struct LookupOrder {
  alignas(64) uint8_t at[64];
  constexpr LookupOrder() : at{} {
    for (int o = 0; o < 4; ++o) {
      for (int block = 0; block < 4; ++block) {
        for (int j = 0; j < 4; ++j) {
          const int from = kSwapRB && j != 1 && j != 3 ? 2 - j : j;
          at[16 * block + 4 * o + j] = static_cast<uint8_t>(16 * o + 4 * block + from);
        }
      }
    }
  }
};

// Byte k of the table's value for each of the 64 indices (bit 7 picks the upper half of the
// 256 entries, bits 0-6 the entry within it).
HWY_INLINE __m512i LookupPlane(const uint8_t* HWY_RESTRICT plane, __m512i idx, __mmask64 upper) {
  const __m512i lower_half = _mm512_permutex2var_epi8(_mm512_load_si512(plane), idx,
                                                      _mm512_load_si512(plane + 64));
  const __m512i upper_half = _mm512_permutex2var_epi8(_mm512_load_si512(plane + 128), idx,
                                                      _mm512_load_si512(plane + 192));
  return _mm512_mask_blend_epi8(upper, lower_half, upper_half);
}

// 64 samples -> the table's 64 floats in memory order, four vectors.
template <bool kSwapRB>
HWY_INLINE void Lookup64(const uint8_t* HWY_RESTRICT in, const internal::SampleTable& table,
                         hn::Vec<hn::ScalableTag<float>>* out) {
  static constexpr LookupOrder<kSwapRB> kOrder{};
  const __m512i idx = _mm512_permutexvar_epi8(_mm512_load_si512(kOrder.at), _mm512_loadu_si512(in));
  const __mmask64 upper = _mm512_movepi8_mask(idx);
  __m512i bytes[4];
  for (int k = 0; k < 4; ++k) bytes[k] = LookupPlane(table.color[k], idx, upper);
  const __m512i lo01 = _mm512_unpacklo_epi8(bytes[0], bytes[1]);
  const __m512i hi01 = _mm512_unpackhi_epi8(bytes[0], bytes[1]);
  const __m512i lo23 = _mm512_unpacklo_epi8(bytes[2], bytes[3]);
  const __m512i hi23 = _mm512_unpackhi_epi8(bytes[2], bytes[3]);
  out[0].raw = _mm512_castsi512_ps(_mm512_unpacklo_epi16(lo01, lo23));
  out[1].raw = _mm512_castsi512_ps(_mm512_unpackhi_epi16(lo01, lo23));
  out[2].raw = _mm512_castsi512_ps(_mm512_unpacklo_epi16(hi01, hi23));
  out[3].raw = _mm512_castsi512_ps(_mm512_unpackhi_epi16(hi01, hi23));
}

// The alpha of 16 RGBA / BGRA pixels (the top byte of each 32-bit pixel), normalized and
// clamped with exactly the operations of the planned kernel (NarrowNorm in
// color_normalize-inl.h), so that both give the same bits. Alpha takes no transfer: a shift, a
// conversion, an FMA and a clamp per 16 pixels (and one permute per output vector to place
// it) replace a second table's eight lookups.
template <bool kSigned, class DF>
HWY_INLINE hn::Vec<DF> Alpha16(DF df, const uint8_t* HWY_RESTRICT in,
                               const internal::ColorRowParams& p) {
  const hn::RebindToSigned<DF> di;
  const hn::RebindToUnsigned<DF> du;
  const auto pixels = hn::LoadU(di, reinterpret_cast<const int32_t*>(in));
  const auto a = kSigned ? hn::ShiftRight<24>(pixels)
                         : hn::BitCast(di, hn::ShiftRight<24>(hn::BitCast(du, pixels)));
  hn::Vec<DF> v = hn::ConvertTo(df, a);
  if (p.anchor != 0.0f) v = hn::Sub(v, hn::Set(df, p.anchor));
  const hn::Vec<DF> t = hn::MulAdd(v, hn::Set(df, p.scale), hn::Set(df, p.offset));
  return hn::Min(hn::Max(t, hn::Set(df, p.clamp.lower)), hn::Set(df, p.clamp.upper));
}

// Puts alpha[4 k + j] into lane 4 j + 3 of output vector k (pixel j of that vector).
template <int kOut>
HWY_INLINE __m512 WithAlpha(__m512 pixels, __m512 alpha) {
  const __m512i idx = _mm512_set_epi32(4 * kOut + 3, 0, 0, 0, 4 * kOut + 2, 0, 0, 0,
                                       4 * kOut + 1, 0, 0, 0, 4 * kOut, 0, 0, 0);
  return _mm512_mask_permutexvar_ps(pixels, 0x8888, idx, alpha);
}

// kC channels per pixel: L and RGB / BGR look up blocks of 64 pixels and spread them into
// RGBA (sample_expand-inl.h); RGBA / BGRA blocks of 16 pixels are already in place and take
// their alpha from Alpha16.
template <size_t kC, bool kSwapRB, bool kSigned>
void SampleTableRow(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& params) {
  const internal::ColorRowParams p = params;  // unaliased by the output (GeneralKernel)
  const hn::ScalableTag<float> df;
  using V = hn::Vec<decltype(df)>;
  const internal::SampleTable& table = *p.sample_table;
  constexpr size_t kPixels = kC == 4 ? 16 : 64;
  ForEachBlock(width, kPixels, kC, 16, src, dst,
               [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                   PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                 V v[3 * 4];
                 if constexpr (kC == 4) {
                   float* HWY_RESTRICT out_f = reinterpret_cast<float*>(out);
                   Lookup64<kSwapRB>(in, table, v);
                   const __m512 alpha = Alpha16<kSigned>(df, in, p).raw;
                   hn::StoreU(V{WithAlpha<0>(v[0].raw, alpha)}, df, out_f);
                   hn::StoreU(V{WithAlpha<1>(v[1].raw, alpha)}, df, out_f + 16);
                   hn::StoreU(V{WithAlpha<2>(v[2].raw, alpha)}, df, out_f + 32);
                   hn::StoreU(V{WithAlpha<3>(v[3].raw, alpha)}, df, out_f + 48);
                 } else if constexpr (kC == 3) {
                   for (size_t k = 0; k < 3; ++k) Lookup64<false>(in + 64 * k, table, v + 4 * k);
                   for (size_t g = 0; g < 4; ++g) {
                     StoreRgbSamplesAsRgbaF32<kSwapRB>(df, v[3 * g], v[3 * g + 1], v[3 * g + 2],
                                                       out + 256 * g);
                   }
                 } else {
                   Lookup64<false>(in, table, v);
                   for (size_t g = 0; g < 4; ++g) StoreGrayAsRgbaF32(df, v[g], out + 256 * g);
                 }
               }, p.stream);
}

// ---------------------------------------------------------------- RGBA8

// Byte indices that turn 16 pixels of kC samples (from byte 0 of a vector) into 16 RGBA
// pixels: byte 4 p + j takes sample kC p + j (with kSwapRB, j = 0 and 2 trade places; L
// repeats its one sample); alpha bytes take whatever, the kernels overwrite or look them up.
// Row g serves output vector g of an L block (its pixels 16 g .. 16 g + 15); RGB and RGBA
// blocks use row 0.
template <size_t kC, bool kSwapRB>
struct SpreadOrder {
  alignas(64) uint8_t at[4][64];
  constexpr SpreadOrder() : at{} {
    for (int g = 0; g < 4; ++g) {
      for (int p = 0; p < 16; ++p) {
        for (int j = 0; j < 4; ++j) {
          const int c = kSwapRB && j != 1 && j != 3 ? 2 - j : j;
          const int in_pixel = j == 3 && kC == 3 ? 0 : c;  // RGB has no alpha sample
          const int sample = kC == 1 ? 16 * g + p : static_cast<int>(kC) * p + in_pixel;
          at[g][4 * p + j] = static_cast<uint8_t>(sample);
        }
      }
    }
  }
};

// The table's bytes for 64 samples.
HWY_INLINE __m512i LookupBytes(const uint8_t* HWY_RESTRICT table, __m512i samples) {
  return LookupPlane(table, samples, _mm512_movepi8_mask(samples));
}

// RGBA8 output: the quantized color byte of each sample (alpha's own byte for RGBA / BGRA,
// 255 where the model has no alpha). RGBA / BGRA: 16 pixels per block, looked up in place;
// RGB / BGR and L: 64 pixels per block (three and one input vectors), looked up first and
// then spread into RGBA by byte permutes.
template <size_t kC, bool kSwapRB>
void SampleTableRow8(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                     const internal::ColorRowParams& p) {
  const internal::SampleTable& table = *p.sample_table;
  static constexpr SpreadOrder<kC, kSwapRB> kSpread{};
  constexpr size_t kPixels = kC == 4 ? 16 : 64;
  const __m512i opaque = _mm512_set1_epi32(static_cast<int>(0xFF000000u));
  auto spread = [](size_t g) HWY_ATTR { return _mm512_load_si512(kSpread.at[g]); };
  ForEachBlock(width, kPixels, kC, 4, src, dst,
               [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                   PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                 if constexpr (kC == 4) {
                   __m512i v = _mm512_loadu_si512(in);
                   if constexpr (kSwapRB) v = _mm512_permutexvar_epi8(spread(0), v);
                   constexpr __mmask64 kAlphaLanes = 0x8888888888888888ull;
                   const __m512i color = LookupBytes(table.color8, v);
                   _mm512_storeu_si512(out, _mm512_mask_blend_epi8(kAlphaLanes, color,
                                                                   LookupBytes(table.alpha8, v)));
                 } else if constexpr (kC == 3) {
                   const __m512i a0 = LookupBytes(table.color8, _mm512_loadu_si512(in));
                   const __m512i a1 = LookupBytes(table.color8, _mm512_loadu_si512(in + 64));
                   const __m512i a2 = LookupBytes(table.color8, _mm512_loadu_si512(in + 128));
                   // Pixels 16 g .. 16 g + 15 start at byte 48 g of the three vectors.
                   const __m512i at[4] = {a0, _mm512_alignr_epi32(a1, a0, 12),
                                          _mm512_alignr_epi32(a2, a1, 8), _mm512_alignr_epi32(a2, a2, 4)};
                   for (size_t g = 0; g < 4; ++g) {
                     const __m512i rgba = _mm512_permutexvar_epi8(spread(0), at[g]);
                     _mm512_storeu_si512(out + 64 * g, _mm512_or_si512(rgba, opaque));
                   }
                 } else {
                   const __m512i l = LookupBytes(table.color8, _mm512_loadu_si512(in));
                   for (size_t g = 0; g < 4; ++g) {
                     const __m512i rgba = _mm512_permutexvar_epi8(spread(g), l);
                     _mm512_storeu_si512(out + 64 * g, _mm512_or_si512(rgba, opaque));
                   }
                 }
               }, p.stream);
}

#endif  // HWY_TARGET == HWY_AVX3_DL

// ---------------------------------------------------------------- RGBAF32 by scalar loads

#define PIXCONV_SCALAR_SAMPLE_TABLE \
  (HWY_TARGET == HWY_AVX2 || HWY_TARGET == HWY_SSE4 || HWY_TARGET == HWY_SSSE3)
#if PIXCONV_SCALAR_SAMPLE_TABLE
// Each output pixel is assembled from the table's whole pixels: L copies pixel v as it is;
// RGB / BGR and RGBA / BGRA take the color value (G of pixel v, the same as its R and B) for
// each color sample and alpha from pixel v's A (RGB / BGR: pixel 0's, the planned kernel's
// constant alpha). Blocks of 16 pixels keep ForEachBlock's streaming of large outputs.
template <size_t kC, bool kSwapRB>
void ScalarTableRow(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& p) {
  const float (*HWY_RESTRICT pixel)[4] = p.sample_table->pixel;
  constexpr size_t kPixels = 16;
  ForEachBlock(width, kPixels, kC, 16, src, dst,
               [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                   PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                 for (size_t i = 0; i < kPixels; ++i, in += kC, out += 16) {
                   if constexpr (kC == 1) {
                     std::memcpy(out, pixel[in[0]], 16);
                   } else {
                     constexpr size_t r = kSwapRB ? 2 : 0, b = 2 - r;
                     const float px[4] = {pixel[in[r]][1], pixel[in[1]][1], pixel[in[b]][1],
                                          pixel[kC == 4 ? in[3] : 0][3]};
                     std::memcpy(out, px, 16);
                   }
                 }
               }, p.stream);
}
#endif  // PIXCONV_SCALAR_SAMPLE_TABLE

template <bool kSigned>
internal::ColorRowFn PickSampleTableLayout(int channels, bool swap_rb, OutputType out) {
#if HWY_TARGET == HWY_AVX3_DL
  if (out == OutputType::RGBA8) {
    switch (channels) {
      case 1: return &SampleTableRow8<1, false>;
      case 3: return swap_rb ? &SampleTableRow8<3, true> : &SampleTableRow8<3, false>;
      case 4: return swap_rb ? &SampleTableRow8<4, true> : &SampleTableRow8<4, false>;
      default: return nullptr;
    }
  }
  switch (channels) {
    case 1: return &SampleTableRow<1, false, kSigned>;
    case 3: return swap_rb ? &SampleTableRow<3, true, kSigned> : &SampleTableRow<3, false, kSigned>;
    case 4: return swap_rb ? &SampleTableRow<4, true, kSigned> : &SampleTableRow<4, false, kSigned>;
    default: return nullptr;
  }
#elif PIXCONV_SCALAR_SAMPLE_TABLE
  if (out == OutputType::RGBA8) return nullptr;
  switch (channels) {
    case 1: return &ScalarTableRow<1, false>;
    case 3: return swap_rb ? &ScalarTableRow<3, true> : &ScalarTableRow<3, false>;
    case 4: return swap_rb ? &ScalarTableRow<4, true> : &ScalarTableRow<4, false>;
    default: return nullptr;
  }
#else
  (void)channels;
  (void)swap_rb;
  (void)out;
  return nullptr;
#endif
}

internal::ColorRowFn PickSampleTableRow(ChannelDatatype t, int channels, bool swap_rb,
                                        OutputType out, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (t) {
    case ChannelDatatype::U8: return PickSampleTableLayout<false>(channels, swap_rb, out);
    case ChannelDatatype::I8: return PickSampleTableLayout<true>(channels, swap_rb, out);
    default: return nullptr;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickSampleTableRow);

ColorRowFn SelectSampleTableRow(ChannelDatatype t, int channels, bool swap_rb, OutputType out,
                                const char** target_name) {
  return HWY_DYNAMIC_DISPATCH(PickSampleTableRow)(t, channels, swap_rb, out, target_name);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
