#include "pixconv/status.h"

namespace pixconv {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kUnknownEnum: return "unknown enum value";
    case StatusCode::kBadDimensions: return "bad dimensions";
    case StatusCode::kSizeOverflow: return "size overflow";
    case StatusCode::kBufferTooSmall: return "buffer too small";
    case StatusCode::kBadStride: return "bad stride";
    case StatusCode::kMismatch: return "mismatch";
    case StatusCode::kUnsupported: return "unsupported";
    case StatusCode::kCorruptData: return "corrupt data";
    case StatusCode::kLimitExceeded: return "limit exceeded";
  }
  // The C ABI's PIXCONV_ERROR_IO, reserved in StatusCode (status.h).
  if (static_cast<int>(code) == 11) return "i/o error";
  return "unknown status";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

}  // namespace pixconv
