// From unfiltered PNG rows to the pixels the decoder writes: sub-byte samples unpacked,
// palettes and tRNS expanded, gray spread to RGB where the output has color, 16-bit samples
// put in native byte order (the model) or rounded to 8 bits (RGBA8, BGRA8).
#pragma once

#include <cstddef>
#include <cstdint>

#include "decode/png_format.h"

namespace pixconv::decode_internal {

enum class PngPixels : uint8_t {
  kModel,  // the input model of lib/README.md 5 (L, RGB or RGBA; U8 or native U16)
  kRgba8,  // 16-bit samples rounded to round(v * 255 / 65535)
  kBgra8,
};

// Bytes of one output pixel.
size_t OutputPixelBytes(const PngStructure& png, PngPixels pixels);

// Writes `width` packed output pixels to dst from one unfiltered row `src`. `scratch` holds
// `width` bytes, used to unpack 1, 2 and 4-bit samples.
void ExpandRow(const PngStructure& png, PngPixels pixels, const uint8_t* src, uint32_t width,
               uint8_t* dst, uint8_t* scratch);

// SIMD: `pixels` RGB8 pixels to RGBA8 with alpha 255 (png_rows.cc).
void Rgb8ToRgba8(const uint8_t* src, size_t pixels, uint8_t* dst);

// SIMD: `samples` big-endian 16-bit samples to native byte order.
void Be16ToNative(const uint8_t* src, size_t samples, uint8_t* dst);

// SIMD: `pixels` pixels of `channels` big-endian 16-bit samples (1 gray, 2 gray + alpha,
// 3 RGB, 4 RGBA) to RGBA8, or BGRA8 when `bgra`, each sample round(v * 255 / 65535) as the
// exact U16 convert kernel gives it. With a `key` (gray: 1 value, RGB: 3), alpha is 0 where
// the pixel's 16-bit samples equal the key, else 255.
void Be16ToRgba8(const uint8_t* src, size_t pixels, int channels, const uint16_t* key, bool bgra,
                 uint8_t* dst);

// SIMD: `pixels` 8-bit gray samples to RGBA8; alpha 0 where the sample equals `key`, else
// 255 (a key above 255: always 255).
void Gray8ToRgba8(const uint8_t* src, size_t pixels, int key, uint8_t* dst);

// SIMD: `pixels` 8-bit palette indices to the first `channels` (3 or 4) bytes of their
// palette entries, packed.
void PaletteToRgb8(const uint8_t* index, size_t pixels, const uint8_t (*palette)[4],
                   size_t channels, uint8_t* dst);

}  // namespace pixconv::decode_internal
