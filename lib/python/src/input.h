// Python objects -> validated ImageViews.
//
// NumPy arrays: the datatype comes from the dtype, the color model from the shape unless given.
// Rows may be any positive stride apart (they go to the library as the row stride); a layout a
// row stride cannot describe (pixels or channels not adjacent, negative strides) is copied once
// into a C-contiguous array. Byte buffers (YUV and Rerun images) are read as they are.
#pragma once

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <array>
#include <cstddef>

#include "pixconv/layout.h"

namespace pixconv::python {

// An image over a NumPy array. `array` keeps the memory alive: the caller's array, or the copy.
struct ArrayImage {
  pybind11::array array;
  ImageView view;
};

// `color_model`: None (L for (H, W) and (H, W, 1), RGB for (H, W, 3), RGBA for (H, W, 4)) or a
// name whose channel count matches the shape. TypeError for dtypes pixconv has no datatype for
// (bool, complex, object, ...) and for non-native byte order.
ArrayImage ImageFromArray(pybind11::handle object, pybind11::handle color_model);

// A contiguous byte buffer borrowed through the buffer protocol for the lifetime of this object.
// A non-contiguous NumPy array is copied into a contiguous one first.
class ByteBuffer {
 public:
  explicit ByteBuffer(pybind11::handle object, const char* what);
  ~ByteBuffer();
  ByteBuffer(const ByteBuffer&) = delete;
  ByteBuffer& operator=(const ByteBuffer&) = delete;

  const void* data() const { return buffer_.buf; }
  size_t size() const { return static_cast<size_t>(buffer_.len); }

 private:
  pybind11::object owner_;  // the object read (or its contiguous copy)
  Py_buffer buffer_{};
};

// The datatype of a NumPy dtype; TypeError for non-native byte order and dtypes pixconv has no
// datatype for.
ChannelDatatype DatatypeOf(const pybind11::dtype& dtype);
bool IsNativeByteOrder(const pybind11::dtype& dtype);

// None -> packed; else a sequence of up to 3 non-negative ints (0 = packed), one per plane.
std::array<size_t, kMaxPlanes> PlaneStrides(pybind11::handle strides);

// A width or height argument: an int in [0, 2^32).
uint32_t Dimension(pybind11::handle value, const char* what);

}  // namespace pixconv::python
