#include "text.h"

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
