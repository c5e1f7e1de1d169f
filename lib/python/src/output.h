// The destination of a conversion: a new (H, W, 4) array, or the caller's out= array after
// checking that the library can write it (dtype, shape, writable, rows any stride apart).
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>

#include "pixconv/convert.h"

namespace pixconv::python {

struct Destination {
  pybind11::array array;  // what the call returns
  OutputView view;
};

// `out`: None (allocate uint8 or float32 (height, width, 4)) or an array of that dtype and
// shape whose pixels and channels are packed; its row stride goes to the library. ValueError
// or TypeError otherwise.
Destination MakeDestination(pybind11::handle out, uint32_t width, uint32_t height, OutputType to);

}  // namespace pixconv::python
