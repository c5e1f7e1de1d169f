// How the CLI writes values for people: numbers in the shortest text that round-trips
// ("4081", "0.5", "1e+20") and option values by the names the command line accepts.
#pragma once

#include <string>

#include "pixconv/convert.h"

namespace pixconv::cli {

std::string FormatNumber(double value);
const char* RangeModeName(RangeMode mode);  // "auto", "datatype", "explicit", "depth"

}  // namespace pixconv::cli
