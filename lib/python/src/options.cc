// Keyword arguments -> CallSettings (options.h).
#include "options.h"

#include <pybind11/numpy.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "names.h"

namespace py = pybind11;

namespace pixconv::python {
namespace {

std::string TypeName(py::handle value) { return Py_TYPE(value.ptr())->tp_name; }

// `value` as a name of `table`: TypeError for a non-string, ValueError for an unknown name.
template <typename Enum>
Enum NamedValue(py::handle value, NameTable<Enum> table, const char* keyword) {
  if (!py::isinstance<py::str>(value)) {
    throw py::type_error(std::string(keyword) + " must be a str, not " + TypeName(value));
  }
  const std::string s = value.cast<std::string>();
  if (auto v = Lookup(table, s)) return *v;
  throw py::value_error("unknown " + std::string(keyword) + " '" + s + "'; choose " +
                        Choices(table));
}

bool Flag(py::handle value, const char* keyword) {
  if (!py::isinstance<py::bool_>(value)) {
    throw py::type_error(std::string(keyword) + " must be True or False, not " + TypeName(value));
  }
  return value.cast<bool>();
}

// A non-negative Python int (bool excluded) at most `max`.
uint64_t Count(py::handle value, const char* keyword, uint64_t max) {
  if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value)) {
    throw py::type_error(std::string(keyword) + " must be an int, not " + TypeName(value));
  }
  const long long v = value.cast<long long>();
  if (v < 0 || static_cast<unsigned long long>(v) > max) {
    throw py::value_error(std::string(keyword) + " must be in [0, " + std::to_string(max) +
                          "], got " + std::to_string(v));
  }
  return static_cast<uint64_t>(v);
}

double Number(py::handle value, const char* what) {
  if (py::isinstance<py::bool_>(value) || PyNumber_Check(value.ptr()) == 0 ||
      py::isinstance<py::str>(value)) {
    throw py::type_error(std::string(what) + " must be a number, not " + TypeName(value));
  }
  return py::float_(py::reinterpret_borrow<py::object>(value)).cast<double>();
}

// "auto", "datatype", "depth" or (lo, hi).
void ParseRange(py::handle value, ConvertOptions* o) {
  if (py::isinstance<py::str>(value)) {
    o->range = NamedValue<RangeMode>(value, kRangeModes, "range");
    return;
  }
  if (!py::isinstance<py::sequence>(value) || py::len(value) != 2) {
    throw py::type_error("range must be 'auto', 'datatype', 'depth' or a (lo, hi) pair, not " +
                         TypeName(value));
  }
  const auto pair = py::reinterpret_borrow<py::sequence>(value);
  o->range = RangeMode::Explicit;
  o->range_lo = Number(pair[0], "range lo");
  o->range_hi = Number(pair[1], "range hi");
}

uint8_t ColorComponent(py::handle value) {
  return static_cast<uint8_t>(Count(value, "a class color component", 255));
}

// {id: (r, g, b[, a])}: a dense table up to the largest id; ids between the given ones get
// Rerun's automatic color, as ids past the table do.
std::vector<uint8_t> ClassColorsFromDict(const py::dict& dict) {
  uint64_t count = 0;
  for (auto item : dict) {
    count = std::max(count, Count(item.first, "a class id", kMaxClassColors - 1) + 1);
  }
  std::vector<uint8_t> table(4 * count);
  for (uint64_t id = 0; id < count; ++id) AutoClassColor(static_cast<uint16_t>(id), &table[4 * id]);
  for (auto item : dict) {
    const uint64_t id = item.first.cast<uint64_t>();
    if (!py::isinstance<py::sequence>(item.second) || py::isinstance<py::str>(item.second) ||
        (py::len(item.second) != 3 && py::len(item.second) != 4)) {
      throw py::type_error("class color " + std::to_string(id) +
                           " must be (r, g, b) or (r, g, b, a), not " + TypeName(item.second));
    }
    const auto rgba = py::reinterpret_borrow<py::sequence>(item.second);
    for (size_t c = 0; c < 4; ++c) {
      table[4 * id + c] = c < rgba.size() ? ColorComponent(rgba[c]) : 255;
    }
  }
  return table;
}

// An (N, 3) or (N, 4) array-like of integers in [0, 255]: row i is the color of id i.
std::vector<uint8_t> ClassColorsFromArray(py::handle value) {
  const py::array any = py::array::ensure(value);
  if (!any) {
    PyErr_Clear();
    throw py::type_error("class_colors must be a dict or an (N, 3) / (N, 4) array, not " +
                         TypeName(value));
  }
  const char kind = any.dtype().kind();
  if (any.ndim() != 2 || (any.shape(1) != 3 && any.shape(1) != 4) ||
      (kind != 'u' && kind != 'i')) {
    throw py::value_error("class_colors must be an (N, 3) or (N, 4) array of integers, got " +
                          std::string(py::str(any.attr("shape"))) + " " +
                          std::string(py::str(py::handle(any.dtype()))));
  }
  if (static_cast<size_t>(any.shape(0)) > kMaxClassColors) {
    throw py::value_error("class_colors has " + std::to_string(any.shape(0)) +
                          " rows; at most 65536 class ids have colors");
  }
  const auto ints = py::array_t<int64_t, py::array::c_style | py::array::forcecast>::ensure(any);
  const size_t rows = static_cast<size_t>(ints.shape(0));
  const size_t channels = static_cast<size_t>(ints.shape(1));
  std::vector<uint8_t> table(4 * rows, 255);
  const int64_t* v = ints.data();
  for (size_t i = 0; i < rows * channels; ++i) {
    if (v[i] < 0 || v[i] > 255) {
      throw py::value_error("class_colors row " + std::to_string(i / channels) + " has " +
                            std::to_string(v[i]) + ", outside [0, 255]");
    }
    table[4 * (i / channels) + i % channels] = static_cast<uint8_t>(v[i]);
  }
  return table;
}

[[noreturn]] void Unexpected(const std::string& key, const char* function) {
  throw py::type_error(std::string(function) + "() got an unexpected keyword argument '" + key +
                       "'");
}

// True if `group` is one of the call's groups; TypeError otherwise.
bool Allowed(unsigned groups, unsigned group, const std::string& key, const char* function) {
  if ((groups & group) == 0) Unexpected(key, function);
  return true;
}

// Keywords that ask decode() for a converted image.
bool IsConversionKeyword(const std::string& key) {
  return key != "max_pixels" && key != "max_jpeg_scans" && key != "threads" &&
         key != "strides" && key != "color_model";
}

}  // namespace

void ParseKeywords(const py::kwargs& kwargs, unsigned groups, const char* function,
                   CallSettings* s) {
  ConvertOptions& o = s->options;
  bool segmentation_given = false;
  bool class_colors_given = false;
  for (auto item : kwargs) {
    const std::string key = item.first.cast<std::string>();
    const py::handle v = item.second;
    if (key == "to" && Allowed(groups, kOutputKeywords, key, function)) {
      o.to = NamedValue<OutputType>(v, kOutputTypes, "to");
    } else if (key == "order" && Allowed(groups, kOutputKeywords, key, function)) {
      o.order = NamedValue<ChannelOrder>(v, kChannelOrders, "order");
    } else if (key == "premultiply" && Allowed(groups, kOutputKeywords, key, function)) {
      o.premultiply = Flag(v, "premultiply");
    } else if (key == "clamp" && Allowed(groups, kOutputKeywords, key, function)) {
      o.clamp = Flag(v, "clamp");
    } else if (key == "output_transfer" && Allowed(groups, kOutputKeywords, key, function)) {
      o.output_transfer = NamedValue<OutputTransfer>(v, kOutputTransfers, "output_transfer");
    } else if (key == "out" && Allowed(groups, kOutputKeywords, key, function)) {
      s->out = py::reinterpret_borrow<py::object>(v);
    } else if (key == "threads" && Allowed(groups, kThreadKeywords, key, function)) {
      s->threads = static_cast<unsigned>(Count(v, "threads", 1024));
    } else if (key == "range" && Allowed(groups, kColorKeywords, key, function)) {
      ParseRange(v, &o);
      // A range the caller names is the range, also for decode(): "auto" is then Rerun's rule,
      // not the decoded file's datatype range that decode() maps by default.
      s->decode.datatype_range = false;
    } else if (key == "input_transfer" && Allowed(groups, kColorKeywords, key, function)) {
      o.input_transfer = NamedValue<InputTransfer>(v, kInputTransfers, "input_transfer");
    } else if (key == "colormap" && Allowed(groups, kColorKeywords, key, function)) {
      o.colormap = v.is_none() ? Colormap::None : NamedValue<Colormap>(v, kColormaps, "colormap");
    } else if (key == "segmentation" && Allowed(groups, kColorKeywords, key, function)) {
      o.segmentation = Flag(v, "segmentation");
      segmentation_given = true;
    } else if (key == "class_colors" && Allowed(groups, kColorKeywords, key, function)) {
      if (!v.is_none()) {
        s->class_colors = py::isinstance<py::dict>(v)
                              ? ClassColorsFromDict(py::reinterpret_borrow<py::dict>(v))
                              : ClassColorsFromArray(v);
        class_colors_given = true;
      }
    } else if (key == "matrix" && Allowed(groups, kYuvKeywords, key, function)) {
      o.yuv_matrix =
          v.is_none() ? YuvMatrix::Default : NamedValue<YuvMatrix>(v, kYuvMatrices, "matrix");
    } else if (key == "yuv_range" && Allowed(groups, kYuvKeywords, key, function)) {
      o.yuv_range =
          v.is_none() ? YuvRange::Default : NamedValue<YuvRange>(v, kYuvRanges, "yuv_range");
    } else if (key == "chroma" && Allowed(groups, kYuvKeywords, key, function)) {
      o.chroma = NamedValue<ChromaFilter>(v, kChromaFilters, "chroma");
    } else if (key == "strides" && Allowed(groups, kStrideKeywords, key, function)) {
      s->strides = py::reinterpret_borrow<py::object>(v);
    } else if (key == "max_pixels" && Allowed(groups, kDecodeKeywords, key, function)) {
      s->decode.max_pixels = Count(v, "max_pixels", UINT64_MAX >> 1);
    } else if (key == "max_jpeg_scans" && Allowed(groups, kDecodeKeywords, key, function)) {
      s->decode.max_jpeg_scans = static_cast<uint32_t>(Count(v, "max_jpeg_scans", UINT32_MAX));
    } else if (key == "color_model" && Allowed(groups, kColorModelKeyword, key, function)) {
      s->color_model = py::reinterpret_borrow<py::object>(v);
    } else {
      Unexpected(key, function);
    }
    s->converts = s->converts || IsConversionKeyword(key);
  }
  // class_colors implies segmentation, unless segmentation=False says otherwise.
  if (class_colors_given) {
    if (segmentation_given && !o.segmentation) {
      throw py::value_error("class_colors needs segmentation=True (or leave segmentation out)");
    }
    o.segmentation = true;
  }
  o.class_colors = ClassColors{s->class_colors.data(), s->class_colors.size() / 4};
}

}  // namespace pixconv::python
