// Case-insensitive names of the conversion options, for the CLI.
#include <cctype>
#include <string_view>
#include <utility>

#include "pixconv/convert.h"

namespace pixconv {
namespace {

bool Is(std::string_view s, std::string_view name) {
  if (s.size() != name.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != name[i]) return false;
  }
  return true;
}

// Looks `s` up in a table of lower-case names.
template <typename Enum, size_t N>
bool Lookup(std::string_view s, const std::pair<std::string_view, Enum> (&table)[N], Enum* out) {
  for (const auto& [name, value] : table) {
    if (Is(s, name)) {
      *out = value;
      return true;
    }
  }
  return false;
}

}  // namespace

bool ParseOutputType(std::string_view s, OutputType* out) {
  static constexpr std::pair<std::string_view, OutputType> kTable[] = {
      {"rgba8", OutputType::RGBA8}, {"rgbaf32", OutputType::RGBAF32}, {"f32", OutputType::RGBAF32}};
  return Lookup(s, kTable, out);
}

bool ParseChannelOrder(std::string_view s, ChannelOrder* out) {
  static constexpr std::pair<std::string_view, ChannelOrder> kTable[] = {
      {"rgba", ChannelOrder::RGBA}, {"bgra", ChannelOrder::BGRA}};
  return Lookup(s, kTable, out);
}

bool ParseYuvMatrix(std::string_view s, YuvMatrix* out) {
  static constexpr std::pair<std::string_view, YuvMatrix> kTable[] = {
      {"default", YuvMatrix::Default}, {"bt601", YuvMatrix::Bt601}, {"bt709", YuvMatrix::Bt709},
      {"bt2020", YuvMatrix::Bt2020},   {"601", YuvMatrix::Bt601},   {"709", YuvMatrix::Bt709},
      {"2020", YuvMatrix::Bt2020}};
  return Lookup(s, kTable, out);
}

bool ParseYuvRange(std::string_view s, YuvRange* out) {
  static constexpr std::pair<std::string_view, YuvRange> kTable[] = {
      {"default", YuvRange::Default}, {"limited", YuvRange::Limited}, {"full", YuvRange::Full}};
  return Lookup(s, kTable, out);
}

bool ParseChromaFilter(std::string_view s, ChromaFilter* out) {
  static constexpr std::pair<std::string_view, ChromaFilter> kTable[] = {
      {"nearest", ChromaFilter::Nearest}, {"bilinear", ChromaFilter::Bilinear}};
  return Lookup(s, kTable, out);
}

bool ParseInputTransfer(std::string_view s, InputTransfer* out) {
  static constexpr std::pair<std::string_view, InputTransfer> kTable[] = {
      {"srgb", InputTransfer::Srgb}, {"linear", InputTransfer::Linear}, {"auto", InputTransfer::Auto}};
  return Lookup(s, kTable, out);
}

bool ParseOutputTransfer(std::string_view s, OutputTransfer* out) {
  static constexpr std::pair<std::string_view, OutputTransfer> kTable[] = {
      {"default", OutputTransfer::Default}, {"srgb", OutputTransfer::Srgb},
      {"linear", OutputTransfer::Linear}};
  return Lookup(s, kTable, out);
}

namespace {

constexpr std::pair<std::string_view, Colormap> kColormaps[] = {
    {"None", Colormap::None},       {"Grayscale", Colormap::Grayscale},
    {"Inferno", Colormap::Inferno}, {"Magma", Colormap::Magma},
    {"Plasma", Colormap::Plasma},   {"Turbo", Colormap::Turbo},
    {"Viridis", Colormap::Viridis}, {"CyanToYellow", Colormap::CyanToYellow},
    {"Spectral", Colormap::Spectral}, {"Twilight", Colormap::Twilight}};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool ParseColormap(std::string_view s, Colormap* out) {
  // Rerun's spelling, any case; also cyan_to_yellow.
  if (EqualsIgnoreCase(s, "cyan_to_yellow")) {
    *out = Colormap::CyanToYellow;
    return true;
  }
  for (const auto& [name, value] : kColormaps) {
    if (EqualsIgnoreCase(s, name)) {
      *out = value;
      return true;
    }
  }
  return false;
}

std::string_view Name(Colormap c) {
  for (const auto& [name, value] : kColormaps) {
    if (value == c) return name;
  }
  return "unknown";
}

}  // namespace pixconv
