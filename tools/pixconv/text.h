// How the CLI writes values for people: numbers in the shortest text that round-trips
// ("4081", "0.5", "1e+20") and option values by the names the command line accepts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pixconv/convert.h"

namespace pixconv::cli {

std::string FormatNumber(double value);
const char* RangeModeName(RangeMode mode);  // "auto", "datatype", "explicit", "depth"

}  // namespace pixconv::cli

namespace pixconv::cli {

// Option values and extensions are ASCII names, compared case-insensitively.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
std::string Lower(std::string_view s);

// The first bytes of a file in hex, for messages about what it is: "68 65 6C 6C 6F 0A 77 6F …".
std::string HexPrefix(const uint8_t* data, size_t size);

}  // namespace pixconv::cli
