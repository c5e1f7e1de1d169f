// decode() and read_info(): JPEG / PNG bytes -> the model image as a NumPy array, or straight to
// RGBA; the codecs run with the GIL released.
#include <string>

#include "bindings.h"
#include "errors.h"
#include "input.h"
#include "names.h"
#include "options.h"
#include "output.h"
#include "pixconv/decode.h"

namespace py = pybind11;

namespace pixconv::python {
namespace {

Result<ImageInfo> Info(const ByteBuffer& bytes, const DecodeOptions& options) {
  py::gil_scoped_release release;
  return ReadImageInfo(bytes.data(), bytes.size(), options);
}

// The decoded image in the model: (H, W) for L, (H, W, 3) RGB, (H, W, 4) RGBA; uint8 or uint16.
py::array DecodeModel(const ByteBuffer& bytes, const ImageFormat& f, const DecodeOptions& options) {
  const py::ssize_t h = f.height;
  const py::ssize_t w = f.width;
  const py::ssize_t c = ChannelCount(f.color_model);
  std::vector<py::ssize_t> shape = {h, w};
  if (c > 1) shape.push_back(c);
  py::array a = f.datatype == ChannelDatatype::U16 ? py::array(py::dtype::of<uint16_t>(), shape)
                                                   : py::array(py::dtype::of<uint8_t>(), shape);
  const OutputView dst{a.mutable_data(), static_cast<size_t>(a.nbytes()), 0};
  Status status;
  {
    py::gil_scoped_release release;
    status = DecodeInto(bytes.data(), bytes.size(), dst, options);
  }
  ThrowIfError(status);
  return a;
}

py::array DecodeImage(py::handle data, const py::kwargs& kwargs) {
  CallSettings s;
  ParseKeywords(kwargs, kOutputKeywords | kColorKeywords | kDecodeKeywords, "decode", &s);
  const ByteBuffer bytes(data, "data");
  Result<ImageInfo> info = Info(bytes, s.decode);
  ThrowIfError(info.status());
  const ImageFormat& f = info->format;
  if (!s.converts) return DecodeModel(bytes, f, s.decode);
  Destination dst = MakeDestination(s.out, f.width, f.height, s.options.to);
  Status status;
  {
    py::gil_scoped_release release;
    status = DecodeAndConvertInto(bytes.data(), bytes.size(), dst.view, s.options, s.decode);
  }
  ThrowIfError(status);
  return std::move(dst.array);
}

// (codec, width, height, color_model, dtype, bit_depth); __init__.py makes it an ImageInfo.
py::tuple ReadInfo(py::handle data, const py::kwargs& kwargs) {
  CallSettings s;
  ParseKeywords(kwargs, kDecodeKeywords, "read_info", &s);
  const ByteBuffer bytes(data, "data");
  Result<ImageInfo> info = Info(bytes, s.decode);
  ThrowIfError(info.status());
  const ImageFormat& f = info->format;
  const py::dtype dtype = f.datatype == ChannelDatatype::U16 ? py::dtype::of<uint16_t>()
                                                             : py::dtype::of<uint8_t>();
  return py::make_tuple(std::string(NameOf<Codec>(kCodecs, info->codec)), f.width, f.height,
                        std::string(NameOf<ColorModel>(kColorModels, f.color_model)), dtype,
                        info->bit_depth);
}

}  // namespace

void RegisterDecode(py::module_& m) {
  m.def("decode", &DecodeImage, py::arg("data"), py::doc(R"doc(
Decodes a JPEG or PNG (detected from its first bytes).

decode(data) returns the image in the model: an (H, W) array for L, (H, W, 3) for RGB,
(H, W, 4) for RGBA, with dtype uint8 or uint16 (16-bit PNGs). Any conversion keyword of
convert() (to, range, order, out, ...) decodes straight to an (H, W, 4) RGBA array instead.
Without range=, that maps the file's datatype range (a 16-bit PNG's white is 65535, as the
format defines); range="auto" stretches the image's own min..max as convert() does. max_pixels and max_jpeg_scans bound the work a file may ask for. Raises ValueError for
corrupt, truncated or unsupported data.
)doc"));
  m.def("_read_info", &ReadInfo, py::arg("data"));
}

}  // namespace pixconv::python
