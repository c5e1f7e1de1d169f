// Runs a test body once per SIMD target that this build compiled and this CPU supports,
// including the portable EMU128 one, with runtime dispatch pinned to that target.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"

namespace pixconv::test {

inline std::vector<int64_t> Targets() { return hwy::SupportedAndGeneratedTargets(); }

inline std::string TargetList() {
  std::string s;
  for (int64_t t : Targets()) {
    if (!s.empty()) s += ", ";
    s += hwy::TargetName(t);
  }
  return s;
}

// Pins dispatch to one target for the lifetime of the object.
class ScopedTarget {
 public:
  explicit ScopedTarget(int64_t target) { hwy::SetSupportedTargetsForTest(target); }
  ~ScopedTarget() { hwy::SetSupportedTargetsForTest(0); }
  ScopedTarget(const ScopedTarget&) = delete;
  ScopedTarget& operator=(const ScopedTarget&) = delete;
};

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
