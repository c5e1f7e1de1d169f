// Helpers for the decode tests: the shared corpora, independent reference decodes with plain
// libjpeg / libpng, a JPEG encoder for the variants the corpora lack, and pixel comparisons.
#pragma once

#include <cstdint>
#include <cstdio>  // jpeglib.h uses FILE and size_t without including their headers
#include <string>
#include <vector>

#include <jpeglib.h>

#include "pixconv/decode.h"

namespace pixconv::decode_test {

// An encoded file and a name for failure messages.
struct NamedFile {
  std::string name;
  std::vector<uint8_t> bytes;
};

// PIXCONV_TESTDATA_DIR + "/" + relative.
std::string TestdataPath(const std::string& relative);
// The whole file; an empty vector if it cannot be read (the caller REQUIREs non-empty).
std::vector<uint8_t> ReadFile(const std::string& path);
// Files in a directory whose names end with `suffix`, sorted, as full paths.
std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix);
// "basn0g01" for ".../basn0g01.png".
std::string Stem(const std::string& path);

// The valid PngSuite files (every png/*.png not starting with 'x') and the x*.png ones.
std::vector<std::string> PngSuiteValid();
std::vector<std::string> PngSuiteInvalid();
// libjpeg-turbo's 8-bit test images: testorig.jpg (baseline), testimgint.jpg (baseline,
// integer DCT), testimgari.jpg (arithmetic-coded).
std::vector<std::string> JpegCorpus();

// The integers of a JSON array of numbers ("[1, 2, 3]"), as PngSuite's json/ files hold.
std::vector<uint32_t> ReadJsonNumbers(const std::string& path);

// A decoded model image (L / RGB / RGBA, U8 or native-order U16) as RGBA samples, with alpha
// the datatype's maximum where the image has none.
std::vector<uint32_t> ToRgbaSamples(const DecodedImage& image);

// Plain libjpeg, no pixconv: decodes into `out_space` with default settings. Returns false
// on any error or corrupt-data warning.
struct PlainJpeg {
  uint32_t width = 0;
  uint32_t height = 0;
  int components = 0;
  std::vector<uint8_t> pixels;
};
bool PlainJpegDecode(const std::vector<uint8_t>& file, J_COLOR_SPACE out_space, PlainJpeg* out);

// Plain libjpeg encoder for test images. `pixels` has width * height * components samples in
// `in_space`; `jpeg_space` is the color space stored in the file.
struct JpegEncodeSpec {
  uint32_t width = 0;
  uint32_t height = 0;
  int components = 3;
  J_COLOR_SPACE in_space = JCS_RGB;
  J_COLOR_SPACE jpeg_space = JCS_YCbCr;
  int quality = 90;
  int h_samp = 2;  // luma sampling factors: 2x2 = 4:2:0, 2x1 = 4:2:2, 1x1 = 4:4:4
  int v_samp = 2;
  bool progressive = false;
  bool arithmetic = false;
  unsigned restart_interval = 0;  // in MCUs
};
std::vector<uint8_t> EncodeJpeg(const JpegEncodeSpec& spec, const std::vector<uint8_t>& pixels);

// A smooth image with some texture, width * height * channels bytes, deterministic.
std::vector<uint8_t> SyntheticImage(uint32_t width, uint32_t height, int channels);

// A PNG of an IHDR, an empty IDAT and IEND: a header claiming any size, with no image data.
std::vector<uint8_t> PngWithoutImageData(uint32_t width, uint32_t height, int bit_depth,
                                         int color_type);

}  // namespace pixconv::decode_test
