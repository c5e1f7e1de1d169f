// Planning and the row driver of YUV pixel-format conversions: matrix and range constants
// (DESIGN.md 3, pixel formats), which chroma rows each luma row uses, and the kernel choice.
#include "convert/yuv_plan.h"

#include <algorithm>

namespace pixconv::internal {
namespace {

YuvLayout LayoutOf(PixelFormat f) {
  switch (f) {
    case PixelFormat::Y_U_V24_LimitedRange: case PixelFormat::Y_U_V24_FullRange:
      return YuvLayout::kPlanar444;
    case PixelFormat::Y_U_V16_LimitedRange: case PixelFormat::Y_U_V16_FullRange:
    case PixelFormat::Y_U_V12_LimitedRange: case PixelFormat::Y_U_V12_FullRange:
      return YuvLayout::kPlanarHalf;
    case PixelFormat::NV12: return YuvLayout::kNV12;
    case PixelFormat::YUY2: return YuvLayout::kYUY2;
    case PixelFormat::Y8_FullRange: case PixelFormat::Y8_LimitedRange: return YuvLayout::kY8;
  }
  return YuvLayout::kY8;
}

bool Is420(PixelFormat f) {
  return f == PixelFormat::Y_U_V12_LimitedRange || f == PixelFormat::Y_U_V12_FullRange ||
         f == PixelFormat::NV12;
}

}  // namespace

Status PlanYuv(const ImageFormat& format, const ConvertOptions& opts, YuvPlan* plan) {
  const PixelFormat f = *format.pixel_format;
  YuvKernelKey& key = plan->key;
  key.layout = LayoutOf(f);
  plan->chroma_420 = Is420(f);
  const bool subsampled = key.layout == YuvLayout::kPlanarHalf || key.layout == YuvLayout::kNV12 ||
                          key.layout == YuvLayout::kYUY2;
  key.h_bilinear = opts.chroma == ChromaFilter::Bilinear && subsampled;
  key.v_bilinear = opts.chroma == ChromaFilter::Bilinear && plan->chroma_420;
  key.f32 = opts.to == OutputType::RGBAF32;
  key.swap_rb = opts.order == ChannelOrder::BGRA;

  // Matrix (Kr, Kb) and range, the format's own unless overridden (DESIGN.md section 1).
  YuvMatrix matrix = opts.yuv_matrix;
  if (matrix == YuvMatrix::Default) matrix = IsBt601(f) ? YuvMatrix::Bt601 : YuvMatrix::Bt709;
  double kr = 0.2126, kb = 0.0722;
  if (matrix == YuvMatrix::Bt601) kr = 0.299, kb = 0.114;
  if (matrix == YuvMatrix::Bt2020) kr = 0.2627, kb = 0.0593;
  const bool limited = opts.yuv_range == YuvRange::Default ? IsLimitedRange(f)
                                                           : opts.yuv_range == YuvRange::Limited;

  // The kernels see chroma multiplied by the upsampling weights' common denominator.
  const double scale = (key.h_bilinear ? 2.0 : 1.0) * (key.v_bilinear ? 4.0 : 1.0);
  const double ky = limited ? 1.0 / 219.0 : 1.0 / 255.0;
  const double y0 = limited ? -16.0 / 219.0 : 0.0;
  const double kc = (limited ? 1.0 / 224.0 : 1.0 / 255.0) / scale;
  const double c0 = limited ? -128.0 / 224.0 : -128.0 / 255.0;
  const double kg = 1.0 - kr - kb;
  const double r_v = 2.0 * (1.0 - kr);
  const double b_u = 2.0 * (1.0 - kb);
  const double g_u = -kb * b_u / kg;  // G = (y - Kr R - Kb B) / Kg with R, B unclamped
  const double g_v = -kr * r_v / kg;
  YuvRowParams& p = plan->params;
  p.ky = static_cast<float>(ky);
  p.kr_v = static_cast<float>(r_v * kc);
  p.kg_u = static_cast<float>(g_u * kc);
  p.kg_v = static_cast<float>(g_v * kc);
  p.kb_u = static_cast<float>(b_u * kc);
  p.r0 = static_cast<float>(y0 + r_v * c0);
  p.g0 = static_cast<float>(y0 + (g_u + g_v) * c0);
  p.b0 = static_cast<float>(y0 + b_u * c0);

  // The YUV result is sRGB-encoded unless the caller says the input is linear (DESIGN.md 3).
  const bool in_srgb = opts.input_transfer != InputTransfer::Linear;
  const bool out_srgb = opts.output_transfer == OutputTransfer::Default
                            ? opts.to == OutputType::RGBA8
                            : opts.output_transfer == OutputTransfer::Srgb;
  p.decode_srgb = in_srgb && !out_srgb;
  p.encode_srgb = !in_srgb && out_srgb;

  plan->row = SelectYuvRow(key, &plan->target_name);
  if (plan->row == nullptr) {
    return Status(StatusCode::kUnsupported, "no row kernel for " + Describe(format));
  }
  return Status::Ok();
}

void RunYuvRows(const YuvPlan& plan, const ImageView& src, uint8_t* dst, size_t dst_stride,
                uint32_t y0, uint32_t y1) {
  const uint32_t width = src.format.width;
  YuvRowSource row;
  const YuvLayout layout = plan.key.layout;
  row.chroma_width = layout == YuvLayout::kPlanar444 ? width : width / 2 + (width & 1);
  const uint32_t chroma_rows = plan.chroma_420 ? src.format.height / 2 + (src.format.height & 1)
                                               : src.format.height;
  const int chroma_planes = layout == YuvLayout::kNV12 ? 1 : 2;
  for (uint32_t y = y0; y < y1; ++y) {
    row.y = src.Row(0, y);
    if (layout != YuvLayout::kYUY2 && layout != YuvLayout::kY8) {
      // Nearest: chroma row y/2 (4:2:0) or y. Bilinear 4:2:0: the chroma rows around the
      // luma row, weighted 3/4 (nearer) and 1/4, clamped at the edges. Bands may start on
      // any row: everything follows from y alone.
      uint32_t near = plan.chroma_420 ? y / 2 : y;
      uint32_t far = near;
      if (plan.key.v_bilinear) {
        far = (y & 1) ? std::min(near + 1, chroma_rows - 1) : (near == 0 ? 0 : near - 1);
      }
      for (int c = 0; c < chroma_planes; ++c) {
        row.near[c] = src.Row(1 + c, near);
        row.far[c] = src.Row(1 + c, far);
      }
    }
    plan.row(row, dst + size_t{y} * dst_stride, width, plan.params);
  }
}

}  // namespace pixconv::internal
