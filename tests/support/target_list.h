// The SIMD targets the tests and fuzzers pin, one at a time: those this build compiled and
// this CPU supports, including the portable one. No doctest here, so the fuzzers use it too.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"

namespace pixconv::test {

// Highway's list for this translation unit, plus AVX3_DL where the CPU has it: the library builds
// that target for its sample-table and fixed-point YUV kernels alone
// (lib/convert/sample_table_rows.cc, yuv_rows_fixed.cc), which this file's list, built without
// HWY_WANT_AVX3_DL, does not name. The environment variable PIXCONV_TEST_TARGETS (names separated
// by commas, e.g. "SVE_256") keeps only the targets it names, so that one emulated CPU can run only
// the targets no other one covers; a name that matches nothing leaves the list empty, and the suite
// says so.
inline std::vector<int64_t> Targets() {
  std::vector<int64_t> targets = hwy::SupportedAndGeneratedTargets();
  auto listed = [&](int64_t t) { return std::find(targets.begin(), targets.end(), t) != targets.end(); };
  if (listed(HWY_AVX3) && !listed(HWY_AVX3_DL) && (hwy::SupportedTargets() & HWY_AVX3_DL) != 0) {
    targets.insert(targets.begin(), HWY_AVX3_DL);
  }
  if (const char* only = std::getenv("PIXCONV_TEST_TARGETS"); only != nullptr && *only != '\0') {
    const std::string names = std::string(",") + only + ",";
    targets.erase(std::remove_if(targets.begin(), targets.end(),
                                 [&](int64_t t) {
                                   const std::string name = std::string(",") + hwy::TargetName(t) + ",";
                                   return names.find(name) == std::string::npos;
                                 }),
                  targets.end());
  }
  return targets;
}

// True when the suite runs under an emulator (PIXCONV_TEST_EMULATED=1, set by
// tools/check-aarch64): the heaviest sweeps then sample their inputs, and say what they sampled.
inline bool Emulated() {
  const char* e = std::getenv("PIXCONV_TEST_EMULATED");
  return e != nullptr && std::string(e) == "1";
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
