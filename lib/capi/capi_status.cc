// The C ABI's version query and error reporting (pixconv.h, "Version" and "Status").
#include <string>

#include "capi/capi_internal.h"

namespace pixconv::capi {
namespace {
// One message per thread: a binding reads it right after a failed call on the same thread,
// and no other thread's failure can overwrite it in between.
thread_local std::string last_error;
}  // namespace

const char* LastError() { return last_error.c_str(); }

pixconv_status Report(const Status& status) {
  if (status.ok()) {
    last_error.clear();
  } else {
    last_error = status.ToString();
  }
  return static_cast<pixconv_status>(status.code());
}

Status NullArgument(const char* what) {
  return Status(StatusCode::kInvalidArgument, std::string(what) + " is null");
}

}  // namespace pixconv::capi

extern "C" {

uint32_t pixconv_version(void) { return PIXCONV_VERSION; }

const char* pixconv_version_string(void) { return PIXCONV_VERSION_STRING; }

const char* pixconv_last_error(void) { return pixconv::capi::LastError(); }

const char* pixconv_status_name(pixconv_status status) {
  // StatusCodeName names every code and answers "unknown status" for anything else.
  return pixconv::StatusCodeName(static_cast<pixconv::StatusCode>(status));
}

}  // extern "C"
