// Case-insensitive comparison for the name tables (names.h).
#include "names.h"

#include <cctype>

namespace pixconv::python {

bool EqualsIgnoringCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != lower[i]) return false;
  }
  return true;
}

}  // namespace pixconv::python
