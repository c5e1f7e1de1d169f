#include "json.h"

#include <cmath>
#include <cstdio>

#include "text.h"

namespace pixconv::cli {

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {  // control characters must be escaped; bytes >= 0x80 pass as UTF-8
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
      out += escaped;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string JsonNumber(double value) {
  return std::isfinite(value) ? FormatNumber(value) : std::string("null");
}

}  // namespace pixconv::cli
