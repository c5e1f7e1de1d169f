#include "target_select.h"

#include <cstdint>

#include "hwy/targets.h"
#include "pixconv/convert.h"
#include "text.h"

namespace pixconv::cli {

bool SelectTarget(const std::string& name, UsageError* error) {
  for (const int64_t target : hwy::SupportedAndGeneratedTargets()) {
    if (EqualsIgnoreCase(hwy::TargetName(target), name)) {
      hwy::SetSupportedTargetsForTest(target);
      return true;
    }
  }
  *error = UsageError{"SIMD target '" + name + "' is not available here",
                      "this build and CPU support: " + SupportedTargetNames()};
  return false;
}

}  // namespace pixconv::cli
