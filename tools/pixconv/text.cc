#include "text.h"

#include <cctype>
#include <charconv>

namespace pixconv::cli {

std::string FormatNumber(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

const char* RangeModeName(RangeMode mode) {
  switch (mode) {
    case RangeMode::Auto:
      return "auto";
    case RangeMode::Datatype:
      return "datatype";
    case RangeMode::Explicit:
      return "explicit";
    case RangeMode::Depth:
      return "depth";
  }
  return "?";
}

}  // namespace pixconv::cli

namespace pixconv::cli {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return Lower(a) == Lower(b);
}

std::string Lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace pixconv::cli

namespace pixconv::cli {

std::string HexPrefix(const uint8_t* data, size_t size) {
  constexpr size_t kShown = 8;
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  for (size_t i = 0; i < size && i < kShown; ++i) {
    if (i) hex += ' ';
    hex += kDigits[data[i] >> 4];
    hex += kDigits[data[i] & 15];
  }
  if (size > kShown) hex += " \u2026";
  return hex;
}

}  // namespace pixconv::cli
