// The conversion pipeline of lib/README.md section 3, one pixel at a time: steps 1-2 (range,
// normalize), 3 (swizzle), 5 (transfer), 6 (premultiply), 7 (quantize).
#include "reference.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <vector>

namespace pixconv::ref {
namespace {

// Steps 1-3 for a color-model pixel: normalized, in RGBA order, alpha 1 if absent.
RefPixel ColorPixel(const ImageView& src, const RefPlan& plan, uint32_t x, uint32_t y) {
  auto t = [&](int channel) {
    return NormalizeSample(src, x, y, channel, plan.lo, plan.hi, plan.clamp);
  };
  switch (src.format.color_model) {
    case ColorModel::L: {
      const double l = t(0);
      return {l, l, l, 1.0};
    }
    case ColorModel::RGB:
      return {t(0), t(1), t(2), 1.0};
    case ColorModel::RGBA:
      return {t(0), t(1), t(2), t(3)};
    case ColorModel::BGR:
      return {t(2), t(1), t(0), 1.0};
    case ColorModel::BGRA:
      return {t(2), t(1), t(0), t(3)};
  }
  return {};
}

// Writes one pixel in the requested channel order.
void Store(const RefPixel& p, ChannelOrder order, double* out) {
  if (order == ChannelOrder::BGRA) {
    out[0] = p.b;
    out[1] = p.g;
    out[2] = p.r;
  } else {
    out[0] = p.r;
    out[1] = p.g;
    out[2] = p.b;
  }
  out[3] = p.a;
}

}  // namespace

double SrgbToLinear(double c) {
  if (c < 0.0) return -SrgbToLinear(-c);
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double LinearToSrgb(double c) {
  if (c < 0.0) return -LinearToSrgb(-c);
  return c <= 0.0031308 ? 12.92 * c : 1.055 * std::pow(c, 1.0 / 2.4) - 0.055;
}

RefPlan ReferencePlan(const ImageView& src, const ConvertOptions& opts) {
  RefPlan plan;
  ReferenceRange(src, opts, &plan.lo, &plan.hi);
  // Colormap and class colors are sRGB-encoded whatever the input transfer says.
  const bool mapped = opts.colormap != Colormap::None || opts.segmentation;
  plan.input_srgb = mapped || ReferenceInputIsSrgb(src, opts);
  plan.output_srgb = ReferenceOutputIsSrgb(opts);
  plan.clamp = opts.clamp;
  return plan;
}

RefPixel ReferencePixel(const ImageView& src, const ConvertOptions& opts, const RefPlan& plan,
                        uint32_t x, uint32_t y) {
  RefPixel p;
  if (src.format.pixel_format) {
    p = YuvToRgb(ReferenceYuvSamples(src, opts, x, y),
                 ReferenceYuvParams(*src.format.pixel_format, opts), opts.clamp);
  } else if (opts.segmentation) {
    p = ClassColor(src, opts.class_colors, x, y);
  } else if (opts.colormap != Colormap::None) {
    p = ColormapColor(opts.colormap, NormalizeSample(src, x, y, 0, plan.lo, plan.hi));
  } else {
    p = ColorPixel(src, plan, x, y);
  }
  // An unclamped output keeps every value, saturated to float's range after each step.
  auto saturate = [&](double& c) {
    if (!opts.clamp) c = std::fmin(std::fmax(c, -double{FLT_MAX}), double{FLT_MAX});
  };
  // Step 5: only RGB carries a transfer curve; alpha is linear coverage.
  if (plan.input_srgb && !plan.output_srgb) {
    p.r = SrgbToLinear(p.r);
    p.g = SrgbToLinear(p.g);
    p.b = SrgbToLinear(p.b);
  } else if (!plan.input_srgb && plan.output_srgb) {
    p.r = LinearToSrgb(p.r);
    p.g = LinearToSrgb(p.g);
    p.b = LinearToSrgb(p.b);
  }
  saturate(p.r);
  saturate(p.g);
  saturate(p.b);
  // Step 6: after the transfer, so the product is taken in the output's encoding.
  if (opts.premultiply) {
    p.r *= p.a;
    p.g *= p.a;
    p.b *= p.a;
    saturate(p.r);
    saturate(p.g);
    saturate(p.b);
  }
  return p;
}

std::vector<double> ConvertReference(const ImageView& src, const ConvertOptions& opts) {
  const RefPlan plan = ReferencePlan(src, opts);
  const uint32_t w = src.format.width, h = src.format.height;
  std::vector<double> out(size_t{w} * h * 4);
  for (uint32_t y = 0; y < h; ++y) {
    for (uint32_t x = 0; x < w; ++x) {
      Store(ReferencePixel(src, opts, plan, x, y), opts.order, &out[(size_t{y} * w + x) * 4]);
    }
  }
  return out;
}

uint8_t QuantizeU8(double x) {
  if (std::isnan(x)) return 0;  // unreachable through steps 1-6; keeps the cast defined
  const double clamped = std::clamp(x, 0.0, 1.0);
  return static_cast<uint8_t>(std::floor(clamped * 255.0 + 0.5));
}

float QuantizeF32(double x) { return static_cast<float>(x); }

std::vector<uint8_t> ExpectedRgba8(const ImageView& src, ConvertOptions opts) {
  opts.to = OutputType::RGBA8;
  const std::vector<double> exact = ConvertReference(src, opts);
  std::vector<uint8_t> out(exact.size());
  std::transform(exact.begin(), exact.end(), out.begin(), QuantizeU8);
  return out;
}

std::vector<float> ExpectedRgbaF32(const ImageView& src, ConvertOptions opts) {
  opts.to = OutputType::RGBAF32;
  const std::vector<double> exact = ConvertReference(src, opts);
  std::vector<float> out(exact.size());
  std::transform(exact.begin(), exact.end(), out.begin(), QuantizeF32);
  return out;
}

}  // namespace pixconv::ref
