// The conversion API's contract: every misuse is a specific error, nothing is written then.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
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
