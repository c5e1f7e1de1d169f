// Internal: the per-image constants and row-kernel type of color-model conversions.
#pragma once

#include <cstddef>
#include <cstdint>

#include "convert/clamp_bounds.h"
#include "convert/colormap_plan.h"
#include "pixconv/convert.h"
#include "pixconv/model.h"

namespace pixconv::internal {

struct SampleTable;  // sample_table.h

// Resolved constants for one color-model image (lib/README.md 3.1-3.7). The normalization
// t = (v - lo) / (hi - lo) is precomputed in the form each kernel needs, so that no precision
// is lost when v and lo are large and the range is narrow (a U32 image near 4e9 with a range
// 1000 wide, an F32 image whose samples are all 1e8):
//   float math (8/16-bit, F16, F32):  t = (v - anchor) * scale + offset, where anchor is a float
//       near lo (lo itself when representable; clamped to +-65536 for 8/16-bit data, whose
//       samples all lie inside that interval), offset = (anchor - lo) / (hi - lo) in double.
//       v - anchor is then exact or nearly so, and offset is small whenever t can be in [0, 1];
//   double math (F64, F32 with ranges beyond float): t = (v - lo) * scale_d;
//   32/64-bit integers: v - lo_int in integers (signed types in sign-flipped "ordered
//       unsigned" form), then t = (diff - lo_frac) * scale (float, 32-bit) or scale_d (double,
//       64-bit), with lo = lo_int + lo_frac.
struct ColorRowParams {
  float anchor = 0.0f;
  float scale = 1.0f;
  float offset = 0.0f;
  double lo = 0.0;
  double scale_d = 1.0;
  uint64_t lo_int = 0;
  double lo_frac = 0.0;
  bool decode_srgb = false;  // input sRGB, output linear: decode RGB
  bool encode_srgb = false;  // input linear, output sRGB: encode RGB
  bool premultiply = false;  // RGB *= A after the transfer (only set for models with alpha)
  ClampBounds clamp;  // every normalized sample is clamped to [clamp.lower, clamp.upper]
  // 8/16-bit integers whose every value the float form already puts inside the clamp bounds
  // (the datatype range, and every wider one): the kernels skip the clamp.
  bool in_bounds = false;
  // F16 / F32 over [0, 1] (anchor 0, scale 1, offset 0): t = v, and the kernels only clamp.
  bool unit_float = false;
  // Write the destination with non-temporal stores (row_loop-inl.h). The plan sets it for
  // outputs of at least StreamMinOutputBytes() (StreamsOutput); ConvertRows passes the kernels
  // a copy that says how this band is written (LargeOutputStores, stream_threshold.h).
  bool stream = false;
  // Colormap kernels: the map's polynomial (static storage; RGBAF32) or its table of
  // kColormapLutSize packed pixels (RGBA8; process-wide, from ColormapLut).
  const ColormapPoly* colormap = nullptr;
  const uint32_t* colormap_lut = nullptr;
  // Segmentation kernels: ids < class_count take class_colors[id], packed RGBA8 with R in the
  // low byte (the converter's own copy of the caller's table; nullptr when class_count is 0).
  const uint32_t* class_colors = nullptr;
  uint32_t class_count = 0;
  // Value-table kernel (value_table.h): the output pixel of every sample value in
  // [table_first, table_last]; samples outside the span are clamped into it.
  const uint32_t* value_table = nullptr;
  int32_t table_first = 0;
  int32_t table_last = 0;
  // Sample-table kernels (sample_table.h): what the planned kernel makes of every byte value.
  const SampleTable* sample_table = nullptr;
};

// Converts `width` pixels of one source row into one destination row. Unaligned pointers are
// fine; nothing outside [src, src + width * bytes per pixel) or the destination row is touched.
using ColorRowFn = void (*)(const uint8_t* src, uint8_t* dst, size_t width,
                            const ColorRowParams& params);

// Which kernel a plan runs. `swap_rb` is (input is BGR/BGRA) xor (output order is BGRA).
// kExactU8: U8 with range [0,255] and nothing else to do (byte shuffles only).
// kExactU16: U16 with range [0,65535] to RGBA8 with no transfer change or premultiply.
// kColormap: L images through ColorRowParams::colormap (colormap_rows.cc).
// kSegmentation: L images of class ids through the class colors (segmentation_rows.cc).
// For the last two, decode_srgb says whether the output is linear, and swap_rb is BGRA output.
enum class ColorKernel : uint8_t {
  kGeneral = 0, kExactU8 = 1, kExactU16 = 2, kColormap = 3, kSegmentation = 4
};

struct ColorKernelKey {
  ChannelDatatype datatype = ChannelDatatype::U8;
  int channels = 1;
  bool swap_rb = false;
  OutputType out = OutputType::RGBA8;
  ColorKernel kernel = ColorKernel::kGeneral;
  bool wide_math = false;  // F32 only: normalize in double (range beyond float precision)
};

// Returns the row kernel for the target runtime dispatch currently picks (never null for a
// valid key) and that target's name.
ColorRowFn SelectColorRow(const ColorKernelKey& key, const char** target_name);

}  // namespace pixconv::internal
