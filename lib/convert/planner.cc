// The planner: from a validated image and ConvertOptions to one row kernel and its constants
// (lib/README.md section 3), decided once per image, never per row.
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "convert/color_plan.h"
#include "convert/converter_impl.h"
#include "convert/enum_check.h"
#include "convert/sample_table.h"
#include "convert/stream_threshold.h"
#include "convert/value_table.h"

namespace pixconv {
namespace internal {

ColorRowFn SelectColorRow8(const ColorKernelKey& key, const char** target);
ColorRowFn SelectColorRow16(const ColorKernelKey& key, const char** target);
ColorRowFn SelectColorRow32(const ColorKernelKey& key, const char** target);
ColorRowFn SelectColorRow64(const ColorKernelKey& key, const char** target);

ColorRowFn SelectColormapRow(const ColorKernelKey& key, const char** target);
ColorRowFn SelectSegmentationRow(const ColorKernelKey& key, const char** target);

ColorRowFn SelectColorRow(const ColorKernelKey& key, const char** target_name) {
  if (key.kernel == ColorKernel::kColormap) return SelectColormapRow(key, target_name);
  if (key.kernel == ColorKernel::kSegmentation) return SelectSegmentationRow(key, target_name);
  switch (BitsPerSample(key.datatype)) {
    case 8: return SelectColorRow8(key, target_name);
    case 16: return SelectColorRow16(key, target_name);
    case 32: return SelectColorRow32(key, target_name);
    case 64: return SelectColorRow64(key, target_name);
    default: return nullptr;
  }
}

namespace {

bool NeedsStats(ChannelDatatype t, const ConvertOptions& o) {
  if (o.segmentation) return false;  // class ids: no range, no transfer heuristic
  if (o.range == RangeMode::Depth) return true;
  if (t == ChannelDatatype::U8) return false;  // Auto is always [0,255]; transfer Auto is sRGB
  return o.range == RangeMode::Auto || o.input_transfer == InputTransfer::Auto;
}

// Rerun's transfer heuristic (lib/README.md 3.5): sRGB for U8 and for data whose finite range lies
// in [0,255] (integers) or [0,1] (floats); otherwise linear. With no finite sample the
// datatype's own range decides, as it does for the value range.
bool AutoInputIsSrgb(ChannelDatatype t, const SampleStats& s) {
  if (t == ChannelDatatype::U8) return true;
  double lo = s.min, hi = s.max;
  if (!s.finite) DatatypeRange(t, &lo, &hi);
  const double limit = IsFloat(t) ? 1.0 : 255.0;
  return lo >= 0.0 && hi <= limit;
}

double ClampAbs(double v, double limit) { return std::fmax(-limit, std::fmin(limit, v)); }

// Precision-preserving normalization constants; see ColorRowParams.
void SetNormalization(ChannelDatatype t, double lo, double hi, ColorRowParams* p,
                      bool* wide_math) {
  // An empty range (Depth of an all-zero map, or [min-1, max+1] collapsing beyond 2^53) maps
  // v > lo to 1 and everything else to 0, as (v - lo) / 0 does in IEEE arithmetic once NaN -> 0;
  // the largest finite scale does the same without producing NaN from 0 * inf.
  const double inv = hi == lo ? DBL_MAX : 1.0 / (hi - lo);
  p->lo = lo;
  p->scale_d = inv;
  *wide_math = false;
  switch (t) {
    case ChannelDatatype::U8: case ChannelDatatype::I8: case ChannelDatatype::U16:
    case ChannelDatatype::I16: case ChannelDatatype::F16: {
      // Every finite sample of these types lies in [-65536, 65536].
      const float anchor = static_cast<float>(ClampAbs(lo, 65536.0));
      p->anchor = anchor;
      p->scale = static_cast<float>(ClampAbs(inv, FLT_MAX));
      p->offset = static_cast<float>((static_cast<double>(anchor) - lo) * inv);
      break;
    }
    case ChannelDatatype::F32: {
      constexpr double kSafe = 1e37;  // keeps v - anchor and the scale finite and normal in float
      const double width = std::fabs(hi - lo);
      if (std::fabs(lo) > kSafe || std::fabs(hi) > kSafe || width > kSafe || std::fabs(inv) > kSafe ||
          std::fabs(inv) < 1.0 / kSafe) {
        *wide_math = true;
        break;
      }
      const float anchor = static_cast<float>(lo);
      p->anchor = anchor;
      p->scale = static_cast<float>(inv);
      p->offset = static_cast<float>((static_cast<double>(anchor) - lo) * inv);
      break;
    }
    case ChannelDatatype::U32: case ChannelDatatype::I32:
    case ChannelDatatype::U64: case ChannelDatatype::I64: {
      const int bits = BitsPerSample(t);
      const bool is_signed = IsSignedInteger(t);
      // floor(lo) clamped to the type's range; both limits are exact doubles.
      const double span = std::ldexp(1.0, bits);  // 2^bits
      const double min = is_signed ? -span / 2 : 0.0;
      const double max_excl = is_signed ? span / 2 : span;
      const uint64_t sign_flip = is_signed ? (uint64_t{1} << (bits - 1)) : 0;
      const uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
      const double base = std::floor(lo);
      p->scale = static_cast<float>(ClampAbs(inv, FLT_MAX));  // 32-bit kernels finish in float
      if (base < min) {
        p->lo_int = 0;  // the type's min in ordered form
        p->lo_frac = lo - min;
      } else if (base >= max_excl) {
        // lo_int is the type's max (max_excl - 1, not a double); lo_frac carries the rest.
        p->lo_int = mask;
        p->lo_frac = (lo - max_excl) + 1.0;
      } else {
        const uint64_t raw = is_signed ? static_cast<uint64_t>(static_cast<int64_t>(base))
                                       : static_cast<uint64_t>(base);
        p->lo_int = (raw ^ sign_flip) & mask;  // "ordered unsigned" form
        p->lo_frac = lo - base;
      }
      break;
    }
    default:  // F64: (v - lo) * scale_d in double is exact enough as is
      break;
  }
}

// Whether every value of an 8/16-bit integer datatype normalizes, by the kernels' float form
// (NarrowNorm), into [clamp.lower, clamp.upper], so that the clamp changes nothing. The form
// is monotonic in v, so the type's extremes decide; targets differ in whether the multiply-add
// is fused, so both forms must pass. A positive scale keeps every zero positive, as the clamp
// would.
bool IntegerSamplesInBounds(ChannelDatatype t, const ColorRowParams& p) {
  if (IsFloat(t) || BitsPerSample(t) > 16 || !(p.scale > 0.0f)) return false;
  double min = 0.0, max = 0.0;
  DatatypeRange(t, &min, &max);
  for (const double v : {min, max}) {
    float x = static_cast<float>(v);
    if (p.anchor != 0.0f) x -= p.anchor;
    const volatile float product = x * p.scale;  // volatile: no contraction into an FMA
    for (const float value : {std::fma(x, p.scale, p.offset), product + p.offset}) {
      if (!(value >= p.clamp.lower && value <= p.clamp.upper)) return false;
    }
  }
  return true;
}

}  // namespace

Status CheckOptionEnums(const ConvertOptions& o) {
  PIXCONV_RETURN_IF_ERROR(CheckEnum("output type", o.to, kAllOutputTypes));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("channel order", o.order, kAllChannelOrders));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("range mode", o.range, kAllRangeModes));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("input transfer", o.input_transfer, kAllInputTransfers));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("output transfer", o.output_transfer, kAllOutputTransfers));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("YUV matrix", o.yuv_matrix, kAllYuvMatrices));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("YUV range", o.yuv_range, kAllYuvRanges));
  PIXCONV_RETURN_IF_ERROR(CheckEnum("chroma filter", o.chroma, kAllChromaFilters));
  return CheckEnum("colormap", o.colormap, kAllColormaps);
}

Status ValidateOptions(const ConvertOptions& o) {
  PIXCONV_RETURN_IF_ERROR(CheckOptionEnums(o));
  if (!o.clamp && o.to != OutputType::RGBAF32) {
    return Status(StatusCode::kInvalidArgument,
                  "clamp = false needs RGBAF32 output: RGBA8 can not hold values outside [0, 1]");
  }
  if (!o.clamp && (o.colormap != Colormap::None || o.segmentation)) {
    return Status(StatusCode::kInvalidArgument,
                  std::string("clamp = false does not apply to ") +
                      (o.segmentation ? "segmentation" : "a colormap") +
                      ": its colors always lie in [0, 1]");
  }
  if (o.colormap != Colormap::None && o.segmentation) {
    return Status(StatusCode::kInvalidArgument,
                  "colormap and segmentation exclude each other: pick one for the L image");
  }
  if (o.segmentation) {
    if (o.class_colors.count > 0 && o.class_colors.rgba == nullptr) {
      return Status(StatusCode::kInvalidArgument,
                    "class colors: " + std::to_string(o.class_colors.count) +
                        " entries but the table pointer is null");
    }
    if (o.class_colors.count > kMaxClassColors) {
      return Status(StatusCode::kInvalidArgument,
                    "class colors: " + std::to_string(o.class_colors.count) +
                        " entries; ids above 65535 are invalid, so at most 65536");
    }
  }
  if (o.range == RangeMode::Explicit) {
    if (!std::isfinite(o.range_lo) || !std::isfinite(o.range_hi)) {
      return Status(StatusCode::kInvalidArgument, "explicit range bounds must be finite");
    }
    if (o.range_lo == o.range_hi || !std::isfinite(o.range_hi - o.range_lo)) {
      return Status(StatusCode::kInvalidArgument,
                    "explicit range [" + std::to_string(o.range_lo) + ", " +
                        std::to_string(o.range_hi) + "] is empty or too wide; use lo != hi");
    }
  }
  return Status::Ok();
}

Status ValidateOptionsFor(const ImageFormat& format, const ConvertOptions& opts) {
  if (opts.colormap == Colormap::None && !opts.segmentation) return Status::Ok();
  if (format.pixel_format || format.color_model != ColorModel::L) {
    return Status(StatusCode::kInvalidArgument,
                  std::string(opts.segmentation ? "segmentation" : "a colormap") +
                      " needs an L image (one channel), not " + Describe(format));
  }
  return Status::Ok();
}

namespace {

// Colormap and segmentation plans (L images). Their colors are sRGB-encoded whatever
// input_transfer says, so the input counts as sRGB and only a linear output changes them.
void PlanMapped(const ConvertOptions& opts, Converter::Impl* impl, ColorKernelKey* key) {
  ColorRowParams& p = impl->color_params;
  impl->input_srgb = true;
  p.decode_srgb = !impl->output_srgb;
  p.encode_srgb = false;
  key->swap_rb = opts.order == ChannelOrder::BGRA;
  if (!opts.segmentation) {
    key->kernel = ColorKernel::kColormap;
    p.premultiply = false;  // alpha is 1
    p.colormap = FindColormap(opts.colormap);
    if (opts.to == OutputType::RGBA8) {
      p.colormap_lut = ColormapLut(opts.colormap, opts.order == ChannelOrder::BGRA, p.decode_srgb);
    }
    return;
  }
  key->kernel = ColorKernel::kSegmentation;
  p.premultiply = opts.premultiply;
  auto table = std::make_shared<std::vector<uint32_t>>(opts.class_colors.count);
  const uint8_t* rgba = opts.class_colors.rgba;
  for (size_t i = 0; i < table->size(); ++i) {
    (*table)[i] = uint32_t{rgba[4 * i]} | uint32_t{rgba[4 * i + 1]} << 8 |
                  uint32_t{rgba[4 * i + 2]} << 16 | uint32_t{rgba[4 * i + 3]} << 24;
  }
  p.class_colors = table->empty() ? nullptr : table->data();
  p.class_count = static_cast<uint32_t>(table->size());
  impl->color_table = std::move(table);
}

}  // namespace

Status PlanColor(const ImageView& src, const ConvertOptions& opts, Converter::Impl* impl) {
  const ChannelDatatype t = src.format.datatype;
  SampleStats stats;
  if (NeedsStats(t, opts)) {
    Result<SampleStats> scanned = ScanSamples(src);
    if (!scanned.ok()) return scanned.status();
    stats = *scanned;
  }
  ResolveRange(stats, t, opts, &impl->range_lo, &impl->range_hi);

  switch (opts.input_transfer) {
    case InputTransfer::Srgb: impl->input_srgb = true; break;
    case InputTransfer::Linear: impl->input_srgb = false; break;
    case InputTransfer::Auto: impl->input_srgb = AutoInputIsSrgb(t, stats); break;
  }
  impl->output_srgb = opts.output_transfer == OutputTransfer::Default
                          ? opts.to == OutputType::RGBA8
                          : opts.output_transfer == OutputTransfer::Srgb;

  ColorRowParams& p = impl->color_params;
  p.decode_srgb = impl->input_srgb && !impl->output_srgb;
  p.encode_srgb = !impl->input_srgb && impl->output_srgb;
  p.premultiply = opts.premultiply && HasAlpha(src.format.color_model);
  p.clamp = ClampBounds::For(opts);

  p.stream = StreamsOutput(src.format.width, src.format.height, opts.to);

  ColorKernelKey key;
  key.datatype = t;
  key.channels = ChannelCount(src.format.color_model);
  const bool bgr_input = src.format.color_model == ColorModel::BGR ||
                         src.format.color_model == ColorModel::BGRA;
  key.swap_rb = key.channels > 1 && (bgr_input != (opts.order == ChannelOrder::BGRA));
  key.out = opts.to;
  SetNormalization(t, impl->range_lo, impl->range_hi, &p, &key.wide_math);
  p.in_bounds = IntegerSamplesInBounds(t, p);
  p.unit_float = (t == ChannelDatatype::F16 || (t == ChannelDatatype::F32 && !key.wide_math)) &&
                 p.anchor == 0.0f && p.scale == 1.0f && p.offset == 0.0f;

  if (opts.colormap != Colormap::None || opts.segmentation) PlanMapped(opts, impl, &key);

  const bool plain = key.kernel == ColorKernel::kGeneral && opts.to == OutputType::RGBA8 &&
                     !p.decode_srgb && !p.encode_srgb && !p.premultiply && impl->range_lo == 0.0;
  if (plain && t == ChannelDatatype::U8 && impl->range_hi == 255.0) {
    key.kernel = ColorKernel::kExactU8;
  } else if (plain && t == ChannelDatatype::U16 && impl->range_hi == 65535.0) {
    key.kernel = ColorKernel::kExactU16;
  }
  impl->color_row = SelectColorRow(key, &impl->target);
  if (impl->color_row == nullptr) {
    return Status(StatusCode::kUnsupported, "no row kernel for " + Describe(src.format));
  }
  UseValueTable(opts, impl);  // colormaps and class colors of 8/16-bit samples, when cheaper
  UseSampleTable(opts, key, impl);  // 8-bit samples, where the target can look them up
  impl->src_pixel_bytes = static_cast<size_t>(key.channels) * BytesPerSample(t);
  return Status::Ok();
}

}  // namespace internal

void ResolveRange(const SampleStats& stats, ChannelDatatype t, const ConvertOptions& opts,
                  double* lo, double* hi) {
  switch (opts.range) {
    case RangeMode::Explicit:
      *lo = opts.range_lo;
      *hi = opts.range_hi;
      return;
    case RangeMode::Datatype:
      DatatypeRange(t, lo, hi);
      return;
    case RangeMode::Depth:
      // [0, finite max]; with no finite sample, [0, the datatype's max]. An all-zero depth map
      // gives the empty [0, 0], which SetNormalization handles like the reference.
      *lo = 0.0;
      if (stats.finite) {
        *hi = stats.max;
      } else {
        double unused;
        DatatypeRange(t, &unused, hi);
      }
      return;
    case RangeMode::Auto:
      break;
  }
  if (t == ChannelDatatype::U8 || !stats.finite) {
    DatatypeRange(t, lo, hi);
  } else if (IsFloat(t) && stats.min >= 0.0 && stats.max <= 1.0) {
    *lo = 0.0;
    *hi = 1.0;
  } else if (stats.min >= 0.0 && stats.max <= 255.0) {
    *lo = 0.0;
    *hi = 255.0;
  } else if (stats.min == stats.max) {
    *lo = stats.min - 1.0;
    *hi = stats.max + 1.0;
  } else {
    *lo = stats.min;
    *hi = stats.max;
  }
}

}  // namespace pixconv
