// Decode-and-convert in one call gives exactly what Decode followed by Convert gives, whether
// the codec writes RGBA8 / BGRA8 itself (8-bit files with options that keep 8-bit samples,
// 16-bit PNGs with the datatype range and no transfer change) or the conversion kernels run
// (everything else).
#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "decode/reader.h"
#include "decode_test_util.h"
#include "png_encode_util.h"
#include "pixconv/decode.h"

namespace pixconv::decode_test {
namespace {

struct NamedOptions {
  const char* name;
  ConvertOptions options;
};

std::vector<NamedOptions> OptionSets() {
  std::vector<NamedOptions> sets;
  sets.push_back({"defaults (RGBA8)", {}});
  ConvertOptions o;
  o.order = ChannelOrder::BGRA;
  sets.push_back({"BGRA8", o});
  o = {};
  o.range = RangeMode::Datatype;
  sets.push_back({"datatype range", o});
  o.order = ChannelOrder::BGRA;
  o.input_transfer = InputTransfer::Auto;
  o.output_transfer = OutputTransfer::Srgb;
  sets.push_back({"BGRA8, auto input transfer, sRGB output", o});
  o = {};
  o.input_transfer = InputTransfer::Linear;
  o.output_transfer = OutputTransfer::Linear;
  sets.push_back({"linear in, linear out", o});
  o = {};
  o.input_transfer = InputTransfer::Linear;
  sets.push_back({"linear in, sRGB out", o});
  o = {};
  o.premultiply = true;
  sets.push_back({"premultiplied", o});
  o = {};
  o.range = RangeMode::Explicit;
  o.range_lo = 20;
  o.range_hi = 200;
  sets.push_back({"explicit range", o});
  o = {};
  o.range = RangeMode::Depth;
  sets.push_back({"depth range", o});
  o = {};
  o.to = OutputType::RGBAF32;
  sets.push_back({"RGBAF32", o});
  o.order = ChannelOrder::BGRA;
  o.output_transfer = OutputTransfer::Srgb;
  sets.push_back({"BGRA f32, sRGB out", o});
  return sets;
}

std::vector<NamedFile> Files() {
  std::vector<NamedFile> files;
  for (const char* name :
       {"basn0g01", "basn0g08", "basn0g16", "basn2c08", "basn2c16", "basn3p04", "tbbn3p08",
        "basn4a08", "basn4a16", "basn6a08", "basn6a16", "tbwn0g16", "tbrn2c08", "basi2c08",
        "s35i3p04"}) {
    files.push_back({name, ReadFile(TestdataPath(std::string("pngsuite/png/") + name + ".png"))});
  }
  files.push_back({"testorig.jpg", ReadFile(TestdataPath("libjpeg-turbo/testorig.jpg"))});
  JpegEncodeSpec gray;
  gray.width = 41;
  gray.height = 27;
  gray.components = 1;
  gray.in_space = gray.jpeg_space = JCS_GRAYSCALE;
  files.push_back({"gray JPEG", EncodeJpeg(gray, SyntheticImage(41, 27, 1))});
  JpegEncodeSpec cmyk = gray;
  cmyk.components = 4;
  cmyk.in_space = cmyk.jpeg_space = JCS_CMYK;
  files.push_back({"CMYK JPEG", EncodeJpeg(cmyk, SyntheticImage(41, 27, 4))});
  return files;
}

TEST_CASE("decode-and-convert matches decode, then Convert") {
  for (const NamedFile& file : Files()) {
    REQUIRE(!file.bytes.empty());
    Result<DecodedImage> decoded = Decode(file.bytes.data(), file.bytes.size());
    REQUIRE(decoded.ok());
    const ImageFormat& f = decoded->format;
    for (const NamedOptions& set : OptionSets()) {
      CAPTURE(file.name);
      CAPTURE(set.name);
      const size_t bytes = *OutputSize(f.width, f.height, set.options.to);
      std::vector<uint8_t> expected(bytes);
      // The one-call forms read Auto as the datatype's range (DecodeOptions::datatype_range).
      ConvertOptions file_options = set.options;
      if (file_options.range == RangeMode::Auto) file_options.range = RangeMode::Datatype;
      REQUIRE(Convert(decoded->View(), {expected.data(), expected.size()}, file_options).ok());

      Result<DecodedImage> converted = DecodeAndConvert(file.bytes.data(), file.bytes.size(),
                                                        set.options);
      REQUIRE_MESSAGE(converted.ok(), converted.status().ToString());
      CHECK(converted->pixels == expected);
      const bool bgra = set.options.order == ChannelOrder::BGRA;
      CHECK(converted->format.color_model == (bgra ? ColorModel::BGRA : ColorModel::RGBA));
      CHECK(converted->format.datatype == (set.options.to == OutputType::RGBAF32
                                               ? ChannelDatatype::F32
                                               : ChannelDatatype::U8));

      // Into a caller buffer with padded rows: the rows match, the padding is untouched.
      const size_t row = bytes / f.height;
      const size_t stride = row + 8;
      std::vector<uint8_t> padded(stride * f.height, 0x5A);
      REQUIRE(DecodeAndConvertInto(file.bytes.data(), file.bytes.size(),
                                   {padded.data(), padded.size(), stride}, set.options)
                  .ok());
      for (uint32_t y = 0; y < f.height; ++y) {
        CHECK(std::memcmp(padded.data() + y * stride, expected.data() + y * row, row) == 0);
        for (size_t i = row; i < stride; ++i) REQUIRE(padded[y * stride + i] == 0x5A);
      }
    }
  }
}

TEST_CASE("decode-and-convert: 16-bit files get their datatype's range unless asked otherwise") {
  // 16-bit gray 20000, 30000, 40000, 50000: far from spanning 0..65535.
  TestPngSpec spec;
  spec.width = 4;
  spec.color_type = 0;
  spec.bit_depth = 16;
  const std::vector<uint8_t> file =
      EncodeTestPng(spec, {0x4E, 0x20, 0x75, 0x30, 0x9C, 0x40, 0xC3, 0x50});
  REQUIRE(!file.empty());
  Result<DecodedImage> decoded = Decode(file.data(), file.size());
  REQUIRE(decoded.ok());
  const ImageFormat& f = decoded->format;
  std::vector<uint8_t> datatype(*OutputSize(f.width, f.height, OutputType::RGBA8));
  std::vector<uint8_t> automatic(datatype.size());
  ConvertOptions o;
  o.range = RangeMode::Datatype;
  REQUIRE(Convert(decoded->View(), {datatype.data(), datatype.size()}, o).ok());
  REQUIRE(Convert(decoded->View(), {automatic.data(), automatic.size()}).ok());
  REQUIRE(datatype != automatic);  // the file does not span 0..65535

  Result<DecodedImage> by_default = DecodeAndConvert(file.data(), file.size());
  REQUIRE(by_default.ok());
  CHECK(by_default->pixels == datatype);
  DecodeOptions rerun_auto;
  rerun_auto.datatype_range = false;
  Result<DecodedImage> auto_range = DecodeAndConvert(file.data(), file.size(), {}, rerun_auto);
  REQUIRE(auto_range.ok());
  CHECK(auto_range->pixels == automatic);
}

TEST_CASE("decode-and-convert: the codec writes RGBA8 itself only where Convert would agree") {
  using decode_internal::CodecWritesRgba8;
  const ImageFormat u8 = ImageFormat::Color(5, 3, ColorModel::RGB, ChannelDatatype::U8);
  const ImageFormat u16 = ImageFormat::Color(5, 3, ColorModel::L, ChannelDatatype::U16);
  ConvertOptions datatype;
  datatype.range = RangeMode::Datatype;
  CHECK(CodecWritesRgba8(u8, datatype));
  CHECK(CodecWritesRgba8(u16, datatype));
  ConvertOptions o = datatype;
  o.order = ChannelOrder::BGRA;
  CHECK(CodecWritesRgba8(u16, o));
  o = datatype;
  o.input_transfer = InputTransfer::Linear;
  o.output_transfer = OutputTransfer::Linear;
  CHECK(CodecWritesRgba8(u16, o));
  o.output_transfer = OutputTransfer::Srgb;  // a transfer change
  CHECK(!CodecWritesRgba8(u16, o));
  o = datatype;
  o.output_transfer = OutputTransfer::Srgb;
  CHECK(CodecWritesRgba8(u16, o));
  // Auto range (DecodeOptions::datatype_range = false) scans 16-bit samples; 8-bit ones always
  // get [0, 255].
  CHECK(!CodecWritesRgba8(u16, ConvertOptions{}));
  CHECK(CodecWritesRgba8(u8, ConvertOptions{}));
  // Auto input transfer: linear or sRGB by the 16-bit samples' range; always sRGB for 8-bit.
  o = datatype;
  o.input_transfer = InputTransfer::Auto;
  CHECK(!CodecWritesRgba8(u16, o));
  CHECK(CodecWritesRgba8(u8, o));
  for (const NamedOptions& set : OptionSets()) {
    CAPTURE(set.name);
    ConvertOptions other = set.options;
    if (other.range == RangeMode::Auto) other.range = RangeMode::Datatype;
    const bool plain = other.to == OutputType::RGBA8 && !other.premultiply &&
                       other.range == RangeMode::Datatype &&
                       other.input_transfer != InputTransfer::Auto &&
                       (other.input_transfer == InputTransfer::Srgb) ==
                           (other.output_transfer != OutputTransfer::Linear);
    CHECK(CodecWritesRgba8(u16, other) == plain);
  }
  o = datatype;
  o.colormap = Colormap::Turbo;
  CHECK(!CodecWritesRgba8(u16, o));
  o = datatype;
  o.segmentation = true;
  CHECK(!CodecWritesRgba8(u16, o));
  o = datatype;
  o.range = RangeMode::Explicit;
  o.range_lo = 0;
  o.range_hi = 65535;
  CHECK(!CodecWritesRgba8(u16, o));
}

TEST_CASE("decode-and-convert checks its options and destination first") {
  const std::vector<uint8_t> file = ReadFile(TestdataPath("pngsuite/png/basn2c08.png"));
  std::vector<uint8_t> rgba(32 * 32 * 4);
  ConvertOptions empty_range;
  empty_range.range = RangeMode::Explicit;
  empty_range.range_lo = empty_range.range_hi = 3;
  CHECK(DecodeAndConvertInto(file.data(), file.size(), {rgba.data(), rgba.size()}, empty_range)
            .code() == StatusCode::kInvalidArgument);
  CHECK(DecodeAndConvert(file.data(), file.size(), empty_range).status().code() ==
        StatusCode::kInvalidArgument);
  ConvertOptions bad_order;
  bad_order.order = static_cast<ChannelOrder>(7);
  CHECK(DecodeAndConvertInto(file.data(), file.size(), {rgba.data(), rgba.size()}, bad_order)
            .code() == StatusCode::kUnknownEnum);
  CHECK(DecodeAndConvertInto(file.data(), file.size(), {rgba.data(), rgba.size() - 1}).code() ==
        StatusCode::kBufferTooSmall);
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  CHECK(DecodeAndConvertInto(file.data(), file.size(), {rgba.data(), rgba.size()}, f32).code() ==
        StatusCode::kBufferTooSmall);
  CHECK(DecodeAndConvertInto(file.data(), file.size(), {rgba.data(), rgba.size(), 100}).code() ==
        StatusCode::kBadStride);
  CHECK(DecodeAndConvertInto(file.data(), file.size(), {nullptr, rgba.size()}).code() ==
        StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace pixconv::decode_test
