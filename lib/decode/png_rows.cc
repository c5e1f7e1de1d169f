// Highway kernels for the hottest row expansions: RGB8 to RGBA8 with opaque alpha, 8-bit
// gray to RGBA8, palette indices to RGB8 / RGBA8, 16-bit samples to little-endian, and
// big-endian 16-bit samples straight to RGBA8 / BGRA8.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <bit>
#include <cstring>

#include "convert/byte_shuffle-inl.h"
#include "decode/png_expand.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

#if PIXCONV_HAVE_BYTE_SHUFFLE
// x86: the whole 16-pixel blocks of a row of kC-byte pixels (1: gray, 3: RGB) to RGBA8 by
// Convert's byte-shuffle blocks (convert/byte_shuffle-inl.h), one in-block shuffle per output
// vector where LoadInterleaved3 + StoreInterleaved4 take about ten. Returns the pixels done.
template <size_t kC>
size_t ShuffleBlocksToRgba8(const uint8_t* src, size_t pixels, uint8_t* dst) {
  namespace shuffle = pixconv::HWY_NAMESPACE;
  size_t i = 0;
  for (; i + shuffle::kShuffleBlockPixels <= pixels; i += shuffle::kShuffleBlockPixels) {
    shuffle::ShuffleBlockToRgba<kC, false>(src + kC * i, dst + 4 * i);
  }
  return i;
}
#endif

void Rgb8ToRgba8Row(const uint8_t* src, size_t pixels, uint8_t* dst) {
  size_t i = 0;
#if PIXCONV_HAVE_BYTE_SHUFFLE
  i = ShuffleBlocksToRgba8<3>(src, pixels, dst);
#else
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto opaque = hn::Set(d, 255);
  for (; i + lanes <= pixels; i += lanes) {
    hn::Vec<decltype(d)> r, g, b;
    hn::LoadInterleaved3(d, src + 3 * i, r, g, b);
    hn::StoreInterleaved4(r, g, b, opaque, d, dst + 4 * i);
  }
#endif
  for (; i < pixels; ++i) {
    dst[4 * i] = src[3 * i];
    dst[4 * i + 1] = src[3 * i + 1];
    dst[4 * i + 2] = src[3 * i + 2];
    dst[4 * i + 3] = 255;
  }
}

// Swaps the bytes of each 16-bit sample (the wrapper calls it on little-endian hosts only).
void SwapBytes16Row(const uint8_t* src, size_t samples, uint8_t* dst) {
  const size_t bytes = 2 * samples;
  size_t i = 0;
#if HWY_TARGET != HWY_SCALAR
  const hn::ScalableTag<uint8_t> d8;
  const hn::Repartition<uint16_t, decltype(d8)> d16;
  const size_t lanes = hn::Lanes(d8);
  for (; i + lanes <= bytes; i += lanes) {
    const auto v = hn::BitCast(d16, hn::LoadU(d8, src + i));
    hn::StoreU(hn::BitCast(d8, hn::Or(hn::ShiftLeft<8>(v), hn::ShiftRight<8>(v))), d8, dst + i);
  }
#endif
  for (; i < bytes; i += 2) {
    const uint8_t high = src[i];
    dst[i] = src[i + 1];
    dst[i + 1] = high;
  }
}

// One big-endian 16-bit sample to 8 bits, round(v * 255 / 65535) = floor(v / 257 + 1/2),
// from its two bytes: v = 257 hi + (lo - hi), so with t = lo - hi in [-255, 255] the result is
// hi + floor((t + 128.5) / 257): hi + 1 where t > 128, hi - 1 where t < -128, else hi. The
// same steps as the vector form below.
inline uint8_t Be16To8(const uint8_t* p) {
  const int hi = p[0], t = p[1] - p[0];
  return static_cast<uint8_t>(hi + (t > 128) - (t < -128));
}

#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2
// Big-endian 16-bit gray without a key to RGBA8, 16 pixels a step, returning how many pixels
// it did: Be16To8 on the bytes where they lie (each sample's high byte beside its low byte
// shifted down to it, the result in the even bytes), then one byte shuffle per 8 pixels
// spreads the even bytes to R, G and B. The generic kernel's widening, narrowing and
// interleaving take twice the vector ops.
size_t Be16GrayToRgba8Wide(const uint8_t* src, size_t pixels, uint8_t* dst) {
  const hn::Full256<uint8_t> d;
  const auto one = hn::Set(d, 1);
  const auto half = hn::Set(d, 128);
  const auto opaque = hn::BitCast(d, hn::Set(hn::Full256<uint32_t>(), 0xFF000000u));
  // Bytes 0-7 of the lower 128-bit half to pixels 0-3, bytes 8-15 of the upper to pixels 4-7.
  alignas(32) static constexpr uint8_t kSpread[32] = {
      0,  0,  0,  0x80, 2,  2,  2,  0x80, 4,  4,  4,  0x80, 6,  6,  6,  0x80,
      8,  8,  8,  0x80, 10, 10, 10, 0x80, 12, 12, 12, 0x80, 14, 14, 14, 0x80};
  const auto spread = hn::Load(d, kSpread);
  size_t i = 0;
  for (; i + 16 <= pixels; i += 16) {
    const auto hi = hn::LoadU(d, src + 2 * i);
    const auto lo = hn::ShiftRightBytes<1>(d, hi);
    // Where lo - hi > 128 the sample rounds up to hi + 1; where hi - lo > 128, down to hi - 1.
    const auto up = hn::Min(hn::SaturatedSub(hn::SaturatedSub(lo, hi), half), one);
    const auto down = hn::Min(hn::SaturatedSub(hn::SaturatedSub(hi, lo), half), one);
    const auto q = hn::Sub(hn::Add(hi, up), down);
    hn::StoreU(hn::Or(hn::TableLookupBytesOr0(hn::ConcatLowerLower(d, q, q), spread), opaque), d,
               dst + 4 * i);
    hn::StoreU(hn::Or(hn::TableLookupBytesOr0(hn::ConcatUpperUpper(d, q, q), spread), opaque), d,
               dst + 4 * i + 32);
  }
  return i;
}
#endif

// `pixels` pixels of kC big-endian 16-bit samples (gray, gray + alpha, RGB, RGBA) to RGBA8,
// or BGRA8 with kSwapRB. With a `key` (gray and RGB), alpha is 0 where every sample equals
// the key's, compared on the 16-bit values.
template <size_t kC, bool kSwapRB>
void Be16ToRgba8Pixels(const uint8_t* src, size_t pixels, const uint16_t* key, uint8_t* dst) {
  constexpr bool kKeyed = kC == 1 || kC == 3;
  size_t i = 0;
  const hn::ScalableTag<uint16_t> d16;
  const hn::RebindToSigned<decltype(d16)> di;
  const hn::Rebind<uint8_t, decltype(d16)> d8;
  const size_t lanes = hn::Lanes(d16);
  using V16 = hn::Vec<decltype(d16)>;
  const auto low_byte = hn::Set(d16, 0xFF);
  const auto above = hn::Set(di, 128);
  const auto below = hn::Set(di, -128);
  // A lane holds the sample's bytes swapped on a little-endian host: hi in the low byte.
  auto to8 = [&](V16 v) HWY_ATTR {
    const auto hi = hn::BitCast(di, hn::And(v, low_byte));
    const auto t = hn::Sub(hn::BitCast(di, hn::ShiftRight<8>(v)), hi);
    const auto q = hn::Sub(hn::Add(hi, hn::VecFromMask(di, hn::Lt(t, below))),
                           hn::VecFromMask(di, hn::Gt(t, above)));
    return hn::DemoteTo(d8, q);
  };
  auto swapped = [](uint16_t k) { return static_cast<uint16_t>((k >> 8) | (k << 8)); };
  const bool keyed = kKeyed && key != nullptr;
  const auto key0 = hn::Set(d16, keyed ? swapped(key[0]) : 0);
  const auto key1 = hn::Set(d16, keyed && kC == 3 ? swapped(key[1]) : 0);
  const auto key2 = hn::Set(d16, keyed && kC == 3 ? swapped(key[2]) : 0);
  const auto opaque = hn::Set(d8, 255);
  const auto opaque16 = hn::Set(d16, 255);
  // 0 where `clear`, else 255, as 8-bit lanes.
  auto alpha_of = [&](hn::Mask<decltype(d16)> clear) HWY_ATTR {
    return hn::DemoteTo(d8, hn::BitCast(di, hn::IfThenZeroElse(clear, opaque16)));
  };
  const auto* in = reinterpret_cast<const uint16_t*>(src);
#if HWY_ARCH_X86 && HWY_TARGET <= HWY_AVX2
  if constexpr (kC == 1) {
    if (!keyed) i = Be16GrayToRgba8Wide(src, pixels, dst);
  }
#endif
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + lanes <= pixels; i += lanes) {
      if constexpr (kC == 1) {
        const V16 v = hn::LoadU(d16, in + i);
        const auto g = to8(v);
        const auto a = keyed ? alpha_of(hn::Eq(v, key0)) : opaque;
        hn::StoreInterleaved4(g, g, g, a, d8, dst + 4 * i);
      } else if constexpr (kC == 2) {
        V16 v, a;
        hn::LoadInterleaved2(d16, in + 2 * i, v, a);
        const auto g = to8(v);
        hn::StoreInterleaved4(g, g, g, to8(a), d8, dst + 4 * i);
      } else {
        V16 r, g, b, a;
        if constexpr (kC == 3) {
          hn::LoadInterleaved3(d16, in + 3 * i, r, g, b);
        } else {
          hn::LoadInterleaved4(d16, in + 4 * i, r, g, b, a);
        }
        auto alpha = opaque;
        if constexpr (kC == 4) {
          alpha = to8(a);
        } else if (keyed) {
          const auto clear = hn::And(hn::And(hn::Eq(r, key0), hn::Eq(g, key1)), hn::Eq(b, key2));
          alpha = alpha_of(clear);
        }
        const auto r8 = to8(r), b8 = to8(b);
        hn::StoreInterleaved4(kSwapRB ? b8 : r8, to8(g), kSwapRB ? r8 : b8, alpha, d8,
                              dst + 4 * i);
      }
    }
  }
  for (; i < pixels; ++i) {
    const uint8_t* p = src + 2 * kC * i;
    uint8_t* out = dst + 4 * i;
    const uint8_t c0 = Be16To8(p);
    if constexpr (kC <= 2) {
      out[0] = out[1] = out[2] = c0;
      out[3] = kC == 2 ? Be16To8(p + 2) : 255;
    } else {
      out[kSwapRB ? 2 : 0] = c0;
      out[1] = Be16To8(p + 2);
      out[kSwapRB ? 0 : 2] = Be16To8(p + 4);
      out[3] = kC == 4 ? Be16To8(p + 6) : 255;
    }
    if (keyed) {
      bool clear = (p[0] << 8 | p[1]) == key[0];
      if constexpr (kC == 3) {
        clear = clear && (p[2] << 8 | p[3]) == key[1] && (p[4] << 8 | p[5]) == key[2];
      }
      if (clear) out[3] = 0;
    }
  }
}

void Be16ToRgba8Row(const uint8_t* src, size_t pixels, int channels, const uint16_t* key,
                    bool bgra, uint8_t* dst) {
  switch (channels) {
    case 1: Be16ToRgba8Pixels<1, false>(src, pixels, key, dst); break;
    case 2: Be16ToRgba8Pixels<2, false>(src, pixels, key, dst); break;
    case 3:
      if (bgra) Be16ToRgba8Pixels<3, true>(src, pixels, key, dst);
      else Be16ToRgba8Pixels<3, false>(src, pixels, key, dst);
      break;
    default:
      if (bgra) Be16ToRgba8Pixels<4, true>(src, pixels, key, dst);
      else Be16ToRgba8Pixels<4, false>(src, pixels, key, dst);
      break;
  }
}

void Gray8ToRgba8Row(const uint8_t* src, size_t pixels, int key, uint8_t* dst) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto opaque = hn::Set(d, 255);
  // A key of 256 or more matches no sample: every pixel is opaque.
  const auto key_v = hn::Set(d, static_cast<uint8_t>(key));
  size_t i = 0;
  if (key > 255) {
#if PIXCONV_HAVE_BYTE_SHUFFLE
    i = ShuffleBlocksToRgba8<1>(src, pixels, dst);
#else
    for (; i + lanes <= pixels; i += lanes) {
      const auto g = hn::LoadU(d, src + i);
      hn::StoreInterleaved4(g, g, g, opaque, d, dst + 4 * i);
    }
#endif
  } else {
    for (; i + lanes <= pixels; i += lanes) {
      const auto g = hn::LoadU(d, src + i);
      hn::StoreInterleaved4(g, g, g, hn::IfThenZeroElse(hn::Eq(g, key_v), opaque), d,
                            dst + 4 * i);
    }
  }
  for (; i < pixels; ++i) {
    const uint8_t g = src[i];
    dst[4 * i] = dst[4 * i + 1] = dst[4 * i + 2] = g;
    dst[4 * i + 3] = g == key ? 0 : 255;
  }
}

// Pixels [begin, end) from the palette, one copy each.
void PalettePixels(const uint8_t* index, size_t begin, size_t end, const uint8_t (*palette)[4],
                   size_t channels, uint8_t* dst) {
  if (channels == 4) {
    for (size_t i = begin; i < end; ++i) std::memcpy(dst + 4 * i, palette[index[i]], 4);
  } else {
    for (size_t i = begin; i < end; ++i) std::memcpy(dst + 3 * i, palette[index[i]], 3);
  }
}

// Palette indices to RGB8 (channels 3) or RGBA8 (4). Where a whole vector of indices is below
// 16, each channel is a 16-byte table lookup; other vectors copy pixel by pixel.
void PaletteRow(const uint8_t* index, size_t pixels, const uint8_t (*palette)[4],
                size_t channels, uint8_t* dst) {
#if HWY_TARGET == HWY_SCALAR
  PalettePixels(index, 0, pixels, palette, channels, dst);
#else
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  alignas(16) uint8_t planes[4][16];
  for (size_t c = 0; c < 4; ++c) {
    for (size_t e = 0; e < 16; ++e) planes[c][e] = palette[e][c];
  }
  const auto r_table = hn::LoadDup128(d, planes[0]);
  const auto g_table = hn::LoadDup128(d, planes[1]);
  const auto b_table = hn::LoadDup128(d, planes[2]);
  const auto a_table = hn::LoadDup128(d, planes[3]);
  const auto last = hn::Set(d, 15);
  size_t i = 0;
  for (; i + lanes <= pixels; i += lanes) {
    const auto x = hn::LoadU(d, index + i);
    if (!hn::AllFalse(d, hn::Gt(x, last))) {
      PalettePixels(index, i, i + lanes, palette, channels, dst);
      continue;
    }
    const auto r = hn::TableLookupBytes(r_table, x);
    const auto g = hn::TableLookupBytes(g_table, x);
    const auto b = hn::TableLookupBytes(b_table, x);
    if (channels == 4) {
      hn::StoreInterleaved4(r, g, b, hn::TableLookupBytes(a_table, x), d, dst + 4 * i);
    } else {
      hn::StoreInterleaved3(r, g, b, d, dst + 3 * i);
    }
  }
  PalettePixels(index, i, pixels, palette, channels, dst);
#endif
}

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(Rgb8ToRgba8Row);
HWY_EXPORT(Gray8ToRgba8Row);
HWY_EXPORT(SwapBytes16Row);
HWY_EXPORT(PaletteRow);
HWY_EXPORT(Be16ToRgba8Row);

void Rgb8ToRgba8(const uint8_t* src, size_t pixels, uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(Rgb8ToRgba8Row)(src, pixels, dst);
}

void Be16ToNative(const uint8_t* src, size_t samples, uint8_t* dst) {
  if constexpr (std::endian::native == std::endian::big) {
    std::memmove(dst, src, 2 * samples);
  } else {
    HWY_DYNAMIC_DISPATCH(SwapBytes16Row)(src, samples, dst);
  }
}

void Be16ToRgba8(const uint8_t* src, size_t pixels, int channels, const uint16_t* key, bool bgra,
                 uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(Be16ToRgba8Row)(src, pixels, channels, key, bgra, dst);
}

void Gray8ToRgba8(const uint8_t* src, size_t pixels, int key, uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(Gray8ToRgba8Row)(src, pixels, key, dst);
}

void PaletteToRgb8(const uint8_t* index, size_t pixels, const uint8_t (*palette)[4],
                   size_t channels, uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(PaletteRow)(index, pixels, palette, channels, dst);
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
