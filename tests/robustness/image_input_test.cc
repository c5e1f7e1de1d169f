// Bad source images: zero and huge dimensions, size arithmetic that overflows a 64-bit
// size_t, short and null buffers, strides shorter than a row, huge strides, and hand-built
// views that do not match their format. The C ABI reports the same codes and messages.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"

namespace pixconv::robustness {
namespace {

std::string LastError() { return pixconv_last_error(); }

TEST_CASE("zero width or height") {
  std::vector<uint8_t> buf(64);
  EXPECT_ERROR(BufferSize(ImageFormat::Pixel(0, 4, PixelFormat::NV12)).status(),
               StatusCode::kBadDimensions, "NV12 0x4: width and height must be at least 1");
  EXPECT_ERROR(MakeImageView(ImageFormat::Color(4, 0, ColorModel::RGB, ChannelDatatype::U16),
                             buf.data(), buf.size())
                   .status(),
               StatusCode::kBadDimensions, "RGB/U16 4x0: width and height must be at least 1");
  EXPECT_ERROR(OutputSize(0, 2, OutputType::RGBA8).status(), StatusCode::kBadDimensions,
               "output 0x2: width and height must be in [1, 16777216]");
  pixconv_image image{};
  image.format = {0, 4, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_L, PIXCONV_DATATYPE_U8};
  image.planes[0] = {buf.data(), buf.size(), 0};
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BAD_DIMENSIONS);
  CHECK(LastError() == "bad dimensions: L/U8 0x4: width and height must be at least 1");
}

TEST_CASE("dimensions above 2^24") {
  EXPECT_ERROR(BufferSize(ImageFormat::Pixel(kMaxDimension + 1, 1, PixelFormat::YUY2)).status(),
               StatusCode::kBadDimensions,
               "YUY2 16777217x1: width and height must be at most 16777216");
  EXPECT_ERROR(
      BufferSize(ImageFormat::Color(1, UINT32_MAX, ColorModel::L, ChannelDatatype::U8)).status(),
      StatusCode::kBadDimensions, "must be at most 16777216");
  EXPECT_ERROR(OutputSize(kMaxDimension + 1, 1, OutputType::RGBAF32).status(),
               StatusCode::kBadDimensions, "output 16777217x1");
  size_t size = 0;
  CHECK(pixconv_output_size(1, UINT32_MAX, PIXCONV_OUTPUT_RGBA8, 0, &size) ==
        PIXCONV_ERROR_BAD_DIMENSIONS);
  // The largest accepted dimensions are fine (64-bit size_t): 2^24 x 2^24 RGBA F64 is 2^53.
  CHECK(*BufferSize(ImageFormat::Color(kMaxDimension, kMaxDimension, ColorModel::RGBA,
                                       ChannelDatatype::F64)) == size_t{1} << 53);
}

TEST_CASE("size arithmetic that overflows a 64-bit size_t") {
  const ImageFormat big =
      ImageFormat::Color(kMaxDimension, kMaxDimension, ColorModel::RGBA, ChannelDatatype::F64);
  const size_t huge = SIZE_MAX / 2;
  EXPECT_ERROR(BufferSize(big, {huge, 0, 0}).status(), StatusCode::kSizeOverflow,
               "RGBA/F64 16777216x16777216 image: plane size overflows size_t");
  // Each plane fits, the sum of the three does not.
  const ImageFormat i444 = ImageFormat::Pixel(16, 16, PixelFormat::Y_U_V24_LimitedRange);
  EXPECT_ERROR(BufferSize(i444, {SIZE_MAX / 40, SIZE_MAX / 40, SIZE_MAX / 40}).status(),
               StatusCode::kSizeOverflow,
               "Y_U_V24_LimitedRange 16x16: buffer size overflows size_t");
  EXPECT_ERROR(OutputSize(3, 2, OutputType::RGBA8, SIZE_MAX).status(), StatusCode::kSizeOverflow,
               "output 3x2 RGBA8: plane size overflows size_t");
  std::vector<uint8_t> out(64);
  std::vector<uint8_t> src(12);
  const ImageView view = *MakeImageView(
      ImageFormat::Color(3, 1, ColorModel::RGBA, ChannelDatatype::U8), src.data(), src.size());
  CHECK(Convert(view, {out.data(), out.size(), SIZE_MAX}).ok());  // one row: never multiplied
  const ImageView two_rows =
      *MakeImageView(ImageFormat::Color(3, 2, ColorModel::L, ChannelDatatype::U8), src.data(), 6);
  EXPECT_ERROR(Convert(two_rows, {out.data(), out.size(), SIZE_MAX}), StatusCode::kSizeOverflow,
               "output 3x2 RGBA8: plane size overflows size_t");
  pixconv_image_format f = {16, 16, PIXCONV_PIXEL_FORMAT_Y_U_V24_LIMITED_RANGE, 0, 0};
  const size_t strides[3] = {SIZE_MAX / 40, SIZE_MAX / 40, SIZE_MAX / 40};
  size_t size = 0;
  CHECK(pixconv_buffer_size(&f, strides, &size) == PIXCONV_ERROR_SIZE_OVERFLOW);
  CHECK(LastError() == "size overflow: Y_U_V24_LimitedRange 16x16: buffer size overflows size_t");
}

TEST_CASE("buffers shorter than the layout") {
  std::vector<uint8_t> buf(3110400);
  EXPECT_ERROR(MakeImageView(ImageFormat::Pixel(1920, 1080, PixelFormat::NV12), buf.data(), 3110399)
                   .status(),
               StatusCode::kBufferTooSmall,
               "NV12 1920x1080 needs 3110400 bytes, buffer has 3110399");
  // Padded rows: the last row needs no padding, so stride * (h - 1) + row is enough.
  const ImageFormat rgb = ImageFormat::Color(5, 3, ColorModel::RGB, ChannelDatatype::U16);
  CHECK(MakeImageView(rgb, buf.data(), 32 * 2 + 30, {32, 0, 0}).ok());
  EXPECT_ERROR(MakeImageView(rgb, buf.data(), 32 * 2 + 29, {32, 0, 0}).status(),
               StatusCode::kBufferTooSmall, "RGB/U16 5x3 needs 94 bytes, buffer has 93");
  // Separate planes: the plane that is short is named.
  const ImageFormat i420 = ImageFormat::Pixel(5, 3, PixelFormat::Y_U_V12_LimitedRange);
  EXPECT_ERROR(MakePlanarView(i420, {PlaneView{buf.data(), 15, 0}, PlaneView{buf.data() + 15, 6, 0},
                                     PlaneView{buf.data() + 21, 5, 0}})
                   .status(),
               StatusCode::kBufferTooSmall,
               "Y_U_V12_LimitedRange 5x3 V plane needs 6 bytes, buffer has 5");
  // A hand-built view whose plane shrank after validation.
  ImageView view = *MakeImageView(rgb, buf.data(), 90);
  view.planes[0].size = 89;
  EXPECT_ERROR(Validate(view), StatusCode::kBufferTooSmall, "RGB/U16 5x3 image needs 90 bytes");
  pixconv_image image{};
  image.format = {1920, 1080, PIXCONV_PIXEL_FORMAT_NV12, 0, 0};
  image.planes[0] = {buf.data(), 3110399, 0};
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BUFFER_TOO_SMALL);
  CHECK(LastError() == "buffer too small: NV12 1920x1080 needs 3110400 bytes, buffer has 3110399");
}

TEST_CASE("null buffers, with and without a size") {
  const ImageFormat rgb = ImageFormat::Color(2, 2, ColorModel::RGB, ChannelDatatype::U8);
  EXPECT_ERROR(MakeImageView(rgb, nullptr, 12).status(), StatusCode::kInvalidArgument,
               "RGB/U8 2x2: buffer is null");
  EXPECT_ERROR(MakeImageView(rgb, nullptr, 0).status(), StatusCode::kInvalidArgument,
               "RGB/U8 2x2: buffer is null");
  const ImageFormat nv12 = ImageFormat::Pixel(2, 2, PixelFormat::NV12);
  std::vector<uint8_t> y(4);
  EXPECT_ERROR(
      MakePlanarView(nv12, {PlaneView{y.data(), 4, 0}, PlaneView{nullptr, 0, 0}, PlaneView{}})
          .status(),
      StatusCode::kInvalidArgument, "NV12 2x2 UV plane: data is null");
  // A non-null buffer of size 0 is merely too small.
  EXPECT_ERROR(MakeImageView(rgb, y.data(), 0).status(), StatusCode::kBufferTooSmall,
               "needs 12 bytes, buffer has 0");
  EXPECT_ERROR(Validate(ImageView{}), StatusCode::kBadDimensions, "L/U8 0x0");
  pixconv_image image{};
  image.format = {2, 2, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_RGB, PIXCONV_DATATYPE_U8};
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(LastError() == "invalid argument: RGB/U8 2x2: buffer is null");
  CHECK(pixconv_validate_image(nullptr) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(LastError() == "invalid argument: image is null");
}

TEST_CASE("strides shorter than a row") {
  std::vector<uint8_t> buf(256);
  const ImageFormat i420 = ImageFormat::Pixel(6, 4, PixelFormat::Y_U_V12_LimitedRange);
  EXPECT_ERROR(BufferSize(i420, {5, 0, 0}).status(), StatusCode::kBadStride,
               "Y_U_V12_LimitedRange 6x4 Y plane: row stride 5 is shorter than the row of 6 bytes");
  EXPECT_ERROR(BufferSize(i420, {0, 0, 2}).status(), StatusCode::kBadStride,
               "V plane: row stride 2 is shorter than the row of 3 bytes");
  const ImageFormat yuy2 = ImageFormat::Pixel(5, 2, PixelFormat::YUY2);  // 3 pairs: 12 bytes
  EXPECT_ERROR(MakeImageView(yuy2, buf.data(), buf.size(), {11, 0, 0}).status(),
               StatusCode::kBadStride,
               "YUY2 5x2 image: row stride 11 is shorter than the row of 12");
  // A hand-built view: a stride of 0 (never resolved) or shorter than a row.
  ImageView view = *MakeImageView(i420, buf.data(), buf.size());
  view.planes[1].stride = 0;
  EXPECT_ERROR(Validate(view), StatusCode::kBadStride,
               "Y_U_V12_LimitedRange 6x4 U plane: stride is 0");
  view.planes[1].stride = 2;
  EXPECT_ERROR(Validate(view), StatusCode::kBadStride, "U plane: row stride 2 is shorter");
  pixconv_image image{};
  image.format = {6, 4, PIXCONV_PIXEL_FORMAT_Y_U_V12_LIMITED_RANGE, 0, 0};
  image.planes[0] = {buf.data(), buf.size(), 5};
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_BAD_STRIDE);
  CHECK(LastError().find("row stride 5 is shorter than the row of 6 bytes") != std::string::npos);
}

TEST_CASE("huge strides: fine for one row, an overflow for more") {
  std::vector<uint8_t> buf(16, 200);
  const ImageFormat one_row = ImageFormat::Color(4, 1, ColorModel::L, ChannelDatatype::U8);
  Result<ImageView> view = MakeImageView(one_row, buf.data(), 4, {SIZE_MAX, 0, 0});
  REQUIRE(view.ok());  // stride * (rows - 1) + row = 4
  std::vector<uint8_t> out(16);
  REQUIRE(Convert(*view, {out.data(), out.size()}).ok());
  CHECK(out[0] == 200);
  EXPECT_ERROR(MakeImageView(ImageFormat::Color(4, 2, ColorModel::L, ChannelDatatype::U8),
                             buf.data(), buf.size(), {SIZE_MAX, 0, 0})
                   .status(),
               StatusCode::kSizeOverflow, "L/U8 4x2 image: plane size overflows size_t");
  // In one buffer every plane but the last occupies stride * rows: SIZE_MAX, then the UV plane.
  EXPECT_ERROR(BufferSize(ImageFormat::Pixel(4, 1, PixelFormat::NV12), {SIZE_MAX, 0, 0}).status(),
               StatusCode::kSizeOverflow, "NV12 4x1: buffer size overflows size_t");
}

TEST_CASE("a hand-built view that does not match its format") {
  std::vector<uint8_t> buf(64);
  ImageView view = *MakeImageView(ImageFormat::Pixel(4, 4, PixelFormat::NV12), buf.data(), 24);
  view.num_planes = 3;
  EXPECT_ERROR(Validate(view), StatusCode::kMismatch, "NV12 4x4 has 2 planes, view has 3");
  // A converter planned for one format refuses an image of another.
  const ImageView rgb = *MakeImageView(
      ImageFormat::Color(4, 2, ColorModel::RGB, ChannelDatatype::U8), buf.data(), 24);
  const ImageView bgr = *MakeImageView(
      ImageFormat::Color(4, 2, ColorModel::BGR, ChannelDatatype::U8), buf.data(), 24);
  Result<Converter> converter = Converter::Create(rgb);
  REQUIRE(converter.ok());
  std::vector<uint8_t> out(32);
  EXPECT_ERROR(converter->ConvertAll(bgr, {out.data(), out.size()}), StatusCode::kMismatch,
               "image is BGR/U8 4x2 but the converter was planned for RGB/U8 4x2");
  EXPECT_ERROR(converter->ConvertRows(rgb, {out.data(), out.size()}, 1, 3),
               StatusCode::kInvalidArgument, "rows [1, 3) are not inside [0, 2)");
  EXPECT_ERROR(Converter().ConvertAll(rgb, {out.data(), out.size()}), StatusCode::kInvalidArgument,
               "converter was not created with Converter::Create");
}

}  // namespace
}  // namespace pixconv::robustness
