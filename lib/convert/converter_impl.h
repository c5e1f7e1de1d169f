// Internal: what a Converter holds after planning.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "convert/color_plan.h"
#include "convert/stream_threshold.h"
#include "convert/yuv_plan.h"
#include "pixconv/convert.h"

namespace pixconv {

namespace internal {
struct SampleTable;  // sample_table.h
}  // namespace internal

struct Converter::Impl {
  ImageFormat format;
  ConvertOptions options;
  double range_lo = 0.0;
  double range_hi = 1.0;
  bool input_srgb = true;
  bool output_srgb = true;
  const char* target = "";
  bool is_yuv = false;
  // The store trials the converter's output takes part in, if it is large (stream_threshold.h).
  internal::LargeOutputKind large_output;
  // Color-model images.
  internal::ColorRowFn color_row = nullptr;
  internal::ColorRowParams color_params;
  size_t src_pixel_bytes = 0;
  // Segmentation: the converter's copy of the class colors, packed (R in the low byte);
  // color_params.class_colors points into it. Shared and immutable, so copies of the
  // converter stay valid. (A colormap's table is process-wide: ColormapLut.)
  std::shared_ptr<const std::vector<uint32_t>> color_table;
  // Colormap / segmentation of 8/16-bit samples to RGBA8: the output pixel of each sample
  // value (value_table.h); color_params.value_table points into it. Shared and immutable too.
  std::shared_ptr<const std::vector<uint32_t>> value_table;
  // 8-bit samples to RGBAF32 or RGBA8: what the planned kernel makes of each byte value
  // (sample_table.h); color_params.sample_table points into it. Shared and immutable too.
  std::shared_ptr<const internal::SampleTable> sample_table;
  // Pixel-format images.
  internal::YuvPlan yuv;
};

namespace internal {

// Fills everything but the kernel choice of a color-model plan: range, transfers, params.
Status PlanColor(const ImageView& src, const ConvertOptions& opts, Converter::Impl* impl);

// Rejects option values outside their enums and unusable explicit ranges.
Status ValidateOptions(const ConvertOptions& opts);

// Rejects options the image cannot take: a colormap or segmentation of anything but an L
// image (pixel formats included).
Status ValidateOptionsFor(const ImageFormat& format, const ConvertOptions& opts);

}  // namespace internal
}  // namespace pixconv
