#include "target_select.h"

#include <strings.h>

#include <cstdint>

#include "hwy/targets.h"
#include "pixconv/convert.h"

namespace pixconv::cli {

bool SelectTarget(const std::string& name, UsageError* error) {
  for (const int64_t target : hwy::SupportedAndGeneratedTargets()) {
    if (strcasecmp(hwy::TargetName(target), name.c_str()) == 0) {
      hwy::SetSupportedTargetsForTest(target);
      return true;
    }
  }
  *error = UsageError{"SIMD target '" + name + "' is not available here",
                      "this build and CPU support: " + SupportedTargetNames()};
  return false;
}

}  // namespace pixconv::cli
