// Properties and names of the model's enums (lib/README.md section 1).
#include "pixconv/model.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <limits>

namespace pixconv {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// A decimal Rerun value ("26") or -1.
int ParseNumber(std::string_view s) {
  int value = -1;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return -1;
  return value;
}

template <typename Enum, size_t N>
std::optional<Enum> ParseEnum(std::string_view s, const Enum (&all)[N]) {
  for (Enum e : all) {
    if (EqualsIgnoreCase(s, Name(e))) return e;
  }
  const int number = ParseNumber(s);
  for (Enum e : all) {
    if (number == static_cast<int>(e)) return e;
  }
  return std::nullopt;
}

}  // namespace

int BitsPerSample(ChannelDatatype t) {
  switch (t) {
    case ChannelDatatype::U8: case ChannelDatatype::I8: return 8;
    case ChannelDatatype::U16: case ChannelDatatype::I16: case ChannelDatatype::F16: return 16;
    case ChannelDatatype::U32: case ChannelDatatype::I32: case ChannelDatatype::F32: return 32;
    case ChannelDatatype::U64: case ChannelDatatype::I64: case ChannelDatatype::F64: return 64;
  }
  return 0;
}

int BytesPerSample(ChannelDatatype t) { return BitsPerSample(t) / 8; }

bool IsFloat(ChannelDatatype t) {
  return t == ChannelDatatype::F16 || t == ChannelDatatype::F32 || t == ChannelDatatype::F64;
}

bool IsSignedInteger(ChannelDatatype t) {
  return t == ChannelDatatype::I8 || t == ChannelDatatype::I16 || t == ChannelDatatype::I32 ||
         t == ChannelDatatype::I64;
}

bool IsKnown(ChannelDatatype t) { return BitsPerSample(t) != 0; }
bool IsKnown(ColorModel m) { return ChannelCount(m) != 0; }
bool IsKnown(PixelFormat f) {
  for (PixelFormat known : kAllPixelFormats) {
    if (f == known) return true;
  }
  return false;
}

int ChannelCount(ColorModel m) {
  switch (m) {
    case ColorModel::L: return 1;
    case ColorModel::RGB: case ColorModel::BGR: return 3;
    case ColorModel::RGBA: case ColorModel::BGRA: return 4;
  }
  return 0;
}

bool HasAlpha(ColorModel m) { return m == ColorModel::RGBA || m == ColorModel::BGRA; }

void DatatypeRange(ChannelDatatype t, double* lo, double* hi) {
  *lo = 0.0;
  *hi = 1.0;
  switch (t) {
    case ChannelDatatype::U8: *hi = 255.0; break;
    case ChannelDatatype::I8: *lo = -128.0; *hi = 127.0; break;
    case ChannelDatatype::U16: *hi = 65535.0; break;
    case ChannelDatatype::I16: *lo = -32768.0; *hi = 32767.0; break;
    case ChannelDatatype::U32: *hi = 4294967295.0; break;
    case ChannelDatatype::I32: *lo = -2147483648.0; *hi = 2147483647.0; break;
    case ChannelDatatype::U64: *hi = static_cast<double>(std::numeric_limits<uint64_t>::max()); break;
    case ChannelDatatype::I64:
      *lo = static_cast<double>(std::numeric_limits<int64_t>::min());
      *hi = static_cast<double>(std::numeric_limits<int64_t>::max());
      break;
    case ChannelDatatype::F16: case ChannelDatatype::F32: case ChannelDatatype::F64: break;
  }
}

bool IsLimitedRange(PixelFormat f) {
  switch (f) {
    case PixelFormat::Y_U_V12_FullRange: case PixelFormat::Y_U_V16_FullRange:
    case PixelFormat::Y_U_V24_FullRange: case PixelFormat::Y8_FullRange:
      return false;
    default:
      return true;
  }
}

bool IsBt601(PixelFormat f) { return f == PixelFormat::NV12 || f == PixelFormat::YUY2; }

std::string_view Name(ChannelDatatype t) {
  switch (t) {
    case ChannelDatatype::U8: return "U8";
    case ChannelDatatype::I8: return "I8";
    case ChannelDatatype::U16: return "U16";
    case ChannelDatatype::I16: return "I16";
    case ChannelDatatype::U32: return "U32";
    case ChannelDatatype::I32: return "I32";
    case ChannelDatatype::U64: return "U64";
    case ChannelDatatype::I64: return "I64";
    case ChannelDatatype::F16: return "F16";
    case ChannelDatatype::F32: return "F32";
    case ChannelDatatype::F64: return "F64";
  }
  return "unknown";
}

std::string_view Name(ColorModel m) {
  switch (m) {
    case ColorModel::L: return "L";
    case ColorModel::RGB: return "RGB";
    case ColorModel::RGBA: return "RGBA";
    case ColorModel::BGR: return "BGR";
    case ColorModel::BGRA: return "BGRA";
  }
  return "unknown";
}

std::string_view Name(PixelFormat f) {
  switch (f) {
    case PixelFormat::Y_U_V12_LimitedRange: return "Y_U_V12_LimitedRange";
    case PixelFormat::NV12: return "NV12";
    case PixelFormat::YUY2: return "YUY2";
    case PixelFormat::Y8_FullRange: return "Y8_FullRange";
    case PixelFormat::Y_U_V24_LimitedRange: return "Y_U_V24_LimitedRange";
    case PixelFormat::Y_U_V24_FullRange: return "Y_U_V24_FullRange";
    case PixelFormat::Y8_LimitedRange: return "Y8_LimitedRange";
    case PixelFormat::Y_U_V12_FullRange: return "Y_U_V12_FullRange";
    case PixelFormat::Y_U_V16_LimitedRange: return "Y_U_V16_LimitedRange";
    case PixelFormat::Y_U_V16_FullRange: return "Y_U_V16_FullRange";
  }
  return "unknown";
}

std::optional<ChannelDatatype> ParseChannelDatatype(std::string_view s) {
  return ParseEnum(s, kAllDatatypes);
}

std::optional<ColorModel> ParseColorModel(std::string_view s) {
  return ParseEnum(s, kAllColorModels);
}

std::optional<PixelFormat> ParsePixelFormat(std::string_view s) {
  static constexpr struct {
    std::string_view alias;
    PixelFormat format;
  } kAliases[] = {
      {"i420", PixelFormat::Y_U_V12_LimitedRange}, {"i420f", PixelFormat::Y_U_V12_FullRange},
      {"i422", PixelFormat::Y_U_V16_LimitedRange}, {"i422f", PixelFormat::Y_U_V16_FullRange},
      {"i444", PixelFormat::Y_U_V24_LimitedRange}, {"i444f", PixelFormat::Y_U_V24_FullRange},
      {"y8", PixelFormat::Y8_LimitedRange},        {"y8f", PixelFormat::Y8_FullRange},
  };
  for (const auto& a : kAliases) {
    if (EqualsIgnoreCase(s, a.alias)) return a.format;
  }
  return ParseEnum(s, kAllPixelFormats);
}

}  // namespace pixconv
