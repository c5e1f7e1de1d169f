// How pixconv reports problems: errors in the input or the environment exit with status 1,
// mistakes in the command line with status 2, both on stderr with a way to fix them.
#pragma once

#include <string_view>

#include "args.h"
#include "pixconv/status.h"

namespace pixconv::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

// Prints "pixconv: error: MESSAGE" and returns kExitError.
int ReportError(std::string_view message);
int ReportError(const Status& status);
// Prints "pixconv: usage error: MESSAGE" and the hint, returns kExitUsage.
int ReportUsageError(const UsageError& error);
// Prints "pixconv: warning: MESSAGE"; the command goes on.
void Warn(std::string_view message);

}  // namespace pixconv::cli
