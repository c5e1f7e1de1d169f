// Keyword arguments of the conversion entry points -> ConvertOptions (and the call's other
// settings: threads, out=, strides, decode limits). Each entry point names the groups of
// keywords it accepts; any other keyword is a TypeError, like a misspelled Python argument.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/decode.h"

namespace pixconv::python {

// Groups of keywords.
enum KeywordGroup : unsigned {
  kOutputKeywords = 1,      // to, order, premultiply, clamp, output_transfer, out
  kThreadKeywords = 2,      // threads
  kColorKeywords = 4,       // range, input_transfer, colormap, segmentation, class_colors
  kYuvKeywords = 8,         // matrix, yuv_range, chroma
  kStrideKeywords = 16,     // strides
  kDecodeKeywords = 32,     // max_pixels, max_jpeg_scans
  kColorModelKeyword = 64,  // color_model
};

struct CallSettings {
  ConvertOptions options;
  std::vector<uint8_t> class_colors;  // options.class_colors points here (see Finish)
  bool converts = false;  // a keyword of the output, color or YUV groups was given
  unsigned threads = 1;               // 0: all cores
  pybind11::object out = pybind11::none();          // None: allocate the result
  pybind11::object strides = pybind11::none();      // None: packed planes
  pybind11::object color_model = pybind11::none();  // None: from the array's shape
  DecodeOptions decode;
};

// Reads `kwargs` (only keywords of `groups`) into `settings`; `function` names the entry point
// in messages. settings->options.class_colors points into settings->class_colors, so the
// settings must stay where they are (not copied) while the options are used.
void ParseKeywords(const pybind11::kwargs& kwargs, unsigned groups, const char* function,
                   CallSettings* settings);

}  // namespace pixconv::python
