#include "png_corpus.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <utility>

#include "png_encode_util.h"

namespace pixconv::bench {
namespace {

constexpr uint32_t kWidth = 1920;
constexpr uint32_t kHeight = 1080;

struct Rgb {
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> pixels;
};

// A binary PPM (P6, maxval 255), as tests/data holds.
Rgb ReadPpm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int maxval = 0;
  Rgb image;
  in >> magic >> image.width >> image.height >> maxval;
  in.get();
  if (magic != "P6" || maxval != 255 || !in) return {};
  image.pixels.resize(size_t{image.width} * image.height * 3);
  in.read(reinterpret_cast<char*>(image.pixels.data()),
          static_cast<std::streamsize>(image.pixels.size()));
  return in ? image : Rgb{};
}

// Bilinear sample of channel c at (x, y) of the 1080p frame.
float Sample(const Rgb& src, uint32_t x, uint32_t y, int c) {
  const float fx = (x + 0.5f) * src.width / kWidth - 0.5f;
  const float fy = (y + 0.5f) * src.height / kHeight - 0.5f;
  const int x0 = std::max(0, static_cast<int>(std::floor(fx)));
  const int y0 = std::max(0, static_cast<int>(std::floor(fy)));
  const int x1 = std::min(x0 + 1, static_cast<int>(src.width) - 1);
  const int y1 = std::min(y0 + 1, static_cast<int>(src.height) - 1);
  const float ax = std::clamp(fx - x0, 0.f, 1.f), ay = std::clamp(fy - y0, 0.f, 1.f);
  auto at = [&](int xx, int yy) {
    return float(src.pixels[(size_t(yy) * src.width + xx) * 3 + c]);
  };
  return (at(x0, y0) * (1 - ax) + at(x1, y0) * ax) * (1 - ay) +
         (at(x0, y1) * (1 - ax) + at(x1, y1) * ax) * ay;
}

// Small deterministic noise in [-3, 3], the grain of a camera sensor.
int Grain(uint32_t x, uint32_t y, int c) {
  uint32_t h = x * 73856093u ^ y * 19349663u ^ static_cast<uint32_t>(c) * 83492791u;
  h ^= h >> 13;
  h *= 0x5bd1e995u;
  h ^= h >> 15;
  return static_cast<int>(h % 7) - 3;
}

uint8_t Clamp8(float v) { return static_cast<uint8_t>(std::clamp(v, 0.f, 255.f) + 0.5f); }

// libpng at its defaults: adaptive filtering (none for the palette image), zlib level 6. Rows
// are in the file's byte order.
CorpusPng Encode(const std::string& name, const std::vector<uint8_t>& rows, int channels,
                 int bit_depth, int color_type, bool interlaced = false,
                 std::vector<uint8_t> palette_rgb = {}) {
  decode_test::TestPngSpec spec;
  spec.width = kWidth;
  spec.height = kHeight;
  spec.bit_depth = bit_depth;
  spec.color_type = color_type;
  spec.interlaced = interlaced;
  spec.filters = -1;
  spec.palette_entries = static_cast<int>(palette_rgb.size() / 3);
  spec.palette_rgb = std::move(palette_rgb);
  CorpusPng png{name, decode_test::EncodeTestPng(spec, rows), bit_depth, 0};
  const int model_channels = color_type == PNG_COLOR_TYPE_PALETTE ? 3 : channels;
  png.model_bytes = size_t{kWidth} * kHeight * model_channels * (bit_depth == 16 ? 2 : 1);
  return png;
}

// A desktop: a flat background, windows with title bars, and lines of glyph-like marks.
std::vector<uint8_t> Screenshot() {
  std::vector<uint8_t> rgb(size_t{kWidth} * kHeight * 3);
  for (uint32_t y = 0; y < kHeight; ++y) {
    for (uint32_t x = 0; x < kWidth; ++x) {
      uint8_t c[3] = {40, 60, 90};  // desktop
      const bool window = x >= 120 && x < 1300 && y >= 80 && y < 980;
      const bool side = x >= 1340 && x < 1860 && y >= 200 && y < 700;
      if (window || side) {
        c[0] = c[1] = c[2] = 246;
        const uint32_t top = window ? 80 : 200;
        if (y < top + 32) { c[0] = 220; c[1] = 224; c[2] = 230; }
        // Text: 8x14 cells, a glyph's strokes from a hash of its cell, in lines 20 px apart.
        const uint32_t line = (y - top - 40) / 20, in_line = (y - top - 40) % 20;
        const uint32_t cell = x / 8, cx = x % 8;
        if (y >= top + 40 && in_line < 14 && cx < 7 && (line * 7 + cell) % 23 != 0) {
          uint32_t h = (line * 131 + cell) * 2654435761u;
          h ^= h >> 16;
          const bool stroke = ((h >> (in_line % 7 + cx)) & 1) != 0 && in_line > 2;
          if (stroke) c[0] = c[1] = c[2] = 30;
        }
      }
      std::copy(c, c + 3, rgb.begin() + (size_t{y} * kWidth + x) * 3);
    }
  }
  return rgb;
}

}  // namespace

std::vector<CorpusPng> MakePngCorpus(const std::string& testorig_ppm) {
  const Rgb src = ReadPpm(testorig_ppm);
  if (src.pixels.empty()) return {};
  const size_t pixels = size_t{kWidth} * kHeight;
  std::vector<uint8_t> rgb(pixels * 3), rgba(pixels * 4), depth(pixels * 2), mask(pixels);
  for (uint32_t y = 0; y < kHeight; ++y) {
    for (uint32_t x = 0; x < kWidth; ++x) {
      const size_t i = size_t{y} * kWidth + x;
      float smooth[3];
      for (int c = 0; c < 3; ++c) {
        smooth[c] = Sample(src, x, y, c);
        rgb[i * 3 + c] = Clamp8(smooth[c] + Grain(x, y, c));
        rgba[i * 4 + c] = rgb[i * 3 + c];
      }
      // A soft cut-out: opaque in the middle, fading out towards the corners.
      const float dx = (x - kWidth / 2.f) / kWidth, dy = (y - kHeight / 2.f) / kHeight;
      rgba[i * 4 + 3] = Clamp8(255 * (1.4f - 3.2f * (dx * dx + dy * dy) * 2));
      // Depth in millimetres: a receding floor, and the bright objects as nearer surfaces.
      const float luma = 0.3f * smooth[0] + 0.59f * smooth[1] + 0.11f * smooth[2];
      float mm = 9000 - 6.0f * y + 0.8f * x;
      if (luma > 140) mm = 2500 + 1.5f * x - 0.5f * y + (luma - 140) * 4;
      const uint16_t d = static_cast<uint16_t>(std::clamp(mm, 0.f, 65535.f));
      depth[i * 2] = static_cast<uint8_t>(d >> 8);  // big-endian, as PNG stores it
      depth[i * 2 + 1] = static_cast<uint8_t>(d & 0xFF);
      // Classes from coarse luma and the dominant channel: large flat regions.
      const int dominant = smooth[0] > smooth[1] ? (smooth[0] > smooth[2] ? 0 : 2)
                                                 : (smooth[1] > smooth[2] ? 1 : 2);
      mask[i] = static_cast<uint8_t>(std::min(3, static_cast<int>(luma / 64)) * 3 + dominant);
    }
  }
  std::vector<uint8_t> palette;  // 12 RGB entries
  for (int i = 0; i < 12; ++i) {
    palette.insert(palette.end(), {static_cast<uint8_t>(i * 67 % 256),
                                   static_cast<uint8_t>(i * 151 % 256),
                                   static_cast<uint8_t>(i * 29 % 256)});
  }
  return {
      Encode("photo_rgb8", rgb, 3, 8, PNG_COLOR_TYPE_RGB),
      Encode("photo_rgba8", rgba, 4, 8, PNG_COLOR_TYPE_RGBA),
      Encode("depth_l16", depth, 1, 16, PNG_COLOR_TYPE_GRAY),
      Encode("mask_palette8", mask, 1, 8, PNG_COLOR_TYPE_PALETTE, false, palette),
      Encode("screen_rgb8", Screenshot(), 3, 8, PNG_COLOR_TYPE_RGB),
      Encode("photo_rgb8_adam7", rgb, 3, 8, PNG_COLOR_TYPE_RGB, true),
  };
}

std::vector<uint8_t> IdatStream(const std::vector<uint8_t>& png) {
  std::vector<uint8_t> stream;
  for (size_t at = 8; at + 12 <= png.size();) {
    const uint32_t length = uint32_t{png[at]} << 24 | uint32_t{png[at + 1]} << 16 |
                            uint32_t{png[at + 2]} << 8 | png[at + 3];
    if (length > png.size() - at - 12) break;
    if (std::equal(png.begin() + at + 4, png.begin() + at + 8, "IDAT")) {
      stream.insert(stream.end(), png.begin() + at + 8, png.begin() + at + 8 + length);
    }
    at += size_t{length} + 12;
  }
  return stream;
}

}  // namespace pixconv::bench
