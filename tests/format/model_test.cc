// The model's enums: Rerun values, names, parsing.
#include <doctest/doctest.h>

#include "pixconv/model.h"

namespace pixconv {
namespace {

TEST_CASE("enum values are Rerun's") {
  CHECK(static_cast<int>(ChannelDatatype::U8) == 6);
  CHECK(static_cast<int>(ChannelDatatype::I64) == 13);
  CHECK(static_cast<int>(ChannelDatatype::F16) == 33);
  CHECK(static_cast<int>(ChannelDatatype::F64) == 35);
  CHECK(static_cast<int>(ColorModel::L) == 1);
  CHECK(static_cast<int>(ColorModel::BGRA) == 5);
  CHECK(static_cast<int>(PixelFormat::Y_U_V12_LimitedRange) == 20);
  CHECK(static_cast<int>(PixelFormat::NV12) == 26);
  CHECK(static_cast<int>(PixelFormat::YUY2) == 27);
  CHECK(static_cast<int>(PixelFormat::Y8_FullRange) == 30);
  CHECK(static_cast<int>(PixelFormat::Y_U_V24_LimitedRange) == 39);
  CHECK(static_cast<int>(PixelFormat::Y_U_V24_FullRange) == 40);
  CHECK(static_cast<int>(PixelFormat::Y8_LimitedRange) == 41);
  CHECK(static_cast<int>(PixelFormat::Y_U_V12_FullRange) == 44);
  CHECK(static_cast<int>(PixelFormat::Y_U_V16_LimitedRange) == 49);
  CHECK(static_cast<int>(PixelFormat::Y_U_V16_FullRange) == 50);
}

TEST_CASE("sample properties") {
  CHECK(BitsPerSample(ChannelDatatype::F16) == 16);
  CHECK(BytesPerSample(ChannelDatatype::U64) == 8);
  CHECK(IsFloat(ChannelDatatype::F16));
  CHECK_FALSE(IsFloat(ChannelDatatype::I32));
  CHECK(IsSignedInteger(ChannelDatatype::I8));
  CHECK_FALSE(IsSignedInteger(ChannelDatatype::U8));
  CHECK(ChannelCount(ColorModel::BGR) == 3);
  CHECK(HasAlpha(ColorModel::BGRA));
  CHECK_FALSE(HasAlpha(ColorModel::RGB));
  CHECK_FALSE(IsKnown(static_cast<ChannelDatatype>(14)));
  CHECK_FALSE(IsKnown(static_cast<ColorModel>(0)));
  CHECK_FALSE(IsKnown(static_cast<PixelFormat>(21)));
  CHECK(BitsPerSample(static_cast<ChannelDatatype>(99)) == 0);
  double lo = 0, hi = 0;
  DatatypeRange(ChannelDatatype::I16, &lo, &hi);
  CHECK(lo == -32768.0);
  CHECK(hi == 32767.0);
  DatatypeRange(ChannelDatatype::F16, &lo, &hi);
  CHECK(lo == 0.0);
  CHECK(hi == 1.0);
}

TEST_CASE("pixel format defaults") {
  CHECK(IsBt601(PixelFormat::NV12));
  CHECK(IsBt601(PixelFormat::YUY2));
  CHECK_FALSE(IsBt601(PixelFormat::Y_U_V12_LimitedRange));
  CHECK(IsLimitedRange(PixelFormat::NV12));
  CHECK(IsLimitedRange(PixelFormat::Y8_LimitedRange));
  CHECK_FALSE(IsLimitedRange(PixelFormat::Y8_FullRange));
  CHECK_FALSE(IsLimitedRange(PixelFormat::Y_U_V16_FullRange));
}

TEST_CASE("formats are equal when they describe the same image") {
  const ImageFormat rgb = ImageFormat::Color(4, 2, ColorModel::RGB, ChannelDatatype::U16);
  CHECK(rgb == ImageFormat::Color(4, 2, ColorModel::RGB, ChannelDatatype::U16));
  CHECK(rgb != ImageFormat::Color(5, 2, ColorModel::RGB, ChannelDatatype::U16));
  CHECK(rgb != ImageFormat::Color(4, 3, ColorModel::RGB, ChannelDatatype::U16));
  CHECK(rgb != ImageFormat::Color(4, 2, ColorModel::BGR, ChannelDatatype::U16));
  CHECK(rgb != ImageFormat::Color(4, 2, ColorModel::RGB, ChannelDatatype::I16));

  // A set pixel format wins: the color model and datatype beside it do not count.
  const ImageFormat nv12 = ImageFormat::Pixel(4, 2, PixelFormat::NV12);
  CHECK(nv12 == ImageFormat{4, 2, PixelFormat::NV12, ColorModel::RGBA, ChannelDatatype::F32});
  CHECK(nv12 != ImageFormat::Pixel(4, 2, PixelFormat::YUY2));
  CHECK(nv12 != ImageFormat::Pixel(4, 4, PixelFormat::NV12));
  CHECK(nv12 != ImageFormat::Color(4, 2, ColorModel::L, ChannelDatatype::U8));
}

TEST_CASE("names round-trip, case-insensitively, with aliases and numbers") {
  for (ChannelDatatype t : kAllDatatypes) CHECK(ParseChannelDatatype(Name(t)) == t);
  for (ColorModel m : kAllColorModels) CHECK(ParseColorModel(Name(m)) == m);
  for (PixelFormat f : kAllPixelFormats) CHECK(ParsePixelFormat(Name(f)) == f);
  CHECK(ParseChannelDatatype("f16") == ChannelDatatype::F16);
  CHECK(ParseColorModel("bgra") == ColorModel::BGRA);
  CHECK(ParsePixelFormat("nv12") == PixelFormat::NV12);
  CHECK(ParsePixelFormat("I420") == PixelFormat::Y_U_V12_LimitedRange);
  CHECK(ParsePixelFormat("i444f") == PixelFormat::Y_U_V24_FullRange);
  CHECK(ParsePixelFormat("y8") == PixelFormat::Y8_LimitedRange);
  CHECK(ParsePixelFormat("26") == PixelFormat::NV12);
  CHECK(ParseChannelDatatype("34") == ChannelDatatype::F32);
  CHECK_FALSE(ParseChannelDatatype("u12").has_value());
  CHECK_FALSE(ParseColorModel("").has_value());
  CHECK_FALSE(ParsePixelFormat("21").has_value());
  CHECK_FALSE(ParsePixelFormat("nv21").has_value());
}

}  // namespace
}  // namespace pixconv
