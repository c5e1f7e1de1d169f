// Destination arrays (output.h).
#include "output.h"

#include <string>

#include "input.h"

namespace py = pybind11;

namespace pixconv::python {
namespace {

std::string Shape(const py::array& a) { return std::string(py::str(a.attr("shape"))); }

}  // namespace

Destination MakeDestination(py::handle out, uint32_t width, uint32_t height, OutputType to) {
  const py::ssize_t h = height;
  const py::ssize_t w = width;
  const bool f32 = to == OutputType::RGBAF32;
  if (out.is_none()) {
    py::array a = f32 ? py::array(py::array_t<float>({h, w, py::ssize_t{4}}))
                      : py::array(py::array_t<uint8_t>({h, w, py::ssize_t{4}}));
    OutputView view{a.mutable_data(), static_cast<size_t>(a.nbytes()), 0};
    return Destination{std::move(a), view};
  }
  if (!py::isinstance<py::array>(out)) {
    throw py::type_error(std::string("out must be a NumPy array, not ") + Py_TYPE(out.ptr())->tp_name);
  }
  auto a = py::reinterpret_borrow<py::array>(out);
  const char kind = a.dtype().kind();
  const bool dtype_ok = IsNativeByteOrder(a.dtype()) && a.itemsize() == (f32 ? 4 : 1) &&
                        kind == (f32 ? 'f' : 'u');
  if (!dtype_ok) {
    throw py::type_error(std::string("out must have dtype ") + (f32 ? "float32" : "uint8") +
                         " for to='" + (f32 ? "rgbaf32" : "rgba8") + "', not " +
                         std::string(py::str(py::handle(a.dtype()))));
  }
  if (a.ndim() != 3 || a.shape(0) != h || a.shape(1) != w || a.shape(2) != 4) {
    throw py::value_error("out must have shape (" + std::to_string(h) + ", " + std::to_string(w) +
                          ", 4), not " + Shape(a));
  }
  if (!a.writeable()) throw py::value_error("out is read-only");
  const py::ssize_t item = a.itemsize();
  const py::ssize_t row_bytes = w * 4 * item;
  const bool packed_pixels = a.strides(2) == item && (w == 1 || a.strides(1) == 4 * item);
  const bool rows_forward = h == 1 || a.strides(0) >= row_bytes;
  if (!packed_pixels || !rows_forward) {
    throw py::value_error("out must have adjacent pixels and channels and rows in order "
                          "(strides (S, " + std::to_string(4 * item) + ", " + std::to_string(item) +
                          ") with S >= " + std::to_string(row_bytes) + "), not " +
                          std::string(py::str(a.attr("strides"))));
  }
  const size_t stride = static_cast<size_t>(h == 1 ? row_bytes : a.strides(0));
  const size_t size = stride * static_cast<size_t>(h - 1) + static_cast<size_t>(row_bytes);
  OutputView view{a.mutable_data(), size, stride};
  return Destination{std::move(a), view};
}

}  // namespace pixconv::python
