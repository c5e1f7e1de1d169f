// YUV outputs of at least StreamMinOutputBytes() are written with non-temporal stores through
// ForEachUnit's streamed chunks (yuv_row_loop-inl.h). On every target, a streamed frame must hold
// exactly the bytes of the same conversion into a destination that can never be aligned (one
// byte off, so it takes the cached path), at several alignments and strides, in one call and
// in row bands that start on odd rows; nothing outside the pixels may be touched.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <vector>

#include "pixconv/convert.h"
#include "support/targets.h"
#include "test_hooks.h"
#include "yuv_images.h"

namespace pixconv {
namespace {

struct StreamCase {
  PixelFormat format;
  OutputType to;
  ChromaFilter chroma;
};

TEST_CASE("streamed YUV outputs equal cached ones, at any destination alignment and stride") {
  // Frames of a few hundred KiB instead of several MiB: the streaming paths do not depend
  // on the frame size.
  constexpr size_t kTestThreshold = size_t{256} << 10;
  internal::ScopedStreamThresholdForTest lowered(kTestThreshold);
  const StreamCase cases[] = {
      {PixelFormat::NV12, OutputType::RGBA8, ChromaFilter::Nearest},
      {PixelFormat::NV12, OutputType::RGBAF32, ChromaFilter::Bilinear},
      {PixelFormat::Y_U_V12_LimitedRange, OutputType::RGBA8, ChromaFilter::Bilinear},
      {PixelFormat::Y_U_V16_FullRange, OutputType::RGBAF32, ChromaFilter::Nearest},
      {PixelFormat::Y_U_V24_LimitedRange, OutputType::RGBA8, ChromaFilter::Nearest},
      {PixelFormat::YUY2, OutputType::RGBA8, ChromaFilter::Bilinear},
      {PixelFormat::Y8_FullRange, OutputType::RGBAF32, ChromaFilter::Nearest},
  };
  std::mt19937_64 rng(5);
  for (const StreamCase& c : cases) {
    const uint32_t w = 1283;  // odd: the last unit overlaps, the row ends inside a chunk
    const size_t out_row = size_t{w} * BytesPerPixel(c.to);
    const uint32_t h = static_cast<uint32_t>(kTestThreshold / out_row + 3);
    test::YuvImageOptions image_options;
    image_options.misalign = 3;
    const test::YuvImage img = test::MakeYuvImage(c.format, w, h, rng, image_options);
    ConvertOptions o;
    o.to = c.to;
    o.chroma = c.chroma;
    CAPTURE(Describe(img.view.format));
    CAPTURE(test::OptionsName(o));
    test::ForEachTarget([&](const char*) {
      Result<Converter> conv = Converter::Create(img.view, o);
      REQUIRE(conv.ok());
      test::GuardedOutput want = test::MakeOutput(w, h, c.to, 0, 1);
      REQUIRE(conv->ConvertAll(img.view, want.view()).ok());
      for (size_t misalign : {0, 4, 16}) {
        for (size_t extra_stride : {0, 12}) {
          for (uint32_t band : {0u, 7u}) {  // one call, or rows [0, 7) and [7, h)
            CAPTURE(misalign);
            CAPTURE(extra_stride);
            CAPTURE(band);
            test::GuardedOutput out = test::MakeOutput(w, h, c.to, extra_stride, misalign);
            if (band == 0) {
              REQUIRE(conv->ConvertAll(img.view, out.view()).ok());
            } else {
              REQUIRE(conv->ConvertRows(img.view, out.view(), 0, band).ok());
              REQUIRE(conv->ConvertRows(img.view, out.view(), band, h).ok());
            }
            REQUIRE(out.GuardsIntact());
            for (uint32_t y = 0; y < h; ++y) {
              REQUIRE_MESSAGE(std::memcmp(out.Row(y), want.Row(y), out_row) == 0, "row " << y);
            }
          }
        }
      }
    });
  }
}

}  // namespace
}  // namespace pixconv
