// The decode API itself: detection by content, header-only reads, caller-owned destinations
// with strides, owning images, and the errors for bad destinations.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "decode_test_util.h"
#include "pixconv/decode.h"

namespace pixconv::decode_test {
namespace {

TEST_CASE("DetectCodec looks at the bytes only") {
  const std::vector<uint8_t> png = ReadFile(TestdataPath("pngsuite/png/basn0g08.png"));
  const std::vector<uint8_t> jpeg = ReadFile(TestdataPath("libjpeg-turbo/testorig.jpg"));
  CHECK(DetectCodec(png.data(), png.size()) == Codec::Png);
  CHECK(DetectCodec(jpeg.data(), jpeg.size()) == Codec::Jpeg);
  CHECK(DetectCodec(png.data(), 7) == Codec::Unknown);  // too short to tell
  CHECK(DetectCodec(jpeg.data(), 2) == Codec::Unknown);
  CHECK(DetectCodec(jpeg.data(), 3) == Codec::Jpeg);
  CHECK(DetectCodec(nullptr, 100) == Codec::Unknown);
  const uint8_t bmp[] = {'B', 'M', 0, 0, 0, 0, 0, 0, 0, 0};
  CHECK(DetectCodec(bmp, sizeof(bmp)) == Codec::Unknown);
  CHECK(Name(Codec::Jpeg) == "JPEG");
  CHECK(Name(Codec::Png) == "PNG");
  CHECK(Name(Codec::Unknown) == "unknown");
}

// Bytes up to the image data: PNG, up to the first IDAT's length and type; JPEG, up to the
// end of the first start-of-scan header.
size_t HeaderSize(const std::vector<uint8_t>& file) {
  const std::string idat = "IDAT";
  const uint8_t sos[] = {0xFF, 0xDA};
  if (DetectCodec(file.data(), file.size()) == Codec::Png) {
    return static_cast<size_t>(std::search(file.begin(), file.end(), idat.begin(), idat.end()) -
                               file.begin()) + 4;
  }
  const size_t at =
      static_cast<size_t>(std::search(file.begin(), file.end(), sos, sos + 2) - file.begin());
  return at + 2 + (file[at + 2] << 8 | file[at + 3]);
}

TEST_CASE("ReadImageInfo reads the header alone") {
  struct Expected {
    const char* file;
    uint32_t width, height;
    ColorModel model;
    ChannelDatatype datatype;
    int bit_depth;
  };
  const Expected cases[] = {
      {"pngsuite/png/basn0g01.png", 32, 32, ColorModel::L, ChannelDatatype::U8, 1},
      {"pngsuite/png/basn0g16.png", 32, 32, ColorModel::L, ChannelDatatype::U16, 16},
      {"pngsuite/png/basn2c16.png", 32, 32, ColorModel::RGB, ChannelDatatype::U16, 16},
      {"pngsuite/png/basn3p04.png", 32, 32, ColorModel::RGB, ChannelDatatype::U8, 4},
      {"pngsuite/png/tbbn3p08.png", 32, 32, ColorModel::RGBA, ChannelDatatype::U8, 8},
      {"pngsuite/png/basn4a08.png", 32, 32, ColorModel::RGBA, ChannelDatatype::U8, 8},
      {"pngsuite/png/tbwn0g16.png", 32, 32, ColorModel::RGBA, ChannelDatatype::U16, 16},
      {"pngsuite/png/basn6a16.png", 32, 32, ColorModel::RGBA, ChannelDatatype::U16, 16},
      {"pngsuite/png/s39i3p04.png", 39, 39, ColorModel::RGB, ChannelDatatype::U8, 4},
      {"libjpeg-turbo/testorig.jpg", 227, 149, ColorModel::RGB, ChannelDatatype::U8, 8},
      {"libjpeg-turbo/testimgari.jpg", 227, 149, ColorModel::RGB, ChannelDatatype::U8, 8},
  };
  for (const Expected& e : cases) {
    CAPTURE(e.file);
    std::vector<uint8_t> file = ReadFile(TestdataPath(e.file));
    REQUIRE(!file.empty());
    // Only the header is read: cut the file where the image data starts.
    const size_t header = HeaderSize(file);
    REQUIRE(header < file.size());
    file.resize(header);
    Result<ImageInfo> info = ReadImageInfo(file.data(), file.size());
    REQUIRE_MESSAGE(info.ok(), info.status().ToString());
    CHECK(info->format.width == e.width);
    CHECK(info->format.height == e.height);
    CHECK_FALSE(info->format.pixel_format.has_value());
    CHECK(info->format.color_model == e.model);
    CHECK(info->format.datatype == e.datatype);
    CHECK(info->bit_depth == e.bit_depth);
  }
}

// Decodes into a destination with padded rows and guard bytes around it; the rows must equal
// Decode's and no byte outside them may change.
void CheckDecodeIntoWithStride(const std::string& relative) {
  CAPTURE(relative);
  const std::vector<uint8_t> file = ReadFile(TestdataPath(relative));
  Result<DecodedImage> packed = Decode(file.data(), file.size());
  REQUIRE(packed.ok());
  const ImageFormat& f = packed->format;
  const size_t row = packed->pixels.size() / f.height;
  const size_t stride = row + 13;
  constexpr size_t kGuard = 16;
  constexpr uint8_t kSentinel = 0xA5;
  const size_t size = stride * (f.height - 1) + row;  // the last row needs no padding
  std::vector<uint8_t> buffer(size + 2 * kGuard, kSentinel);
  REQUIRE(DecodeInto(file.data(), file.size(), {buffer.data() + kGuard, size, stride}).ok());
  for (uint32_t y = 0; y < f.height; ++y) {
    const uint8_t* got = buffer.data() + kGuard + y * stride;
    CHECK(std::memcmp(got, packed->pixels.data() + y * row, row) == 0);
    if (y + 1 < f.height) {
      for (size_t i = row; i < stride; ++i) REQUIRE(got[i] == kSentinel);
    }
  }
  for (size_t i = 0; i < kGuard; ++i) {
    REQUIRE(buffer[i] == kSentinel);
    REQUIRE(buffer[kGuard + size + i] == kSentinel);
  }
}

TEST_CASE("DecodeInto a caller-owned buffer with a row stride") {
  CheckDecodeIntoWithStride("pngsuite/png/basn2c08.png");
  CheckDecodeIntoWithStride("pngsuite/png/basi2c16.png");  // Adam7: seven passes over the rows
  CheckDecodeIntoWithStride("pngsuite/png/s35i3p04.png");  // Adam7, odd size, palette
  CheckDecodeIntoWithStride("pngsuite/png/tbwn0g16.png");
  CheckDecodeIntoWithStride("libjpeg-turbo/testorig.jpg");
}

TEST_CASE("DecodeInto rejects bad destinations") {
  const std::vector<uint8_t> file = ReadFile(TestdataPath("pngsuite/png/basn2c16.png"));
  const size_t needed = 32 * 32 * 6;
  std::vector<uint8_t> buffer(2 * needed);
  CHECK(DecodeInto(file.data(), file.size(), {buffer.data(), needed}).ok());
  Status s = DecodeInto(file.data(), file.size(), {buffer.data(), needed - 1});
  CHECK(s.code() == StatusCode::kBufferTooSmall);
  CHECK(s.message().find(std::to_string(needed)) != std::string::npos);
  CHECK(DecodeInto(file.data(), file.size(), {buffer.data(), buffer.size(), 32 * 6 - 1}).code() ==
        StatusCode::kBadStride);
  CHECK(DecodeInto(file.data(), file.size(), {nullptr, needed}).code() ==
        StatusCode::kInvalidArgument);
  // Stride 193 over 32 rows: 31 * 193 + 192 bytes.
  CHECK(DecodeInto(file.data(), file.size(), {buffer.data(), 31 * 193 + 192, 193}).ok());
  CHECK(DecodeInto(file.data(), file.size(), {buffer.data(), 31 * 193 + 191, 193}).code() ==
        StatusCode::kBufferTooSmall);
}

TEST_CASE("DecodedImage owns its pixels and gives a view") {
  const std::vector<uint8_t> file = ReadFile(TestdataPath("pngsuite/png/basn6a08.png"));
  Result<DecodedImage> image = Decode(file.data(), file.size());
  REQUIRE(image.ok());
  CHECK(image->pixels.size() == 32 * 32 * 4);
  const ImageView view = image->View();
  CHECK(Validate(view).ok());
  CHECK(view.planes[0].data == image->pixels.data());
  CHECK(view.planes[0].stride == 32 * 4);
  CHECK(view.format.color_model == ColorModel::RGBA);

  CHECK_FALSE(Validate(DecodedImage{}.View()).ok());
}

TEST_CASE("16-bit PNG samples are in native byte order") {
  // basn0g16's first row starts 0x0000, 0x0900 (big-endian in the file).
  const std::vector<uint8_t> file = ReadFile(TestdataPath("pngsuite/png/basn0g16.png"));
  Result<DecodedImage> image = Decode(file.data(), file.size());
  REQUIRE(image.ok());
  uint16_t second;
  std::memcpy(&second, image->pixels.data() + 2, 2);
  CHECK(second == 0x0900);
}

}  // namespace
}  // namespace pixconv::decode_test
