// Case-insensitive matching for the name tables (enum_names.h).
#include "enum_names.h"

#include <cctype>

namespace pixconv::names {

static_assert(NamesEvery(kOutputTypeNames, kAllOutputTypes));
static_assert(NamesEvery(kChannelOrderNames, kAllChannelOrders));
static_assert(NamesEvery(kYuvMatrixNames, kAllYuvMatrices));
static_assert(NamesEvery(kYuvRangeNames, kAllYuvRanges));
static_assert(NamesEvery(kChromaFilterNames, kAllChromaFilters));
static_assert(NamesEvery(kInputTransferNames, kAllInputTransfers));
static_assert(NamesEvery(kOutputTransferNames, kAllOutputTransfers));

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace pixconv::names
