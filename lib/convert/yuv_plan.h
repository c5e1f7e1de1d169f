// Internal: planning and running YUV pixel-format conversions (DESIGN.md sections 1 and 3).
#pragma once

#include <cstddef>
#include <cstdint>

#include "pixconv/convert.h"

namespace pixconv::internal {

// How a pixel format stores its samples; 4:2:0 planar and 4:2:2 planar share the planar
// half-width row kernel and differ only in which chroma rows the row driver hands it.
enum class YuvLayout : uint8_t { kPlanar444, kPlanarHalf, kNV12, kYUY2, kY8 };

// One luma row and the chroma row(s) it uses. For vertical bilinear chroma (4:2:0 only),
// near[] is the chroma row weighted 3/4 and far[] the one weighted 1/4 (DESIGN.md 3, siting:
// chroma rows sit halfway between luma rows 2j and 2j+1); otherwise far[] is unused.
// Index 0 is U (NV12: the interleaved UV row), index 1 is V.
struct YuvRowSource {
  const uint8_t* y = nullptr;  // YUY2: the packed Y0 U Y1 V row
  const uint8_t* near[2] = {nullptr, nullptr};
  const uint8_t* far[2] = {nullptr, nullptr};
  size_t chroma_width = 0;  // chroma samples (YUY2: pairs) in the row
};

// Per-image constants: each output channel is an affine function of Y and the upsampled
// chroma, R = ky*Y + kr_v*V + r0, G = ky*Y + kg_u*U + kg_v*V + g0, B = ky*Y + kb_u*U + b0
// (U, V in the kernel's chroma units, i.e. scaled by the upsampling weights' denominator),
// folded from the range formula and the matrix (DESIGN.md 3, pixel formats).
struct YuvRowParams {
  float ky = 0, kr_v = 0, kg_u = 0, kg_v = 0, kb_u = 0;
  float r0 = 0, g0 = 0, b0 = 0;
  bool decode_srgb = false;
  bool encode_srgb = false;
};

using YuvRowFn = void (*)(const YuvRowSource& src, uint8_t* dst, size_t width,
                          const YuvRowParams& params);

struct YuvKernelKey {
  YuvLayout layout = YuvLayout::kY8;
  bool h_bilinear = false;
  bool v_bilinear = false;
  bool f32 = false;
  bool swap_rb = false;
};

// Everything a YUV conversion needs after planning: the row kernel for the dispatched target
// and its constants. Filled by PlanYuv, read by RunYuvRows.
struct YuvPlan {
  const char* target_name = "";
  YuvRowFn row = nullptr;
  YuvRowParams params;
  YuvKernelKey key;
  bool chroma_420 = false;  // chroma rows are half the luma rows
};

// Returns the row kernel for the target runtime dispatch currently picks, and its name.
YuvRowFn SelectYuvRow(const YuvKernelKey& key, const char** target_name);

// Validates the YUV options for `format` (a pixel-format image) and fills `plan`.
Status PlanYuv(const ImageFormat& format, const ConvertOptions& opts, YuvPlan* plan);

// Converts rows [y0, y1) of `src` into `dst` (row y at dst + y * dst_stride). The view and the
// destination were validated by the caller.
void RunYuvRows(const YuvPlan& plan, const ImageView& src, uint8_t* dst, size_t dst_stride,
                uint32_t y0, uint32_t y1);

}  // namespace pixconv::internal
