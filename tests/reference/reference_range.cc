// Choosing the sample range (lib/README.md 3.1) and the transfers (lib/README.md 3.5).
#include <cmath>
#include <cstdint>

#include "reference.h"

namespace pixconv::ref {
namespace {

bool IsPixelFormat(const ImageView& src) { return src.format.pixel_format.has_value(); }

// The finite range the Auto rules look at: the scan, or the datatype's range when no sample
// is finite (lib/README.md 3.1).
void FiniteRangeOrDatatype(const ImageView& src, double* min, double* max) {
  const RefStats stats = ReferenceStats(src);
  if (stats.finite) {
    *min = stats.min;
    *max = stats.max;
  } else {
    RefDatatypeRange(src.format.datatype, min, max);
  }
}

}  // namespace

void RefDatatypeRange(ChannelDatatype t, double* lo, double* hi) {
  struct Bounds {
    double lo, hi;
  };
  // 2^63 - 1 and 2^64 - 1 have no double; they are written as the powers of two they round to.
  const Bounds bounds = [t]() -> Bounds {
    switch (t) {
      case ChannelDatatype::U8:
        return {0.0, 255.0};
      case ChannelDatatype::I8:
        return {-128.0, 127.0};
      case ChannelDatatype::U16:
        return {0.0, 65535.0};
      case ChannelDatatype::I16:
        return {-32768.0, 32767.0};
      case ChannelDatatype::U32:
        return {0.0, 4294967295.0};
      case ChannelDatatype::I32:
        return {-2147483648.0, 2147483647.0};
      case ChannelDatatype::U64:
        return {0.0, 0x1p64};
      case ChannelDatatype::I64:
        return {-0x1p63, 0x1p63};
      case ChannelDatatype::F16:
      case ChannelDatatype::F32:
      case ChannelDatatype::F64:
        return {0.0, 1.0};
    }
    return {0.0, 1.0};
  }();
  *lo = bounds.lo;
  *hi = bounds.hi;
}

RefStats ReferenceStats(const ImageView& src) {
  RefStats stats;
  if (IsPixelFormat(src)) return stats;
  const int channels = RefChannelCount(src.format.color_model);
  for (uint32_t y = 0; y < src.format.height; ++y) {
    for (uint32_t x = 0; x < src.format.width; ++x) {
      for (int c = 0; c < channels; ++c) {
        const double v = ReadSample(src, x, y, c);
        if (!std::isfinite(v)) continue;
        if (!stats.finite) {
          stats = {true, v, v};
        } else {
          stats.min = std::fmin(stats.min, v);
          stats.max = std::fmax(stats.max, v);
        }
      }
    }
  }
  return stats;
}

void ReferenceRange(const ImageView& src, const ConvertOptions& opts, double* lo, double* hi) {
  if (IsPixelFormat(src)) {
    *lo = 0.0;
    *hi = 255.0;
    return;
  }
  const ChannelDatatype t = src.format.datatype;
  switch (opts.range) {
    case RangeMode::Datatype:
      RefDatatypeRange(t, lo, hi);
      return;
    case RangeMode::Explicit:
      *lo = opts.range_lo;
      *hi = opts.range_hi;
      return;
    case RangeMode::Depth: {
      const RefStats stats = ReferenceStats(src);
      double unused;
      *lo = 0.0;
      if (stats.finite) {
        *hi = stats.max;
      } else {
        RefDatatypeRange(t, &unused, hi);
      }
      return;
    }
    case RangeMode::Auto:
      break;
  }
  // Auto, in the order lib/README.md 3.1 lists the rules.
  if (t == ChannelDatatype::U8) {
    *lo = 0.0;
    *hi = 255.0;
    return;
  }
  double min, max;
  FiniteRangeOrDatatype(src, &min, &max);
  if (RefIsFloat(t) && 0.0 <= min && max <= 1.0) {
    *lo = 0.0;
    *hi = 1.0;
  } else if (0.0 <= min && max <= 255.0) {
    *lo = 0.0;
    *hi = 255.0;
  } else if (min == max) {
    *lo = min - 1.0;
    *hi = max + 1.0;
  } else {
    *lo = min;
    *hi = max;
  }
}

bool ReferenceInputIsSrgb(const ImageView& src, const ConvertOptions& opts) {
  switch (opts.input_transfer) {
    case InputTransfer::Srgb:
      return true;
    case InputTransfer::Linear:
      return false;
    case InputTransfer::Auto:
      break;
  }
  if (IsPixelFormat(src)) return true;
  const ChannelDatatype t = src.format.datatype;
  if (t == ChannelDatatype::U8) return true;
  double min, max;
  FiniteRangeOrDatatype(src, &min, &max);
  if (RefIsFloat(t)) return 0.0 <= min && max <= 1.0;
  return 0.0 <= min && max <= 255.0;
}

bool ReferenceOutputIsSrgb(const ConvertOptions& opts) {
  switch (opts.output_transfer) {
    case OutputTransfer::Srgb:
      return true;
    case OutputTransfer::Linear:
      return false;
    case OutputTransfer::Default:
      break;
  }
  return opts.to == OutputType::RGBA8;
}

}  // namespace pixconv::ref
