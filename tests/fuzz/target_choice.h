// Pins Highway's runtime dispatch to one SIMD target chosen by the input, so that every
// target's kernels get fuzzed on a machine that would otherwise only ever run its best one.
#pragma once

#include <cstdint>

namespace pixconv::fuzz {

class ScopedTargetChoice {
 public:
  // choice % (number of targets + 1): one of the targets this build compiled and this CPU
  // supports, best first, or (the last value) runtime dispatch's own pick.
  explicit ScopedTargetChoice(uint8_t choice);
  ~ScopedTargetChoice();
  ScopedTargetChoice(const ScopedTargetChoice&) = delete;
  ScopedTargetChoice& operator=(const ScopedTargetChoice&) = delete;

 private:
  bool pinned_ = false;
};

}  // namespace pixconv::fuzz
