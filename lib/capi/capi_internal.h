// Internal: the pieces every C entry point shares — reporting a Status as a code plus the
// thread-local message, keeping exceptions (std::bad_alloc) from crossing into C, and
// translating the C structs into the C++ API's types.
#pragma once

#include <utility>

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/layout.h"
#include "pixconv/pixconv.h"
#include "pixconv/status.h"

namespace pixconv::capi {

// Stores the message of `status` (or "" when ok) for pixconv_last_error and returns its code.
pixconv_status Report(const Status& status);
const char* LastError();

// Runs body() (which returns a Status) and reports its result. An exception — the C++ API
// throws none of its own, but std::string and std::vector may throw std::bad_alloc — becomes
// an error status instead of unwinding into a C caller.
template <typename Body>
pixconv_status Guard(Body&& body) noexcept {
  try {
    return Report(std::forward<Body>(body)());
  } catch (...) {
    return Report(Status(StatusCode::kLimitExceeded, "out of memory or internal error"));
  }
}

// Status(kInvalidArgument, "<what> is null").
Status NullArgument(const char* what);

// The C format as an ImageFormat; kUnknownEnum for values that do not fit the enums' bytes
// (the C++ validation then rejects the values inside the byte that Rerun does not define).
Status ToFormat(const pixconv_image_format& c, ImageFormat* format);

// A validated ImageView over the C image's memory (one buffer or separate planes).
Status ToImageView(const pixconv_image* image, ImageView* view);

// The C options (NULL = defaults), read up to the caller's struct_size.
Status ToConvertOptions(const pixconv_convert_options* c, ConvertOptions* options);
Status ToDecodeOptions(const pixconv_decode_options* c, DecodeOptions* options);

// The C destination; null data is rejected by the calls that write it.
Status ToOutputView(const pixconv_output* output, OutputView* view);

}  // namespace pixconv::capi
