// Internal: planning and running YUV pixel-format conversions (DESIGN.md sections 1 and 3).
#pragma once

#include <cstddef>
#include <cstdint>

#include "pixconv/convert.h"

namespace pixconv::internal {

// Everything a YUV conversion needs after planning: the row kernel for the dispatched target
// and its constants. Filled by PlanYuv, read by RunYuvRows.
struct YuvPlan {
  const char* target_name = "";
  // Kernel-specific state is added by the YUV implementation (yuv_plan.cc / yuv_rows.cc).
};

// Validates the YUV options for `format` (a pixel-format image) and fills `plan`.
Status PlanYuv(const ImageFormat& format, const ConvertOptions& opts, YuvPlan* plan);

// Converts rows [y0, y1) of `src` into `dst` (row y at dst + y * dst_stride). The view and the
// destination were validated by the caller.
void RunYuvRows(const YuvPlan& plan, const ImageView& src, uint8_t* dst, size_t dst_stride,
                uint32_t y0, uint32_t y1);

}  // namespace pixconv::internal
