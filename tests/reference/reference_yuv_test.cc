// Hand-computed cases that pin the reference's YUV path (lib/README.md sections 1 and 3): plane
// layouts, nearest and bilinear chroma, range formulas and matrices.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include "reference.h"
#include "reference_test_util.h"

namespace pixconv::ref {
namespace {

using testing::View;

// A 1x1 I444 image: the simplest way to feed one (Y, U, V) triple through the pipeline.
std::vector<uint8_t> Rgba8Of444(PixelFormat format, uint8_t y, uint8_t u, uint8_t v,
                                const ConvertOptions& opts = {}) {
  const std::vector<uint8_t> bytes = {y, u, v};
  return ExpectedRgba8(View(ImageFormat::Pixel(1, 1, format), bytes), opts);
}

TEST_CASE("Limited range: Y=16 is black and Y=235 is white, with neutral chroma") {
  const std::vector<uint8_t> black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 16, 128, 128) == black);
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 235, 128, 128) == white);
  const std::vector<uint8_t> y8 = {16, 235};
  CHECK(ExpectedRgba8(View(ImageFormat::Pixel(2, 1, PixelFormat::Y8_LimitedRange), y8), {}) ==
        std::vector<uint8_t>{0, 0, 0, 255, 255, 255, 255, 255});
  // Below 16 and above 235 clamp rather than wrap.
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 0, 128, 128) == black);
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 255, 128, 128) == white);
}

TEST_CASE("Full range: Y=0 is black and Y=255 is white") {
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_FullRange, 0, 128, 128) ==
        std::vector<uint8_t>{0, 0, 0, 255});
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_FullRange, 255, 128, 128) ==
        std::vector<uint8_t>{255, 255, 255, 255});
  const std::vector<uint8_t> y8 = {0, 255, 16};
  CHECK(ExpectedRgba8(View(ImageFormat::Pixel(3, 1, PixelFormat::Y8_FullRange), y8), {}) ==
        std::vector<uint8_t>{0, 0, 0, 255, 255, 255, 255, 255, 16, 16, 16, 255});
}

TEST_CASE("BT.709 limited (63, 102, 240) is red within 1") {
  const std::vector<uint8_t> out = Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 63, 102, 240);
  const std::vector<uint8_t> red = {255, 0, 0, 255};
  for (size_t i = 0; i < 4; ++i) CHECK(std::abs(int(out[i]) - int(red[i])) <= 1);
  // The exact values: R = 1.00201 clamps to 1, G = 0.0022927, B = -0.00077 clamps to 0.
  const RefPixel p = YuvToRgb({63, 102, 240}, {0.2126, 0.0722, true});
  CHECK(p.r == 1.0);
  CHECK(p.g == doctest::Approx(0.002292731645958917).epsilon(1e-12));
  CHECK(p.b == 0.0);
  CHECK(p.a == 1.0);
}

TEST_CASE("Matrix: G comes from the unclamped R and B") {
  // BT.601 full (128, 128, 255): R = 1.2002 before the clamp. With R clamped first G would
  // be 0.248 instead.
  const RefPixel p = YuvToRgb({128, 128, 255}, {0.299, 0.114, false});
  CHECK(p.r == 1.0);
  CHECK(p.g == doctest::Approx(0.14629290844105947).epsilon(1e-12));
  CHECK(p.b == doctest::Approx(128.0 / 255).epsilon(1e-15));
  // BT.2020 limited (100, 60, 150): B = -0.1876 clamps to 0.
  const RefPixel q = YuvToRgb({100, 60, 150}, {0.2627, 0.0593, true});
  CHECK(q.r == doctest::Approx(0.5283884295499022).epsilon(1e-12));
  CHECK(q.g == doctest::Approx(0.37740023238386755).epsilon(1e-12));
  CHECK(q.b == 0.0);
}

TEST_CASE("Matrix and range defaults per format, and the overrides") {
  struct Case {
    PixelFormat format;
    double kr;
    bool limited;
  };
  const Case cases[] = {
      {PixelFormat::Y_U_V12_LimitedRange, 0.2126, true},
      {PixelFormat::Y_U_V12_FullRange, 0.2126, false},
      {PixelFormat::Y_U_V16_LimitedRange, 0.2126, true},
      {PixelFormat::Y_U_V16_FullRange, 0.2126, false},
      {PixelFormat::Y_U_V24_LimitedRange, 0.2126, true},
      {PixelFormat::Y_U_V24_FullRange, 0.2126, false},
      {PixelFormat::NV12, 0.299, true},
      {PixelFormat::YUY2, 0.299, true},
      {PixelFormat::Y8_FullRange, 0.2126, false},
      {PixelFormat::Y8_LimitedRange, 0.2126, true},
  };
  for (const Case& c : cases) {
    CAPTURE(static_cast<int>(c.format));
    const RefYuvParams p = ReferenceYuvParams(c.format, {});
    CHECK(p.kr == c.kr);
    CHECK(p.kb == (c.kr == 0.299 ? 0.114 : 0.0722));
    CHECK(p.limited == c.limited);
  }
  ConvertOptions opts;
  opts.yuv_matrix = YuvMatrix::Bt2020;
  opts.yuv_range = YuvRange::Full;
  const RefYuvParams p = ReferenceYuvParams(PixelFormat::NV12, opts);
  CHECK(p.kr == 0.2627);
  CHECK(p.kb == 0.0593);
  CHECK_FALSE(p.limited);
  opts.yuv_matrix = YuvMatrix::Bt601;
  opts.yuv_range = YuvRange::Limited;
  const RefYuvParams q = ReferenceYuvParams(PixelFormat::Y_U_V24_FullRange, opts);
  CHECK(q.kr == 0.299);
  CHECK(q.limited);
  // The override reaches the pixels: Y=16 read as full range is a dark gray, not black.
  ConvertOptions full;
  full.yuv_range = YuvRange::Full;
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 16, 128, 128, full) ==
        std::vector<uint8_t>{16, 16, 16, 255});
  // (63, 102, 240) is red under BT.709 but R = 0.9156 -> 233 under BT.601.
  ConvertOptions bt601;
  bt601.yuv_matrix = YuvMatrix::Bt601;
  CHECK(Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 63, 102, 240, bt601)[0] == 233);
}

TEST_CASE("NV12 nearest chroma on a 3x3 image with padded strides") {
  // Y plane: 3 rows of 3 bytes, stride 5. UV plane: 2 rows of 2 (U,V) pairs, stride 6.
  // Padding is 0xFF so a read of it shows. Y(x,y) = 50 + 10y + x; chroma (i,j) has
  // U = 10 + 20(2j + i), V = U + 1.
  std::vector<uint8_t> bytes(5 * 3 + 6 + 4, 0xFF);
  for (uint32_t y = 0; y < 3; ++y) {
    for (uint32_t x = 0; x < 3; ++x) bytes[y * 5 + x] = uint8_t(50 + 10 * y + x);
  }
  for (uint32_t j = 0; j < 2; ++j) {
    for (uint32_t i = 0; i < 2; ++i) {
      bytes[15 + j * 6 + 2 * i] = uint8_t(10 + 20 * (2 * j + i));
      bytes[15 + j * 6 + 2 * i + 1] = uint8_t(11 + 20 * (2 * j + i));
    }
  }
  const ImageView view = View(ImageFormat::Pixel(3, 3, PixelFormat::NV12), bytes, {5, 6});
  // Which chroma sample each pixel uses, row by row: (x/2, y/2).
  const int expected_chroma[3][3] = {{0, 0, 1}, {0, 0, 1}, {2, 2, 3}};
  for (uint32_t y = 0; y < 3; ++y) {
    for (uint32_t x = 0; x < 3; ++x) {
      CAPTURE(x);
      CAPTURE(y);
      const RefYuv s = ReferenceYuvSamples(view, {}, x, y);
      CHECK(s.y == 50 + 10 * y + x);
      CHECK(s.u == 10 + 20 * expected_chroma[y][x]);
      CHECK(s.v == 11 + 20 * expected_chroma[y][x]);
    }
  }
}

TEST_CASE("I422 nearest chroma uses (x/2, y); I444 uses (x, y)") {
  // 3x2 I422: U and V planes are 2x2. U(i,j) = 1 + 10(2j + i), V = U + 100.
  const std::vector<uint8_t> i422 = {0, 0, 0, 0, 0, 0, 1, 11, 21, 31, 101, 111, 121, 131};
  const ImageView view = View(ImageFormat::Pixel(3, 2, PixelFormat::Y_U_V16_LimitedRange), i422);
  CHECK(ReferenceYuvSamples(view, {}, 0, 0).u == 1);
  CHECK(ReferenceYuvSamples(view, {}, 1, 0).u == 1);
  CHECK(ReferenceYuvSamples(view, {}, 2, 0).u == 11);
  CHECK(ReferenceYuvSamples(view, {}, 1, 1).u == 21);
  CHECK(ReferenceYuvSamples(view, {}, 2, 1).u == 31);
  CHECK(ReferenceYuvSamples(view, {}, 2, 1).v == 131);
  // 2x1 I444: no subsampling, so Nearest and Bilinear agree.
  const std::vector<uint8_t> i444 = {1, 2, 10, 20, 30, 40};
  const ImageView full = View(ImageFormat::Pixel(2, 1, PixelFormat::Y_U_V24_FullRange), i444);
  ConvertOptions bilinear;
  bilinear.chroma = ChromaFilter::Bilinear;
  for (const ConvertOptions& opts : {ConvertOptions{}, bilinear}) {
    CHECK(ReferenceYuvSamples(full, opts, 1, 0).y == 2);
    CHECK(ReferenceYuvSamples(full, opts, 1, 0).u == 20);
    CHECK(ReferenceYuvSamples(full, opts, 1, 0).v == 40);
  }
}

TEST_CASE("YUY2 reads Y0 U Y1 V pairs; odd width ignores the last pair's Y1") {
  const std::vector<uint8_t> bytes = {1, 10, 2, 20, 3, 30, 99, 40};
  const ImageView view = View(ImageFormat::Pixel(3, 1, PixelFormat::YUY2), bytes);
  const RefYuv p0 = ReferenceYuvSamples(view, {}, 0, 0);
  const RefYuv p1 = ReferenceYuvSamples(view, {}, 1, 0);
  const RefYuv p2 = ReferenceYuvSamples(view, {}, 2, 0);
  CHECK((p0.y == 1 && p0.u == 10 && p0.v == 20));
  CHECK((p1.y == 2 && p1.u == 10 && p1.v == 20));
  CHECK((p2.y == 3 && p2.u == 30 && p2.v == 40));
  CHECK(ExpectedRgba8(view, {}).size() == 3 * 4);  // no fourth pixel from Y1 = 99
  // Bilinear (4:2:2, co-sited): x = 1 is halfway between pair 0 and pair 1.
  ConvertOptions bilinear;
  bilinear.chroma = ChromaFilter::Bilinear;
  CHECK(ReferenceYuvSamples(view, bilinear, 0, 0).u == 10);
  CHECK(ReferenceYuvSamples(view, bilinear, 1, 0).u == 20);
  CHECK(ReferenceYuvSamples(view, bilinear, 1, 0).v == 30);
  CHECK(ReferenceYuvSamples(view, bilinear, 2, 0).u == 30);
}

TEST_CASE("Y8 has neutral chroma") {
  const std::vector<uint8_t> bytes = {77};
  const RefYuv s = ReferenceYuvSamples(
      View(ImageFormat::Pixel(1, 1, PixelFormat::Y8_LimitedRange), bytes), {}, 0, 0);
  CHECK(s.y == 77);
  CHECK(s.u == 128);
  CHECK(s.v == 128);
}

// U plane [[0, 100], [200, 40]] of a 4x4 4:2:0 image, upsampled with the weights of
// reference.h: horizontal (1) or (1/2, 1/2); vertical (1/4, 3/4) on even rows, (3/4, 1/4) on
// odd rows; edges clamp (row -1 -> 0, column 2 / row 2 -> 1). For example pixel (1,1):
// 3/4 * (0 + 100)/2 + 1/4 * (200 + 40)/2 = 37.5 + 30 = 67.5.
constexpr double kBilinear420[4][4] = {
    {0, 50, 100, 100},
    {50, 67.5, 85, 85},
    {150, 102.5, 55, 55},
    {200, 120, 40, 40},
};

TEST_CASE("Bilinear 4:2:0 chroma: I420 with hand-computed weights") {
  std::vector<uint8_t> bytes(16, 128);              // Y
  bytes.insert(bytes.end(), {0, 100, 200, 40});     // U
  bytes.insert(bytes.end(), {128, 128, 128, 128});  // V
  const ImageView view = View(ImageFormat::Pixel(4, 4, PixelFormat::Y_U_V12_LimitedRange), bytes);
  ConvertOptions bilinear;
  bilinear.chroma = ChromaFilter::Bilinear;
  for (uint32_t y = 0; y < 4; ++y) {
    for (uint32_t x = 0; x < 4; ++x) {
      CAPTURE(x);
      CAPTURE(y);
      const RefYuv s = ReferenceYuvSamples(view, bilinear, x, y);
      CHECK(s.u == kBilinear420[y][x]);
      CHECK(s.v == 128);
    }
  }
  // Nearest on the same image takes the sample itself.
  CHECK(ReferenceYuvSamples(view, {}, 1, 1).u == 0);
  CHECK(ReferenceYuvSamples(view, {}, 3, 3).u == 40);
}

TEST_CASE("Bilinear 4:2:0 chroma: NV12 filters U and V alike") {
  std::vector<uint8_t> bytes(16, 128);
  bytes.insert(bytes.end(), {0, 255, 100, 155, 200, 55, 40, 215});  // V = 255 - U
  const ImageView view = View(ImageFormat::Pixel(4, 4, PixelFormat::NV12), bytes);
  ConvertOptions bilinear;
  bilinear.chroma = ChromaFilter::Bilinear;
  for (uint32_t y = 0; y < 4; ++y) {
    for (uint32_t x = 0; x < 4; ++x) {
      const RefYuv s = ReferenceYuvSamples(view, bilinear, x, y);
      CHECK(s.u == kBilinear420[y][x]);
      CHECK(s.v == 255 - kBilinear420[y][x]);
    }
  }
}

TEST_CASE("Bilinear 4:2:2 chroma filters horizontally only") {
  // 4x2 I422: U rows [0, 100] and [200, 40].
  std::vector<uint8_t> bytes(8, 128);
  bytes.insert(bytes.end(), {0, 100, 200, 40});
  bytes.insert(bytes.end(), {128, 128, 128, 128});
  const ImageView view = View(ImageFormat::Pixel(4, 2, PixelFormat::Y_U_V16_FullRange), bytes);
  ConvertOptions bilinear;
  bilinear.chroma = ChromaFilter::Bilinear;
  const double expected[2][4] = {{0, 50, 100, 100}, {200, 120, 40, 40}};
  for (uint32_t y = 0; y < 2; ++y) {
    for (uint32_t x = 0; x < 4; ++x)
      CHECK(ReferenceYuvSamples(view, bilinear, x, y).u == expected[y][x]);
  }
}

TEST_CASE("YUV results are sRGB-encoded: transfer, premultiply and order apply after") {
  // Full-range gray 128: RGBA8 (sRGB out) keeps 128, RGBAF32 (linear out) decodes it.
  const std::vector<uint8_t> gray = {128, 128, 128};
  const ImageView view = View(ImageFormat::Pixel(1, 1, PixelFormat::Y_U_V24_FullRange), gray);
  CHECK(ExpectedRgba8(view, {}) == std::vector<uint8_t>{128, 128, 128, 255});
  const std::vector<float> f = ExpectedRgbaF32(view, {});
  CHECK(f[0] == doctest::Approx(0.21586050011389926).epsilon(1e-7));
  CHECK(f[3] == 1.0f);
  // BGRA order puts the red of (63, 102, 240) last of the three.
  ConvertOptions bgra;
  bgra.order = ChannelOrder::BGRA;
  const std::vector<uint8_t> red =
      Rgba8Of444(PixelFormat::Y_U_V24_LimitedRange, 63, 102, 240, bgra);
  CHECK(red[0] == 0);
  CHECK(red[2] == 255);
  CHECK(red[3] == 255);
}

}  // namespace
}  // namespace pixconv::ref
