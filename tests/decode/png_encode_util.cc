#include "png_encode_util.h"

#include <png.h>

#include <cstdlib>

namespace pixconv::decode_test {
namespace {

int Channels(int color_type) {
  switch (color_type) {
    case PNG_COLOR_TYPE_RGB: return 3;
    case PNG_COLOR_TYPE_GRAY_ALPHA: return 2;
    case PNG_COLOR_TYPE_RGBA: return 4;
    default: return 1;
  }
}

size_t RowBytes(const TestPngSpec& spec) {
  return (size_t{spec.width} * Channels(spec.color_type) * spec.bit_depth + 7) / 8;
}

void AppendBytes(png_structp png, png_bytep data, size_t length) {
  auto* out = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

void NoFlush(png_structp) {}

// The libpng calls, with only trivially destructible locals (setjmp rules).
bool EncodeUnsafe(const TestPngSpec& spec, const uint8_t* rows, size_t row_bytes,
                  std::vector<uint8_t>* out) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, info ? &info : nullptr);
    return false;
  }
  png_set_write_fn(png, out, AppendBytes, NoFlush);
  png_set_IHDR(png, info, spec.width, spec.height, spec.bit_depth, spec.color_type,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (spec.filters >= 0) png_set_filter(png, 0, spec.filters);
  png_set_compression_level(png, spec.compression_level);
  png_color palette[256];
  png_byte alpha[256];
  for (int i = 0; i < 256; ++i) {
    palette[i] = png_color{static_cast<png_byte>(i * 7), static_cast<png_byte>(255 - i),
                           static_cast<png_byte>(i * 13 + 5)};
    if (size_t{3} * i + 2 < spec.palette_rgb.size()) {
      palette[i] = png_color{spec.palette_rgb[3 * i], spec.palette_rgb[3 * i + 1],
                             spec.palette_rgb[3 * i + 2]};
    }
    alpha[i] = static_cast<png_byte>(i * 37);
  }
  if (spec.color_type == PNG_COLOR_TYPE_PALETTE) {
    png_set_PLTE(png, info, palette, spec.palette_entries);
  }
  if (spec.trns) {
    const png_uint_16 max = static_cast<png_uint_16>((1u << spec.bit_depth) - 1);
    png_color_16 key{0, static_cast<png_uint_16>(max / 3), static_cast<png_uint_16>(max / 2),
                     static_cast<png_uint_16>(max / 5), static_cast<png_uint_16>(max / 3)};
    const int entries = spec.palette_entries > 1 ? spec.palette_entries - 1 : 1;
    png_set_tRNS(png, info, alpha, spec.color_type == PNG_COLOR_TYPE_PALETTE ? entries : 0, &key);
  }
  png_write_info(png, info);
  const int passes = png_set_interlace_handling(png);
  for (int pass = 0; pass < passes; ++pass) {
    for (uint32_t y = 0; y < spec.height; ++y) {
      png_write_row(png, rows + y * row_bytes);
    }
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

std::vector<uint8_t> TestPngRows(const TestPngSpec& spec, uint32_t seed) {
  const size_t row_bytes = RowBytes(spec);
  std::vector<uint8_t> rows(row_bytes * spec.height);
  uint32_t state = seed * 2654435761u + 1;
  for (uint32_t y = 0; y < spec.height; ++y) {
    for (size_t x = 0; x < row_bytes; ++x) {
      state = state * 1664525u + 1013904223u;
      // Smooth ramps, a hard vertical edge, and a noisy band.
      uint32_t v = static_cast<uint32_t>(x * 3 + y * 5);
      if (x > row_bytes / 2) v += 97;
      if (y % 16 > 11) v += state >> 27;
      rows[y * row_bytes + x] = static_cast<uint8_t>(v);
    }
  }
  if (spec.color_type == PNG_COLOR_TYPE_PALETTE) {
    // Re-pack indices below the palette size.
    const int per_byte = 8 / spec.bit_depth;
    for (uint32_t y = 0; y < spec.height; ++y) {
      for (uint32_t x = 0; x < spec.width; ++x) {
        const unsigned index = (x * 3 + y + (x > spec.width / 2 ? 5 : 0)) %
                               static_cast<unsigned>(spec.palette_entries);
        uint8_t& byte = rows[y * row_bytes + x / per_byte];
        const int shift = 8 - spec.bit_depth * (1 + static_cast<int>(x % per_byte));
        const unsigned mask = ((1u << spec.bit_depth) - 1) << shift;
        byte = static_cast<uint8_t>((byte & ~mask) | (index << shift));
      }
    }
  }
  return rows;
}

std::vector<uint8_t> EncodeTestPng(const TestPngSpec& spec, const std::vector<uint8_t>& rows) {
  std::vector<uint8_t> out;
  if (rows.size() < RowBytes(spec) * spec.height) return {};
  if (!EncodeUnsafe(spec, rows.data(), RowBytes(spec), &out)) return {};
  return out;
}

}  // namespace pixconv::decode_test
