// The extension module pixconv._pixconv; the package pixconv re-exports it (__init__.py).
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "pixconv/convert.h"

namespace py = pybind11;

PYBIND11_MODULE(_pixconv, m) {
  m.doc() = "pixconv: Rerun's image model to display-ready RGBA, with SIMD kernels.";
  pixconv::python::RegisterConvert(m);
  pixconv::python::RegisterDecode(m);
  m.def("simd_targets", [] { return pixconv::SupportedTargetNames(); },
        "The SIMD targets this build has and this CPU supports, best first.");
  m.def("simd_target", [] { return std::string(pixconv::BestTargetName()); },
        "The SIMD target that runs the kernels.");
}
