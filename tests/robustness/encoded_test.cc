// Bad JPEG and PNG files: truncated, corrupt, oversized or empty in the header, decompression
// bombs (the pixel and scan limits), and data that is no image at all. Every decode entry
// point gives the same error; none of them prints or crashes (tests/decode/robustness_test.cc
// runs thousands of damaged variants of the corpora for that).
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "decode_test_util.h"
#include "pixconv/decode.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"

namespace pixconv::robustness {
namespace {

using decode_test::PngWithoutImageData;

std::vector<uint8_t> Cut(const std::vector<uint8_t>& file, size_t size) {
  return std::vector<uint8_t>(file.begin(), file.begin() + static_cast<std::ptrdiff_t>(size));
}

// Every decode entry point fails on `file` with `code` and a message containing `part`.
void ExpectDecodeError(const std::vector<uint8_t>& file, StatusCode code, const std::string& part,
                       const DecodeOptions& options = {}) {
  std::vector<uint8_t> out(1 << 20);
  const OutputView dst{out.data(), out.size()};
  EXPECT_ERROR(Decode(file.data(), file.size(), options).status(), code, part);
  EXPECT_ERROR(DecodeInto(file.data(), file.size(), dst, options), code, part);
  EXPECT_ERROR(DecodeAndConvert(file.data(), file.size(), {}, options).status(), code, part);
  ConvertOptions f32;  // through the input model and the kernels
  f32.to = OutputType::RGBAF32;
  EXPECT_ERROR(DecodeAndConvertInto(file.data(), file.size(), dst, f32, options), code, part);
  pixconv_output c_dst{out.data(), out.size(), 0};
  pixconv_decode_options c_options;
  pixconv_decode_options_init(&c_options);
  c_options.max_pixels = options.max_pixels;
  c_options.max_jpeg_scans = options.max_jpeg_scans;
  CHECK(pixconv_decode_and_convert_into(file.data(), file.size(), &c_dst, nullptr, &c_options) ==
        static_cast<pixconv_status>(code));
  CHECK(std::string(pixconv_last_error()).find(part) != std::string::npos);
}

TEST_CASE("truncated files") {
  const std::vector<uint8_t> png = SmallPng();
  const std::vector<uint8_t> jpeg = SmallJpeg();
  // In the header, in the image data, and just before the end marker (PNG IEND, JPEG EOI).
  for (const size_t cut : {size_t{20}, png.size() / 2, png.size() - 12}) {
    CAPTURE(cut);
    ExpectDecodeError(Cut(png, cut), StatusCode::kCorruptData,
                      "PNG: data ends after " + std::to_string(cut) + " bytes (truncated file)");
  }
  EXPECT_ERROR(ReadImageInfo(png.data(), 20).status(), StatusCode::kCorruptData,
               "PNG: data ends after 20 bytes");
  for (const size_t cut : {size_t{3}, size_t{100}, jpeg.size() / 2, jpeg.size() - 2}) {
    CAPTURE(cut);
    ExpectDecodeError(Cut(jpeg, cut), StatusCode::kCorruptData, "JPEG: Premature end of JPEG file");
  }
  // A PNG whose image data stops early inside an intact chunk structure.
  ExpectDecodeError(PngWithoutImageData(64, 64, 8, 2), StatusCode::kCorruptData,
                    "PNG: Not enough image data");
}

TEST_CASE("corrupt PNG files: PngSuite's x*.png") {
  struct Case {
    const char* file;
    StatusCode code;
    const char* part;
  };
  const Case cases[] = {
      {"xc1n0g08", StatusCode::kCorruptData, "PNG: Invalid IHDR data"},  // color type 1
      {"xc9n2c08", StatusCode::kCorruptData, "PNG: Invalid IHDR data"},  // color type 9
      {"xd0n2c08", StatusCode::kCorruptData, "PNG: Invalid IHDR data"},  // bit depth 0
      {"xd3n2c08", StatusCode::kCorruptData, "PNG: Invalid IHDR data"},  // bit depth 3
      {"xd9n2c08", StatusCode::kCorruptData, "PNG: Invalid IHDR data"},  // bit depth 99
      {"xcsn0g01", StatusCode::kCorruptData, "PNG: IDAT: CRC error"},
      {"xhdn0g08", StatusCode::kCorruptData, "PNG: IHDR: CRC error"},
      {"xdtn0g01", StatusCode::kCorruptData, "PNG: IEND: out of place"},  // no IDAT
      // A signature mangled by a text-mode transfer (CR/LF) or otherwise is not a PNG.
      {"xcrn0g04", StatusCode::kUnsupported,
       "not a JPEG or PNG file (starts with 89 50 4E 47 0D 0D"},
      {"xlfn0g04", StatusCode::kUnsupported,
       "not a JPEG or PNG file (starts with 89 50 4E 47 0A 0A"},
      {"xs1n0g01", StatusCode::kUnsupported, "not a JPEG or PNG file (starts with 09 50 4E 47"},
      {"xs2n0g01", StatusCode::kUnsupported, "not a JPEG or PNG file"},
      {"xs4n0g01", StatusCode::kUnsupported, "not a JPEG or PNG file"},
      {"xs7n0g01", StatusCode::kUnsupported, "not a JPEG or PNG file"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.file);
    const std::vector<uint8_t> file = decode_test::ReadFile(
        decode_test::TestdataPath(std::string("pngsuite/png/") + c.file + ".png"));
    REQUIRE(!file.empty());
    ExpectDecodeError(file, c.code, c.part);
  }
  // Every x*.png of the suite is listed above.
  CHECK(decode_test::PngSuiteInvalid().size() == std::size(cases));
}

// testorig.jpg with `bytes` written `offset` bytes after its first FF `marker`.
std::vector<uint8_t> PatchedJpeg(uint8_t marker, size_t offset, std::vector<uint8_t> bytes) {
  std::vector<uint8_t> jpeg = SmallJpeg();
  size_t at = 2;
  while (at + 1 < jpeg.size() && !(jpeg[at] == 0xFF && jpeg[at + 1] == marker)) ++at;
  REQUIRE(at + offset + bytes.size() <= jpeg.size());
  for (size_t i = 0; i < bytes.size(); ++i) jpeg[at + offset + i] = bytes[i];
  return jpeg;
}

TEST_CASE("corrupt JPEG files") {
  constexpr uint8_t kSof0 = 0xC0, kDht = 0xC4;
  ExpectDecodeError(PatchedJpeg(kDht, 4, {0x77}), StatusCode::kCorruptData,
                    "JPEG: Bogus DHT index 103");
  ExpectDecodeError(PatchedJpeg(kDht, 5, std::vector<uint8_t>(16, 0xFF)), StatusCode::kCorruptData,
                    "JPEG: Bogus Huffman table definition");
  ExpectDecodeError(PatchedJpeg(kSof0, 9, {7}), StatusCode::kCorruptData,
                    "JPEG: Bogus marker length");  // 7 components in a frame sized for 3
  // A damaged scan: libjpeg would fill the rest with gray; pixconv reports it.
  std::vector<uint8_t> scan = SmallJpeg();
  for (size_t i = scan.size() / 2; i < scan.size() / 2 + 40; ++i) scan[i] = 0xFF;
  ExpectDecodeError(scan, StatusCode::kCorruptData,
                    "JPEG: Corrupt JPEG data: premature end of data segment");
}

TEST_CASE("oversized, empty and unsupported images in the header") {
  constexpr uint8_t kSof0 = 0xC0;
  // Dimensions: above pixconv's 2^24, above libpng's 2^31 - 1, above libjpeg's 65500, zero.
  ExpectDecodeError(PngWithoutImageData((1u << 24) + 1, 1, 8, 0), StatusCode::kBadDimensions,
                    "PNG L/U8 16777217x1: width and height must be in [1, 16777216]");
  ExpectDecodeError(PngWithoutImageData(1u << 31, 1, 8, 0), StatusCode::kCorruptData,
                    "PNG: PNG unsigned integer out of range");
  ExpectDecodeError(PngWithoutImageData(0, 1, 8, 0), StatusCode::kCorruptData,
                    "PNG: Invalid IHDR data");
  ExpectDecodeError(PatchedJpeg(kSof0, 7, {0xFF, 0xFF}), StatusCode::kUnsupported,
                    "JPEG: Maximum supported image dimension is 65500 pixels");
  ExpectDecodeError(PatchedJpeg(kSof0, 5, {0, 0}), StatusCode::kCorruptData,
                    "JPEG: Empty JPEG image (DNL not supported)");
  // 12-bit samples: valid JPEG that the installed libjpeg-turbo cannot decode.
  const std::vector<uint8_t> twelve_bit = PatchedJpeg(kSof0, 4, {12});
  ExpectDecodeError(twelve_bit, StatusCode::kUnsupported, "JPEG: 12-bit samples are not supported");
  EXPECT_ERROR(ReadImageInfo(twelve_bit.data(), twelve_bit.size()).status(),
               StatusCode::kUnsupported, "12-bit samples");
}

TEST_CASE("decompression bombs: the pixel limit, from the header, before any allocation") {
  // 100000 x 100000 RGBA16 would be 80 GB; the file is 57 bytes.
  const std::vector<uint8_t> png = PngWithoutImageData(100000, 100000, 16, 6);
  const std::string png_message =
      "PNG RGBA/U16 100000x100000 has 10000000000 pixels, above the limit of 268435456 "
      "(DecodeOptions::max_pixels)";
  ExpectDecodeError(png, StatusCode::kLimitExceeded, png_message);
  EXPECT_ERROR(ReadImageInfo(png.data(), png.size()).status(), StatusCode::kLimitExceeded,
               png_message);
  // testorig.jpg claiming 60000 x 60000.
  const std::vector<uint8_t> jpeg =
      PatchedJpeg(0xC0, 5, {60000 >> 8, 60000 & 0xFF, 60000 >> 8, 60000 & 0xFF});
  ExpectDecodeError(jpeg, StatusCode::kLimitExceeded,
                    "JPEG RGB/U8 60000x60000 has 3600000000 pixels, above the limit of 268435456");
  // The limit is the caller's: 32 x 32 = 1024 pixels pass a limit of 1024, not one of 1023.
  DecodeOptions options;
  options.max_pixels = 1024;
  const std::vector<uint8_t> small = SmallPng();
  CHECK(Decode(small.data(), small.size(), options).ok());
  options.max_pixels = 1023;
  ExpectDecodeError(small, StatusCode::kLimitExceeded, "has 1024 pixels, above the limit of 1023",
                    options);
  pixconv_decode_options c_options;
  pixconv_decode_options_init(&c_options);
  c_options.max_pixels = 1023;
  pixconv_image_info info;
  CHECK(pixconv_read_image_info(small.data(), small.size(), &c_options, &info) ==
        PIXCONV_ERROR_LIMIT_EXCEEDED);
}

TEST_CASE("decompression bombs: the progressive JPEG scan limit") {
  decode_test::JpegEncodeSpec spec;
  spec.width = 40;
  spec.height = 24;
  spec.progressive = true;  // 10 scans
  const std::vector<uint8_t> file =
      decode_test::EncodeJpeg(spec, decode_test::SyntheticImage(40, 24, 3));
  DecodeOptions options;
  options.max_jpeg_scans = 10;
  CHECK(Decode(file.data(), file.size(), options).ok());
  options.max_jpeg_scans = 3;
  ExpectDecodeError(file, StatusCode::kLimitExceeded,
                    "JPEG: more than 3 scans (DecodeOptions::max_jpeg_scans)", options);
}

TEST_CASE("data that is not an image") {
  const std::vector<uint8_t> gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
  ExpectDecodeError(gif, StatusCode::kUnsupported,
                    "not a JPEG or PNG file (starts with 47 49 46 38 39 61 01 00)");
  EXPECT_ERROR(Decode(gif.data(), 0).status(), StatusCode::kUnsupported, "no data: empty input");
  EXPECT_ERROR(Decode(nullptr, 10).status(), StatusCode::kInvalidArgument, "encoded data is null");
  EXPECT_ERROR(ReadImageInfo(nullptr, 0).status(), StatusCode::kInvalidArgument,
               "encoded data is null");
  pixconv_image_info info;
  CHECK(pixconv_read_image_info(nullptr, 0, nullptr, &info) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) == "invalid argument: data is null");
  CHECK(pixconv_read_image_info(gif.data(), gif.size(), nullptr, nullptr) ==
        PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) == "invalid argument: info is null");
}

}  // namespace
}  // namespace pixconv::robustness
