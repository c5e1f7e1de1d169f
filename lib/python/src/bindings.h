// The module's functions, registered by area (module.cc).
#pragma once

#include <pybind11/pybind11.h>

namespace pixconv::python {

void RegisterConvert(pybind11::module_& m);  // convert, convert_pixel_format, convert_image
void RegisterDecode(pybind11::module_& m);   // decode, read_info

}  // namespace pixconv::python
