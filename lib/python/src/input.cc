// NumPy arrays and byte buffers -> ImageViews (input.h).
#include "input.h"

#include <bit>
#include <string>

#include "errors.h"
#include "names.h"

namespace py = pybind11;

namespace pixconv::python {
namespace {

std::string TypeName(py::handle value) { return Py_TYPE(value.ptr())->tp_name; }

ColorModel ModelOf(const py::array& a, py::handle color_model);

}  // namespace

bool IsNativeByteOrder(const py::dtype& dtype) {
  const char order = dtype.byteorder();
  const bool little = std::endian::native == std::endian::little;
  return !((order == '>' && little) || (order == '<' && !little));
}

ChannelDatatype DatatypeOf(const py::dtype& dtype) {
  if (!IsNativeByteOrder(dtype)) {
    throw py::type_error("pixconv reads samples in native byte order; this array's dtype is " +
                         std::string(py::str(py::handle(dtype))) + " (use arr.astype(arr.dtype.newbyteorder('=')))");
  }
  const char kind = dtype.kind();
  const auto size = dtype.itemsize();
  if (kind == 'u' || kind == 'i') {
    const bool u = kind == 'u';
    switch (size) {
      case 1: return u ? ChannelDatatype::U8 : ChannelDatatype::I8;
      case 2: return u ? ChannelDatatype::U16 : ChannelDatatype::I16;
      case 4: return u ? ChannelDatatype::U32 : ChannelDatatype::I32;
      case 8: return u ? ChannelDatatype::U64 : ChannelDatatype::I64;
      default: break;
    }
  } else if (kind == 'f') {
    switch (size) {
      case 2: return ChannelDatatype::F16;
      case 4: return ChannelDatatype::F32;
      case 8: return ChannelDatatype::F64;
      default: break;
    }
  }
  throw py::type_error("pixconv has no datatype for dtype " + std::string(py::str(py::handle(dtype))) +
                       "; use uint8/16/32/64, int8/16/32/64, float16, float32 or float64");
}

namespace {

ColorModel ModelOf(const py::array& a, py::handle color_model) {
  const py::ssize_t channels = a.ndim() == 2 ? 1 : a.shape(2);
  if (color_model.is_none()) {
    switch (channels) {
      case 1: return ColorModel::L;
      case 3: return ColorModel::RGB;
      case 4: return ColorModel::RGBA;
      default: break;
    }
    throw py::value_error("an image array has 1, 3 or 4 channels; this one has shape " +
                          std::string(py::str(a.attr("shape"))));
  }
  if (!py::isinstance<py::str>(color_model)) {
    throw py::type_error("color_model must be a str, not " + TypeName(color_model));
  }
  const std::string name = color_model.cast<std::string>();
  const auto model = Lookup<ColorModel>(kColorModels, name);
  if (!model) {
    throw py::value_error("unknown color_model '" + name + "'; choose " +
                          Choices<ColorModel>(kColorModels));
  }
  if (ChannelCount(*model) != channels) {
    throw py::value_error("color_model '" + name + "' has " +
                          std::to_string(ChannelCount(*model)) + " channels; the array has shape " +
                          std::string(py::str(a.attr("shape"))));
  }
  return *model;
}

}  // namespace

ArrayImage ImageFromArray(py::handle object, py::handle color_model) {
  py::array a = py::isinstance<py::array>(object) ? py::reinterpret_borrow<py::array>(object)
                                                   : py::array::ensure(object);
  if (!a) {
    PyErr_Clear();
    throw py::type_error("convert() takes a NumPy array, not " + TypeName(object));
  }
  if (a.ndim() != 2 && a.ndim() != 3) {
    throw py::value_error("an image array is (H, W) or (H, W, C); this one has shape " +
                          std::string(py::str(a.attr("shape"))));
  }
  const ChannelDatatype datatype = DatatypeOf(a.dtype());
  const ColorModel model = ModelOf(a, color_model);
  const py::ssize_t height = a.shape(0);
  const py::ssize_t width = a.shape(1);
  if (height <= 0 || width <= 0 || height > py::ssize_t{kMaxDimension} ||
      width > py::ssize_t{kMaxDimension}) {
    throw py::value_error("an image needs 1 to 2^24 rows and columns; this one has shape " +
                          std::string(py::str(a.attr("shape"))));
  }
  const py::ssize_t item = a.itemsize();
  const py::ssize_t channels = ChannelCount(model);
  // Row strides go to the library as they are; anything else is copied once.
  const bool channels_adjacent = channels == 1 || a.strides(2) == item;
  const bool pixels_adjacent = width == 1 || a.strides(1) == channels * item;
  const bool rows_forward = height == 1 || a.strides(0) >= width * channels * item;
  if (!(channels_adjacent && pixels_adjacent && rows_forward)) {
    a = py::array::ensure(a, py::array::c_style);
    if (!a) throw py::error_already_set();
  }
  const size_t row_bytes = static_cast<size_t>(width * channels * item);
  const size_t stride = height == 1 ? row_bytes : static_cast<size_t>(a.strides(0));
  const size_t size = stride * static_cast<size_t>(height - 1) + row_bytes;
  const ImageFormat format = ImageFormat::Color(static_cast<uint32_t>(width),
                                                static_cast<uint32_t>(height), model, datatype);
  Result<ImageView> view = MakeImageView(format, a.data(), size, {stride, 0, 0});
  ThrowIfError(view.status());
  return ArrayImage{std::move(a), *view};
}

ByteBuffer::ByteBuffer(py::handle object, const char* what) {
  owner_ = py::reinterpret_borrow<py::object>(object);
  if (py::isinstance<py::array>(object) &&
      (py::reinterpret_borrow<py::array>(object).flags() & py::array::c_style) == 0) {
    owner_ = py::array::ensure(object, py::array::c_style);
    if (!owner_) throw py::error_already_set();
  }
  if (PyObject_GetBuffer(owner_.ptr(), &buffer_, PyBUF_SIMPLE) != 0) {
    PyErr_Clear();
    throw py::type_error(std::string(what) + " must be a contiguous bytes-like object " +
                         "(bytes, bytearray, memoryview, NumPy array), not " + TypeName(object));
  }
}

ByteBuffer::~ByteBuffer() { PyBuffer_Release(&buffer_); }

std::array<size_t, kMaxPlanes> PlaneStrides(py::handle strides) {
  std::array<size_t, kMaxPlanes> result{};
  if (strides.is_none()) return result;
  if (!py::isinstance<py::sequence>(strides) || py::len(strides) > kMaxPlanes) {
    throw py::type_error("strides must be a sequence of up to 3 ints (bytes between rows, "
                         "one per plane), not " + TypeName(strides));
  }
  const auto seq = py::reinterpret_borrow<py::sequence>(strides);
  for (size_t p = 0; p < seq.size(); ++p) {
    const py::object s = seq[p];
    if (!py::isinstance<py::int_>(s) || s.cast<long long>() < 0) {
      throw py::value_error("strides must be non-negative ints, got " + std::string(py::repr(s)));
    }
    result[p] = s.cast<size_t>();
  }
  return result;
}

uint32_t Dimension(py::handle value, const char* what) {
  if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value)) {
    throw py::type_error(std::string(what) + " must be an int, not " + TypeName(value));
  }
  const long long v = value.cast<long long>();
  if (v < 0 || v > 0xffffffffLL) {
    throw py::value_error(std::string(what) + " must be in [0, 2^32), got " + std::to_string(v));
  }
  return static_cast<uint32_t>(v);
}

}  // namespace pixconv::python
