// Bad destinations: too small (packed or padded), null (with or without a size), a stride
// shorter than a row, for the converters and the decoders, C++ and C ABI. Nothing is written
// when a call fails this way.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/parallel.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"

namespace pixconv::robustness {
namespace {

constexpr uint8_t kUntouched = 0xA5;

bool Untouched(const std::vector<uint8_t>& v) {
  return std::all_of(v.begin(), v.end(), [](uint8_t b) { return b == kUntouched; });
}

TEST_CASE("conversion into a destination that is too small, null or narrow") {
  std::vector<uint8_t> src(6 * 4 * 3 / 2, 100);
  const ImageView nv12 =
      *MakeImageView(ImageFormat::Pixel(6, 4, PixelFormat::NV12), src.data(), 36);
  std::vector<uint8_t> out(6 * 4 * 16, kUntouched);
  EXPECT_ERROR(Convert(nv12, {out.data(), 95}), StatusCode::kBufferTooSmall,
               "destination for NV12 6x4 needs 96 bytes, buffer has 95");
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  EXPECT_ERROR(Convert(nv12, {out.data(), 383}, f32), StatusCode::kBufferTooSmall,
               "needs 384 bytes, buffer has 383");
  // Padded rows: stride * (h - 1) + row.
  EXPECT_ERROR(Convert(nv12, {out.data(), 32 * 3 + 23, 32}), StatusCode::kBufferTooSmall,
               "needs 120 bytes, buffer has 119");
  EXPECT_ERROR(Convert(nv12, {out.data(), out.size(), 23}), StatusCode::kBadStride,
               "output 6x4 RGBA8: row stride 23 is shorter than the row of 24 bytes");
  EXPECT_ERROR(Convert(nv12, {nullptr, out.size()}), StatusCode::kInvalidArgument,
               "destination is null");
  EXPECT_ERROR(Convert(nv12, {nullptr, 0}), StatusCode::kInvalidArgument, "destination is null");
  Result<Converter> converter = Converter::Create(nv12);
  REQUIRE(converter.ok());
  // A band is checked against the whole destination, not only its own rows.
  EXPECT_ERROR(converter->ConvertRows(nv12, {out.data(), 95}, 0, 2), StatusCode::kBufferTooSmall,
               "needs 96 bytes");
  EXPECT_ERROR(ConvertParallel(nv12, {out.data(), 95}, {}, 2), StatusCode::kBufferTooSmall,
               "needs 96 bytes");
  CHECK(Untouched(out));
  CHECK(Convert(nv12, {out.data(), 96}).ok());
}

TEST_CASE("decoding into a destination that is too small, null or narrow") {
  const std::vector<uint8_t> png = SmallPng();  // 32x32 RGB/U8: 3072 bytes, RGBA8 4096
  std::vector<uint8_t> out(32 * 32 * 16, kUntouched);
  EXPECT_ERROR(DecodeInto(png.data(), png.size(), {out.data(), 3071}), StatusCode::kBufferTooSmall,
               "PNG RGB/U8 32x32 needs 3072 bytes, destination has 3071");
  EXPECT_ERROR(DecodeInto(png.data(), png.size(), {out.data(), out.size(), 95}),
               StatusCode::kBadStride,
               "PNG RGB/U8 32x32: row stride 95 is shorter than the row of 96 bytes");
  EXPECT_ERROR(DecodeInto(png.data(), png.size(), {nullptr, 0}), StatusCode::kInvalidArgument,
               "PNG RGB/U8 32x32: destination is null");
  EXPECT_ERROR(DecodeAndConvertInto(png.data(), png.size(), {out.data(), 4095}),
               StatusCode::kBufferTooSmall,
               "RGBA8 output of PNG RGB/U8 32x32 needs 4096 bytes, destination has 4095");
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  EXPECT_ERROR(DecodeAndConvertInto(png.data(), png.size(), {out.data(), 16383}, f32),
               StatusCode::kBufferTooSmall, "RGBAF32 output of PNG RGB/U8 32x32 needs 16384");
  const std::vector<uint8_t> jpeg = SmallJpeg();  // 227x149 RGB/U8
  EXPECT_ERROR(DecodeInto(jpeg.data(), jpeg.size(), {out.data(), out.size()}),
               StatusCode::kBufferTooSmall, "JPEG RGB/U8 227x149 needs 101469 bytes");
  CHECK(Untouched(out));
}

TEST_CASE("the C ABI: bad destinations") {
  std::vector<uint8_t> src(4 * 2 * 3, 50), out(4 * 2 * 4, kUntouched);
  pixconv_image image{};
  image.format = {4, 2, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_RGB, PIXCONV_DATATYPE_U8};
  image.planes[0] = {src.data(), src.size(), 0};
  pixconv_output dst{out.data(), 31, 0};
  CHECK(pixconv_convert(&image, &dst, nullptr) == PIXCONV_ERROR_BUFFER_TOO_SMALL);
  CHECK(std::string(pixconv_last_error()) ==
        "buffer too small: destination for RGB/U8 4x2 needs 32 bytes, buffer has 31");
  dst = {out.data(), 32, 15};
  CHECK(pixconv_convert_parallel(&image, &dst, nullptr, 2) == PIXCONV_ERROR_BAD_STRIDE);
  dst = {nullptr, 32, 0};
  CHECK(pixconv_convert(&image, &dst, nullptr) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) == "invalid argument: destination is null");
  CHECK(pixconv_convert(&image, nullptr, nullptr) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) == "invalid argument: output is null");
  const std::vector<uint8_t> png = SmallPng();
  dst = {out.data(), out.size(), 0};
  CHECK(pixconv_decode_into(png.data(), png.size(), &dst, nullptr) ==
        PIXCONV_ERROR_BUFFER_TOO_SMALL);
  CHECK(pixconv_decode_and_convert_into(png.data(), png.size(), &dst, nullptr, nullptr) ==
        PIXCONV_ERROR_BUFFER_TOO_SMALL);
  CHECK(Untouched(out));
}

}  // namespace
}  // namespace pixconv::robustness
