// Runs a test body once per SIMD target that this build compiled and this CPU supports,
// including the portable one (EMU128, or SCALAR with GCC before 12.3), with runtime dispatch
// pinned to that target.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "hwy/targets.h"
#include "support/target_list.h"

namespace pixconv::test {

// Pins dispatch to one target for the lifetime of the object.
class ScopedTarget {
 public:
  explicit ScopedTarget(int64_t target) { hwy::SetSupportedTargetsForTest(PinMask(target)); }
  ~ScopedTarget() { hwy::SetSupportedTargetsForTest(0); }
  ScopedTarget(const ScopedTarget&) = delete;
  ScopedTarget& operator=(const ScopedTarget&) = delete;
};

// The target that kernels built without AVX3_DL (all but the sample tables and the fixed-point
// YUV rows: tests/yuv's YuvTargetName) run while `pinned` (a name from Targets()) is pinned:
// AVX3 for AVX3_DL, else `pinned` itself.
inline std::string CommonTargetName(const char* pinned) {
  return std::string(pinned) == hwy::TargetName(HWY_AVX3_DL) ? hwy::TargetName(HWY_AVX3) : pinned;
}

// for_each_target([&](const char* name) { ... });  -- CAPTUREs the target name for failures.
template <typename Fn>
void ForEachTarget(Fn&& fn) {
  for (int64_t t : Targets()) {
    ScopedTarget scoped(t);
    const char* name = hwy::TargetName(t);
    const std::string target_name(name);  // CAPTURE of a const char* would log the pointer.
    CAPTURE(target_name);
    fn(name);
  }
}

}  // namespace pixconv::test
