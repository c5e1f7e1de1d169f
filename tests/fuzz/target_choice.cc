#include "target_choice.h"

#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"
#include "support/target_list.h"

namespace pixconv::fuzz {
namespace {

// Computed on first use, before any pin: SupportedAndGeneratedTargets honours a pin in force.
// The tests' list: it names AVX3_DL too, which only the sample-table and fixed-point YUV
// kernels build.
const std::vector<int64_t>& Targets() {
  static const std::vector<int64_t> targets = test::Targets();
  return targets;
}

}  // namespace

ScopedTargetChoice::ScopedTargetChoice(uint8_t choice) {
  const std::vector<int64_t>& targets = Targets();
  const size_t index = choice % (targets.size() + 1);
  if (index < targets.size()) {
    hwy::SetSupportedTargetsForTest(test::PinMask(targets[index]));
    pinned_ = true;
  }
}

ScopedTargetChoice::~ScopedTargetChoice() {
  if (pinned_) hwy::SetSupportedTargetsForTest(0);
}

}  // namespace pixconv::fuzz
