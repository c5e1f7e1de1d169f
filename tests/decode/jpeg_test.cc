// JPEG: libjpeg-turbo's test images and generated variants (progressive, arithmetic, restart
// markers, subsampling, grayscale, RGB, CMYK, YCCK, odd sizes) decode to exactly what plain
// libjpeg produces for the same file.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "decode_test_util.h"
#include "pixconv/decode.h"

namespace pixconv::decode_test {
namespace {

// Decodes with pixconv and with plain libjpeg (into `plain_space`) and compares the bytes.
void CheckMatchesLibjpeg(const std::vector<uint8_t>& file, J_COLOR_SPACE plain_space,
                         ColorModel model) {
  Result<DecodedImage> image = Decode(file.data(), file.size());
  REQUIRE_MESSAGE(image.ok(), image.status().ToString());
  PlainJpeg plain;
  REQUIRE(PlainJpegDecode(file, plain_space, &plain));
  CHECK(image->format.width == plain.width);
  CHECK(image->format.height == plain.height);
  CHECK(image->format.color_model == model);
  CHECK(image->format.datatype == ChannelDatatype::U8);
  CHECK(image->pixels == plain.pixels);

  Result<ImageInfo> info = ReadImageInfo(file.data(), file.size());
  REQUIRE(info.ok());
  CHECK(info->codec == Codec::Jpeg);
  CHECK(info->bit_depth == 8);
  CHECK(info->format.width == plain.width);
  CHECK(info->format.color_model == model);
}

// (P6, maxval 255) -> width, height, RGB bytes.
bool ReadPpm(const std::vector<uint8_t>& file, uint32_t* width, uint32_t* height,
             std::vector<uint8_t>* rgb) {
  const std::string text(file.begin(), file.end());
  size_t at = 0;
  std::vector<unsigned> fields;
  if (text.compare(0, 2, "P6") != 0) return false;
  at = 2;
  while (fields.size() < 3 && at < text.size()) {
    if (text[at] == '#') {
      at = text.find('\n', at);
    } else if (text[at] >= '0' && text[at] <= '9') {
      size_t end = at;
      while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
      fields.push_back(static_cast<unsigned>(std::stoul(text.substr(at, end - at))));
      at = end;
      continue;
    }
    ++at;
  }
  if (fields.size() != 3 || fields[2] != 255) return false;
  ++at;  // the single whitespace byte after maxval
  *width = fields[0];
  *height = fields[1];
  rgb->assign(file.begin() + static_cast<std::ptrdiff_t>(at), file.end());
  return rgb->size() == size_t{*width} * *height * 3;
}

TEST_CASE("JPEG: libjpeg-turbo's test images decode like plain libjpeg") {
  for (const std::string& path : JpegCorpus()) {
    CAPTURE(path);
    const std::vector<uint8_t> file = ReadFile(path);
    REQUIRE(!file.empty());
    CheckMatchesLibjpeg(file, JCS_RGB, ColorModel::RGB);
    Result<DecodedImage> image = Decode(file.data(), file.size());
    REQUIRE(image.ok());
    CHECK(image->format.width == 227);
    CHECK(image->format.height == 149);
  }
}

TEST_CASE("JPEG: testorig.jpg decodes close to testorig.ppm") {
  // testorig.ppm is not libjpeg-turbo's decode of testorig.jpg (no IDCT / upsampling setting of
  // libjpeg-turbo 2.1 reproduces it; it comes from another libjpeg, and is the source image
  // that testimgint.jpg and testimgari.jpg were compressed from). The exact reference is plain
  // libjpeg, above; here every sample must be within 3 of it (measured: 3, PSNR 53.9 dB).
  const std::vector<uint8_t> jpeg = ReadFile(TestdataPath("libjpeg-turbo/testorig.jpg"));
  const std::vector<uint8_t> ppm = ReadFile(TestdataPath("libjpeg-turbo/testorig.ppm"));
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> expected;
  REQUIRE(ReadPpm(ppm, &width, &height, &expected));
  Result<DecodedImage> image = Decode(jpeg.data(), jpeg.size());
  REQUIRE(image.ok());
  CHECK(image->format.width == width);
  CHECK(image->format.height == height);
  REQUIRE(image->pixels.size() == expected.size());
  int max_difference = 0;
  double squared_error = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const int d = std::abs(static_cast<int>(image->pixels[i]) - static_cast<int>(expected[i]));
    max_difference = std::max(max_difference, d);
    squared_error += d * d;
  }
  CHECK(max_difference <= 3);
  CHECK(10 * std::log10(255.0 * 255.0 * expected.size() / squared_error) > 50.0);
}

TEST_CASE("JPEG: arithmetic-coded testimgari.jpg decodes like Huffman-coded testimgint.jpg") {
  // The same image and quantization, entropy-coded two ways: the pixels must be identical.
  const std::vector<uint8_t> huffman = ReadFile(TestdataPath("libjpeg-turbo/testimgint.jpg"));
  const std::vector<uint8_t> arithmetic = ReadFile(TestdataPath("libjpeg-turbo/testimgari.jpg"));
  Result<DecodedImage> a = Decode(huffman.data(), huffman.size());
  Result<DecodedImage> b = Decode(arithmetic.data(), arithmetic.size());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->pixels == b->pixels);
}

struct Variant {
  const char* name;
  JpegEncodeSpec spec;
};

JpegEncodeSpec Spec(uint32_t w, uint32_t h) {
  JpegEncodeSpec spec;
  spec.width = w;
  spec.height = h;
  return spec;
}

std::vector<Variant> ColorVariants() {
  std::vector<Variant> v;
  v.push_back({"baseline 4:2:0", Spec(96, 64)});
  JpegEncodeSpec s = Spec(96, 64);
  s.h_samp = 2, s.v_samp = 1;
  v.push_back({"baseline 4:2:2", s});
  s = Spec(96, 64);
  s.h_samp = 1, s.v_samp = 1;
  v.push_back({"baseline 4:4:4", s});
  s = Spec(96, 64);
  s.progressive = true;
  v.push_back({"progressive", s});
  s = Spec(96, 64);
  s.arithmetic = true;
  v.push_back({"arithmetic", s});
  s = Spec(96, 64);
  s.arithmetic = true, s.progressive = true;
  v.push_back({"progressive arithmetic", s});
  s = Spec(96, 64);
  s.restart_interval = 1;
  v.push_back({"restart markers every MCU", s});
  s = Spec(96, 64);
  s.restart_interval = 3, s.progressive = true;
  v.push_back({"progressive with restart markers", s});
  s = Spec(96, 64);
  s.jpeg_space = JCS_RGB;
  v.push_back({"RGB color space", s});
  s = Spec(96, 64);
  s.quality = 100;
  v.push_back({"quality 100", s});
  v.push_back({"1x1", Spec(1, 1)});
  v.push_back({"odd 17x33 4:2:0", Spec(17, 33)});
  s = Spec(33, 17);
  s.h_samp = 2, s.v_samp = 1, s.progressive = true;
  v.push_back({"odd 33x17 4:2:2 progressive", s});
  v.push_back({"one row 227x1", Spec(227, 1)});
  v.push_back({"one column 1x131", Spec(1, 131)});
  return v;
}

TEST_CASE("JPEG: generated color variants decode like plain libjpeg") {
  for (const Variant& variant : ColorVariants()) {
    CAPTURE(variant.name);
    const std::vector<uint8_t> pixels = SyntheticImage(variant.spec.width, variant.spec.height, 3);
    const std::vector<uint8_t> file = EncodeJpeg(variant.spec, pixels);
    REQUIRE(!file.empty());
    CheckMatchesLibjpeg(file, JCS_RGB, ColorModel::RGB);
  }
}

TEST_CASE("JPEG: grayscale decodes to L/U8") {
  for (bool progressive : {false, true}) {
    CAPTURE(progressive);
    JpegEncodeSpec spec = Spec(45, 31);
    spec.components = 1;
    spec.in_space = JCS_GRAYSCALE;
    spec.jpeg_space = JCS_GRAYSCALE;
    spec.progressive = progressive;
    const std::vector<uint8_t> file = EncodeJpeg(spec, SyntheticImage(45, 31, 1));
    REQUIRE(!file.empty());
    CheckMatchesLibjpeg(file, JCS_GRAYSCALE, ColorModel::L);
  }
}

TEST_CASE("JPEG: CMYK and YCCK decode to RGB as Adobe inverted CMYK") {
  for (J_COLOR_SPACE stored : {JCS_CMYK, JCS_YCCK}) {
    for (bool progressive : {false, true}) {
      CAPTURE(stored == JCS_CMYK ? "CMYK" : "YCCK");
      CAPTURE(progressive);
      JpegEncodeSpec spec = Spec(37, 23);
      spec.components = 4;
      spec.in_space = JCS_CMYK;
      spec.jpeg_space = stored;
      spec.progressive = progressive;
      const std::vector<uint8_t> file = EncodeJpeg(spec, SyntheticImage(37, 23, 4));
      REQUIRE(!file.empty());

      PlainJpeg cmyk;
      REQUIRE(PlainJpegDecode(file, JCS_CMYK, &cmyk));
      REQUIRE(cmyk.components == 4);
      // Stored values are 255 - ink (Adobe): R = (1 - C)(1 - K) = c * k / 255, rounded.
      std::vector<uint8_t> expected;
      for (size_t i = 0; i < cmyk.pixels.size(); i += 4) {
        const double k = cmyk.pixels[i + 3];
        for (int c = 0; c < 3; ++c) {
          expected.push_back(static_cast<uint8_t>(cmyk.pixels[i + c] * k / 255.0 + 0.5));
        }
      }
      Result<DecodedImage> image = Decode(file.data(), file.size());
      REQUIRE_MESSAGE(image.ok(), image.status().ToString());
      CHECK(image->format.color_model == ColorModel::RGB);
      CHECK(image->pixels == expected);
    }
  }
}

TEST_CASE("JPEG: 12-bit files are reported as unsupported") {
  // libjpeg-turbo 2.x decodes 8-bit JPEGs only; pixconv says so instead of failing vaguely.
  const std::vector<uint8_t> file = ReadFile(TestdataPath("libjpeg-turbo/monkey12.jpg"));
  REQUIRE(!file.empty());
  CHECK(DetectCodec(file.data(), file.size()) == Codec::Jpeg);
  Result<DecodedImage> image = Decode(file.data(), file.size());
  REQUIRE_FALSE(image.ok());
  CHECK(image.status().code() == StatusCode::kUnsupported);
  CHECK(image.status().message().find("12-bit") != std::string::npos);
  Result<ImageInfo> info = ReadImageInfo(file.data(), file.size());
  CHECK(info.status().code() == StatusCode::kUnsupported);
}

}  // namespace
}  // namespace pixconv::decode_test
