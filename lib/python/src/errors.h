// pixconv's errors as Python exceptions: a failed Status raises ValueError with the library's
// message ("buffer too small: NV12 1920x1080 needs ..."); misuse of the Python API raises
// TypeError or ValueError from the binding itself.
#pragma once

#include <pybind11/pybind11.h>

#include <string>

#include "pixconv/status.h"

namespace pixconv::python {

inline void ThrowIfError(const Status& status) {
  if (!status.ok()) throw pybind11::value_error(status.ToString());
}

}  // namespace pixconv::python
