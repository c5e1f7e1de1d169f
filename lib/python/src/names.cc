// Lower-casing for the printed names (names.h).
#include "names.h"

#include <cctype>

namespace pixconv::python {

std::string Lower(std::string_view s) {
  std::string lower(s);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

}  // namespace pixconv::python
