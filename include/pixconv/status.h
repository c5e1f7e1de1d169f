// Errors as values: every fallible pixconv call returns a Status or a Result<T>.
// Nothing in pixconv throws, aborts or prints; a failure names its cause in the message
// ("NV12 1920x1080 needs 3110400 bytes, buffer has 3110000").
#pragma once

#include <string>
#include <utility>

#include "pixconv/export.h"

namespace pixconv {

enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 1,   // an option or argument that makes no sense (e.g. an empty range)
  kUnknownEnum = 2,       // a datatype / color model / pixel format value Rerun does not define
  kBadDimensions = 3,     // zero width or height, or above kMaxDimension
  kSizeOverflow = 4,      // size arithmetic would overflow size_t
  kBufferTooSmall = 5,    // a source plane or destination is shorter than the layout needs
  kBadStride = 6,         // a row stride shorter than the packed row
  kMismatch = 7,          // an image does not match the converter it is run through
  kUnsupported = 8,       // valid input that pixconv does not handle (e.g. 12-bit JPEG)
  kCorruptData = 9,       // an encoded file that is truncated or malformed
  kLimitExceeded = 10,    // above a caller-set limit (decompression-bomb guard)
  // 11 is reserved: the C ABI's PIXCONV_ERROR_IO ("i/o error"). The library reads and writes
  // no files, so no C++ call returns it; the pixconv CLI uses it for its file errors.
};

// A short, stable, lower-case name of a code ("buffer too small"); "i/o error" for the
// reserved 11, "unknown status" for other values outside the enum.
PIXCONV_EXPORT const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "buffer too small: NV12 1920x1080 needs ..." (or "ok").
  PIXCONV_EXPORT std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none. T must be default-constructible.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const T& value() const& { return value_; }
  T& value() & { return value_; }
  T&& value() && { return std::move(value_); }
  const T& operator*() const& { return value_; }
  const T* operator->() const { return &value_; }
  T* operator->() { return &value_; }

 private:
  T value_{};
  Status status_;
};

}  // namespace pixconv

// Propagates a failed Status from an expression that yields a Status.
#define PIXCONV_RETURN_IF_ERROR(expr)            \
  do {                                           \
    ::pixconv::Status pixconv_status_ = (expr);  \
    if (!pixconv_status_.ok()) return pixconv_status_; \
  } while (0)
