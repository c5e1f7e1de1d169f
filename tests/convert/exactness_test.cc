// Bit-exact paths (lib/README.md section 4): every U8 value with range [0,255] and every U16 value
// with range [0,65535] to RGBA8, on every target, plus the exact U16 rounding identity the
// fixed-point kernel relies on.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "pixconv/convert.h"
#include "support/targets.h"

namespace pixconv {
namespace {

TEST_CASE("floor(v/257 + 0.5) == (v * 65281 + 2^23) >> 24 for every 16-bit v") {
  for (uint32_t v = 0; v <= 65535; ++v) {
    const uint32_t want = static_cast<uint32_t>(std::floor(v * 255.0 / 65535.0 + 0.5));
    REQUIRE(((v * 65281u + (1u << 23)) >> 24) == want);
  }
}

TEST_CASE("every U8 value converts exactly, in every layout, on every target") {
  std::vector<uint8_t> src(256 * 4);
  for (int i = 0; i < 256 * 4; ++i) src[i] = static_cast<uint8_t>(i * 7 + i / 256);
  for (ColorModel m : kAllColorModels) {
    const int c = ChannelCount(m);
    const uint32_t w = 256 * 4 / c;  // every byte value appears in every channel
    const ImageView view = *MakeImageView(ImageFormat::Color(w, 1, m, ChannelDatatype::U8), src.data(), src.size());
    for (ChannelOrder order : {ChannelOrder::RGBA, ChannelOrder::BGRA}) {
      ConvertOptions o;
      o.order = order;
      test::ForEachTarget([&](const char*) {
        std::vector<uint8_t> out(w * 4);
        REQUIRE(Convert(view, {out.data(), out.size()}, o).ok());
        const bool bgr_in = m == ColorModel::BGR || m == ColorModel::BGRA;
        const bool swap = bgr_in != (order == ChannelOrder::BGRA);
        for (uint32_t x = 0; x < w; ++x) {
          const uint8_t* s = &src[x * c];
          uint8_t want[4];
          if (c == 1) {
            want[0] = want[1] = want[2] = s[0];
            want[3] = 255;
          } else {
            want[0] = swap ? s[2] : s[0];
            want[1] = s[1];
            want[2] = swap ? s[0] : s[2];
            want[3] = c == 4 ? s[3] : 255;
          }
          REQUIRE(std::memcmp(&out[x * 4], want, 4) == 0);
        }
      });
    }
  }
}

TEST_CASE("every U16 value converts exactly with range [0,65535], on every target") {
  std::vector<uint8_t> src(65536 * 2);
  for (uint32_t v = 0; v < 65536; ++v) {
    const uint16_t s = static_cast<uint16_t>(v);
    std::memcpy(&src[v * 2], &s, 2);
  }
  for (RangeMode range : {RangeMode::Datatype, RangeMode::Auto}) {  // the data spans [0, 65535]
    const ImageView view =
        *MakeImageView(ImageFormat::Color(65536, 1, ColorModel::L, ChannelDatatype::U16), src.data(), src.size());
    ConvertOptions o;
    o.range = range;
    test::ForEachTarget([&](const char*) {
      std::vector<uint8_t> out(65536 * 4);
      REQUIRE(Convert(view, {out.data(), out.size()}, o).ok());
      for (uint32_t v = 0; v < 65536; ++v) {
        const auto want = static_cast<uint8_t>(std::floor(v / 257.0 + 0.5));
        REQUIRE(out[v * 4] == want);
        REQUIRE(out[v * 4 + 3] == 255);
      }
    });
  }
}

}  // namespace
}  // namespace pixconv
