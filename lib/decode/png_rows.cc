// Highway kernels for the hottest row expansions: RGB8 to RGBA8 with opaque alpha, 8-bit
// gray to RGBA8, palette indices to RGB8 / RGBA8, and 16-bit samples to little-endian.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <bit>
#include <cstring>

#include "decode/png_expand.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void Rgb8ToRgba8Row(const uint8_t* src, size_t pixels, uint8_t* dst) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto opaque = hn::Set(d, 255);
  size_t i = 0;
  for (; i + lanes <= pixels; i += lanes) {
    hn::Vec<decltype(d)> r, g, b;
    hn::LoadInterleaved3(d, src + 3 * i, r, g, b);
    hn::StoreInterleaved4(r, g, b, opaque, d, dst + 4 * i);
  }
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

void Gray8ToRgba8Row(const uint8_t* src, size_t pixels, int key, uint8_t* dst) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto opaque = hn::Set(d, 255);
  // A key of 256 or more matches no sample: every pixel is opaque.
  const auto key_v = hn::Set(d, static_cast<uint8_t>(key));
  size_t i = 0;
  if (key > 255) {
    for (; i + lanes <= pixels; i += lanes) {
      const auto g = hn::LoadU(d, src + i);
      hn::StoreInterleaved4(g, g, g, opaque, d, dst + 4 * i);
    }
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

void Gray8ToRgba8(const uint8_t* src, size_t pixels, int key, uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(Gray8ToRgba8Row)(src, pixels, key, dst);
}

void PaletteToRgb8(const uint8_t* index, size_t pixels, const uint8_t (*palette)[4],
                   size_t channels, uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(PaletteRow)(index, pixels, palette, channels, dst);
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
