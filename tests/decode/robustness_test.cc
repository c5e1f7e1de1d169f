// Bad input gives an error, never a crash, a hang or a print: truncated and corrupted copies of
// every corpus file, inputs that are not images, decompression bombs (the pixel and scan
// limits), and stderr stays silent throughout. Run under ASan/UBSan too (see meson.build).
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "decode_test_util.h"
#include "pixconv/decode.h"
#include "pixconv/layout.h"

namespace pixconv::decode_test {
namespace {

// The JPEG corpus plus generated progressive, arithmetic, restart-marker and CMYK files (their
// decoders have the most state to get wrong on bad input).
std::vector<NamedFile> JpegFiles() {
  std::vector<NamedFile> files;
  for (const std::string& path : JpegCorpus()) files.push_back({Stem(path), ReadFile(path)});
  JpegEncodeSpec spec;
  spec.width = 70;
  spec.height = 45;
  const std::vector<uint8_t> rgb = SyntheticImage(70, 45, 3);
  spec.progressive = true;
  files.push_back({"progressive", EncodeJpeg(spec, rgb)});
  spec.arithmetic = true;
  files.push_back({"progressive arithmetic", EncodeJpeg(spec, rgb)});
  spec.progressive = false;
  spec.arithmetic = false;
  spec.restart_interval = 2;
  files.push_back({"restart markers", EncodeJpeg(spec, rgb)});
  spec.restart_interval = 0;
  spec.components = 4;
  spec.in_space = JCS_CMYK;
  spec.jpeg_space = JCS_YCCK;
  files.push_back({"YCCK", EncodeJpeg(spec, SyntheticImage(70, 45, 4))});
  return files;
}

std::vector<NamedFile> AllFiles() {
  std::vector<NamedFile> files = JpegFiles();
  for (const std::string& path : PngSuiteValid()) files.push_back({Stem(path), ReadFile(path)});
  return files;
}

// Cut points: inside the signature, inside the header, through the image data, and just
// before the end (a missing JPEG EOI / PNG IEND is truncation too).
std::vector<size_t> CutPoints(size_t size) {
  std::vector<size_t> cuts = {0, 1, 2, 5, 8, 16, 30, 50, size / 4, size / 2, 3 * size / 4};
  for (size_t back : {13, 12, 4, 2, 1}) {
    if (size > back) cuts.push_back(size - back);
  }
  return cuts;
}

TEST_CASE("truncated copies of every file fail cleanly with an error") {
  int cases = 0;
  for (const NamedFile& file : AllFiles()) {
    REQUIRE(!file.bytes.empty());
    for (size_t cut : CutPoints(file.bytes.size())) {
      if (cut >= file.bytes.size()) continue;
      CAPTURE(file.name);
      CAPTURE(cut);
      // An exact-size copy, so ASan sees any read past the end.
      const std::vector<uint8_t> truncated(file.bytes.begin(),
                                           file.bytes.begin() + static_cast<std::ptrdiff_t>(cut));
      const uint8_t* data = truncated.empty() ? file.bytes.data() : truncated.data();
      Result<DecodedImage> image = Decode(data, truncated.size());
      CHECK_FALSE(image.ok());
      CHECK(!image.status().message().empty());
      Result<DecodedImage> rgba = DecodeAndConvert(data, truncated.size());
      CHECK_FALSE(rgba.ok());
      ++cases;
    }
  }
  CHECK(cases > 2000);
}

TEST_CASE("a corrupted byte in the middle does not crash") {
  // JPEG has no checksums, so a damaged file may still decode (to other pixels); it must
  // either decode or fail, nothing else. Every PNG chunk has a CRC, so damage inside IDAT is
  // always an error.
  for (const NamedFile& file : AllFiles()) {
    CAPTURE(file.name);
    for (size_t at : {file.bytes.size() / 3, file.bytes.size() / 2, 2 * file.bytes.size() / 3}) {
      for (uint8_t mask : {0xFF, 0x01, 0x80}) {
        std::vector<uint8_t> damaged = file.bytes;
        damaged[at] ^= mask;
        Result<DecodedImage> image = Decode(damaged.data(), damaged.size());
        if (!image.ok()) {
          CHECK(!image.status().message().empty());
        } else {
          CHECK(image->pixels.size() == *BufferSize(image->format));
        }
        (void)DecodeAndConvert(damaged.data(), damaged.size());
      }
    }
  }
}

TEST_CASE("random damage to JPEG files decodes or fails, never crashes") {
  std::mt19937 random(20240601);
  for (const NamedFile& file : JpegFiles()) {
    CAPTURE(file.name);
    for (int trial = 0; trial < 150; ++trial) {
      std::vector<uint8_t> damaged = file.bytes;
      const int changes = 1 + static_cast<int>(random() % 8);
      for (int i = 0; i < changes; ++i) {
        damaged[random() % damaged.size()] = static_cast<uint8_t>(random());
      }
      if (random() % 4 == 0) damaged.resize(damaged.size() - random() % (damaged.size() / 2));
      Result<DecodedImage> image = Decode(damaged.data(), damaged.size());
      if (!image.ok()) CHECK(!image.status().message().empty());
    }
  }
}

TEST_CASE("damage inside a PNG's image data is an error") {
  // Caught by zlib's Adler-32 check or by the chunk's CRC, whichever libpng reaches first.
  std::vector<uint8_t> damaged = ReadFile(TestdataPath("pngsuite/png/basn6a16.png"));
  const std::string idat = "IDAT";
  const auto chunk = std::search(damaged.begin(), damaged.end(), idat.begin(), idat.end());
  REQUIRE(chunk < damaged.end());
  const size_t length = chunk[-4] << 24 | chunk[-3] << 16 | chunk[-2] << 8 | chunk[-1];
  REQUIRE(length > 100);
  chunk[4 + length / 2] ^= 0x10;  // inside the compressed image data
  Result<DecodedImage> image = Decode(damaged.data(), damaged.size());
  REQUIRE_FALSE(image.ok());
  CHECK(image.status().code() == StatusCode::kCorruptData);
}

TEST_CASE("input that is not a JPEG or PNG") {
  const std::vector<uint8_t> gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0};
  Result<DecodedImage> image = Decode(gif.data(), gif.size());
  CHECK(image.status().code() == StatusCode::kUnsupported);
  CHECK(image.status().message().find("47 49 46 38") != std::string::npos);
  CHECK(Decode(gif.data(), 0).status().code() == StatusCode::kUnsupported);
  CHECK(Decode(nullptr, 10).status().code() == StatusCode::kInvalidArgument);
  CHECK(ReadImageInfo(nullptr, 0).status().code() == StatusCode::kInvalidArgument);

  // A bare signature is a truncated file, not an unknown one.
  const std::vector<uint8_t> soi = {0xFF, 0xD8, 0xFF};
  CHECK(Decode(soi.data(), soi.size()).status().code() == StatusCode::kCorruptData);
  const std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  CHECK(Decode(png.data(), png.size()).status().code() == StatusCode::kCorruptData);
}

TEST_CASE("the pixel limit is checked from the header") {
  const std::vector<uint8_t> jpeg = ReadFile(TestdataPath("libjpeg-turbo/testorig.jpg"));
  const std::vector<uint8_t> png = ReadFile(TestdataPath("pngsuite/png/basn2c08.png"));
  // Not a structured binding: clang before 16 cannot capture one (CAPTURE is a lambda).
  for (const auto& file_pixels : {std::pair{&jpeg, uint64_t{227} * 149},
                                  std::pair{&png, uint64_t{32} * 32}}) {
    const std::vector<uint8_t>* file = file_pixels.first;
    const uint64_t pixels = file_pixels.second;
    CAPTURE(pixels);
    DecodeOptions options;
    options.max_pixels = pixels;
    CHECK(ReadImageInfo(file->data(), file->size(), options).ok());
    CHECK(Decode(file->data(), file->size(), options).ok());
    options.max_pixels = pixels - 1;
    Result<ImageInfo> info = ReadImageInfo(file->data(), file->size(), options);
    CHECK(info.status().code() == StatusCode::kLimitExceeded);
    CHECK(info.status().message().find("max_pixels") != std::string::npos);
    CHECK(Decode(file->data(), file->size(), options).status().code() ==
          StatusCode::kLimitExceeded);
    std::vector<uint8_t> big(pixels * 16);
    CHECK(DecodeInto(file->data(), file->size(), {big.data(), big.size()}, options).code() ==
          StatusCode::kLimitExceeded);
    CHECK(DecodeAndConvertInto(file->data(), file->size(), {big.data(), big.size()}, {}, options)
              .code() == StatusCode::kLimitExceeded);
    CHECK(DecodeAndConvert(file->data(), file->size(), {}, options).status().code() ==
          StatusCode::kLimitExceeded);
  }
}

TEST_CASE("decompression bombs fail before allocating") {
  // Headers claiming huge images, with no image data behind them: the default limit (2^28
  // pixels) stops them with kLimitExceeded, not a multi-gigabyte allocation.
  const std::vector<uint8_t> png = PngWithoutImageData(100000, 100000, 16, 6);  // 80 GB RGBA16
  CHECK(Decode(png.data(), png.size()).status().code() == StatusCode::kLimitExceeded);
  const std::vector<uint8_t> wide = PngWithoutImageData((1u << 24) + 1, 1, 8, 0);
  CHECK(Decode(wide.data(), wide.size()).status().code() == StatusCode::kBadDimensions);

  // testorig.jpg with its frame header saying 60000 x 60000.
  std::vector<uint8_t> jpeg = ReadFile(TestdataPath("libjpeg-turbo/testorig.jpg"));
  size_t sof = 2;
  while (sof + 9 < jpeg.size() && !(jpeg[sof] == 0xFF && jpeg[sof + 1] == 0xC0)) ++sof;
  REQUIRE(sof + 9 < jpeg.size());
  jpeg[sof + 5] = jpeg[sof + 7] = 60000 >> 8;  // height, width (big-endian)
  jpeg[sof + 6] = jpeg[sof + 8] = 60000 & 0xFF;
  Result<ImageInfo> info = ReadImageInfo(jpeg.data(), jpeg.size());
  CHECK(info.status().code() == StatusCode::kLimitExceeded);
  CHECK(Decode(jpeg.data(), jpeg.size()).status().code() == StatusCode::kLimitExceeded);
}

TEST_CASE("the progressive JPEG scan limit") {
  JpegEncodeSpec spec;
  spec.width = 40;
  spec.height = 24;
  spec.progressive = true;  // jpeg_simple_progression: 10 scans for YCbCr
  const std::vector<uint8_t> file = EncodeJpeg(spec, SyntheticImage(40, 24, 3));
  CHECK(Decode(file.data(), file.size()).ok());
  DecodeOptions options;
  options.max_jpeg_scans = 10;
  CHECK(Decode(file.data(), file.size(), options).ok());
  options.max_jpeg_scans = 3;
  Result<DecodedImage> image = Decode(file.data(), file.size(), options);
  CHECK(image.status().code() == StatusCode::kLimitExceeded);
  CHECK(image.status().message().find("max_jpeg_scans") != std::string::npos);
}

// Captures everything written to file descriptor 2 while alive.
class StderrCapture {
 public:
  StderrCapture() : file_(std::tmpfile()) {
    std::fflush(stderr);
    saved_ = dup(2);
    if (file_ != nullptr) dup2(fileno(file_), 2);
  }
  ~StderrCapture() {
    Restore();
    if (file_ != nullptr) std::fclose(file_);
  }
  StderrCapture(const StderrCapture&) = delete;
  StderrCapture& operator=(const StderrCapture&) = delete;

  // Restores stderr and returns what was written meanwhile.
  std::string Finish() {
    Restore();
    std::string text;
    if (file_ == nullptr) return "(no temporary file)";
    std::rewind(file_);
    for (int c; (c = std::fgetc(file_)) != EOF;) text += static_cast<char>(c);
    return text;
  }

 private:
  void Restore() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    dup2(saved_, 2);
    close(saved_);
    saved_ = -1;
  }

  std::FILE* file_;
  int saved_ = -1;
};

TEST_CASE("libjpeg and libpng never print, on errors or warnings") {
  std::vector<std::vector<uint8_t>> inputs;
  for (const std::string& path : PngSuiteInvalid()) inputs.push_back(ReadFile(path));
  for (const NamedFile& file : AllFiles()) {
    const auto half = static_cast<std::ptrdiff_t>(file.bytes.size() / 2);
    inputs.push_back(std::vector<uint8_t>(file.bytes.begin(), file.bytes.begin() + half));
    std::vector<uint8_t> damaged = file.bytes;
    damaged[damaged.size() / 2] ^= 0xFF;
    inputs.push_back(damaged);
  }
  // Warnings: a bad CRC on an ancillary chunk (libpng skips the chunk), and stray bytes between
  // JPEG markers (libjpeg skips them). Both decode.
  std::vector<uint8_t> png = ReadFile(TestdataPath("pngsuite/png/ct1n0g04.png"));
  const std::string text_chunk = "tEXt";
  auto text = std::search(png.begin(), png.end(), text_chunk.begin(), text_chunk.end());
  REQUIRE(text + 6 < png.end());
  text[5] ^= 0x20;  // a letter of the keyword: the CRC no longer matches
  std::vector<uint8_t> jpeg = ReadFile(TestdataPath("libjpeg-turbo/testorig.jpg"));
  const size_t after_app0 = 4 + (jpeg[4] << 8 | jpeg[5]);
  REQUIRE(jpeg[after_app0] == 0xFF);
  jpeg.insert(jpeg.begin() + static_cast<std::ptrdiff_t>(after_app0), {0x00, 0x11});

  StderrCapture capture;
  for (const std::vector<uint8_t>& input : inputs) (void)Decode(input.data(), input.size());
  Result<DecodedImage> warned_png = Decode(png.data(), png.size());
  Result<DecodedImage> warned_jpeg = Decode(jpeg.data(), jpeg.size());
  const std::string printed = capture.Finish();
  CHECK_MESSAGE(printed.empty(), printed);
  CHECK_MESSAGE(warned_png.ok(), warned_png.status().ToString());
  CHECK_MESSAGE(warned_jpeg.ok(), warned_jpeg.status().ToString());
}

}  // namespace
}  // namespace pixconv::decode_test
