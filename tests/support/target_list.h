// The SIMD targets the tests and fuzzers pin, one at a time: those this build compiled and
// this CPU supports, including the portable one. No doctest here, so the fuzzers use it too.
#pragma once

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
  auto listed = [&](int64_t t) { return std::find(targets.begin(), targets.end(), t) != targets.end(); };
  if (listed(HWY_AVX3) && !listed(HWY_AVX3_DL) && (hwy::SupportedTargets() & HWY_AVX3_DL) != 0) {
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

// The mask that pins dispatch to `target` (from Targets()): AVX3_DL comes with AVX3, as on a
// CPU that has both, so that the files built without AVX3_DL run AVX3, not the portable code.
inline int64_t PinMask(int64_t target) {
  return target == HWY_AVX3_DL ? (HWY_AVX3_DL | HWY_AVX3) : target;
}

}  // namespace pixconv::test
