// Python's names for pixconv's enums, matched case-insensitively and printed in lower case (the
// first name of a value is the one results and messages use). The options' names and the
// model's are the CLI's too (lib/names/enum_names.h); colormaps and codecs have Python's own
// spellings here.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "enum_names.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/model.h"

namespace pixconv::python {

template <typename Enum>
using NameTable = std::span<const names::NamedValue<Enum>>;

inline constexpr NameTable<OutputType> kOutputTypes = names::kOutputTypeNames;
inline constexpr NameTable<ChannelOrder> kChannelOrders = names::kChannelOrderNames;
inline constexpr NameTable<InputTransfer> kInputTransfers = names::kInputTransferNames;
inline constexpr NameTable<OutputTransfer> kOutputTransfers = names::kOutputTransferNames;
inline constexpr NameTable<YuvMatrix> kYuvMatrices = names::kYuvMatrixNames;
inline constexpr NameTable<YuvRange> kYuvRanges = names::kYuvRangeNames;
inline constexpr NameTable<ChromaFilter> kChromaFilters = names::kChromaFilterNames;

// Explicit ranges are (lo, hi) tuples, not names.
inline constexpr NameTable<RangeMode> kRangeModes = names::kRangeModeNames;

// Rerun's names in lower case, each alias after its value's name.
inline constexpr names::NamedValue<Colormap> kColormaps[] = {
    {"none", Colormap::None},       {"grayscale", Colormap::Grayscale},
    {"inferno", Colormap::Inferno}, {"magma", Colormap::Magma},
    {"plasma", Colormap::Plasma},   {"turbo", Colormap::Turbo},
    {"viridis", Colormap::Viridis}, {"cyantoyellow", Colormap::CyanToYellow},
    {"cyan_to_yellow", Colormap::CyanToYellow}, {"spectral", Colormap::Spectral},
    {"twilight", Colormap::Twilight}};
static_assert(names::NamesEvery(kColormaps, kAllColormaps));

inline constexpr names::NamedValue<Codec> kCodecs[] = {
    {"unknown", Codec::Unknown}, {"jpeg", Codec::Jpeg}, {"png", Codec::Png}};

// The model's names ("rgb", "u16", "nv12"); pixel formats also take the model's short names.
inline const std::vector<names::NamedValue<ColorModel>> kColorModels =
    names::WithModelNames(kAllColorModels);
inline const std::vector<names::NamedValue<ChannelDatatype>> kDatatypes =
    names::WithModelNames(kAllDatatypes);
inline const std::vector<names::NamedValue<PixelFormat>> kPixelFormats =
    names::WithModelNames(kAllPixelFormats, names::kPixelFormatShortNames);

// The value named `s` (any case), or nothing.
template <typename Enum>
std::optional<Enum> Lookup(NameTable<Enum> table, std::string_view s) {
  return names::Find(table, s);
}

std::string Lower(std::string_view s);

// The first name of `value` ("?" if the table lacks it).
template <typename Enum>
std::string NameOf(NameTable<Enum> table, Enum value) {
  return Lower(names::FirstName(table, value).value_or("?"));
}

// Every accepted name, quoted and comma-separated, for error messages.
template <typename Enum>
std::string Choices(NameTable<Enum> table) {
  std::string s;
  for (const auto& [name, value] : table) {
    if (!s.empty()) s += ", ";
    s += '\'';
    s += Lower(name);
    s += '\'';
  }
  return s;
}

}  // namespace pixconv::python
