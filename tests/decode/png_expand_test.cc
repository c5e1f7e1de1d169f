// The row expansions of lib/decode/png_expand.h on every SIMD target. 16 bits to RGBA8
// (Be16ToRgba8): every one of the 65536 sample values rounds as Convert's exact U16 kernel
// rounds it (round(v * 255 / 65535), lib/README.md 3 and 4), in the vector loop and in the
// scalar tail, for every channel count and both channel orders; tRNS keys compare the 16-bit
// values. 8-bit RGB and gray to RGBA8 (Rgb8ToRgba8, Gray8ToRgba8): every byte where it
// belongs, for row lengths around each block and vector size, at every offset of the output.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>
#include <vector>

#include "decode/png_expand.h"
#include "pixconv/convert.h"
#include "support/targets.h"

namespace pixconv::decode_test {
namespace {

using decode_internal::Be16ToRgba8;
using decode_internal::Gray8ToRgba8;
using decode_internal::Rgb8ToRgba8;

// lib/README.md 3.7 with the datatype range: floor(v / 65535 * 255 + 0.5), in double.
int Reference(uint32_t v) { return static_cast<int>(v / 65535.0 * 255.0 + 0.5); }

// Sample i of channel c: every value once per channel, each channel in another order.
uint16_t SampleOf(size_t i, int c) {
  return static_cast<uint16_t>((i * (2 * c + 1) + 12345u * c) & 0xFFFF);
}

// `pixels` pixels of `channels` big-endian samples.
std::vector<uint8_t> BigEndianRow(size_t pixels, int channels) {
  std::vector<uint8_t> row(2 * pixels * channels);
  for (size_t i = 0; i < pixels; ++i) {
    for (int c = 0; c < channels; ++c) {
      const uint16_t v = SampleOf(i, c);
      row[2 * (i * channels + c)] = static_cast<uint8_t>(v >> 8);
      row[2 * (i * channels + c) + 1] = static_cast<uint8_t>(v & 0xFF);
    }
  }
  return row;
}

// Expands the row in calls of `chunk` pixels (below a vector's lanes: the scalar tail only).
std::vector<uint8_t> Expand(const std::vector<uint8_t>& row, size_t pixels, int channels,
                            const uint16_t* key, bool bgra, size_t chunk) {
  std::vector<uint8_t> out(4 * pixels + 1, 0xA5);
  const size_t sample_bytes = 2 * static_cast<size_t>(channels);
  for (size_t i = 0; i < pixels; i += chunk) {
    const size_t n = i + chunk <= pixels ? chunk : pixels - i;
    Be16ToRgba8(row.data() + i * sample_bytes, n, channels, key, bgra, out.data() + 4 * i);
  }
  REQUIRE(out.back() == 0xA5);  // nothing written past the last pixel
  out.pop_back();
  return out;
}

TEST_CASE("16-bit to RGBA8: every sample value rounds as the exact U16 kernel, every target") {
  // The exact kernel's integer formula equals the reference for all 65536 values, and so does
  // Convert itself (an L U16 image of every value, datatype range).
  constexpr size_t kValues = 65536;
  std::vector<uint16_t> gray(kValues);
  for (size_t v = 0; v < kValues; ++v) {
    gray[v] = static_cast<uint16_t>(v);
    REQUIRE(((v * 65281 + (1u << 23)) >> 24) == static_cast<size_t>(Reference(v)));
  }
  Result<ImageView> view = MakeImageView(
      ImageFormat::Color(256, 256, ColorModel::L, ChannelDatatype::U16), gray.data(), 2 * kValues);
  REQUIRE(view.ok());
  std::vector<uint8_t> converted(4 * kValues);
  ConvertOptions datatype_range;
  datatype_range.range = RangeMode::Datatype;
  REQUIRE(Convert(*view, {converted.data(), converted.size()}, datatype_range).ok());

  // 3 more pixels than a whole number of vectors: the scalar tail runs after the vector loop.
  const size_t pixels = kValues + 3;
  test::ForEachTarget([&](const char*) {
    for (const int channels : {1, 2, 3, 4}) {
      const std::vector<uint8_t> row = BigEndianRow(pixels, channels);
      for (const bool bgra : {false, true}) {
        for (const size_t chunk : {pixels, size_t{7}}) {
          CAPTURE(channels);
          CAPTURE(bgra);
          CAPTURE(chunk);
          const std::vector<uint8_t> out = Expand(row, pixels, channels, nullptr, bgra, chunk);
          int bad = 0;
          for (size_t i = 0; i < pixels && bad < 5; ++i) {
            int expected[4];
            for (int c = 0; c < 4; ++c) {
              const int channel = channels <= 2 ? (c < 3 ? 0 : 1) : c;
              expected[c] = channel < channels ? Reference(SampleOf(i, channel)) : 255;
            }
            if (bgra && channels >= 3) std::swap(expected[0], expected[2]);
            for (int c = 0; c < 4; ++c) {
              if (out[4 * i + c] != expected[c]) {
                CAPTURE(i);
                CAPTURE(c);
                CHECK(int{out[4 * i + c]} == expected[c]);
                ++bad;
              }
            }
          }
          CHECK(bad == 0);
          if (channels == 1) {
            CHECK(std::vector<uint8_t>(out.begin(), out.begin() + 4 * kValues) == converted);
          }
        }
      }
    }
  });
}

TEST_CASE("16-bit to RGBA8: tRNS keys match the 16-bit values, not their 8-bit rounding") {
  // 0x5555 and its neighbours all round to 85; only the key itself is transparent.
  const uint16_t key[3] = {0x5555, 0x7FFF, 0x3333};
  test::ForEachTarget([&](const char*) {
    for (const int channels : {1, 3}) {
      for (const size_t pixels : {size_t{1}, size_t{9}, size_t{40}, size_t{71}}) {
        std::vector<uint8_t> row(2 * pixels * channels);
        std::vector<bool> clear(pixels);
        for (size_t i = 0; i < pixels; ++i) {
          // Pixels 0, 4, 8, ... are the key; the others differ by 1 in one sample.
          const int off = static_cast<int>(i % 4);
          const int changed = off == 0 ? -1 : static_cast<int>(i / 4) % channels;
          clear[i] = off == 0;
          for (int c = 0; c < channels; ++c) {
            uint16_t v = key[c];
            if (c == changed) v = static_cast<uint16_t>(off == 1 ? v + 1 : off == 2 ? v - 1 : v ^ 0x100);
            row[2 * (i * channels + c)] = static_cast<uint8_t>(v >> 8);
            row[2 * (i * channels + c) + 1] = static_cast<uint8_t>(v & 0xFF);
          }
        }
        for (const bool bgra : {false, true}) {
          CAPTURE(channels);
          CAPTURE(pixels);
          CAPTURE(bgra);
          const std::vector<uint8_t> out = Expand(row, pixels, channels, key, bgra, pixels);
          for (size_t i = 0; i < pixels; ++i) {
            CAPTURE(i);
            CHECK(int{out[4 * i + 3]} == (clear[i] ? 0 : 255));
          }
          // Without a key every pixel is opaque.
          const std::vector<uint8_t> opaque = Expand(row, pixels, channels, nullptr, bgra, pixels);
          for (size_t i = 0; i < pixels; ++i) CHECK(int{opaque[4 * i + 3]} == 255);
        }
      }
    }
  });
}

TEST_CASE("8-bit RGB and gray to RGBA8: every byte in its place, every target and length") {
  // Lengths below, at and around the 16-pixel blocks and the vectors (up to 64 bytes), and a
  // 1080p row; each row starts at every output offset 0-3 pixels past a 64-byte boundary and
  // is followed by a guard byte that must stay untouched.
  std::vector<size_t> lengths;
  for (size_t n = 0; n <= 70; ++n) lengths.push_back(n);
  for (const size_t n : {size_t{127}, size_t{128}, size_t{129}, size_t{1920}}) lengths.push_back(n);
  std::vector<uint8_t> src(3 * 1920 + 64);
  for (size_t i = 0; i < src.size(); ++i) src[i] = static_cast<uint8_t>(i * 151 + 7);
  test::ForEachTarget([&](const char*) {
    for (const size_t pixels : lengths) {
      for (const size_t offset : {size_t{0}, size_t{1}, size_t{2}, size_t{3}}) {
        for (const int kind : {3, 1, 0}) {  // RGB; gray, no key; gray keyed on src[0]'s value
          CAPTURE(pixels);
          CAPTURE(offset);
          CAPTURE(kind);
          alignas(64) uint8_t buffer[4 * 1920 + 4 * 4 + 1];
          uint8_t* out = buffer + 4 * offset;
          std::fill(std::begin(buffer), std::end(buffer), uint8_t{0xA5});
          const int key = kind == 0 ? src[0] : 256;
          if (kind == 3) {
            Rgb8ToRgba8(src.data(), pixels, out);
          } else {
            Gray8ToRgba8(src.data(), pixels, key, out);
          }
          int bad = 0;
          for (size_t i = 0; i < pixels && bad < 5; ++i) {
            for (int c = 0; c < 4; ++c) {
              int expected = 255;
              if (c < 3) expected = kind == 3 ? src[3 * i + c] : src[i];
              if (c == 3 && kind != 3 && src[i] == key) expected = 0;
              if (out[4 * i + c] != expected) {
                CAPTURE(i);
                CAPTURE(c);
                CHECK(int{out[4 * i + c]} == expected);
                ++bad;
              }
            }
          }
          CHECK(bad == 0);
          CHECK(out[4 * pixels] == 0xA5);  // nothing written past the last pixel
        }
      }
    }
  });
}

}  // namespace
}  // namespace pixconv::decode_test
