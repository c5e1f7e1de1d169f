// YUV pixel formats: sample layout, chroma upsampling, range and matrix (lib/README.md 1 and 3).
#include <algorithm>
#include <cstdint>

#include "reference.h"

namespace pixconv::ref {
namespace {

uint32_t CeilHalf(uint32_t n) { return n / 2 + n % 2; }

// How a format stores its samples, from the lib/README.md section 1 table.
enum class Layout { kPlanar, kNv12, kYuy2, kLumaOnly };

struct FormatInfo {
  Layout layout;
  uint32_t subsample_x;  // luma columns per chroma column (1 or 2)
  uint32_t subsample_y;  // luma rows per chroma row (1 or 2)
  bool limited;          // default range
  bool bt601;            // default matrix (else BT.709)
};

FormatInfo Info(PixelFormat f) {
  switch (f) {
    case PixelFormat::Y_U_V12_LimitedRange:
      return {Layout::kPlanar, 2, 2, true, false};
    case PixelFormat::Y_U_V12_FullRange:
      return {Layout::kPlanar, 2, 2, false, false};
    case PixelFormat::Y_U_V16_LimitedRange:
      return {Layout::kPlanar, 2, 1, true, false};
    case PixelFormat::Y_U_V16_FullRange:
      return {Layout::kPlanar, 2, 1, false, false};
    case PixelFormat::Y_U_V24_LimitedRange:
      return {Layout::kPlanar, 1, 1, true, false};
    case PixelFormat::Y_U_V24_FullRange:
      return {Layout::kPlanar, 1, 1, false, false};
    case PixelFormat::NV12:
      return {Layout::kNv12, 2, 2, true, true};
    case PixelFormat::YUY2:
      return {Layout::kYuy2, 2, 1, true, true};
    case PixelFormat::Y8_FullRange:
      return {Layout::kLumaOnly, 1, 1, false, false};
    case PixelFormat::Y8_LimitedRange:
      return {Layout::kLumaOnly, 1, 1, true, false};
  }
  return {Layout::kLumaOnly, 1, 1, true, false};
}

double Luma(const ImageView& src, Layout layout, uint32_t x, uint32_t y) {
  if (layout == Layout::kYuy2) return src.Row(0, y)[4 * (x / 2) + 2 * (x % 2)];  // Y0 U Y1 V
  return src.Row(0, y)[x];
}

// The U, V codes of chroma sample (i, j), which must lie inside the chroma plane.
void ChromaSample(const ImageView& src, Layout layout, uint32_t i, uint32_t j, double* u,
                  double* v) {
  switch (layout) {
    case Layout::kPlanar:
      *u = src.Row(1, j)[i];
      *v = src.Row(2, j)[i];
      return;
    case Layout::kNv12:
      *u = src.Row(1, j)[2 * i];
      *v = src.Row(1, j)[2 * i + 1];
      return;
    case Layout::kYuy2:
      *u = src.Row(0, j)[4 * i + 1];
      *v = src.Row(0, j)[4 * i + 3];
      return;
    case Layout::kLumaOnly:
      *u = 128.0;
      *v = 128.0;
      return;
  }
}

// One tap of the chroma filter along one axis.
struct Tap {
  int64_t index;  // may lie outside the plane; clamped by the caller
  double weight;
};

// The taps for luma coordinate `pos` along an axis subsampled by `factor` (see reference.h
// for the siting). `vertical` selects the 4:2:0 vertical siting (between luma rows).
void BilinearTaps(uint32_t pos, uint32_t factor, bool vertical, Tap taps[2]) {
  const int64_t p = pos;
  if (factor == 1) {  // not subsampled: the co-located sample
    taps[0] = {p, 1.0};
    taps[1] = {p, 0.0};
  } else if (!vertical) {  // chroma i at luma x = 2i
    if (p % 2 == 0) {
      taps[0] = {p / 2, 1.0};
      taps[1] = {p / 2, 0.0};
    } else {
      taps[0] = {(p - 1) / 2, 0.5};
      taps[1] = {(p + 1) / 2, 0.5};
    }
  } else {  // chroma j at luma y = 2j + 0.5
    const int64_t k = p / 2;
    if (p % 2 == 0) {  // y = 2k lies 1/4 of a chroma row above row k
      taps[0] = {k - 1, 0.25};
      taps[1] = {k, 0.75};
    } else {  // y = 2k + 1 lies 1/4 of a chroma row below row k
      taps[0] = {k, 0.75};
      taps[1] = {k + 1, 0.25};
    }
  }
}

uint32_t Clamp(int64_t index, uint32_t size) {
  return static_cast<uint32_t>(std::clamp<int64_t>(index, 0, int64_t{size} - 1));
}

}  // namespace

RefYuv ReferenceYuvSamples(const ImageView& src, const ConvertOptions& opts, uint32_t x,
                           uint32_t y) {
  const FormatInfo info = Info(*src.format.pixel_format);
  RefYuv out;
  out.y = Luma(src, info.layout, x, y);
  if (info.layout == Layout::kLumaOnly) return out;  // U = V = 128

  if (opts.chroma == ChromaFilter::Nearest) {
    ChromaSample(src, info.layout, x / info.subsample_x, y / info.subsample_y, &out.u, &out.v);
    return out;
  }
  const uint32_t chroma_width =
      info.subsample_x == 2 ? CeilHalf(src.format.width) : src.format.width;
  const uint32_t chroma_height =
      info.subsample_y == 2 ? CeilHalf(src.format.height) : src.format.height;
  Tap hx[2], vy[2];
  BilinearTaps(x, info.subsample_x, /*vertical=*/false, hx);
  BilinearTaps(y, info.subsample_y, /*vertical=*/true, vy);
  out.u = 0.0;
  out.v = 0.0;
  for (const Tap& row : vy) {
    for (const Tap& col : hx) {
      double u, v;
      ChromaSample(src, info.layout, Clamp(col.index, chroma_width),
                   Clamp(row.index, chroma_height), &u, &v);
      out.u += row.weight * col.weight * u;
      out.v += row.weight * col.weight * v;
    }
  }
  return out;
}

RefYuvParams ReferenceYuvParams(PixelFormat format, const ConvertOptions& opts) {
  const FormatInfo info = Info(format);
  YuvMatrix matrix = opts.yuv_matrix;
  if (matrix == YuvMatrix::Default) matrix = info.bt601 ? YuvMatrix::Bt601 : YuvMatrix::Bt709;
  RefYuvParams params;
  switch (matrix) {
    case YuvMatrix::Bt601:
      params.kr = 0.299;
      params.kb = 0.114;
      break;
    case YuvMatrix::Bt2020:
      params.kr = 0.2627;
      params.kb = 0.0593;
      break;
    case YuvMatrix::Bt709:
    case YuvMatrix::Default:
      params.kr = 0.2126;
      params.kb = 0.0722;
      break;
  }
  switch (opts.yuv_range) {
    case YuvRange::Limited:
      params.limited = true;
      break;
    case YuvRange::Full:
      params.limited = false;
      break;
    case YuvRange::Default:
      params.limited = info.limited;
      break;
  }
  return params;
}

RefPixel YuvToRgb(const RefYuv& yuv, const RefYuvParams& p, bool clamp) {
  double y, u, v;
  if (p.limited) {
    y = (yuv.y - 16.0) / 219.0;
    u = (yuv.u - 128.0) / 224.0;
    v = (yuv.v - 128.0) / 224.0;
  } else {
    y = yuv.y / 255.0;
    u = (yuv.u - 128.0) / 255.0;
    v = (yuv.v - 128.0) / 255.0;
  }
  const double r = y + 2.0 * (1.0 - p.kr) * v;
  const double b = y + 2.0 * (1.0 - p.kb) * u;
  const double g = (y - p.kr * r - p.kb * b) / (1.0 - p.kr - p.kb);
  auto clamp01 = [clamp](double c) { return clamp ? std::clamp(c, 0.0, 1.0) : c; };
  return RefPixel{clamp01(r), clamp01(g), clamp01(b), 1.0};
}

}  // namespace pixconv::ref
