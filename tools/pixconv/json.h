// The little JSON that `pixconv info --json` writes: strings escaped per RFC 8259, numbers in
// the shortest form that round-trips, non-finite numbers as null (JSON has no NaN or Inf).
#pragma once

#include <string>
#include <string_view>

namespace pixconv::cli {

std::string JsonString(std::string_view s);  // with the quotes
std::string JsonNumber(double value);

}  // namespace pixconv::cli
