// Runs a test body once per SIMD target that this build compiled and this CPU supports,
// including the portable EMU128 one, with runtime dispatch pinned to that target.
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"

namespace pixconv::test {

// Highway's list for this translation unit, plus AVX3_DL where the CPU has it: the library
// builds that target for its sample-table kernels alone (lib/convert/sample_table_rows.cc),
// which this file's list, built without HWY_WANT_AVX3_DL, does not name.
inline std::vector<int64_t> Targets() {
  std::vector<int64_t> targets = hwy::SupportedAndGeneratedTargets();
  const bool has_avx3 = std::find(targets.begin(), targets.end(), int64_t{HWY_AVX3}) != targets.end();
  if (has_avx3 && (hwy::SupportedTargets() & HWY_AVX3_DL) != 0 &&
      std::find(targets.begin(), targets.end(), int64_t{HWY_AVX3_DL}) == targets.end()) {
    targets.insert(targets.begin(), HWY_AVX3_DL);
  }
  return targets;
}

inline std::string TargetList() {
  std::string s;
  for (int64_t t : Targets()) {
    if (!s.empty()) s += ", ";
    s += hwy::TargetName(t);
  }
  return s;
}

// Pins dispatch to one target for the lifetime of the object. AVX3_DL comes with AVX3, as on
// a CPU that has both: the files built without AVX3_DL then run AVX3, not the portable code.
class ScopedTarget {
 public:
  explicit ScopedTarget(int64_t target) {
    hwy::SetSupportedTargetsForTest(target == HWY_AVX3_DL ? (HWY_AVX3_DL | HWY_AVX3) : target);
  }
  ~ScopedTarget() { hwy::SetSupportedTargetsForTest(0); }
  ScopedTarget(const ScopedTarget&) = delete;
  ScopedTarget& operator=(const ScopedTarget&) = delete;
};

// The target that kernels built without AVX3_DL (all but the sample tables) run while `pinned`
// (a name from Targets()) is pinned: AVX3 for AVX3_DL, else `pinned` itself.
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
