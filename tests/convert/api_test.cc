// The conversion API's contract: every misuse is a specific error, nothing is written then.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "pixconv/convert.h"

namespace pixconv {
namespace {

struct Fixture {
  std::vector<uint8_t> src = std::vector<uint8_t>(4 * 3 * 3, 100);
  ImageView view = *MakeImageView(ImageFormat::Color(4, 3, ColorModel::RGB, ChannelDatatype::U8),
                                  src.data(), src.size());
  std::vector<uint8_t> dst = std::vector<uint8_t>(4 * 3 * 4, 0xA5);
};

TEST_CASE("destination too small, null, or with a short stride") {
  Fixture f;
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size() - 1}).code() == StatusCode::kBufferTooSmall);
  CHECK(Convert(f.view, {nullptr, f.dst.size()}).code() == StatusCode::kInvalidArgument);
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size(), 15}).code() == StatusCode::kBadStride);
  ConvertOptions o;
  o.to = OutputType::RGBAF32;
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).code() == StatusCode::kBufferTooSmall);
  for (uint8_t b : f.dst) REQUIRE(b == 0xA5);
  const Status s = Convert(f.view, {f.dst.data(), 10});
  CHECK(s.message() == "destination for RGB/U8 4x3 needs 48 bytes, buffer has 10");
}

TEST_CASE("a padded destination needs stride*(h-1) + row bytes") {
  Fixture f;
  std::vector<uint8_t> dst(20 * 2 + 16);
  CHECK(Convert(f.view, {dst.data(), dst.size(), 20}).ok());
  CHECK(Convert(f.view, {dst.data(), dst.size() - 1, 20}).code() == StatusCode::kBufferTooSmall);
}

TEST_CASE("options outside their enums and unusable explicit ranges") {
  Fixture f;
  ConvertOptions o;
  o.to = static_cast<OutputType>(7);
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).code() == StatusCode::kUnknownEnum);
  o = {};
  o.range = static_cast<RangeMode>(9);
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).code() == StatusCode::kUnknownEnum);
  o = {};
  o.range = RangeMode::Explicit;
  o.range_lo = o.range_hi = 3.0;
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).code() == StatusCode::kInvalidArgument);
  o.range_hi = std::numeric_limits<double>::quiet_NaN();
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).code() == StatusCode::kInvalidArgument);
  o.range_lo = -1e308;
  o.range_hi = 1e308;  // the width overflows double
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).code() == StatusCode::kInvalidArgument);
  o.range_lo = 200;
  o.range_hi = 0;  // inverted is fine: t = (100 - 200) / (0 - 200) = 0.5
  CHECK(Convert(f.view, {f.dst.data(), f.dst.size()}, o).ok());
  CHECK(f.dst[0] == 128);
}

// Whether `v` is an enumerator: switches over every enumerator without a default, so an
// enumerator added to an enum and not here fails the build (-Wswitch with -Werror); added here,
// the test below then fails until validation and the enum's kAll list know it too.
bool Enumerated(OutputType v) {
  switch (v) {
    case OutputType::RGBA8: case OutputType::RGBAF32: return true;
  }
  return false;
}
bool Enumerated(ChannelOrder v) {
  switch (v) {
    case ChannelOrder::RGBA: case ChannelOrder::BGRA: return true;
  }
  return false;
}
bool Enumerated(RangeMode v) {
  switch (v) {
    case RangeMode::Auto: case RangeMode::Datatype: case RangeMode::Explicit:
    case RangeMode::Depth: return true;
  }
  return false;
}
bool Enumerated(InputTransfer v) {
  switch (v) {
    case InputTransfer::Srgb: case InputTransfer::Linear: case InputTransfer::Auto: return true;
  }
  return false;
}
bool Enumerated(OutputTransfer v) {
  switch (v) {
    case OutputTransfer::Default: case OutputTransfer::Srgb: case OutputTransfer::Linear:
      return true;
  }
  return false;
}
bool Enumerated(YuvMatrix v) {
  switch (v) {
    case YuvMatrix::Default: case YuvMatrix::Bt601: case YuvMatrix::Bt709: case YuvMatrix::Bt2020:
      return true;
  }
  return false;
}
bool Enumerated(YuvRange v) {
  switch (v) {
    case YuvRange::Default: case YuvRange::Limited: case YuvRange::Full: return true;
  }
  return false;
}
bool Enumerated(ChromaFilter v) {
  switch (v) {
    case ChromaFilter::Nearest: case ChromaFilter::Bilinear: return true;
  }
  return false;
}
bool Enumerated(Colormap v) {
  switch (v) {
    case Colormap::None: case Colormap::Grayscale: case Colormap::Inferno: case Colormap::Magma:
    case Colormap::Plasma: case Colormap::Turbo: case Colormap::Viridis:
    case Colormap::CyanToYellow: case Colormap::Spectral: case Colormap::Twilight: return true;
  }
  return false;
}

// Every byte value of one option: its kAll list holds exactly the enumerators, a converter
// accepts each enumerator and rejects every other value by name.
template <typename Enum, size_t N>
void CheckEveryValue(const char* what, const Enum (&all)[N], Enum ConvertOptions::*field) {
  std::vector<uint8_t> l(4, 9), nv12(6, 128);
  const ImageView gray =
      *MakeImageView(ImageFormat::Color(2, 2, ColorModel::L, ChannelDatatype::U8), l.data(), 4);
  const ImageView yuv = *MakeImageView(ImageFormat::Pixel(2, 2, PixelFormat::NV12), nv12.data(), 6);
  for (int v = 0; v <= 255; ++v) {
    CAPTURE(what);
    CAPTURE(v);
    const Enum e = static_cast<Enum>(v);
    CHECK((std::find(std::begin(all), std::end(all), e) != std::end(all)) == Enumerated(e));
    ConvertOptions o;
    o.*field = e;
    const Status on_gray = Converter::Create(gray, o).status();
    const Status on_yuv = Converter::Create(yuv, o).status();
    if (Enumerated(e)) {
      CHECK(on_gray.ok());
      CHECK(on_yuv.code() != StatusCode::kUnknownEnum);  // a colormap needs an L image
    } else {
      const std::string message = std::string("unknown ") + what + " value " + std::to_string(v);
      CHECK(on_gray.code() == StatusCode::kUnknownEnum);
      CHECK(on_gray.message() == message);
      CHECK(on_yuv.code() == StatusCode::kUnknownEnum);
      CHECK(on_yuv.message() == message);
    }
  }
}

TEST_CASE("every value of every option enum is accepted, every other byte rejected") {
  CheckEveryValue("output type", kAllOutputTypes, &ConvertOptions::to);
  CheckEveryValue("channel order", kAllChannelOrders, &ConvertOptions::order);
  CheckEveryValue("range mode", kAllRangeModes, &ConvertOptions::range);
  CheckEveryValue("input transfer", kAllInputTransfers, &ConvertOptions::input_transfer);
  CheckEveryValue("output transfer", kAllOutputTransfers, &ConvertOptions::output_transfer);
  CheckEveryValue("YUV matrix", kAllYuvMatrices, &ConvertOptions::yuv_matrix);
  CheckEveryValue("YUV range", kAllYuvRanges, &ConvertOptions::yuv_range);
  CheckEveryValue("chroma filter", kAllChromaFilters, &ConvertOptions::chroma);
  CheckEveryValue("colormap", kAllColormaps, &ConvertOptions::colormap);
  for (int v = 0; v <= 255; ++v) {
    CAPTURE(v);
    const OutputType t = static_cast<OutputType>(v);
    CHECK(OutputSize(2, 2, t).ok() == Enumerated(t));
  }
}

TEST_CASE("a converter refuses images of another format and rows outside the image") {
  Fixture f;
  Result<Converter> conv = Converter::Create(f.view);
  REQUIRE(conv.ok());
  std::vector<uint8_t> other_src(4 * 4 * 3);
  const ImageView other = *MakeImageView(ImageFormat::Color(4, 4, ColorModel::RGB, ChannelDatatype::U8),
                                         other_src.data(), other_src.size());
  CHECK(conv->ConvertAll(other, {f.dst.data(), f.dst.size()}).code() == StatusCode::kMismatch);
  CHECK(conv->ConvertRows(f.view, {f.dst.data(), f.dst.size()}, 2, 4).code() == StatusCode::kInvalidArgument);
  CHECK(conv->ConvertRows(f.view, {f.dst.data(), f.dst.size()}, 2, 1).code() == StatusCode::kInvalidArgument);
  Converter empty;
  CHECK(empty.ConvertAll(f.view, {f.dst.data(), f.dst.size()}).code() == StatusCode::kInvalidArgument);
  Converter copy = *conv;  // copies are independent and usable
  CHECK(copy.ConvertAll(f.view, {f.dst.data(), f.dst.size()}).ok());
}

TEST_CASE("an invalid hand-built view is rejected before any kernel runs") {
  Fixture f;
  ImageView bad = f.view;
  bad.planes[0].size = 5;
  CHECK(Convert(bad, {f.dst.data(), f.dst.size()}).code() == StatusCode::kBufferTooSmall);
  bad = f.view;
  bad.format.datatype = static_cast<ChannelDatatype>(99);
  CHECK(Convert(bad, {f.dst.data(), f.dst.size()}).code() == StatusCode::kUnknownEnum);
}

TEST_CASE("OutputSize") {
  CHECK(*OutputSize(3, 2, OutputType::RGBA8) == 24);
  CHECK(*OutputSize(3, 2, OutputType::RGBAF32, 64) == 64 + 48);
  CHECK(OutputSize(0, 2, OutputType::RGBA8).status().code() == StatusCode::kBadDimensions);
  CHECK(OutputSize(3, 2, OutputType::RGBA8, 11).status().code() == StatusCode::kBadStride);
  CHECK(OutputSize(3, 2, OutputType::RGBA8, std::numeric_limits<size_t>::max()).status().code() ==
        StatusCode::kSizeOverflow);
}

TEST_CASE("target names") {
  CHECK(std::string(BestTargetName()).size() > 0);
  CHECK(SupportedTargetNames().find(BestTargetName()) != std::string::npos);
  Fixture f;
  Result<Converter> conv = Converter::Create(f.view);
  REQUIRE(conv.ok());
  CHECK(std::string(conv->target_name()) == BestTargetName());
}

}  // namespace
}  // namespace pixconv
