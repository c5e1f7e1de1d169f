// The input model: Rerun's ChannelDatatype, ColorModel and PixelFormat (with Rerun's numeric
// values, so raw values from a Rerun stream cast directly) and ImageFormat.
// Spec: lib/README.md section 1.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "pixconv/export.h"

namespace pixconv {

enum class ChannelDatatype : uint8_t {
  U8 = 6, I8 = 7, U16 = 8, I16 = 9, U32 = 10, I32 = 11, U64 = 12, I64 = 13,
  F16 = 33, F32 = 34, F64 = 35,
};

enum class ColorModel : uint8_t { L = 1, RGB = 2, RGBA = 3, BGR = 4, BGRA = 5 };

// All samples are 8 bit. Layouts: lib/README.md section 1.
enum class PixelFormat : uint8_t {
  Y_U_V12_LimitedRange = 20,  // I420
  NV12 = 26,
  YUY2 = 27,
  Y8_FullRange = 30,
  Y_U_V24_LimitedRange = 39,  // I444
  Y_U_V24_FullRange = 40,
  Y8_LimitedRange = 41,
  Y_U_V12_FullRange = 44,
  Y_U_V16_LimitedRange = 49,  // I422
  Y_U_V16_FullRange = 50,
};

inline constexpr ChannelDatatype kAllDatatypes[] = {
    ChannelDatatype::U8,  ChannelDatatype::I8,  ChannelDatatype::U16, ChannelDatatype::I16,
    ChannelDatatype::U32, ChannelDatatype::I32, ChannelDatatype::U64, ChannelDatatype::I64,
    ChannelDatatype::F16, ChannelDatatype::F32, ChannelDatatype::F64};
inline constexpr ColorModel kAllColorModels[] = {ColorModel::L, ColorModel::RGB, ColorModel::RGBA,
                                                 ColorModel::BGR, ColorModel::BGRA};
inline constexpr PixelFormat kAllPixelFormats[] = {
    PixelFormat::Y_U_V12_LimitedRange, PixelFormat::Y_U_V12_FullRange,
    PixelFormat::Y_U_V16_LimitedRange, PixelFormat::Y_U_V16_FullRange,
    PixelFormat::Y_U_V24_LimitedRange, PixelFormat::Y_U_V24_FullRange,
    PixelFormat::NV12,                 PixelFormat::YUY2,
    PixelFormat::Y8_FullRange,         PixelFormat::Y8_LimitedRange};

// An image's shape and sample layout. If pixel_format is set it wins and color_model /
// datatype are ignored (as in Rerun).
struct ImageFormat {
  uint32_t width = 0;
  uint32_t height = 0;
  std::optional<PixelFormat> pixel_format;
  ColorModel color_model = ColorModel::L;
  ChannelDatatype datatype = ChannelDatatype::U8;

  static ImageFormat Color(uint32_t w, uint32_t h, ColorModel m, ChannelDatatype t) {
    return ImageFormat{w, h, std::nullopt, m, t};
  }
  static ImageFormat Pixel(uint32_t w, uint32_t h, PixelFormat f) {
    return ImageFormat{w, h, f, ColorModel::L, ChannelDatatype::U8};
  }

  // Whether both describe the same image: not defaulted, because a set pixel_format makes the
  // color model and datatype irrelevant.
  friend bool operator==(const ImageFormat& a, const ImageFormat& b) {
    if (a.width != b.width || a.height != b.height || a.pixel_format != b.pixel_format) {
      return false;
    }
    return a.pixel_format || (a.color_model == b.color_model && a.datatype == b.datatype);
  }
};

// Properties. Each returns 0 / false for a value outside the enum.
PIXCONV_EXPORT int BitsPerSample(ChannelDatatype t);
PIXCONV_EXPORT int BytesPerSample(ChannelDatatype t);
PIXCONV_EXPORT bool IsFloat(ChannelDatatype t);
PIXCONV_EXPORT bool IsSignedInteger(ChannelDatatype t);
PIXCONV_EXPORT int ChannelCount(ColorModel m);
PIXCONV_EXPORT bool HasAlpha(ColorModel m);
PIXCONV_EXPORT bool IsKnown(ChannelDatatype t);
PIXCONV_EXPORT bool IsKnown(ColorModel m);
PIXCONV_EXPORT bool IsKnown(PixelFormat f);

// The datatype's full range: integers their min/max; floats [0, 1] (lib/README.md 3.1, Datatype).
PIXCONV_EXPORT void DatatypeRange(ChannelDatatype t, double* lo, double* hi);

// Default YUV conventions of a pixel format (lib/README.md section 1 table).
PIXCONV_EXPORT
bool IsLimitedRange(PixelFormat f);  // Y8_FullRange and *_FullRange are full
PIXCONV_EXPORT
bool IsBt601(PixelFormat f);         // NV12 and YUY2; the others are BT.709

// Canonical names ("U16", "RGBA", "NV12", "Y_U_V12_LimitedRange") and case-insensitive parsing.
// Parsing also accepts the common aliases i420, i422, i444 (limited range), i420f, i422f,
// i444f (full range), y8 (limited) and y8f (full); a number parses as the Rerun value.
PIXCONV_EXPORT std::string_view Name(ChannelDatatype t);
PIXCONV_EXPORT std::string_view Name(ColorModel m);
PIXCONV_EXPORT std::string_view Name(PixelFormat f);
PIXCONV_EXPORT std::optional<ChannelDatatype> ParseChannelDatatype(std::string_view s);
PIXCONV_EXPORT std::optional<ColorModel> ParseColorModel(std::string_view s);
PIXCONV_EXPORT std::optional<PixelFormat> ParsePixelFormat(std::string_view s);

}  // namespace pixconv
