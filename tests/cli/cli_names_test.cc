// The CLI's names for option values (tools/pixconv/names.h): case-insensitive, with aliases,
// and "did you mean" for near misses. Moved here with the parsers from the library's API.
#include <doctest/doctest.h>

#include "names.h"

namespace pixconv::cli {
namespace {

TEST_CASE("option names parse case-insensitively") {
  CHECK(ParseOutputType("RGBAF32") == OutputType::RGBAF32);
  CHECK_FALSE(ParseOutputType("rgb").has_value());
  CHECK(ParseYuvMatrix("BT2020") == YuvMatrix::Bt2020);
  CHECK(ParseInputTransfer("Auto") == InputTransfer::Auto);
  CHECK_FALSE(ParseChromaFilter("cubic").has_value());
}

TEST_CASE("range modes by name; an explicit range is its bounds") {
  CHECK(ParseName("DEPTH", RangeModeNames()) == RangeMode::Depth);
  CHECK(ParseName("auto", RangeModeNames()) == RangeMode::Auto);
  CHECK(ParseName("Datatype", RangeModeNames()) == RangeMode::Datatype);
  CHECK_FALSE(ParseName("explicit", RangeModeNames()).has_value());
  CHECK(ClosestName("dept", RangeModeNames()) == "depth");
}

TEST_CASE("colormap names") {
  CHECK(ParseColormap("turbo") == Colormap::Turbo);
  CHECK(ParseColormap("CyanToYellow") == Colormap::CyanToYellow);
  CHECK(ParseColormap("cyan_to_yellow") == Colormap::CyanToYellow);
  CHECK(ParseColormap("VIRIDIS") == Colormap::Viridis);
  CHECK_FALSE(ParseColormap("jet").has_value());
  for (int i = 0; i <= 9; ++i) {
    const std::optional<Colormap> parsed = ParseColormap(Name(static_cast<Colormap>(i)));
    REQUIRE(parsed.has_value());
    CHECK(static_cast<int>(*parsed) == i);
  }
  CHECK(Name(static_cast<Colormap>(42)) == "unknown");
  CHECK(Name(static_cast<Colormap>(99)) == "unknown");
}

TEST_CASE("ffmpeg and NumPy aliases") {
  CHECK(ParsePixelFormatName("yuv420p") == PixelFormat::Y_U_V12_LimitedRange);
  CHECK(ParsePixelFormatName("YUVJ420P") == PixelFormat::Y_U_V12_FullRange);
  CHECK(ParsePixelFormatName("yuyv422") == PixelFormat::YUY2);
  CHECK(ParsePixelFormatName("gray") == PixelFormat::Y8_FullRange);
  CHECK(ParsePixelFormatName("26") == PixelFormat::NV12);  // Rerun's numbers still work
  CHECK(ParseColorModelName("gray") == ColorModel::L);
  CHECK(ParseDatatypeName("uint16") == ChannelDatatype::U16);
  CHECK(ParseDatatypeName("float32") == ChannelDatatype::F32);
  CHECK(ParseDatatypeName("u8") == ChannelDatatype::U8);
  CHECK_FALSE(ParseDatatypeName("u12").has_value());
}

TEST_CASE("the closest name of a typo") {
  CHECK(ClosestName("viridus", ColormapNames()) == "Viridis");
  CHECK(ClosestName("nv21", PixelFormatNames()) == "NV12");
  CHECK(ClosestName("bilinaer", ChromaFilterNames()) == "bilinear");
  CHECK(ClosestName("jet", ColormapNames()).empty());
  CHECK(EditDistance("Turbo", "turbo") == 0);
  CHECK(EditDistance("kitten", "sitting") == 3);
}

}  // namespace
}  // namespace pixconv::cli
