// Overlapping memory: source planes that share bytes are a layout error (kInvalidArgument),
// planes whose rows merely interleave are fine, and a destination may share no byte with its
// source (Convert, ConvertRows, ConvertParallel, ConvertWithRunner, the C ABI) or, for the
// decoders, with the encoded input.
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/parallel.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"

namespace pixconv::robustness {
namespace {

// I420 6x4: Y 6x4, U and V 3x2 each.
constexpr uint32_t kW = 6, kH = 4;
const ImageFormat kI420 = ImageFormat::Pixel(kW, kH, PixelFormat::Y_U_V12_FullRange);

TEST_CASE("overlapping source planes: MakePlanarView and Validate") {
  std::vector<uint8_t> buf(64, 77);
  const uint8_t* y = buf.data();
  const uint8_t* u = buf.data() + 24;
  SUBCASE("V starts inside the U plane") {
    Result<ImageView> view =
        MakePlanarView(kI420, {PlaneView{y, 24, 0}, PlaneView{u, 6, 0}, PlaneView{u + 5, 6, 0}});
    EXPECT_ERROR(view.status(), StatusCode::kInvalidArgument,
                 "Y_U_V12_FullRange 6x4: the U plane and the V plane share bytes (row 1 of the U "
                 "plane, row 0 of the V plane)");
  }
  SUBCASE("U is the V plane") {
    Result<ImageView> view =
        MakePlanarView(kI420, {PlaneView{y, 24, 0}, PlaneView{u, 6, 0}, PlaneView{u, 6, 0}});
    EXPECT_ERROR(view.status(), StatusCode::kInvalidArgument, "share bytes (row 0 of the U plane");
  }
  SUBCASE("the UV plane of NV12 inside the Y plane's last row") {
    const ImageFormat nv12 = ImageFormat::Pixel(kW, kH, PixelFormat::NV12);
    Result<ImageView> view =
        MakePlanarView(nv12, {PlaneView{y, 24, 0}, PlaneView{y + 20, 12, 0}, PlaneView{}});
    EXPECT_ERROR(view.status(), StatusCode::kInvalidArgument,
                 "NV12 6x4: the Y plane and the UV plane share bytes (row 3 of the Y plane, row 0 "
                 "of the UV plane)");
  }
  SUBCASE("a hand-built view whose planes were moved onto each other") {
    ImageView view = *MakeImageView(kI420, buf.data(), 36);
    CHECK(Validate(view).ok());
    view.planes[2].data = view.planes[1].data + 2;
    EXPECT_ERROR(Validate(view), StatusCode::kInvalidArgument, "the U plane and the V plane");
    std::vector<uint8_t> out(kW * kH * 4);
    EXPECT_ERROR(Convert(view, {out.data(), out.size()}), StatusCode::kInvalidArgument,
                 "share bytes");
  }
  SUBCASE("the C ABI, separate planes") {
    pixconv_image image{};
    image.format = {kW, kH, PIXCONV_PIXEL_FORMAT_Y_U_V12_FULL_RANGE, 0, 0};
    image.planes[0] = {y, 24, 0};
    image.planes[1] = {u, 6, 0};
    image.planes[2] = {u + 3, 6, 0};
    CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(pixconv_last_error()).find("the U plane and the V plane share bytes") !=
          std::string::npos);
  }
}

TEST_CASE("interleaved planes that share no byte are accepted and convert correctly") {
  // U and V rows alternating in one buffer, each with a stride of two chroma rows: U row r at
  // 6r, V row r at 6r + 3. Converted, it must equal the same image in separate planes.
  std::vector<uint8_t> y(kW * kH), chroma(12), u(6), v(6);
  for (size_t i = 0; i < y.size(); ++i) y[i] = static_cast<uint8_t>(20 + 9 * i);
  for (uint32_t r = 0; r < 2; ++r) {
    for (uint32_t x = 0; x < 3; ++x) {
      u[3 * r + x] = chroma[6 * r + x] = static_cast<uint8_t>(60 + 40 * r + 10 * x);
      v[3 * r + x] = chroma[6 * r + 3 + x] = static_cast<uint8_t>(200 - 30 * r - 20 * x);
    }
  }
  Result<ImageView> interleaved =
      MakePlanarView(kI420, {PlaneView{y.data(), y.size(), 0}, PlaneView{chroma.data(), 9, 6},
                             PlaneView{chroma.data() + 3, 9, 6}});
  REQUIRE_MESSAGE(interleaved.ok(), interleaved.status().ToString());
  const ImageView separate = *MakePlanarView(
      kI420,
      {PlaneView{y.data(), y.size(), 0}, PlaneView{u.data(), 6, 0}, PlaneView{v.data(), 6, 0}});
  std::vector<uint8_t> a(kW * kH * 4), b(kW * kH * 4);
  REQUIRE(Convert(*interleaved, {a.data(), a.size()}).ok());
  REQUIRE(Convert(separate, {b.data(), b.size()}).ok());
  CHECK(a == b);
  // One byte earlier and each V row begins on the last byte of a U row: rejected.
  EXPECT_ERROR(
      MakePlanarView(kI420, {PlaneView{y.data(), y.size(), 0}, PlaneView{chroma.data(), 9, 6},
                             PlaneView{chroma.data() + 2, 9, 6}})
          .status(),
      StatusCode::kInvalidArgument,
      "the U plane and the V plane share bytes (row 0 of the U plane, row 0 of the V "
      "plane)");
}

// A 4x3 RGBA/U8 source inside a buffer that the destination may overlap.
struct InPlace {
  std::vector<uint8_t> buffer = std::vector<uint8_t>(4 * 3 * 4 * 3, 100);
  ImageFormat format = ImageFormat::Color(4, 3, ColorModel::RGBA, ChannelDatatype::U8);
  ImageView src = *MakeImageView(format, buffer.data() + 48, 48);
};

void RunAll(void* runner_data, uint32_t count, TaskFn task, void* task_data) {
  ++*static_cast<int*>(runner_data);
  for (uint32_t i = 0; i < count; ++i) task(task_data, i);
}

TEST_CASE("a destination that shares bytes with the source") {
  InPlace f;
  const std::vector<uint8_t> before = f.buffer;
  const std::string in_place =
      "destination for RGBA/U8 4x3 overlaps the image (destination row 0 shares bytes with row "
      "0 of the image)";
  // In place: RGBA/U8 to RGBA8 has the same row size, the tempting case.
  const OutputView same{f.buffer.data() + 48, 48, 0};
  EXPECT_ERROR(Convert(f.src, same), StatusCode::kInvalidArgument, in_place);
  // The last destination row on the first source row.
  EXPECT_ERROR(Convert(f.src, {f.buffer.data() + 16, 48, 0}), StatusCode::kInvalidArgument,
               "destination row 2 shares bytes with row 0 of the image");
  // Padded destination rows around the source (stride 32 from byte 0): rows 0 and 1 miss it,
  // row 2 lands on source row 1.
  EXPECT_ERROR(Convert(f.src, {f.buffer.data(), 80, 32}), StatusCode::kInvalidArgument,
               "destination row 2 shares bytes with row 1 of the image");
  Result<Converter> converter = Converter::Create(f.src);
  REQUIRE(converter.ok());
  // A band whose own rows are elsewhere still gets the error: the destination is one image.
  EXPECT_ERROR(converter->ConvertRows(f.src, same, 0, 0), StatusCode::kInvalidArgument, in_place);
  EXPECT_ERROR(ConvertParallel(f.src, same, {}, 2), StatusCode::kInvalidArgument, in_place);
  int runs = 0;
  EXPECT_ERROR(ConvertWithRunner(f.src, same, {}, TaskRunner{&RunAll, &runs}, 3),
               StatusCode::kInvalidArgument, in_place);
  CHECK(runs == 0);           // checked before any band runs
  CHECK(f.buffer == before);  // nothing was written

  // Right next to the source, on either side, is fine.
  CHECK(Convert(f.src, {f.buffer.data(), 48, 0}).ok());
  CHECK(Convert(f.src, {f.buffer.data() + 96, 48, 0}).ok());
}

TEST_CASE("a destination that overlaps a YUV plane, through the C ABI") {
  std::vector<uint8_t> buf(64, 128);
  pixconv_image image{};
  image.format = {4, 2, PIXCONV_PIXEL_FORMAT_NV12, 0, 0};  // 8 + 4 bytes
  image.planes[0] = {buf.data(), 12, 0};
  pixconv_output out{buf.data() + 10, 32, 0};  // starts on the UV plane
  CHECK(pixconv_convert(&image, &out, nullptr) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) ==
        "invalid argument: destination for NV12 4x2 overlaps the UV plane (destination row 0 "
        "shares bytes with row 0 of the UV plane)");
  CHECK(pixconv_convert_parallel(&image, &out, nullptr, 2) == PIXCONV_ERROR_INVALID_ARGUMENT);
  out.data = buf.data() + 12;
  CHECK(pixconv_convert(&image, &out, nullptr) == PIXCONV_OK);
}

TEST_CASE("decoding into memory that holds the encoded file") {
  // The file at the start of a buffer, the destination after it: fine. Overlapping it: the
  // decoder would overwrite bytes it has yet to read.
  const std::vector<uint8_t> png = SmallPng();
  Result<ImageInfo> info = ReadImageInfo(png.data(), png.size());
  REQUIRE(info.ok());
  const size_t needed = *BufferSize(info->format);
  const size_t rgba_needed =
      *OutputSize(info->format.width, info->format.height, OutputType::RGBA8);
  std::vector<uint8_t> buf(png.size() + needed + rgba_needed);
  std::memcpy(buf.data(), png.data(), png.size());
  CHECK(DecodeInto(buf.data(), png.size(), {buf.data() + png.size(), needed}).ok());
  const Status into = DecodeInto(buf.data(), png.size(), {buf.data() + 8, needed});
  EXPECT_ERROR(
      into, StatusCode::kInvalidArgument,
      "destination row 0 overlaps the encoded input (" + std::to_string(png.size()) + " bytes)");
  EXPECT_ERROR(DecodeAndConvertInto(buf.data(), png.size(), {buf.data() + 1, rgba_needed}),
               StatusCode::kInvalidArgument, "RGBA8 output of PNG");
  ConvertOptions f32;  // the path through the input model checks the same
  f32.to = OutputType::RGBAF32;
  const size_t f32_needed =
      *OutputSize(info->format.width, info->format.height, OutputType::RGBAF32);
  std::vector<uint8_t> big(png.size() + f32_needed);
  std::memcpy(big.data(), png.data(), png.size());
  EXPECT_ERROR(DecodeAndConvertInto(big.data(), png.size(), {big.data(), f32_needed}, f32),
               StatusCode::kInvalidArgument, "overlaps the encoded input");
  // The C ABI reports the same.
  pixconv_output out{buf.data() + 8, needed, 0};
  CHECK(pixconv_decode_into(buf.data(), png.size(), &out, nullptr) ==
        PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()).find("overlaps the encoded input") != std::string::npos);
}

}  // namespace
}  // namespace pixconv::robustness
