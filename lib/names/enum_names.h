// Internal: the names the front ends (the CLI, tools/pixconv/names.h, and the Python binding,
// lib/python/src/names.h) accept for the values of pixconv's enums, matched case-insensitively.
// Each table lists every value's name first, then its aliases. Not part of libpixconv: a static
// library of its own over the public headers, linked by both front ends.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/model.h"

namespace pixconv::names {

// One accepted spelling of an enum value; a value may have several.
template <typename Enum>
struct NamedValue {
  std::string_view name;
  Enum value;
};

inline constexpr NamedValue<OutputType> kOutputTypeNames[] = {
    {"rgba8", OutputType::RGBA8}, {"rgbaf32", OutputType::RGBAF32}, {"f32", OutputType::RGBAF32}};

inline constexpr NamedValue<ChannelOrder> kChannelOrderNames[] = {{"rgba", ChannelOrder::RGBA},
                                                                  {"bgra", ChannelOrder::BGRA}};

// The range modes given by name; an explicit range is given by its bounds.
inline constexpr NamedValue<RangeMode> kRangeModeNames[] = {
    {"auto", RangeMode::Auto}, {"datatype", RangeMode::Datatype}, {"depth", RangeMode::Depth}};

inline constexpr NamedValue<YuvMatrix> kYuvMatrixNames[] = {
    {"default", YuvMatrix::Default}, {"bt601", YuvMatrix::Bt601}, {"bt709", YuvMatrix::Bt709},
    {"bt2020", YuvMatrix::Bt2020},   {"601", YuvMatrix::Bt601},   {"709", YuvMatrix::Bt709},
    {"2020", YuvMatrix::Bt2020}};

inline constexpr NamedValue<YuvRange> kYuvRangeNames[] = {
    {"default", YuvRange::Default}, {"limited", YuvRange::Limited}, {"full", YuvRange::Full}};

inline constexpr NamedValue<ChromaFilter> kChromaFilterNames[] = {
    {"nearest", ChromaFilter::Nearest}, {"bilinear", ChromaFilter::Bilinear}};

inline constexpr NamedValue<InputTransfer> kInputTransferNames[] = {
    {"srgb", InputTransfer::Srgb}, {"linear", InputTransfer::Linear}, {"auto", InputTransfer::Auto}};

inline constexpr NamedValue<OutputTransfer> kOutputTransferNames[] = {
    {"default", OutputTransfer::Default}, {"srgb", OutputTransfer::Srgb},
    {"linear", OutputTransfer::Linear}};

// The aliases of pixel formats that model.h's ParsePixelFormat takes besides the names: i420,
// i422, i444 and y8 (limited range), with an f for full range.
inline constexpr NamedValue<PixelFormat> kPixelFormatShortNames[] = {
    {"i420", PixelFormat::Y_U_V12_LimitedRange}, {"i420f", PixelFormat::Y_U_V12_FullRange},
    {"i422", PixelFormat::Y_U_V16_LimitedRange}, {"i422f", PixelFormat::Y_U_V16_FullRange},
    {"i444", PixelFormat::Y_U_V24_LimitedRange}, {"i444f", PixelFormat::Y_U_V24_FullRange},
    {"y8", PixelFormat::Y8_LimitedRange},        {"y8f", PixelFormat::Y8_FullRange}};

// Whether `names` names every value of `all` (the enum's kAll... list).
template <typename Enum, size_t N, size_t M>
constexpr bool NamesEvery(const NamedValue<Enum> (&names)[N], const Enum (&all)[M]) {
  for (Enum e : all) {
    bool named = false;
    for (const NamedValue<Enum>& n : names) named = named || n.value == e;
    if (!named) return false;
  }
  return true;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

// The value `s` spells (any case), or nullopt.
template <typename Enum>
std::optional<Enum> Find(std::span<const NamedValue<Enum>> names, std::string_view s) {
  for (const NamedValue<Enum>& n : names) {
    if (EqualsIgnoreCase(s, n.name)) return n.value;
  }
  return std::nullopt;
}

// The first spelling of `value` in `names`, or nullopt.
template <typename Enum>
std::optional<std::string_view> FirstName(std::span<const NamedValue<Enum>> names, Enum value) {
  for (const NamedValue<Enum>& n : names) {
    if (n.value == value) return n.name;
  }
  return std::nullopt;
}

// The model's names of every value of `all` (model.h's Name: "U16", "RGBA", "NV12"), then
// `aliases`.
template <typename Enum, size_t N>
std::vector<NamedValue<Enum>> WithModelNames(
    const Enum (&all)[N], std::type_identity_t<std::span<const NamedValue<Enum>>> aliases = {}) {
  std::vector<NamedValue<Enum>> names;
  for (Enum e : all) names.push_back({Name(e), e});
  names.insert(names.end(), aliases.begin(), aliases.end());
  return names;
}

}  // namespace pixconv::names
