#include "names.h"

#include <algorithm>
#include <vector>

#include "text.h"

namespace pixconv::cli {
namespace {

constexpr NamedValue<Colormap> kColormaps[] = {
    {"None", Colormap::None},         {"Grayscale", Colormap::Grayscale},
    {"Inferno", Colormap::Inferno},   {"Magma", Colormap::Magma},
    {"Plasma", Colormap::Plasma},     {"Turbo", Colormap::Turbo},
    {"Viridis", Colormap::Viridis},   {"CyanToYellow", Colormap::CyanToYellow},
    {"Spectral", Colormap::Spectral}, {"Twilight", Colormap::Twilight},
    {"cyan_to_yellow", Colormap::CyanToYellow}};
static_assert(names::NamesEvery(kColormaps, kAllColormaps));

using DT = ChannelDatatype;
constexpr NamedValue<DT> kDatatypeAliases[] = {
    {"uint8", DT::U8},     {"int8", DT::I8},      {"uint16", DT::U16},  {"int16", DT::I16},
    {"uint32", DT::U32},   {"int32", DT::I32},    {"uint64", DT::U64},  {"int64", DT::I64},
    {"float16", DT::F16},  {"half", DT::F16},     {"float32", DT::F32}, {"float", DT::F32},
    {"float64", DT::F64},  {"double", DT::F64}};

constexpr NamedValue<ColorModel> kColorModelAliases[] = {
    {"gray", ColorModel::L}, {"grey", ColorModel::L}, {"mono", ColorModel::L}};

using PF = PixelFormat;
// ffmpeg's -pix_fmt names (after the model's short names, i420, ...): "yuvj" is ffmpeg's
// full-range variant, and its gray is full-range 8-bit luma.
constexpr NamedValue<PF> kFfmpegPixelFormats[] = {
    {"yuv420p", PF::Y_U_V12_LimitedRange}, {"yuvj420p", PF::Y_U_V12_FullRange},
    {"yuv422p", PF::Y_U_V16_LimitedRange}, {"yuvj422p", PF::Y_U_V16_FullRange},
    {"yuv444p", PF::Y_U_V24_LimitedRange}, {"yuvj444p", PF::Y_U_V24_FullRange},
    {"yuyv422", PF::YUY2},                 {"gray", PF::Y8_FullRange}};

}  // namespace

std::span<const NamedValue<OutputType>> OutputTypeNames() { return names::kOutputTypeNames; }
std::span<const NamedValue<ChannelOrder>> ChannelOrderNames() { return names::kChannelOrderNames; }
std::span<const NamedValue<RangeMode>> RangeModeNames() { return names::kRangeModeNames; }
std::span<const NamedValue<YuvMatrix>> YuvMatrixNames() { return names::kYuvMatrixNames; }
std::span<const NamedValue<YuvRange>> YuvRangeNames() { return names::kYuvRangeNames; }
std::span<const NamedValue<ChromaFilter>> ChromaFilterNames() {
  return names::kChromaFilterNames;
}
std::span<const NamedValue<InputTransfer>> InputTransferNames() {
  return names::kInputTransferNames;
}
std::span<const NamedValue<OutputTransfer>> OutputTransferNames() {
  return names::kOutputTransferNames;
}
std::span<const NamedValue<Colormap>> ColormapNames() { return kColormaps; }

std::span<const NamedValue<ChannelDatatype>> DatatypeNames() {
  static const std::vector<NamedValue<ChannelDatatype>> all =
      names::WithModelNames(kAllDatatypes, kDatatypeAliases);
  return all;
}

std::span<const NamedValue<ColorModel>> ColorModelNames() {
  static const std::vector<NamedValue<ColorModel>> all =
      names::WithModelNames(kAllColorModels, kColorModelAliases);
  return all;
}

std::span<const NamedValue<PixelFormat>> PixelFormatNames() {
  static const std::vector<NamedValue<PixelFormat>> all = [] {
    std::vector<NamedValue<PixelFormat>> v =
        names::WithModelNames(kAllPixelFormats, names::kPixelFormatShortNames);
    v.insert(v.end(), std::begin(kFfmpegPixelFormats), std::end(kFfmpegPixelFormats));
    return v;
  }();
  return all;
}

template <typename Enum>
std::optional<Enum> ParseName(std::string_view s, std::span<const NamedValue<Enum>> names) {
  return names::Find(names, s);
}

std::optional<OutputType> ParseOutputType(std::string_view s) {
  return ParseName(s, OutputTypeNames());
}
std::optional<ChannelOrder> ParseChannelOrder(std::string_view s) {
  return ParseName(s, ChannelOrderNames());
}
std::optional<YuvMatrix> ParseYuvMatrix(std::string_view s) {
  return ParseName(s, YuvMatrixNames());
}
std::optional<YuvRange> ParseYuvRange(std::string_view s) { return ParseName(s, YuvRangeNames()); }
std::optional<ChromaFilter> ParseChromaFilter(std::string_view s) {
  return ParseName(s, ChromaFilterNames());
}
std::optional<InputTransfer> ParseInputTransfer(std::string_view s) {
  return ParseName(s, InputTransferNames());
}
std::optional<OutputTransfer> ParseOutputTransfer(std::string_view s) {
  return ParseName(s, OutputTransferNames());
}
std::optional<Colormap> ParseColormap(std::string_view s) { return ParseName(s, ColormapNames()); }

// The model's parser first: it also takes Rerun's numbers ("26" for NV12).
std::optional<ChannelDatatype> ParseDatatypeName(std::string_view s) {
  const std::optional<ChannelDatatype> t = ParseChannelDatatype(s);
  return t ? t : ParseName(s, DatatypeNames());
}
std::optional<ColorModel> ParseColorModelName(std::string_view s) {
  const std::optional<ColorModel> m = ParseColorModel(s);
  return m ? m : ParseName(s, ColorModelNames());
}
std::optional<PixelFormat> ParsePixelFormatName(std::string_view s) {
  const std::optional<PixelFormat> f = ParsePixelFormat(s);
  return f ? f : ParseName(s, PixelFormatNames());
}

std::string_view Name(Colormap c) {
  return names::FirstName(ColormapNames(), c).value_or("unknown");
}

size_t EditDistance(std::string_view a_in, std::string_view b_in) {
  const std::string a = Lower(a_in), b = Lower(b_in);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

std::string_view ClosestName(std::string_view s, std::span<const std::string_view> candidates) {
  std::string_view best;
  size_t best_distance = 3;
  for (std::string_view c : candidates) {
    const size_t d = EditDistance(s, c);
    if (d < best_distance && 2 * d <= c.size()) best_distance = d, best = c;
  }
  return best;
}

template <typename Enum>
std::string_view ClosestName(std::string_view s, std::span<const NamedValue<Enum>> names) {
  std::vector<std::string_view> candidates;
  for (const NamedValue<Enum>& n : names) candidates.push_back(n.name);
  return ClosestName(s, candidates);
}

#define PIXCONV_NAMES_INSTANTIATE(Enum)                                                   \
  template std::optional<Enum> ParseName(std::string_view, std::span<const NamedValue<Enum>>); \
  template std::string_view ClosestName(std::string_view, std::span<const NamedValue<Enum>>)
PIXCONV_NAMES_INSTANTIATE(OutputType);
PIXCONV_NAMES_INSTANTIATE(ChannelOrder);
PIXCONV_NAMES_INSTANTIATE(RangeMode);
PIXCONV_NAMES_INSTANTIATE(YuvMatrix);
PIXCONV_NAMES_INSTANTIATE(YuvRange);
PIXCONV_NAMES_INSTANTIATE(ChromaFilter);
PIXCONV_NAMES_INSTANTIATE(InputTransfer);
PIXCONV_NAMES_INSTANTIATE(OutputTransfer);
PIXCONV_NAMES_INSTANTIATE(Colormap);
PIXCONV_NAMES_INSTANTIATE(ChannelDatatype);
PIXCONV_NAMES_INSTANTIATE(ColorModel);
PIXCONV_NAMES_INSTANTIATE(PixelFormat);
#undef PIXCONV_NAMES_INSTANTIATE

}  // namespace pixconv::cli
