// Row expansion (png_expand.h). One function per color type; each writes RGBA (RGBA8, BGRA8,
// and the model's RGBA when the image has tRNS or alpha) or the model's own L / RGB. 16-bit
// samples to RGBA8 / BGRA8 take one kernel for every color type (png_rows.cc).
#include "decode/png_expand.h"

#include <cstring>
#include <utility>

namespace pixconv::decode_internal {
namespace {

uint16_t Be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }

void Put16(uint8_t* dst, uint16_t v) { std::memcpy(dst, &v, 2); }

// True when the output is 4 channels: RGBA8 / BGRA8, or a model of RGBA.
bool OutputsRgba(const PngStructure& png, PngPixels pixels) {
  if (pixels != PngPixels::kModel) return true;
  const uint8_t type = png.header.color_type;
  return type == kPngGrayAlpha || type == kPngRgba || png.has_trns;
}

// Unpacks 1, 2 or 4-bit samples, most significant bits first, to one byte each.
void Unpack(const uint8_t* src, uint32_t width, int bits, uint8_t* out) {
  const int per_byte = 8 / bits;
  const unsigned mask = (1u << bits) - 1;
  for (uint32_t i = 0; i < width; ++i) {
    const int shift = 8 - bits * (1 + static_cast<int>(i % per_byte));
    out[i] = static_cast<uint8_t>((src[i / per_byte] >> shift) & mask);
  }
}

void Gray(const PngStructure& png, bool rgba, const uint8_t* src, uint32_t width, uint8_t* dst,
          uint8_t* scratch) {
  const int bits = png.header.bit_depth;
  if (bits == 16) {
    if (!rgba) {
      Be16ToNative(src, width, dst);
      return;
    }
    for (uint32_t i = 0; i < width; ++i) {
      const uint16_t g = Be16(src + 2 * i);
      const uint16_t a = png.has_trns && g == png.trns_key[0] ? 0 : 0xFFFF;
      Put16(dst + 8 * i, g);
      Put16(dst + 8 * i + 2, g);
      Put16(dst + 8 * i + 4, g);
      Put16(dst + 8 * i + 6, a);
    }
    return;
  }
  const uint8_t* v = src;
  if (bits < 8) {
    Unpack(src, width, bits, scratch);
    v = scratch;
  }
  const int scale = bits == 1 ? 255 : bits == 2 ? 85 : bits == 4 ? 17 : 1;
  if (rgba && bits == 8) {
    Gray8ToRgba8(v, width, png.has_trns ? int{png.trns_key[0]} : 256, dst);
    return;
  }
  if (!rgba) {
    for (uint32_t i = 0; i < width; ++i) dst[i] = static_cast<uint8_t>(v[i] * scale);
    return;
  }
  for (uint32_t i = 0; i < width; ++i) {
    const uint8_t g = static_cast<uint8_t>(v[i] * scale);
    dst[4 * i] = g;
    dst[4 * i + 1] = g;
    dst[4 * i + 2] = g;
    dst[4 * i + 3] = png.has_trns && v[i] == png.trns_key[0] ? 0 : 255;
  }
}

void Palette(const PngStructure& png, bool rgba, const uint8_t* src, uint32_t width, uint8_t* dst,
             uint8_t* scratch) {
  const uint8_t* index = src;
  if (png.header.bit_depth < 8) {
    Unpack(src, width, png.header.bit_depth, scratch);
    index = scratch;
  }
  PaletteToRgb8(index, width, png.palette, rgba ? 4 : 3, dst);
}

void Rgb(const PngStructure& png, bool rgba, const uint8_t* src, uint32_t width, uint8_t* dst) {
  if (png.header.bit_depth == 16) {
    if (!rgba) {
      Be16ToNative(src, size_t{width} * 3, dst);
      return;
    }
    for (uint32_t i = 0; i < width; ++i) {
      const uint8_t* p = src + 6 * i;
      const uint16_t r = Be16(p), g = Be16(p + 2), b = Be16(p + 4);
      const bool clear = png.has_trns && r == png.trns_key[0] && g == png.trns_key[1] &&
                         b == png.trns_key[2];
      Put16(dst + 8 * i, r);
      Put16(dst + 8 * i + 2, g);
      Put16(dst + 8 * i + 4, b);
      Put16(dst + 8 * i + 6, clear ? 0 : 0xFFFF);
    }
    return;
  }
  if (!rgba) {
    std::memcpy(dst, src, size_t{width} * 3);
    return;
  }
  Rgb8ToRgba8(src, width, dst);
  if (!png.has_trns) return;
  for (uint32_t i = 0; i < width; ++i) {
    const uint8_t* p = src + 3 * i;
    if (p[0] == png.trns_key[0] && p[1] == png.trns_key[1] && p[2] == png.trns_key[2]) {
      dst[4 * i + 3] = 0;
    }
  }
}

void GrayAlpha(const PngStructure& png, const uint8_t* src, uint32_t width, uint8_t* dst) {
  if (png.header.bit_depth == 16) {
    for (uint32_t i = 0; i < width; ++i) {
      const uint16_t g = Be16(src + 4 * i), a = Be16(src + 4 * i + 2);
      Put16(dst + 8 * i, g);
      Put16(dst + 8 * i + 2, g);
      Put16(dst + 8 * i + 4, g);
      Put16(dst + 8 * i + 6, a);
    }
    return;
  }
  for (uint32_t i = 0; i < width; ++i) {
    const uint8_t g = src[2 * i];
    dst[4 * i] = g;
    dst[4 * i + 1] = g;
    dst[4 * i + 2] = g;
    dst[4 * i + 3] = src[2 * i + 1];
  }
}

void Rgba(const PngStructure& png, const uint8_t* src, uint32_t width, uint8_t* dst) {
  if (png.header.bit_depth == 16) {
    Be16ToNative(src, size_t{width} * 4, dst);
    return;
  }
  std::memcpy(dst, src, size_t{width} * 4);
}

}  // namespace

size_t OutputPixelBytes(const PngStructure& png, PngPixels pixels) {
  if (pixels != PngPixels::kModel) return 4;
  const size_t sample = png.header.bit_depth == 16 ? 2 : 1;
  if (OutputsRgba(png, pixels)) return 4 * sample;
  const uint8_t type = png.header.color_type;
  return (type == kPngGray ? 1 : 3) * sample;
}

void ExpandRow(const PngStructure& png, PngPixels pixels, const uint8_t* src, uint32_t width,
               uint8_t* dst, uint8_t* scratch) {
  if (pixels != PngPixels::kModel && png.header.bit_depth == 16) {
    Be16ToRgba8(src, width, png.header.Channels(), png.has_trns ? png.trns_key : nullptr,
                pixels == PngPixels::kBgra8, dst);
    return;
  }
  const bool rgba = OutputsRgba(png, pixels);
  switch (png.header.color_type) {
    case kPngGray: Gray(png, rgba, src, width, dst, scratch); break;
    case kPngPalette: Palette(png, rgba, src, width, dst, scratch); break;
    case kPngRgb: Rgb(png, rgba, src, width, dst); break;
    case kPngGrayAlpha: GrayAlpha(png, src, width, dst); break;
    default: Rgba(png, src, width, dst); break;
  }
  if (pixels == PngPixels::kBgra8) {
    for (uint32_t i = 0; i < width; ++i) std::swap(dst[4 * i], dst[4 * i + 2]);
  }
}

}  // namespace pixconv::decode_internal
