#include "target_choice.h"

#include <vector>

#include "hwy/highway.h"
#include "hwy/targets.h"

namespace pixconv::fuzz {
namespace {

// Computed on first use, before any pin: SupportedAndGeneratedTargets honours a pin in force.
const std::vector<int64_t>& Targets() {
  static const std::vector<int64_t> targets = hwy::SupportedAndGeneratedTargets();
  return targets;
}

}  // namespace

ScopedTargetChoice::ScopedTargetChoice(uint8_t choice) {
  const std::vector<int64_t>& targets = Targets();
  const size_t index = choice % (targets.size() + 1);
  if (index < targets.size()) {
    hwy::SetSupportedTargetsForTest(targets[index]);
    pinned_ = true;
  }
}

ScopedTargetChoice::~ScopedTargetChoice() {
  if (pinned_) hwy::SetSupportedTargetsForTest(0);
}

}  // namespace pixconv::fuzz
