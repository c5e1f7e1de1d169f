// Converter: plan once (planner.cc), then run any band of rows from any thread.
#include <chrono>
#include <string>

#include "convert/converter_impl.h"
#include "convert/enum_check.h"
#include "convert/stream_threshold.h"
#include "format/checked_math.h"
#include "format/layout_internal.h"
#include "hwy/cache_control.h"

namespace pixconv {

Result<size_t> OutputSize(uint32_t width, uint32_t height, OutputType type, size_t stride) {
  if (width == 0 || height == 0 || width > kMaxDimension || height > kMaxDimension) {
    return Status(StatusCode::kBadDimensions, "output " + std::to_string(width) + "x" +
                                                  std::to_string(height) +
                                                  ": width and height must be in [1, " +
                                                  std::to_string(kMaxDimension) + "]");
  }
  PIXCONV_RETURN_IF_ERROR(internal::CheckEnum("output type", type, kAllOutputTypes));
  // Named like the dimension error, so a caller sees which output shape failed.
  auto context = [&] {
    return "output " + std::to_string(width) + "x" + std::to_string(height) +
           (type == OutputType::RGBA8 ? " RGBA8: " : " RGBAF32: ");
  };
  size_t row = 0;
  if (!internal::CheckedMul(width, BytesPerPixel(type), &row)) {
    return Status(StatusCode::kSizeOverflow, context() + "row size overflows size_t");
  }
  Result<size_t> size = PlaneSize(PlaneGeometry{height, row}, stride);
  if (!size.ok()) return Status(size.status().code(), context() + size.status().message());
  return size;
}

Converter::Converter() = default;
Converter::~Converter() { delete impl_; }
Converter::Converter(const Converter& other)
    : impl_(other.impl_ ? new Impl(*other.impl_) : nullptr) {}
Converter& Converter::operator=(const Converter& other) {
  if (this != &other) {
    Impl* copy = other.impl_ ? new Impl(*other.impl_) : nullptr;
    delete impl_;
    impl_ = copy;
  }
  return *this;
}

Result<Converter> Converter::Create(const ImageView& src, const ConvertOptions& opts) {
  PIXCONV_RETURN_IF_ERROR(Validate(src));
  PIXCONV_RETURN_IF_ERROR(internal::ValidateOptions(opts));
  PIXCONV_RETURN_IF_ERROR(internal::ValidateOptionsFor(src.format, opts));
  Converter converter;
  converter.impl_ = new Impl();
  Impl& impl = *converter.impl_;
  impl.format = src.format;
  impl.options = opts;
  impl.large_output = internal::LargeOutputKindOf(src.format, opts.to);
  if (src.format.pixel_format) {
    impl.is_yuv = true;
    PIXCONV_RETURN_IF_ERROR(internal::PlanYuv(src.format, opts, &impl.yuv));
    impl.target = impl.yuv.target_name;
    impl.input_srgb = opts.input_transfer != InputTransfer::Linear;
    impl.output_srgb = opts.output_transfer == OutputTransfer::Default
                           ? opts.to == OutputType::RGBA8
                           : opts.output_transfer == OutputTransfer::Srgb;
  } else {
    PIXCONV_RETURN_IF_ERROR(internal::PlanColor(src, opts, &impl));
  }
  return converter;
}

Status Converter::ConvertRows(const ImageView& src, const OutputView& dst, uint32_t row_begin,
                              uint32_t row_end) const {
  if (impl_ == nullptr) {
    return Status(StatusCode::kInvalidArgument, "converter was not created with Converter::Create");
  }
  const Impl& impl = *impl_;
  if (src.format != impl.format) {
    return Status(StatusCode::kMismatch, "image is " + Describe(src.format) +
                                             " but the converter was planned for " +
                                             Describe(impl.format));
  }
  PIXCONV_RETURN_IF_ERROR(Validate(src));
  const uint32_t width = impl.format.width, height = impl.format.height;
  if (row_begin > row_end || row_end > height) {
    return Status(StatusCode::kInvalidArgument,
                  "rows [" + std::to_string(row_begin) + ", " + std::to_string(row_end) +
                      ") are not inside [0, " + std::to_string(height) + ")");
  }
  if (dst.data == nullptr) return Status(StatusCode::kInvalidArgument, "destination is null");
  Result<size_t> needed = OutputSize(width, height, impl.options.to, dst.stride);
  if (!needed.ok()) return needed.status();
  if (dst.size < *needed) {
    return Status(StatusCode::kBufferTooSmall,
                  "destination for " + Describe(impl.format) + " needs " + std::to_string(*needed) +
                      " bytes, buffer has " + std::to_string(dst.size));
  }
  // Neither product can overflow: OutputSize checked width * bytes per pixel and
  // stride * (height - 1) + row, which bound every row offset below.
  const size_t out_row = size_t{width} * BytesPerPixel(impl.options.to);
  const size_t stride = dst.stride ? dst.stride : out_row;
  // The whole destination, not only this band's rows: a destination that shares bytes with
  // its source is wrong whichever band happens to touch them, and the kernels read a source
  // row after writing earlier destination rows. Two comparisons per plane when disjoint.
  const internal::RowSet dst_rows{reinterpret_cast<uintptr_t>(dst.data), stride, out_row, height};
  PIXCONV_RETURN_IF_ERROR(internal::CheckDestinationOverlap(src, dst_rows, "destination"));
  uint8_t* out = static_cast<uint8_t*>(dst.data);
  // Rows [y0, y1) with non-temporal stores or without. The kernels' non-temporal stores
  // (OutputStreamer, row_loop-inl.h) are weakly ordered; one fence per run orders them before
  // whatever the caller stores next, e.g. the flag that hands the frame to another thread.
  auto run = [&](uint32_t y0, uint32_t y1, bool stream) {
    if (impl.is_yuv) {
      internal::YuvPlan plan = impl.yuv;
      plan.constants.stream = stream;
      internal::RunYuvRows(plan, src, out, stride, y0, y1);
    } else {
      internal::ColorRowParams params = impl.color_params;
      params.stream = stream;
      const size_t in_row = size_t{width} * impl.src_pixel_bytes;
      if (src.planes[0].stride == in_row && stride == out_row) {
        // Packed rows on both sides: one long row amortizes the per-row tail.
        impl.color_row(src.Row(0, y0), out + y0 * stride, size_t{width} * (y1 - y0), params);
      } else {
        for (uint32_t y = y0; y < y1; ++y) {
          impl.color_row(src.Row(0, y), out + y * stride, width, params);
        }
      }
    }
    if (stream) hwy::FlushStream();
  };
  using Stores = internal::LargeOutputStores;
  const bool large = impl.is_yuv ? impl.yuv.constants.stream : impl.color_params.stream;
  const internal::LargeOutputBand band =
      large ? internal::NextLargeOutputBand(impl.large_output) : internal::LargeOutputBand{};
  const bool stream = band.stores == Stores::kStreamed;
  if (!band.timed) {
    run(row_begin, row_end, stream);
    return Status::Ok();
  }
  const auto start = std::chrono::steady_clock::now();
  run(row_begin, row_end, stream);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (row_end > row_begin) {
    internal::RecordStreamTrial(impl.large_output, band.stores,
                                seconds / double(row_end - row_begin) / double(out_row));
  }
  return Status::Ok();
}

Status Converter::ConvertAll(const ImageView& src, const OutputView& dst) const {
  return ConvertRows(src, dst, 0, src.format.height);
}

const ImageFormat& Converter::format() const { return impl_->format; }
const ConvertOptions& Converter::options() const { return impl_->options; }
double Converter::range_lo() const { return impl_->range_lo; }
double Converter::range_hi() const { return impl_->range_hi; }
bool Converter::input_is_srgb() const { return impl_->input_srgb; }
bool Converter::output_is_srgb() const { return impl_->output_srgb; }
const char* Converter::target_name() const { return impl_->target; }

Status Convert(const ImageView& src, const OutputView& dst, const ConvertOptions& opts) {
  Result<Converter> converter = Converter::Create(src, opts);
  if (!converter.ok()) return converter.status();
  return converter->ConvertAll(src, dst);
}

}  // namespace pixconv
