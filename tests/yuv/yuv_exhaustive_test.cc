// Every one of the 2^24 (Y, U, V) triples through the 4:4:4 nearest RGBA8 path (the best
// target), limited and full range, against the double-precision reference: within 1
// everywhere (DESIGN.md section 4). Prints the |error| histogram.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "pixconv/convert.h"
#include "reference.h"

namespace pixconv {
namespace {

TEST_CASE("all 2^24 YUV triples, I444 nearest to RGBA8, within 1 of the reference") {
  const uint32_t w = 4096, h = 4096;
  std::vector<uint8_t> buf(size_t{w} * h * 3);
  for (uint32_t i = 0; i < w * h; ++i) {
    buf[i] = static_cast<uint8_t>(i);                                // Y
    buf[size_t{w} * h + i] = static_cast<uint8_t>(i >> 8);          // U
    buf[size_t{2} * w * h + i] = static_cast<uint8_t>(i >> 16);     // V
  }
  for (PixelFormat f : {PixelFormat::Y_U_V24_LimitedRange, PixelFormat::Y_U_V24_FullRange}) {
    const ImageView view = *MakeImageView(ImageFormat::Pixel(w, h, f), buf.data(), buf.size());
    const ConvertOptions o;
    std::vector<uint8_t> out(size_t{w} * h * 4);
    REQUIRE(Convert(view, {out.data(), out.size()}, o).ok());
    const ref::RefPlan plan = ref::ReferencePlan(view, o);
    const ref::RefYuvParams params = ref::ReferenceYuvParams(f, o);
    uint64_t histogram[3] = {0, 0, 0};
    for (uint32_t i = 0; i < w * h; ++i) {
      const ref::RefYuv yuv{double(i & 255), double((i >> 8) & 255), double(i >> 16)};
      const ref::RefPixel px = ref::YuvToRgb(yuv, params);
      const double want[3] = {px.r, px.g, px.b};
      for (int c = 0; c < 3; ++c) {
        const int diff = std::abs(int{out[size_t{i} * 4 + c]} - int{ref::QuantizeU8(want[c])});
        if (diff > 1) {
          FAIL("Y=" << (i & 255) << " U=" << ((i >> 8) & 255) << " V=" << (i >> 16) << " channel " << c
                    << ": got " << int{out[size_t{i} * 4 + c]} << ", want " << int{ref::QuantizeU8(want[c])});
        }
        ++histogram[diff];
      }
      REQUIRE(out[size_t{i} * 4 + 3] == 255);
    }
    (void)plan;
    MESSAGE(Name(f) << " |error| histogram over 3 * 2^24 samples: 0: " << histogram[0] << ", 1: "
                    << histogram[1] << ", 2+: " << histogram[2]);
  }
}

}  // namespace
}  // namespace pixconv
