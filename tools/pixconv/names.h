// The names the command line accepts for option values: case-insensitive, with the aliases
// people type from ffmpeg and NumPy (yuv420p, yuyv422, gray, uint16, float32), and the
// closest name for a value that matches none ("did you mean"). The options' names and the
// model's short names are Python's too (lib/names/enum_names.h); colormaps print Rerun's names.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "enum_names.h"
#include "pixconv/convert.h"
#include "pixconv/model.h"

namespace pixconv::cli {

// One accepted spelling of an enum value; a value may have several (names, then aliases).
template <typename Enum>
using NamedValue = names::NamedValue<Enum>;

// Every spelling each option accepts, the canonical name of each value first.
std::span<const NamedValue<OutputType>> OutputTypeNames();
std::span<const NamedValue<ChannelOrder>> ChannelOrderNames();
std::span<const NamedValue<RangeMode>> RangeModeNames();  // not explicit: LO,HI
std::span<const NamedValue<YuvMatrix>> YuvMatrixNames();
std::span<const NamedValue<YuvRange>> YuvRangeNames();
std::span<const NamedValue<ChromaFilter>> ChromaFilterNames();
std::span<const NamedValue<InputTransfer>> InputTransferNames();
std::span<const NamedValue<OutputTransfer>> OutputTransferNames();
std::span<const NamedValue<Colormap>> ColormapNames();  // Rerun's names; "None" included
// The model's names (model.h) plus aliases: uint16, float32, ...; gray, rgb24, ...;
// yuv420p, yuvj420p, yuyv422, gray (Y8 full range), ...
std::span<const NamedValue<ChannelDatatype>> DatatypeNames();
std::span<const NamedValue<ColorModel>> ColorModelNames();
std::span<const NamedValue<PixelFormat>> PixelFormatNames();

// The value `s` names (any case), or nullopt.
template <typename Enum>
std::optional<Enum> ParseName(std::string_view s, std::span<const NamedValue<Enum>> names);

std::optional<OutputType> ParseOutputType(std::string_view s);
std::optional<ChannelOrder> ParseChannelOrder(std::string_view s);
std::optional<YuvMatrix> ParseYuvMatrix(std::string_view s);
std::optional<YuvRange> ParseYuvRange(std::string_view s);
std::optional<ChromaFilter> ParseChromaFilter(std::string_view s);
std::optional<InputTransfer> ParseInputTransfer(std::string_view s);
std::optional<OutputTransfer> ParseOutputTransfer(std::string_view s);
// Also "cyan_to_yellow".
std::optional<Colormap> ParseColormap(std::string_view s);
// The model's parsers (which also take Rerun's numbers) with the aliases above.
std::optional<ChannelDatatype> ParseDatatypeName(std::string_view s);
std::optional<ColorModel> ParseColorModelName(std::string_view s);
std::optional<PixelFormat> ParsePixelFormatName(std::string_view s);

// Rerun's name of a colormap ("Turbo", "CyanToYellow"; "None"), which ParseColormap accepts;
// "unknown" for values outside the enum.
std::string_view Name(Colormap c);

// Levenshtein distance, ignoring case.
size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `s` when it is close enough to be a typo (at most 2 edits, and
// fewer than half of the candidate), else empty.
std::string_view ClosestName(std::string_view s, std::span<const std::string_view> candidates);

// The same over the spellings of an option's values.
template <typename Enum>
std::string_view ClosestName(std::string_view s, std::span<const NamedValue<Enum>> names);

}  // namespace pixconv::cli
