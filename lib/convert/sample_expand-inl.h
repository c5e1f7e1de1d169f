// RGBA f32 pixels from float vectors of samples kept in memory order (x86 AVX2 and AVX-512).
//
// A color-model kernel can load its samples as they lie (R G B R G B ... for RGB), normalize
// and transfer every one of them alike (an RGB image has no alpha to skip), and only then
// turn them into RGBA pixels. Highway's LoadInterleaved3 + StoreInterleaved4 instead split the
// channels on load and zip them again on store: about two dozen shuffles per 16 pixels on x86,
// which made the shuffle units, not the sRGB polynomial, the bound of RGB -> RGBAF32. Here each
// output vector of whole pixels comes from at most two sample vectors through one two-table
// permute (AVX-512; alpha lanes come from the index vector itself) or two permutes and two
// blends (AVX2). Gray (L) pixels take the same route: one permute per output vector instead
// of StoreInterleaved4(l, l, l, 1). On AVX2 the two permutes and two blends only pay against
// the (de)interleaving of 8- and 16-bit samples, so color_rows-inl.h keeps 32- and 64-bit RGB
// on the interleaved path there.
//
// ARM keeps the interleaved path: vld3 / vst4 deinterleave and interleave natively there.

#if defined(PIXCONV_CONVERT_SAMPLE_EXPAND_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_SAMPLE_EXPAND_INL_H_
#undef PIXCONV_CONVERT_SAMPLE_EXPAND_INL_H_
#else
#define PIXCONV_CONVERT_SAMPLE_EXPAND_INL_H_
#endif

#include <cstddef>
#include <cstdint>

#include "hwy/highway.h"

// Where these functions exist; defined again for each target this header is compiled for.
// On x86 the targets at or above HWY_AVX3 are AVX3 and AVX3_DL (both AVX-512).
#undef PIXCONV_HAVE_SAMPLE_EXPAND
#undef PIXCONV_HAVE_RGBA_COLOR_PACK
#if HWY_ARCH_X86 && (HWY_TARGET == HWY_AVX2 || HWY_TARGET <= HWY_AVX3)
#define PIXCONV_HAVE_SAMPLE_EXPAND 1
#else
#define PIXCONV_HAVE_SAMPLE_EXPAND 0
#endif
// RgbaSamplesToPacked / PackedToRgbaSamples: AVX-512 only (masked permutes).
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX3
#define PIXCONV_HAVE_RGBA_COLOR_PACK 1
#else
#define PIXCONV_HAVE_RGBA_COLOR_PACK 0
#endif

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if PIXCONV_HAVE_SAMPLE_EXPAND

// Where lane `lane` of output vector `out` (of 4) finds its value when n pixels of samples
// in memory order become n RGBA pixels: sample vector `vec` (-1: alpha), lane `at` of it.
// `channels` is 3 (RGB, or BGR with swap) or 1 (gray, every color lane the same sample).
struct ExpandSource {
  int vec;
  int at;
};
constexpr ExpandSource ExpandLane(int n, int channels, bool swap, int out, int lane) {
  const int pixel = out * n / 4 + lane / 4, c = lane % 4;
  if (c == 3) return {-1, 0};
  const int s = channels == 1 ? pixel : 3 * pixel + (swap ? 2 - c : c);
  return {s / n, s % n};
}
// Output vector `out` draws on sample vectors first and first + 1 only.
constexpr int FirstSource(int channels, int out) { return channels == 1 ? 0 : 3 * out / 4; }

// Index vectors for the permutes, one row of int32 lanes per output vector.
template <int kN, int kChannels, bool kSwap, bool kTwoTables>
struct ExpandIndices {
  alignas(64) int32_t lanes[4][kN];
  constexpr ExpandIndices() : lanes{} {
    for (int out = 0; out < 4; ++out) {
      for (int lane = 0; lane < kN; ++lane) {
        const ExpandSource src = ExpandLane(kN, kChannels, kSwap, out, lane);
        if (src.vec < 0) {
          // AVX-512 copies unselected lanes from the index vector: 1.0f's bit pattern there
          // is the alpha. AVX2 blends alpha in and ignores the lane.
          lanes[out][lane] = kTwoTables ? 0x3F800000 : 0;
        } else {
          const bool second = src.vec != FirstSource(kChannels, out);
          lanes[out][lane] = src.at + (kTwoTables && second ? kN : 0);
        }
      }
    }
  }
};

// Bit `lane` set where output vector `out` takes sample vector first + 1: the AVX2 blend
// immediate. (The AVX-512 permute mask is ColorLaneBits: every lane that takes a sample.)
constexpr int SecondSourceBits(int n, int channels, bool swap, int out) {
  int bits = 0;
  for (int lane = 0; lane < n; ++lane) {
    const ExpandSource src = ExpandLane(n, channels, swap, out, lane);
    if (src.vec >= 0 && src.vec != FirstSource(channels, out)) bits |= 1 << lane;
  }
  return bits;
}
constexpr int ColorLaneBits(int n) {
  int bits = 0;
  for (int lane = 0; lane < n; ++lane) bits |= (lane % 4 != 3) << lane;
  return bits;
}

// Stores output vector `out` of the samples s (kChannels of them per pixel).
template <int kChannels, bool kSwap, int kOut, class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreExpanded(DF df, const V* s, float* HWY_RESTRICT dst) {
  constexpr int kN = static_cast<int>(hn::MaxLanes(DF()));
  constexpr int kFirst = FirstSource(kChannels, kOut);
  constexpr int kSecond = kChannels == 1 ? 0 : (kFirst + 1 < kChannels ? kFirst + 1 : kFirst);
#if HWY_TARGET <= HWY_AVX3
  static constexpr ExpandIndices<kN, kChannels, kSwap, true> kIdx{};
  const __m512i idx = _mm512_load_si512(kIdx.lanes[kOut]);
  const __mmask16 color = static_cast<__mmask16>(ColorLaneBits(kN));
  const V v{_mm512_mask2_permutex2var_ps(s[kFirst].raw, idx, color, s[kSecond].raw)};
#else
  static constexpr ExpandIndices<kN, kChannels, kSwap, false> kIdx{};
  const __m256i idx = _mm256_load_si256(reinterpret_cast<const __m256i*>(kIdx.lanes[kOut]));
  __m256 v_raw = _mm256_permutevar8x32_ps(s[kFirst].raw, idx);
  constexpr int kFromSecond = SecondSourceBits(kN, kChannels, kSwap, kOut);
  if constexpr (kFromSecond != 0) {
    v_raw = _mm256_blend_ps(v_raw, _mm256_permutevar8x32_ps(s[kSecond].raw, idx), kFromSecond);
  }
  constexpr int kAlpha = ~ColorLaneBits(kN) & 0xFF;
  const V v{_mm256_blend_ps(v_raw, _mm256_set1_ps(1.0f), kAlpha)};
#endif
  hn::StoreU(v, df, dst + kOut * kN);
}

// Writes the n = Lanes(df) pixels whose RGB samples (BGR with kSwapRB) are s0, s1, s2 in
// memory order as RGBA f32 with alpha 1: 4n floats at dst.
template <bool kSwapRB, class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreRgbSamplesAsRgbaF32(DF df, V s0, V s1, V s2, uint8_t* HWY_RESTRICT dst) {
  const V s[3] = {s0, s1, s2};
  float* HWY_RESTRICT out = reinterpret_cast<float*>(dst);
  StoreExpanded<3, kSwapRB, 0>(df, s, out);
  StoreExpanded<3, kSwapRB, 1>(df, s, out);
  StoreExpanded<3, kSwapRB, 2>(df, s, out);
  StoreExpanded<3, kSwapRB, 3>(df, s, out);
}

// Writes n gray values as RGBA f32 pixels (l, l, l, 1).
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE void StoreGrayAsRgbaF32(DF df, V l, uint8_t* HWY_RESTRICT dst) {
  const V s[1] = {l};
  float* HWY_RESTRICT out = reinterpret_cast<float*>(dst);
  StoreExpanded<1, false, 0>(df, s, out);
  StoreExpanded<1, false, 1>(df, s, out);
  StoreExpanded<1, false, 2>(df, s, out);
  StoreExpanded<1, false, 3>(df, s, out);
}

#if PIXCONV_HAVE_RGBA_COLOR_PACK
// ---------------------------------------------------------------- RGBA: color lanes only

// With a transfer, RGBA and BGRA samples in memory order would run the sRGB curve on their
// alpha lanes too (a third more curve work than the color needs), and splitting the channels
// apart costs Highway's (de)interleave: about two dozen shuffles per 16 pixels. Instead, four
// sample vectors v0..v3 (16 pixels) become three vectors of color samples only: v0, v1 and v2
// keep their color lanes and take v3's twelve color samples into their alpha lanes, one
// masked permute each. After the curve, v0..v2 get their alpha lanes back from the originals
// (a blend each) and v3 its color samples from the three (masked permutes again): six
// permutes and three blends per 16 pixels, and three curves instead of four.

// The permute indices for 16 float lanes. v3's color sample j (0..11, at lane 4 (j / 3) +
// j % 3) travels in alpha lane 4 (j % 4) + 3 of packed vector j / 4.
struct RgbaColorPackIndices {
  alignas(64) int32_t pack[3][16];  // packed vector k, alpha lane: the lane of v3 it takes
  alignas(64) int32_t unpack[16];   // v3, color lane: the lane of its packed vector
  constexpr RgbaColorPackIndices() : pack{}, unpack{} {
    for (int j = 0; j < 12; ++j) {
      const int v3_lane = 4 * (j / 3) + j % 3, packed_lane = 4 * (j % 4) + 3;
      pack[j / 4][packed_lane] = v3_lane;
      unpack[v3_lane] = packed_lane;
    }
  }
};
// The color lanes of v3 whose samples travel in packed vector k.
constexpr uint32_t UnpackLaneBits(int k) {
  uint32_t bits = 0;
  for (int j = 4 * k; j < 4 * k + 4; ++j) bits |= 1u << (4 * (j / 3) + j % 3);
  return bits;
}
inline constexpr RgbaColorPackIndices kRgbaColorPack{};
// The alpha lanes (every fourth) of 16 float lanes.
inline constexpr __mmask16 kRgbaAlphaLanes = static_cast<__mmask16>(~ColorLaneBits(16));

// v[0..3]: 16 RGBA (or BGRA) pixels of samples in memory order. Returns in c[0..2] their 48
// color samples (in an order of its own), for PackedToRgbaSamples to put back.
template <class DF, class V = hn::Vec<DF>>
HWY_INLINE void RgbaSamplesToPacked(DF /*df*/, const V* v, V* c) {
  static_assert(hn::MaxLanes(DF()) == 16, "16 float lanes: AVX-512");
  for (int k = 0; k < 3; ++k) {
    const __m512i idx = _mm512_load_si512(kRgbaColorPack.pack[k]);
    c[k] = V{_mm512_mask_permutexvar_ps(v[k].raw, kRgbaAlphaLanes, idx, v[3].raw)};
  }
}

// The inverse: v[0..3] keep their alpha lanes and take their color lanes from c[0..2]. With
// kSwapRB the pixels come out with R and B exchanged (BGRA in, RGBA out).
template <bool kSwapRB, class DF, class V = hn::Vec<DF>>
HWY_INLINE void PackedToRgbaSamples(DF /*df*/, const V* c, V* v) {
  const __m512i idx = _mm512_load_si512(kRgbaColorPack.unpack);
  __m512 last = v[3].raw;
  for (int k = 0; k < 3; ++k) {
    last = _mm512_mask_permutexvar_ps(last, static_cast<__mmask16>(UnpackLaneBits(k)), idx, c[k].raw);
  }
  for (int k = 0; k < 3; ++k) v[k] = V{_mm512_mask_mov_ps(c[k].raw, kRgbaAlphaLanes, v[k].raw)};
  v[3] = V{last};
  if constexpr (kSwapRB) {
    for (int k = 0; k < 4; ++k) v[k] = V{_mm512_permute_ps(v[k].raw, _MM_SHUFFLE(3, 0, 1, 2))};
  }
}
#endif  // PIXCONV_HAVE_RGBA_COLOR_PACK

#endif  // PIXCONV_HAVE_SAMPLE_EXPAND

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_SAMPLE_EXPAND_INL_H_
