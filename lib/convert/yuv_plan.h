// Internal: planning and running YUV pixel-format conversions (lib/README.md sections 1 and 3).
//
// PlanYuv resolves the matrix, range, transfer and chroma filter once per image, computes the
// kernel constants and picks one row kernel for the dispatched SIMD target
// (yuv_rows_fixed.cc: fixed point for RGBA8; yuv_rows_float.cc: float for RGBAF32 and for
// RGBA8 with a transfer change). RunYuvRows finds the luma and chroma rows of each output row
// and calls it.
#pragma once

#include <cstddef>
#include <cstdint>

#include "convert/clamp_bounds.h"
#include "pixconv/convert.h"

namespace pixconv::internal {

// How a pixel format stores its samples (lib/README.md section 1).
enum class YuvLayout : uint8_t {
  kPlanar420 = 0,  // Y, U, V planes; U and V are ceil(w/2) x ceil(h/2)
  kPlanar422 = 1,  // U and V are ceil(w/2) x h
  kPlanar444 = 2,  // U and V are w x h
  kNv12 = 3,       // Y plane, then ceil(w/2) interleaved U,V pairs x ceil(h/2) rows
  kYuy2 = 4,       // one plane; each pair of pixels is the 4 bytes Y0 U Y1 V
  kY8 = 5,         // luma only (U = V = 128)
};

// The rows one output row reads, each at its first sample; unused ones are null.
//   y: the luma row (YUY2: the packed row).
//   c0, c1: the chroma rows nearest the luma row (U and V; NV12: c0 is the UV row).
//   c0_far, c1_far: the other chroma rows of the vertical bilinear filter, weighted 1/4
//     against 3/4 for c0 / c1 (4:2:0 siting, lib/README.md 3). Equal to c0 / c1 for layouts
//     that are not subsampled vertically, so 3 * near + far is 4 * near there.
struct YuvRowPtrs {
  const uint8_t* y = nullptr;
  const uint8_t* c0 = nullptr;
  const uint8_t* c1 = nullptr;
  const uint8_t* c0_far = nullptr;
  const uint8_t* c1_far = nullptr;
};

// Kernel constants of one plan. The kernels see luma as Y * 257 (Y in both bytes of 16 bits)
// and chroma as x8 = (C - 128) * 256, exact 16-bit integers (bilinear chroma is a multiple of
// 1/8 code, also exact).
//
// Fixed point (RGBA8, no transfer change), in 1/64 of an output code:
//   L = MulHigh(Y * 257, luma_mul) + bias                 (unsigned 16-bit high product)
//   T = MulFixedPoint15(x8, q13) = q13 / 8192 * 64 * (C - 128)   one chroma term
//   R = L + T_rv, G = L + T_gu + T_gv, B = L + T_bu (saturating); code = clamp(R >> 6).
// bias folds in the luma offset, the rounding half of >> 6 and the mean truncation of MulHigh.
// Float (RGBAF32, or RGBA8 with a transfer change), in [0, 1] units:
//   y = Y * 257 * luma_scale + luma_offset; R = y + f_rv x8v; G = y + f_gu x8u + f_gv x8v;
//   B = y + f_bu x8u; clamp to [lower, upper] ([0, 1], or unclamped for RGBAF32 with
//   ConvertOptions::clamp false); then the transfer (lib/README.md 3.5).
struct YuvConstants {
  uint16_t luma_mul = 0;
  int16_t bias = 0;
  int16_t q13_rv = 0;
  int16_t q13_gu = 0;
  int16_t q13_gv = 0;
  int16_t q13_bu = 0;
  float luma_scale = 0.0f;
  float luma_offset = 0.0f;
  float f_rv = 0.0f;
  float f_gu = 0.0f;
  float f_gv = 0.0f;
  float f_bu = 0.0f;
  bool decode_srgb = false;  // RGB: sRGB -> linear (float kernels only)
  bool encode_srgb = false;  // RGB: linear -> sRGB (float kernels only)
  ClampBounds clamp;         // float kernels
  bool stream = false;       // non-temporal output stores: as ColorRowParams::stream
  // Fixed point: (L + bias) >> 6 is Y itself for every Y (full range), so the Y8 kernel copies
  // luma bytes to R, G and B without arithmetic. Set by checking all 256 values.
  bool luma_is_code = false;
};

// Converts `width` pixels of one output row. Nothing outside the rows' samples for `width`
// pixels (lib/README.md section 1 geometry) or the destination row is read or written.
using YuvRowFn = void (*)(const YuvRowPtrs& rows, uint8_t* dst, size_t width,
                          const YuvConstants& constants);

// Which row kernel a plan runs. The 4:2:0 and 4:2:2 planar layouts share their kernels (the
// vertical siting is RunYuvRows' business); `bilinear` is ignored where nothing is
// subsampled (4:4:4, Y8).
struct YuvKernelKey {
  YuvLayout layout = YuvLayout::kPlanar420;
  bool bilinear = false;
  bool swap_rb = false;  // BGRA output
  OutputType out = OutputType::RGBA8;
};

// The row kernels of the target runtime dispatch currently picks, and that target's name.
// Never null for a valid key. Fixed point: RGBA8 only. Float: RGBA8 and RGBAF32.
YuvRowFn SelectYuvRowFixed(const YuvKernelKey& key, const char** target_name);
YuvRowFn SelectYuvRowFloat(const YuvKernelKey& key, const char** target_name);

// Everything a YUV conversion needs after planning. Filled by PlanYuv, read by RunYuvRows.
struct YuvPlan {
  const char* target_name = "";
  YuvRowFn row = nullptr;
  YuvConstants constants;
  YuvLayout layout = YuvLayout::kPlanar420;
  bool bilinear = false;
  size_t out_pixel_bytes = 4;  // BytesPerPixel of the output type
};

// Validates the YUV options for `format` (a pixel-format image) and fills `plan`.
// Errors: kUnknownEnum (format or option values outside their enums), kInvalidArgument (not
// a pixel-format image).
Status PlanYuv(const ImageFormat& format, const ConvertOptions& opts, YuvPlan* plan);

// Converts rows [y0, y1) of `src` into `dst` (row y at dst + y * dst_stride). The view and the
// destination were validated by the caller. Where each output row needs only its own input
// row (Y8, I444, YUY2 of even width with nearest chroma) and every plane and the destination
// are packed, the band is one long row, as packed color images are (converter.cc).
void RunYuvRows(const YuvPlan& plan, const ImageView& src, uint8_t* dst, size_t dst_stride,
                uint32_t y0, uint32_t y1);

}  // namespace pixconv::internal
