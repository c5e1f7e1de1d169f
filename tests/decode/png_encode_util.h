// A libpng encoder for the PNG tests, the differential fuzzer's seeds and the PNG benchmark's
// corpus: any color type, bit depth, interlace and filter choice, with an optional palette and
// tRNS.
#pragma once

#include <cstdint>
#include <vector>

namespace pixconv::decode_test {

struct TestPngSpec {
  uint32_t width = 1;
  uint32_t height = 1;
  int bit_depth = 8;
  int color_type = 2;        // PNG_COLOR_TYPE_*
  bool interlaced = false;
  int filters = 0xF8;        // PNG_FILTER_* bits for png_set_filter (0xF8: all five); -1:
                             // libpng's default (none for palette and sub-byte images, else all)
  int palette_entries = 0;   // palette images: 1 .. 2^bit_depth entries
  // The palette's RGB triples (palette_entries of them); empty: a fixed pattern.
  std::vector<uint8_t> palette_rgb;
  bool trns = false;         // a tRNS chunk (palette: alpha per entry; gray / RGB: a key)
  int compression_level = 6;
};

// Rows of packed samples as the PNG holds them (big-endian 16-bit, sub-byte samples packed
// most significant first), deterministic from `seed`: smooth areas, edges and noise, so every
// filter gets chosen. Palette indices stay below palette_entries.
std::vector<uint8_t> TestPngRows(const TestPngSpec& spec, uint32_t seed);

// The PNG file; empty on failure.
std::vector<uint8_t> EncodeTestPng(const TestPngSpec& spec, const std::vector<uint8_t>& rows);

}  // namespace pixconv::decode_test
