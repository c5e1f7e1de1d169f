// YUV planning: matrix, range and transfer resolution, kernel constants, kernel choice, and
// the row walk that finds each output row's luma and chroma rows (lib/README.md sections 1, 3).
#include "convert/yuv_plan.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "convert/color_plan.h"
#include "convert/enum_check.h"
#include "convert/stream_threshold.h"

namespace pixconv::internal {
namespace {

YuvLayout LayoutOf(PixelFormat f) {
  switch (f) {
    case PixelFormat::Y_U_V12_LimitedRange:
    case PixelFormat::Y_U_V12_FullRange:
      return YuvLayout::kPlanar420;
    case PixelFormat::Y_U_V16_LimitedRange:
    case PixelFormat::Y_U_V16_FullRange:
      return YuvLayout::kPlanar422;
    case PixelFormat::Y_U_V24_LimitedRange:
    case PixelFormat::Y_U_V24_FullRange:
      return YuvLayout::kPlanar444;
    case PixelFormat::NV12:
      return YuvLayout::kNv12;
    case PixelFormat::YUY2:
      return YuvLayout::kYuy2;
    case PixelFormat::Y8_FullRange:
    case PixelFormat::Y8_LimitedRange:
      return YuvLayout::kY8;
  }
  return YuvLayout::kY8;
}

// (Kr, Kb) of lib/README.md section 3.
struct Matrix {
  double kr;
  double kb;
};

Matrix MatrixOf(PixelFormat f, YuvMatrix m) {
  if (m == YuvMatrix::Default) m = IsBt601(f) ? YuvMatrix::Bt601 : YuvMatrix::Bt709;
  switch (m) {
    case YuvMatrix::Bt601:
      return {0.299, 0.114};
    case YuvMatrix::Bt2020:
      return {0.2627, 0.0593};
    default:
      return {0.2126, 0.0722};
  }
}

// The real-valued conversion in output codes (the 0..255 scale of RGBA8, before rounding):
//   R = luma * (Y - y0) + rv * (V - 128)
//   G = luma * (Y - y0) + gu * (U - 128) + gv * (V - 128)
//   B = luma * (Y - y0) + bu * (U - 128)
// from lib/README.md 3: limited y = (Y-16)/219, u = (U-128)/224; full y = Y/255, u = (U-128)/255;
// R = y + 2(1-Kr) v, B = y + 2(1-Kb) u, G = (y - Kr R - Kb B) / (1 - Kr - Kb).
struct Linear {
  double luma;
  double y0;
  double rv, gu, gv, bu;
};

Linear LinearOf(const Matrix& m, bool limited) {
  const double luma = limited ? 255.0 / 219.0 : 1.0;
  const double chroma = limited ? 255.0 / 224.0 : 1.0;
  Linear l;
  l.luma = luma;
  l.y0 = limited ? 16.0 : 0.0;
  l.rv = chroma * 2.0 * (1.0 - m.kr);
  l.bu = chroma * 2.0 * (1.0 - m.kb);
  const double kg = 1.0 - m.kr - m.kb;
  l.gu = -l.bu * m.kb / kg;
  l.gv = -l.rv * m.kr / kg;
  return l;
}

// One chroma coefficient `a` (codes per chroma code) as a term on x8 = (C - 128) * 256 in
// 1/64 codes: a * 64 * (C - 128) = x8 * (a * 2^13) / 2^15 = MulFixedPoint15(x8, a * 2^13).
// Every |a| is below 2.15 (B of BT.2020 limited range), so a * 2^13 fits in int16.
int16_t Q13(double a) { return static_cast<int16_t>(std::lround(a * 8192.0)); }

// lib/README.md section 4 asks for |kernel - reference| <= 1 code. Here the luma and each chroma
// term carry at most ~1/64 code of rounding, so a result is off by one only where the exact
// value lies within a few 1/64 of a rounding boundary (about 0.5% of samples: tests/yuv
// measures all 2^24 triples), never by more.
void SetFixedPoint(const Linear& l, YuvConstants* k) {
  // L(Y) = floor(Y * 257 * luma_mul / 2^16) ~ luma * 64 * Y: Y * 257 spreads Y over 16 bits.
  const double mul = std::round(l.luma * 64.0 * 65536.0 / 257.0);
  k->luma_mul = static_cast<uint16_t>(mul);
  // bias: the luma offset, +32 (the rounding half of >> 6) and the mean truncation of MulHigh,
  // so that L + bias is centered on the exact luma * 64 * (Y - y0) + 32.
  double sum = 0.0;
  for (int y = 0; y < 256; ++y) {
    const double exact = l.luma * 64.0 * (y - l.y0) + 32.0;
    const double fixed = std::floor(y * 257.0 * mul / 65536.0);
    sum += exact - fixed;
  }
  k->bias = static_cast<int16_t>(std::lround(sum / 256.0));
  k->luma_is_code = true;
  for (int y = 0; y < 256; ++y) {
    const int fixed = static_cast<int>(std::floor(y * 257.0 * mul / 65536.0)) + k->bias;
    k->luma_is_code = k->luma_is_code && std::clamp(fixed >> 6, 0, 255) == y;
  }
  k->q13_rv = Q13(l.rv);
  k->q13_gu = Q13(l.gu);
  k->q13_gv = Q13(l.gv);
  k->q13_bu = Q13(l.bu);
}

void SetFloat(const Linear& l, YuvConstants* k) {
  // Per unit of Y * 257 and of x8 = (C - 128) * 256.
  k->luma_scale = static_cast<float>(l.luma / (255.0 * 257.0));
  k->luma_offset = static_cast<float>(-l.luma * l.y0 / 255.0);
  const double per_x8 = 1.0 / (255.0 * 256.0);
  k->f_rv = static_cast<float>(l.rv * per_x8);
  k->f_gu = static_cast<float>(l.gu * per_x8);
  k->f_gv = static_cast<float>(l.gv * per_x8);
  k->f_bu = static_cast<float>(l.bu * per_x8);
}

}  // namespace

Status PlanYuv(const ImageFormat& format, const ConvertOptions& opts, YuvPlan* plan) {
  if (!format.pixel_format) {
    return Status(StatusCode::kInvalidArgument, Describe(format) + " is not a pixel format");
  }
  const PixelFormat f = *format.pixel_format;
  PIXCONV_RETURN_IF_ERROR(CheckEnum("pixel format", f, kAllPixelFormats));
  // Converter::Create checks these too; PlanYuv must not trust a hand-made ConvertOptions.
  PIXCONV_RETURN_IF_ERROR(CheckOptionEnums(opts));

  const bool limited =
      opts.yuv_range == YuvRange::Default ? IsLimitedRange(f) : opts.yuv_range == YuvRange::Limited;
  const Linear linear = LinearOf(MatrixOf(f, opts.yuv_matrix), limited);

  // lib/README.md 3.5: the YUV result is sRGB-encoded unless the caller says it is linear (Auto
  // is sRGB for pixel formats); premultiply is a no-op (alpha is 1).
  const bool input_srgb = opts.input_transfer != InputTransfer::Linear;
  const bool output_srgb = opts.output_transfer == OutputTransfer::Default
                               ? opts.to == OutputType::RGBA8
                               : opts.output_transfer == OutputTransfer::Srgb;

  YuvPlan p;
  p.layout = LayoutOf(f);
  p.bilinear = opts.chroma == ChromaFilter::Bilinear;
  p.out_pixel_bytes = BytesPerPixel(opts.to);
  YuvConstants& k = p.constants;
  k.decode_srgb = input_srgb && !output_srgb;
  k.encode_srgb = !input_srgb && output_srgb;
  k.clamp = ClampBounds::For(opts);
  k.stream = StreamsOutput(format.width, format.height, opts.to);
  SetFixedPoint(linear, &k);
  SetFloat(linear, &k);

  YuvKernelKey key;
  key.layout = p.layout;
  key.bilinear = p.bilinear;
  key.swap_rb = opts.order == ChannelOrder::BGRA;
  key.out = opts.to;
  const bool fixed = opts.to == OutputType::RGBA8 && !k.decode_srgb && !k.encode_srgb;
  p.row = fixed ? SelectYuvRowFixed(key, &p.target_name) : SelectYuvRowFloat(key, &p.target_name);
  if (p.row == nullptr) {
    return Status(StatusCode::kUnsupported, "no YUV row kernel for " + Describe(format));
  }
  *plan = p;
  return Status::Ok();
}

namespace {

// True when rows [y0, y1) convert as one row of width * rows pixels: each output pixel reads
// only its own row's samples (no vertical chroma, and no YUY2 pair of the next row, which
// bilinear chroma or an odd width would reach), and rows lie back to back in every plane and
// in the destination. Saves each row's cached head and tail units and the streamer's start
// and final drain.
bool RowsJoin(const YuvPlan& plan, const ImageView& src, size_t dst_stride) {
  const size_t width = src.format.width;
  if (dst_stride != width * plan.out_pixel_bytes) return false;
  switch (plan.layout) {
    case YuvLayout::kY8:
      return src.planes[0].stride == width;
    case YuvLayout::kPlanar444:
      return src.planes[0].stride == width && src.planes[1].stride == width &&
             src.planes[2].stride == width;
    case YuvLayout::kYuy2:
      return !plan.bilinear && width % 2 == 0 && src.planes[0].stride == 2 * width;
    default:
      return false;
  }
}

}  // namespace

void RunYuvRows(const YuvPlan& plan, const ImageView& src, uint8_t* dst, size_t dst_stride,
                uint32_t y0, uint32_t y1) {
  const uint32_t width = src.format.width;
  if (y1 > y0 && RowsJoin(plan, src, dst_stride)) {
    // Unused planes keep pointers the kernel never reads.
    YuvRowPtrs rows;
    rows.y = src.Row(0, y0);
    if (plan.layout == YuvLayout::kPlanar444) {
      rows.c0 = rows.c0_far = src.Row(1, y0);
      rows.c1 = rows.c1_far = src.Row(2, y0);
    }
    plan.row(rows, dst + size_t{y0} * dst_stride, size_t{width} * (y1 - y0), plan.constants);
    return;
  }
  const uint32_t chroma_rows = src.format.height / 2 + src.format.height % 2;
  for (uint32_t y = y0; y < y1; ++y) {
    YuvRowPtrs rows;
    rows.y = src.Row(0, y);
    uint32_t near = y, far = y;
    switch (plan.layout) {
      case YuvLayout::kPlanar420:
      case YuvLayout::kNv12:
        // Chroma row j sits halfway between luma rows 2j and 2j+1 (lib/README.md 3): row 2j is 1/4
        // of a chroma row above it (3/4 of j, 1/4 of j-1), row 2j+1 1/4 below (3/4 of j, 1/4
        // of j+1); indices clamp at the edges. Nearest reads row y/2 only.
        near = y / 2;
        far = near;
        if (plan.bilinear) {
          far = y % 2 == 0 ? (near > 0 ? near - 1 : 0) : std::min(near + 1, chroma_rows - 1);
        }
        break;
      default:
        break;
    }
    switch (plan.layout) {
      case YuvLayout::kPlanar420:
      case YuvLayout::kPlanar422:
      case YuvLayout::kPlanar444:
        rows.c0 = src.Row(1, near);
        rows.c1 = src.Row(2, near);
        rows.c0_far = src.Row(1, far);
        rows.c1_far = src.Row(2, far);
        break;
      case YuvLayout::kNv12:
        rows.c0 = src.Row(1, near);
        rows.c0_far = src.Row(1, far);
        break;
      case YuvLayout::kYuy2:
      case YuvLayout::kY8:
        break;
    }
    plan.row(rows, dst + size_t{y} * dst_stride, width, plan.constants);
  }
}

}  // namespace pixconv::internal
