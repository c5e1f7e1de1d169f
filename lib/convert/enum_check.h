// Internal: the check that an option value (which a caller may have cast from any number) is
// one of its enum's values, as listed next to the enum in pixconv/convert.h or model.h.
#pragma once

#include <cstddef>
#include <string>

#include "pixconv/convert.h"
#include "pixconv/status.h"

namespace pixconv::internal {

// Ok if `value` is in `all`, else kUnknownEnum "unknown <what> value <number>".
template <typename Enum, size_t N>
Status CheckEnum(const char* what, Enum value, const Enum (&all)[N]) {
  for (Enum e : all) {
    if (e == value) return Status::Ok();
  }
  return Status(StatusCode::kUnknownEnum, std::string("unknown ") + what + " value " +
                                              std::to_string(static_cast<int>(value)));
}

// CheckEnum of every enum field of the options, in the order of their declaration.
Status CheckOptionEnums(const ConvertOptions& o);

}  // namespace pixconv::internal
