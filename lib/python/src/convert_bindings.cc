// convert(), convert_pixel_format() and convert_image(): Python arguments -> ImageView and
// ConvertOptions, then Convert (or ConvertParallel for threads != 1) with the GIL released.
#include "bindings.h"

#include <string>

#include "errors.h"
#include "input.h"
#include "names.h"
#include "options.h"
#include "output.h"
#include "pixconv/parallel.h"

namespace py = pybind11;

namespace pixconv::python {
namespace {

constexpr unsigned kConvertOutput = kOutputKeywords | kThreadKeywords;

std::string TypeName(py::handle value) { return Py_TYPE(value.ptr())->tp_name; }

py::array Run(const ImageView& src, const CallSettings& s) {
  Destination dst = MakeDestination(s.out, src.format.width, src.format.height, s.options.to);
  Status status;
  {
    py::gil_scoped_release release;
    status = s.threads == 1 ? Convert(src, dst.view, s.options)
                            : ConvertParallel(src, dst.view, s.options, s.threads);
  }
  ThrowIfError(status);
  return std::move(dst.array);
}

// A Rerun enum given as its number or a name of `table`.
template <typename Enum>
Enum RerunEnum(py::handle value, NameTable<Enum> table, const char* what) {
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
    const long long v = value.cast<long long>();
    const auto e = static_cast<Enum>(v);
    if (v < 0 || v > 255 || !IsKnown(e)) {
      throw py::value_error(std::to_string(v) + " is not a Rerun " + what + " number");
    }
    return e;
  }
  if (!py::isinstance<py::str>(value)) {
    throw py::type_error(std::string(what) + " must be a str or a Rerun number, not " +
                         TypeName(value));
  }
  const std::string name = value.cast<std::string>();
  if (auto e = Lookup(table, name)) return *e;
  throw py::value_error("unknown " + std::string(what) + " '" + name + "'; choose " +
                        Choices(table));
}

// Rerun's number, a name ("u16") or anything numpy.dtype() accepts (numpy.uint16, "float32").
ChannelDatatype DatatypeArgument(py::handle value) {
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
    return RerunEnum<ChannelDatatype>(value, kDatatypes, "datatype");
  }
  if (py::isinstance<py::str>(value)) {
    if (auto t = Lookup<ChannelDatatype>(kDatatypes, value.cast<std::string>())) return *t;
  }
  return DatatypeOf(py::dtype::from_args(py::reinterpret_borrow<py::object>(value)));
}

py::array ConvertArray(py::handle array, const py::kwargs& kwargs) {
  CallSettings s;
  ParseKeywords(kwargs, kConvertOutput | kColorKeywords | kColorModelKeyword, "convert", &s);
  const ArrayImage image = ImageFromArray(array, s.color_model);
  return Run(image.view, s);
}

py::array ConvertPixelFormat(py::handle buffer, py::handle width, py::handle height,
                             py::handle pixel_format, const py::kwargs& kwargs) {
  CallSettings s;
  ParseKeywords(kwargs, kConvertOutput | kYuvKeywords | kStrideKeywords, "convert_pixel_format",
                &s);
  const ImageFormat format = ImageFormat::Pixel(
      Dimension(width, "width"), Dimension(height, "height"),
      RerunEnum<PixelFormat>(pixel_format, kPixelFormats, "pixel_format"));
  const ByteBuffer bytes(buffer, "buffer");
  Result<ImageView> view = MakeImageView(format, bytes.data(), bytes.size(), PlaneStrides(s.strides));
  ThrowIfError(view.status());
  return Run(*view, s);
}

py::array ConvertImage(py::handle buffer, py::handle width, py::handle height,
                       py::handle pixel_format, py::handle color_model, py::handle datatype,
                       const py::kwargs& kwargs) {
  CallSettings s;
  ParseKeywords(kwargs, kConvertOutput | kColorKeywords | kYuvKeywords | kStrideKeywords,
                "convert_image", &s);
  ImageFormat format;
  format.width = Dimension(width, "width");
  format.height = Dimension(height, "height");
  if (!pixel_format.is_none()) {
    format.pixel_format = RerunEnum<PixelFormat>(pixel_format, kPixelFormats, "pixel_format");
  }
  if (!color_model.is_none()) {
    format.color_model = RerunEnum<ColorModel>(color_model, kColorModels, "color_model");
  }
  if (!datatype.is_none()) format.datatype = DatatypeArgument(datatype);
  const ByteBuffer bytes(buffer, "buffer");
  Result<ImageView> view = MakeImageView(format, bytes.data(), bytes.size(), PlaneStrides(s.strides));
  ThrowIfError(view.status());
  return Run(*view, s);
}

}  // namespace

void RegisterConvert(py::module_& m) {
  m.def("convert", &ConvertArray, py::arg("array"), py::doc(R"doc(
Converts a NumPy image to display-ready RGBA (lib/README.md section 3).

The datatype comes from the dtype (uint8 ... uint64, int8 ... int64, float16/32/64), the
color model from the shape ((H, W) or (H, W, 1): L, (H, W, 3): RGB, (H, W, 4): RGBA) unless
color_model='bgr' / 'bgra' / ... says otherwise.

Keywords: to ('rgba8' | 'rgbaf32'), range ('auto' | 'datatype' | 'depth' | (lo, hi)),
input_transfer ('srgb' | 'linear' | 'auto'), output_transfer ('default' | 'srgb' | 'linear'),
premultiply (bool), order ('rgba' | 'bgra'), colormap (None | 'turbo' | 'viridis' | ...),
segmentation (bool), class_colors ({id: (r, g, b[, a])} or an (N, 3|4) array; implies
segmentation), clamp (True; False keeps rgbaf32 values outside [0, 1]), threads (1; 0 = all
cores), out (an (H, W, 4) uint8 / float32 array to fill).

Returns a new (H, W, 4) uint8 (rgba8) or float32 (rgbaf32) array, or `out`. Rows of any
positive stride are read in place; other layouts are copied once. The GIL is released while
converting. Raises ValueError with the library's message for invalid input.
)doc"));
  m.def("convert_pixel_format", &ConvertPixelFormat, py::arg("buffer"), py::arg("width"),
        py::arg("height"), py::arg("pixel_format"), py::doc(R"doc(
Converts a YUV buffer (a Rerun pixel format) to RGBA.

pixel_format: a Rerun number or name ('nv12', 'yuy2', 'i420', 'i420f', 'i422', 'i444', 'y8',
'Y_U_V12_LimitedRange', ...). buffer: any contiguous bytes-like object holding the planes one
after another. Keywords: matrix (None | 'bt601' | 'bt709' | 'bt2020'), yuv_range (None |
'limited' | 'full'), chroma ('nearest' | 'bilinear'), strides (row stride of each plane in
bytes), and to, order, premultiply, clamp, output_transfer, threads, out as in convert().
)doc"));
  m.def("convert_image", &ConvertImage, py::arg("buffer"), py::arg("width"), py::arg("height"),
        py::arg("pixel_format") = py::none(), py::arg("color_model") = py::none(),
        py::arg("datatype") = py::none(), py::doc(R"doc(
Converts the fields of a Rerun Image: its buffer, width, height and the pixel_format,
color_model and datatype numbers Rerun stores (names and NumPy dtypes are accepted too).
As in Rerun, a pixel_format wins over color_model and datatype, which default to L and U8.
Takes every keyword of convert() and convert_pixel_format().
)doc"));
}

}  // namespace pixconv::python
