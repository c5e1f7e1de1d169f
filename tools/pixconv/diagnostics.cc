#include "diagnostics.h"

#include <cstdio>
#include <string>

namespace pixconv::cli {

int ReportError(std::string_view message) {
  std::fprintf(stderr, "pixconv: error: %.*s\n", static_cast<int>(message.size()), message.data());
  return kExitError;
}

int ReportError(const Status& status) { return ReportError(status.message()); }

int ReportUsageError(const UsageError& error) {
  std::fprintf(stderr, "pixconv: usage error: %s\n", error.message.c_str());
  if (!error.hint.empty()) std::fprintf(stderr, "hint: %s\n", error.hint.c_str());
  return kExitUsage;
}

void Warn(std::string_view message) {
  std::fprintf(stderr, "pixconv: warning: %.*s\n", static_cast<int>(message.size()),
               message.data());
}

}  // namespace pixconv::cli
