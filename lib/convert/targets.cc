// Which SIMD targets this build compiled and this CPU supports, and which one runtime dispatch
// picks: for the CLI, the benchmarks and test logs.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/targets.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <string>

#include "hwy/highway.h"
#include "pixconv/convert.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

const char* ThisTargetName() { return hwy::TargetName(HWY_TARGET); }

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv {

HWY_EXPORT(ThisTargetName);

const char* BestTargetName() { return HWY_DYNAMIC_DISPATCH(ThisTargetName)(); }

std::string SupportedTargetNames() {
  std::string names;
  for (int64_t target : hwy::SupportedAndGeneratedTargets()) {
    if (!names.empty()) names += ", ";
    names += hwy::TargetName(target);
  }
  return names;
}

}  // namespace pixconv
#endif  // HWY_ONCE
