// --target: pins the SIMD target that runtime dispatch uses, to compare targets or to check
// a result on the portable one (SCALAR or EMU128, by Highway version).
#pragma once

#include <string>

#include "args.h"

namespace pixconv::cli {

// Restricts dispatch to the target named `name` (case-insensitive, e.g. "avx2", "emu128").
// Fails with a usage error naming the available targets when this build or CPU lacks it.
bool SelectTarget(const std::string& name, UsageError* error);

}  // namespace pixconv::cli
