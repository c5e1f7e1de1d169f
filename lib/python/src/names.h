// Python's names for pixconv's enums: one lower-case table per enum, matched case-insensitively.
// The binding keeps its own tables (the CLI's spellings) so it depends on nothing but the enums
// of the public API. The first name of a value is the one results and messages use.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/model.h"

namespace pixconv::python {

template <typename Enum>
using NameTable = std::span<const std::pair<std::string_view, Enum>>;

inline constexpr std::pair<std::string_view, OutputType> kOutputTypes[] = {
    {"rgba8", OutputType::RGBA8}, {"rgbaf32", OutputType::RGBAF32}, {"f32", OutputType::RGBAF32}};

inline constexpr std::pair<std::string_view, ChannelOrder> kChannelOrders[] = {
    {"rgba", ChannelOrder::RGBA}, {"bgra", ChannelOrder::BGRA}};

// Explicit ranges are (lo, hi) tuples, not names.
inline constexpr std::pair<std::string_view, RangeMode> kRangeModes[] = {
    {"auto", RangeMode::Auto}, {"datatype", RangeMode::Datatype}, {"depth", RangeMode::Depth}};

inline constexpr std::pair<std::string_view, InputTransfer> kInputTransfers[] = {
    {"srgb", InputTransfer::Srgb}, {"linear", InputTransfer::Linear}, {"auto", InputTransfer::Auto}};

inline constexpr std::pair<std::string_view, OutputTransfer> kOutputTransfers[] = {
    {"default", OutputTransfer::Default}, {"srgb", OutputTransfer::Srgb},
    {"linear", OutputTransfer::Linear}};

inline constexpr std::pair<std::string_view, YuvMatrix> kYuvMatrices[] = {
    {"default", YuvMatrix::Default}, {"bt601", YuvMatrix::Bt601}, {"bt709", YuvMatrix::Bt709},
    {"bt2020", YuvMatrix::Bt2020},   {"601", YuvMatrix::Bt601},   {"709", YuvMatrix::Bt709},
    {"2020", YuvMatrix::Bt2020}};

inline constexpr std::pair<std::string_view, YuvRange> kYuvRanges[] = {
    {"default", YuvRange::Default}, {"limited", YuvRange::Limited}, {"full", YuvRange::Full}};

inline constexpr std::pair<std::string_view, ChromaFilter> kChromaFilters[] = {
    {"nearest", ChromaFilter::Nearest}, {"bilinear", ChromaFilter::Bilinear}};

inline constexpr std::pair<std::string_view, Colormap> kColormaps[] = {
    {"none", Colormap::None},       {"grayscale", Colormap::Grayscale},
    {"inferno", Colormap::Inferno}, {"magma", Colormap::Magma},
    {"plasma", Colormap::Plasma},   {"turbo", Colormap::Turbo},
    {"viridis", Colormap::Viridis}, {"cyantoyellow", Colormap::CyanToYellow},
    {"cyan_to_yellow", Colormap::CyanToYellow}, {"spectral", Colormap::Spectral},
    {"twilight", Colormap::Twilight}};

inline constexpr std::pair<std::string_view, ColorModel> kColorModels[] = {
    {"l", ColorModel::L},     {"rgb", ColorModel::RGB},   {"rgba", ColorModel::RGBA},
    {"bgr", ColorModel::BGR}, {"bgra", ColorModel::BGRA}};

inline constexpr std::pair<std::string_view, ChannelDatatype> kDatatypes[] = {
    {"u8", ChannelDatatype::U8},   {"i8", ChannelDatatype::I8},   {"u16", ChannelDatatype::U16},
    {"i16", ChannelDatatype::I16}, {"u32", ChannelDatatype::U32}, {"i32", ChannelDatatype::I32},
    {"u64", ChannelDatatype::U64}, {"i64", ChannelDatatype::I64}, {"f16", ChannelDatatype::F16},
    {"f32", ChannelDatatype::F32}, {"f64", ChannelDatatype::F64}};

inline constexpr std::pair<std::string_view, PixelFormat> kPixelFormats[] = {
    {"y_u_v12_limitedrange", PixelFormat::Y_U_V12_LimitedRange},
    {"y_u_v12_fullrange", PixelFormat::Y_U_V12_FullRange},
    {"y_u_v16_limitedrange", PixelFormat::Y_U_V16_LimitedRange},
    {"y_u_v16_fullrange", PixelFormat::Y_U_V16_FullRange},
    {"y_u_v24_limitedrange", PixelFormat::Y_U_V24_LimitedRange},
    {"y_u_v24_fullrange", PixelFormat::Y_U_V24_FullRange},
    {"nv12", PixelFormat::NV12},
    {"yuy2", PixelFormat::YUY2},
    {"y8_fullrange", PixelFormat::Y8_FullRange},
    {"y8_limitedrange", PixelFormat::Y8_LimitedRange},
    {"i420", PixelFormat::Y_U_V12_LimitedRange},
    {"i420f", PixelFormat::Y_U_V12_FullRange},
    {"i422", PixelFormat::Y_U_V16_LimitedRange},
    {"i422f", PixelFormat::Y_U_V16_FullRange},
    {"i444", PixelFormat::Y_U_V24_LimitedRange},
    {"i444f", PixelFormat::Y_U_V24_FullRange},
    {"y8", PixelFormat::Y8_LimitedRange},
    {"y8f", PixelFormat::Y8_FullRange}};

inline constexpr std::pair<std::string_view, Codec> kCodecs[] = {
    {"unknown", Codec::Unknown}, {"jpeg", Codec::Jpeg}, {"png", Codec::Png}};

bool EqualsIgnoringCase(std::string_view a, std::string_view lower);

// The value named `s` (any case), or nothing.
template <typename Enum>
std::optional<Enum> Lookup(NameTable<Enum> table, std::string_view s) {
  for (const auto& [name, value] : table) {
    if (EqualsIgnoringCase(s, name)) return value;
  }
  return std::nullopt;
}

// The first name of `value` ("?" if the table lacks it).
template <typename Enum>
std::string_view NameOf(NameTable<Enum> table, Enum value) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return "?";
}

// Every accepted name, quoted and comma-separated, for error messages.
template <typename Enum>
std::string Choices(NameTable<Enum> table) {
  std::string s;
  for (const auto& [name, value] : table) {
    if (!s.empty()) s += ", ";
    s += '\'';
    s += name;
    s += '\'';
  }
  return s;
}

}  // namespace pixconv::python
