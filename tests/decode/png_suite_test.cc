// PngSuite (tests/data/pngsuite): every valid file decodes to exactly the RGBA values of
// its json/ file, at 16 bits for 16-bit files; every x*.png is rejected with an error.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "decode_test_util.h"
#include "pixconv/decode.h"

namespace pixconv::decode_test {
namespace {

std::string JsonFor(const std::string& png) {
  return TestdataPath("pngsuite/json/" + Stem(png) + ".json");
}

// The IHDR fields, read straight from the bytes.
struct Ihdr {
  uint32_t width, height;
  int bit_depth, color_type, interlace;
};
Ihdr ReadIhdr(const std::vector<uint8_t>& png) {
  auto be32 = [&](size_t at) {
    return uint32_t{png[at]} << 24 | uint32_t{png[at + 1]} << 16 | uint32_t{png[at + 2]} << 8 |
           png[at + 3];
  };
  return Ihdr{be32(16), be32(20), png[24], png[25], png[28]};
}

bool HasChunk(const std::vector<uint8_t>& png, const char* type) {
  for (size_t at = 8; at + 8 <= png.size();) {
    const uint32_t length = uint32_t{png[at]} << 24 | uint32_t{png[at + 1]} << 16 |
                            uint32_t{png[at + 2]} << 8 | png[at + 3];
    if (std::string(png.begin() + at + 4, png.begin() + at + 8) == type) return true;
    at += size_t{12} + length;
  }
  return false;
}

TEST_CASE("PngSuite: the corpus is there") {
  CHECK(PngSuiteValid().size() >= 150);
  CHECK(PngSuiteInvalid().size() >= 14);
}

TEST_CASE("PngSuite: every valid file decodes to its expected RGBA values") {
  int compared = 0;
  for (const std::string& path : PngSuiteValid()) {
    CAPTURE(path);
    const std::vector<uint8_t> file = ReadFile(path);
    REQUIRE(!file.empty());
    Result<DecodedImage> image = Decode(file.data(), file.size());
    REQUIRE_MESSAGE(image.ok(), image.status().ToString());

    // The model follows the header (lib/README.md 5).
    const Ihdr ihdr = ReadIhdr(file);
    const bool trns = HasChunk(file, "tRNS");
    const ImageFormat& f = image->format;
    CHECK(f.width == ihdr.width);
    CHECK(f.height == ihdr.height);
    CHECK(f.datatype == (ihdr.bit_depth == 16 ? ChannelDatatype::U16 : ChannelDatatype::U8));
    const bool alpha = (ihdr.color_type & 4) != 0 || trns;
    const bool color = (ihdr.color_type & 2) != 0;
    CHECK(f.color_model == (alpha ? ColorModel::RGBA : color ? ColorModel::RGB : ColorModel::L));
    Result<ImageInfo> info = ReadImageInfo(file.data(), file.size());
    REQUIRE(info.ok());
    CHECK(info->codec == Codec::Png);
    CHECK(info->bit_depth == ihdr.bit_depth);
    CHECK(info->format.color_model == f.color_model);
    CHECK(info->format.datatype == f.datatype);

    const std::vector<uint32_t> expected = ReadJsonNumbers(JsonFor(path));
    REQUIRE_MESSAGE(!expected.empty(), "no json for " << path);
    const std::vector<uint32_t> actual = ToRgbaSamples(*image);
    REQUIRE(actual.size() == expected.size());
    size_t first_difference = actual.size();
    for (size_t i = 0; i < actual.size() && first_difference == actual.size(); ++i) {
      if (actual[i] != expected[i]) first_difference = i;
    }
    CAPTURE(first_difference);
    if (first_difference < actual.size()) {
      FAIL_CHECK("sample " << first_difference << " is " << actual[first_difference]
                           << ", expected " << expected[first_difference]);
    }
    ++compared;
  }
  CHECK(compared == static_cast<int>(PngSuiteValid().size()));
}

TEST_CASE("PngSuite: every 8-bit file decodes straight to RGBA8 and BGRA8 as its json says") {
  // Default options leave 8-bit samples as they are, so libpng writes RGBA / BGRA itself.
  ConvertOptions bgra;
  bgra.order = ChannelOrder::BGRA;
  int compared = 0;
  for (const std::string& path : PngSuiteValid()) {
    const std::vector<uint8_t> file = ReadFile(path);
    if (ReadIhdr(file).bit_depth == 16) continue;
    CAPTURE(path);
    const std::vector<uint32_t> expected = ReadJsonNumbers(JsonFor(path));
    Result<DecodedImage> rgba = DecodeAndConvert(file.data(), file.size());
    Result<DecodedImage> bgr = DecodeAndConvert(file.data(), file.size(), bgra);
    REQUIRE_MESSAGE(rgba.ok(), rgba.status().ToString());
    REQUIRE_MESSAGE(bgr.ok(), bgr.status().ToString());
    REQUIRE(rgba->pixels.size() == expected.size());
    REQUIRE(bgr->pixels.size() == expected.size());
    int mismatches = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
      const size_t swapped = (i % 4 == 3) ? i : i - i % 4 + (2 - i % 4);
      mismatches += rgba->pixels[i] != expected[i];
      mismatches += bgr->pixels[swapped] != expected[i];
    }
    CHECK(mismatches == 0);
    ++compared;
  }
  CHECK(compared > 120);
}

TEST_CASE("PngSuite: 16-bit files to RGBA8 (datatype range) are within 1 of the 8-bit json") {
  // json/*_to8.json hold the 16-bit files reduced to 8 bits, but by no single rule: the color
  // files by v >> 8, the gray ones by yet another rounding. RangeMode::Datatype quantizes
  // round(v * 255 / 65535) (lib/README.md 3.7), which is within 1 of both; the 16-bit values
  // themselves are compared exactly above.
  ConvertOptions options;
  options.range = RangeMode::Datatype;
  int compared = 0;
  for (const std::string& path : PngSuiteValid()) {
    const std::string json = TestdataPath("pngsuite/json/" + Stem(path) + "_to8.json");
    const std::vector<uint32_t> expected = ReadJsonNumbers(json);
    if (expected.empty()) continue;
    CAPTURE(path);
    const std::vector<uint8_t> file = ReadFile(path);
    Result<DecodedImage> rgba = DecodeAndConvert(file.data(), file.size(), options);
    REQUIRE_MESSAGE(rgba.ok(), rgba.status().ToString());
    REQUIRE(rgba->pixels.size() == expected.size());
    int off_by_more_than_one = 0;
    for (size_t i = 0; i < expected.size(); ++i) {
      const int difference = static_cast<int>(rgba->pixels[i]) - static_cast<int>(expected[i]);
      off_by_more_than_one += difference < -1 || difference > 1;
    }
    CHECK(off_by_more_than_one == 0);
    ++compared;
  }
  CHECK(compared >= 20);
}

TEST_CASE("PngSuite: every x*.png is rejected with an error") {
  for (const std::string& path : PngSuiteInvalid()) {
    CAPTURE(path);
    const std::vector<uint8_t> file = ReadFile(path);
    REQUIRE(!file.empty());
    Result<DecodedImage> image = Decode(file.data(), file.size());
    CHECK_FALSE(image.ok());
    CHECK(image.status().code() != StatusCode::kOk);
    CHECK(!image.status().message().empty());
    Result<DecodedImage> rgba = DecodeAndConvert(file.data(), file.size());
    CHECK_FALSE(rgba.ok());
  }
}

}  // namespace
}  // namespace pixconv::decode_test
