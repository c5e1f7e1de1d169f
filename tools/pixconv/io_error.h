// The CLI's one failure beyond the library's: a file that cannot be read or written. The
// library touches no files, so its StatusCode has no such code; the CLI's takes the number
// the C ABI reserves for it (PIXCONV_ERROR_IO), which StatusCodeName calls "i/o error".
#pragma once

#include "pixconv/status.h"

namespace pixconv::cli {

inline constexpr StatusCode kIoError = static_cast<StatusCode>(11);

}  // namespace pixconv::cli
