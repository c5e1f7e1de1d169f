// Plane layout, sizes and view validation: every inconsistent view gets a specific error.
#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <vector>

#include "pixconv/layout.h"

namespace pixconv {
namespace {

size_t Size(const ImageFormat& f, std::array<size_t, kMaxPlanes> strides = {}) {
  Result<size_t> r = BufferSize(f, strides);
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return *r;
}

TEST_CASE("packed sizes match lib/README.md section 1 for even dimensions") {
  const uint32_t w = 64, h = 48;
  CHECK(Size(ImageFormat::Pixel(w, h, PixelFormat::Y_U_V24_LimitedRange)) == 3 * w * h);
  CHECK(Size(ImageFormat::Pixel(w, h, PixelFormat::Y_U_V16_FullRange)) == 2 * w * h);
  CHECK(Size(ImageFormat::Pixel(w, h, PixelFormat::Y_U_V12_LimitedRange)) == 3 * w * h / 2);
  CHECK(Size(ImageFormat::Pixel(w, h, PixelFormat::NV12)) == 3 * w * h / 2);
  CHECK(Size(ImageFormat::Pixel(w, h, PixelFormat::YUY2)) == 2 * w * h);
  CHECK(Size(ImageFormat::Pixel(w, h, PixelFormat::Y8_FullRange)) == w * h);
  CHECK(Size(ImageFormat::Color(w, h, ColorModel::RGB, ChannelDatatype::U16)) == w * h * 6);
  CHECK(Size(ImageFormat::Color(w, h, ColorModel::BGRA, ChannelDatatype::F64)) == w * h * 32);
  CHECK(Size(ImageFormat::Color(w, h, ColorModel::L, ChannelDatatype::F16)) == w * h * 2);
}

TEST_CASE("odd dimensions use ceil for chroma") {
  // 5x3: chroma of 4:2:0 is 3x2.
  CHECK(Size(ImageFormat::Pixel(5, 3, PixelFormat::Y_U_V12_LimitedRange)) == 15 + 2 * 6);
  CHECK(Size(ImageFormat::Pixel(5, 3, PixelFormat::Y_U_V16_LimitedRange)) == 15 + 2 * 9);
  CHECK(Size(ImageFormat::Pixel(5, 3, PixelFormat::NV12)) == 15 + 2 * 3 * 2);
  // YUY2: ceil(w/2) complete pairs of 4 bytes per row.
  CHECK(Size(ImageFormat::Pixel(5, 3, PixelFormat::YUY2)) == 3 * 12);
  Result<FormatLayout> l = ComputeLayout(ImageFormat::Pixel(1, 1, PixelFormat::NV12));
  REQUIRE(l.ok());
  CHECK(l->num_planes == 2);
  CHECK(l->planes[1].rows == 1);
  CHECK(l->planes[1].row_bytes == 2);
}

TEST_CASE("strides: padded planes, last row unpadded, shorter than a row rejected") {
  const ImageFormat f = ImageFormat::Pixel(6, 4, PixelFormat::Y_U_V12_LimitedRange);
  // Y: 16*4, U: 8*2, V: 8*(2-1)+3.
  CHECK(Size(f, {16, 8, 8}) == 64 + 16 + 11);
  Result<size_t> bad = BufferSize(f, {5, 0, 0});
  CHECK(bad.status().code() == StatusCode::kBadStride);
  CHECK(bad.status().message().find("Y plane") != std::string::npos);
  Result<size_t> bad_uv = BufferSize(f, {0, 2, 0});
  CHECK(bad_uv.status().code() == StatusCode::kBadStride);
}

TEST_CASE("bad dimensions and unknown enums") {
  CHECK(BufferSize(ImageFormat::Pixel(0, 4, PixelFormat::NV12)).status().code() ==
        StatusCode::kBadDimensions);
  CHECK(BufferSize(ImageFormat::Pixel(4, 0, PixelFormat::NV12)).status().code() ==
        StatusCode::kBadDimensions);
  CHECK(BufferSize(ImageFormat::Pixel(kMaxDimension + 1, 1, PixelFormat::NV12)).status().code() ==
        StatusCode::kBadDimensions);
  CHECK(BufferSize(ImageFormat::Pixel(4, 4, static_cast<PixelFormat>(99))).status().code() ==
        StatusCode::kUnknownEnum);
  CHECK(BufferSize(ImageFormat::Color(4, 4, static_cast<ColorModel>(6), ChannelDatatype::U8))
            .status()
            .code() == StatusCode::kUnknownEnum);
  CHECK(BufferSize(ImageFormat::Color(4, 4, ColorModel::L, static_cast<ChannelDatatype>(0)))
            .status()
            .code() == StatusCode::kUnknownEnum);
  // The largest accepted image is fine on 64-bit size_t.
  CHECK(BufferSize(ImageFormat::Color(kMaxDimension, kMaxDimension, ColorModel::RGBA,
                                      ChannelDatatype::F64))
            .ok());
}

TEST_CASE("size arithmetic that would overflow is rejected") {
  const ImageFormat f = ImageFormat::Color(kMaxDimension, kMaxDimension, ColorModel::RGBA,
                                           ChannelDatatype::F64);
  const size_t huge = std::numeric_limits<size_t>::max() / 2;
  CHECK(BufferSize(f, {huge, 0, 0}).status().code() == StatusCode::kSizeOverflow);
  CHECK(PlaneSize(PlaneGeometry{3, 10}, huge).status().code() == StatusCode::kSizeOverflow);
  CHECK(*PlaneSize(PlaneGeometry{1, 10}, huge) == 10);  // one row: the stride never multiplies
}

TEST_CASE("MakeImageView splits planes, accepts a longer buffer, rejects a shorter one") {
  const ImageFormat f = ImageFormat::Pixel(4, 2, PixelFormat::Y_U_V24_LimitedRange);
  std::vector<uint8_t> buf(4 * 4 * 2);  // Rerun's SDK sizes I444 as 4wh: the tail is ignored
  Result<ImageView> v = MakeImageView(f, buf.data(), buf.size());
  REQUIRE(v.ok());
  CHECK(v->num_planes == 3);
  CHECK(v->planes[1].data == buf.data() + 8);
  CHECK(v->planes[2].data == buf.data() + 16);
  CHECK(v->planes[0].stride == 4);
  CHECK(v->Row(2, 1) == buf.data() + 20);

  Result<ImageView> s = MakeImageView(ImageFormat::Pixel(1920, 1080, PixelFormat::NV12), buf.data(),
                                      3110000);
  CHECK(s.status().code() == StatusCode::kBufferTooSmall);
  CHECK(s.status().message() == "NV12 1920x1080 needs 3110400 bytes, buffer has 3110000");

  CHECK(MakeImageView(f, nullptr, 100).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("unaligned buffers and odd strides are fine") {
  std::vector<uint8_t> buf(1000);
  const ImageFormat f = ImageFormat::Color(3, 5, ColorModel::RGB, ChannelDatatype::U16);
  Result<ImageView> v = MakeImageView(f, buf.data() + 1, 999, {19, 0, 0});
  REQUIRE(v.ok());
  CHECK(v->planes[0].stride == 19);
  CHECK(v->Row(0, 4) == buf.data() + 1 + 76);
}

TEST_CASE("MakePlanarView checks each plane separately") {
  const ImageFormat f = ImageFormat::Pixel(5, 3, PixelFormat::Y_U_V12_FullRange);
  std::vector<uint8_t> y(15), u(6), v(6);
  Result<ImageView> ok = MakePlanarView(
      f, {PlaneView{y.data(), y.size(), 0}, PlaneView{u.data(), u.size(), 0}, PlaneView{v.data(), v.size(), 0}});
  REQUIRE(ok.ok());
  CHECK(ok->planes[1].stride == 3);

  Result<ImageView> short_v = MakePlanarView(
      f, {PlaneView{y.data(), y.size(), 0}, PlaneView{u.data(), u.size(), 0}, PlaneView{v.data(), 5, 0}});
  CHECK(short_v.status().code() == StatusCode::kBufferTooSmall);
  CHECK(short_v.status().message().find("V plane") != std::string::npos);

  Result<ImageView> null_u = MakePlanarView(
      f, {PlaneView{y.data(), y.size(), 0}, PlaneView{nullptr, 6, 0}, PlaneView{v.data(), v.size(), 0}});
  CHECK(null_u.status().code() == StatusCode::kInvalidArgument);

  Result<ImageView> bad_stride = MakePlanarView(
      f, {PlaneView{y.data(), y.size(), 4}, PlaneView{u.data(), u.size(), 0}, PlaneView{v.data(), v.size(), 0}});
  CHECK(bad_stride.status().code() == StatusCode::kBadStride);
}

TEST_CASE("Validate rejects a hand-built view with the wrong plane count") {
  std::vector<uint8_t> buf(100);
  ImageView view = *MakeImageView(ImageFormat::Pixel(4, 4, PixelFormat::NV12), buf.data(), buf.size());
  view.num_planes = 3;
  CHECK(Validate(view).code() == StatusCode::kMismatch);
  view.num_planes = 2;
  view.planes[0].stride = 0;
  CHECK(Validate(view).code() == StatusCode::kBadStride);
}

TEST_CASE("Describe names formats") {
  CHECK(Describe(ImageFormat::Pixel(1920, 1080, PixelFormat::NV12)) == "NV12 1920x1080");
  CHECK(Describe(ImageFormat::Color(640, 480, ColorModel::RGB, ChannelDatatype::U16)) ==
        "RGB/U16 640x480");
}

}  // namespace
}  // namespace pixconv
