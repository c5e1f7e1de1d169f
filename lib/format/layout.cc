// Plane geometry, buffer sizes and view validation (lib/README.md section 1). No SIMD here.
#include "pixconv/layout.h"

#include <optional>
#include <string>

#include "format/checked_math.h"
#include "format/layout_internal.h"
#include "format/overlap.h"

namespace pixconv {
namespace {

using internal::CheckedAdd;
using internal::CheckedMul;

Status Overflow(const ImageFormat& f, const char* what) {
  return Status(StatusCode::kSizeOverflow, Describe(f) + ": " + what + " overflows size_t");
}

uint32_t Half(uint32_t n) { return n / 2 + (n & 1); }  // ceil(n / 2) without overflow

// Bytes of w*h*channels samples of `bits` bits, rounded up: ceil(w*h*c*bits/8) for the whole
// image is the packed row times the height here because every datatype is a whole number of
// bytes.
bool RowBytes(uint32_t width, size_t bytes_per_pixel, size_t* out) {
  return CheckedMul(width, bytes_per_pixel, out);
}

}  // namespace

std::string Describe(const ImageFormat& f) {
  const std::string size = std::to_string(f.width) + "x" + std::to_string(f.height);
  if (f.pixel_format) return std::string(Name(*f.pixel_format)) + " " + size;
  return std::string(Name(f.color_model)) + "/" + std::string(Name(f.datatype)) + " " + size;
}

Result<FormatLayout> ComputeLayout(const ImageFormat& f) {
  if (f.pixel_format) {
    if (!IsKnown(*f.pixel_format)) {
      return Status(StatusCode::kUnknownEnum,
                    "unknown pixel format value " + std::to_string(static_cast<int>(*f.pixel_format)));
    }
  } else {
    if (!IsKnown(f.color_model)) {
      return Status(StatusCode::kUnknownEnum,
                    "unknown color model value " + std::to_string(static_cast<int>(f.color_model)));
    }
    if (!IsKnown(f.datatype)) {
      return Status(StatusCode::kUnknownEnum,
                    "unknown channel datatype value " + std::to_string(static_cast<int>(f.datatype)));
    }
  }
  if (f.width == 0 || f.height == 0) {
    return Status(StatusCode::kBadDimensions, Describe(f) + ": width and height must be at least 1");
  }
  if (f.width > kMaxDimension || f.height > kMaxDimension) {
    return Status(StatusCode::kBadDimensions,
                  Describe(f) + ": width and height must be at most " + std::to_string(kMaxDimension));
  }

  FormatLayout layout;
  auto set = [&](int p, uint32_t rows, uint32_t samples_per_row, size_t bytes_per_sample) -> bool {
    layout.planes[p].rows = rows;
    return RowBytes(samples_per_row, bytes_per_sample, &layout.planes[p].row_bytes);
  };
  bool ok = true;
  const uint32_t w = f.width, h = f.height;
  if (!f.pixel_format) {
    layout.num_planes = 1;
    ok = set(0, h, w, size_t(ChannelCount(f.color_model)) * size_t(BytesPerSample(f.datatype)));
  } else {
    switch (*f.pixel_format) {
      case PixelFormat::Y_U_V12_LimitedRange: case PixelFormat::Y_U_V12_FullRange:
        layout.num_planes = 3;
        ok = set(0, h, w, 1) && set(1, Half(h), Half(w), 1) && set(2, Half(h), Half(w), 1);
        break;
      case PixelFormat::Y_U_V16_LimitedRange: case PixelFormat::Y_U_V16_FullRange:
        layout.num_planes = 3;
        ok = set(0, h, w, 1) && set(1, h, Half(w), 1) && set(2, h, Half(w), 1);
        break;
      case PixelFormat::Y_U_V24_LimitedRange: case PixelFormat::Y_U_V24_FullRange:
        layout.num_planes = 3;
        ok = set(0, h, w, 1) && set(1, h, w, 1) && set(2, h, w, 1);
        break;
      case PixelFormat::NV12:
        layout.num_planes = 2;
        ok = set(0, h, w, 1) && set(1, Half(h), Half(w), 2);
        break;
      case PixelFormat::YUY2:
        layout.num_planes = 1;
        ok = set(0, h, Half(w), 4);
        break;
      case PixelFormat::Y8_FullRange: case PixelFormat::Y8_LimitedRange:
        layout.num_planes = 1;
        ok = set(0, h, w, 1);
        break;
    }
  }
  if (!ok) return Overflow(f, "row size");
  return layout;
}

Result<size_t> PlaneSize(const PlaneGeometry& plane, size_t stride) {
  if (stride == 0) stride = plane.row_bytes;
  if (stride < plane.row_bytes) {
    return Status(StatusCode::kBadStride, "row stride " + std::to_string(stride) +
                                              " is shorter than the row of " +
                                              std::to_string(plane.row_bytes) + " bytes");
  }
  size_t size = 0;
  if (plane.rows == 0) return size;
  if (!CheckedMul(stride, plane.rows - 1, &size) || !CheckedAdd(size, plane.row_bytes, &size)) {
    return Status(StatusCode::kSizeOverflow, "plane size overflows size_t");
  }
  return size;
}

namespace {

// Size of plane p inside a contiguous buffer: padded rows except for the last plane.
Result<size_t> PlaneFootprint(const FormatLayout& layout, int p, size_t stride) {
  Result<size_t> size = PlaneSize(layout.planes[p], stride);
  if (!size.ok() || p == layout.num_planes - 1) return size;
  size_t full = 0;
  const size_t s = stride ? stride : layout.planes[p].row_bytes;
  if (!CheckedMul(s, layout.planes[p].rows, &full)) {
    return Status(StatusCode::kSizeOverflow, "plane size overflows size_t");
  }
  return full;
}

using internal::PlaneName;

Status WithContext(const ImageFormat& f, int p, const Status& s) {
  return Status(s.code(), Describe(f) + " " + PlaneName(f, p) + ": " + s.message());
}

// Planes that share a byte are a caller's layout error (a wrong offset or stride), even
// though pixconv only reads them. Planes whose rows interleave without sharing a byte are fine.
Status CheckPlanesDisjoint(const ImageView& view, const FormatLayout& layout) {
  for (int p = 0; p < layout.num_planes; ++p) {
    for (int q = p + 1; q < layout.num_planes; ++q) {
      const std::optional<internal::RowPair> shared = internal::FindOverlap(
          internal::PlaneRows(view, layout, p), internal::PlaneRows(view, layout, q));
      if (!shared) continue;
      return Status(StatusCode::kInvalidArgument,
                    Describe(view.format) + ": the " + PlaneName(view.format, p) + " and the " +
                        PlaneName(view.format, q) + " share bytes (row " +
                        std::to_string(shared->a) + " of the " + PlaneName(view.format, p) +
                        ", row " + std::to_string(shared->b) + " of the " +
                        PlaneName(view.format, q) + ")");
    }
  }
  return Status::Ok();
}

}  // namespace

namespace internal {

const char* PlaneName(const ImageFormat& f, int p) {
  if (!f.pixel_format || f.pixel_format == PixelFormat::YUY2) return "image";
  if (p == 0) return "Y plane";
  if (f.pixel_format == PixelFormat::NV12) return "UV plane";
  return p == 1 ? "U plane" : "V plane";
}

RowSet PlaneRows(const ImageView& view, const FormatLayout& layout, int p) {
  return RowSet{reinterpret_cast<uintptr_t>(view.planes[p].data), view.planes[p].stride,
                layout.planes[p].row_bytes, layout.planes[p].rows};
}

RowSet ByteRange(const void* data, size_t size) {
  return RowSet{reinterpret_cast<uintptr_t>(data), size, size, size ? 1u : 0u};
}

Status CheckDestinationOverlap(const ImageView& src, const RowSet& dst, std::string_view what) {
  Result<FormatLayout> layout = ComputeLayout(src.format);
  if (!layout.ok()) return layout.status();
  for (int p = 0; p < layout->num_planes; ++p) {
    const std::optional<RowPair> shared = FindOverlap(dst, PlaneRows(src, *layout, p));
    if (!shared) continue;
    return Status(StatusCode::kInvalidArgument,
                  std::string(what) + " for " + Describe(src.format) + " overlaps the " +
                      PlaneName(src.format, p) +
                      " (destination row " + std::to_string(shared->a) + " shares bytes with row " +
                      std::to_string(shared->b) + " of the " + PlaneName(src.format, p) + ")");
  }
  return Status::Ok();
}

}  // namespace internal

Result<size_t> BufferSize(const ImageFormat& f, const std::array<size_t, kMaxPlanes>& strides) {
  Result<FormatLayout> layout = ComputeLayout(f);
  if (!layout.ok()) return layout.status();
  size_t total = 0;
  for (int p = 0; p < layout->num_planes; ++p) {
    Result<size_t> size = PlaneFootprint(*layout, p, strides[p]);
    if (!size.ok()) return WithContext(f, p, size.status());
    if (!CheckedAdd(total, *size, &total)) return Overflow(f, "buffer size");
  }
  return total;
}

Result<ImageView> MakeImageView(const ImageFormat& f, const void* data, size_t size,
                                const std::array<size_t, kMaxPlanes>& strides) {
  Result<size_t> needed = BufferSize(f, strides);
  if (!needed.ok()) return needed.status();
  if (data == nullptr) {
    return Status(StatusCode::kInvalidArgument, Describe(f) + ": buffer is null");
  }
  if (size < *needed) {
    return Status(StatusCode::kBufferTooSmall, Describe(f) + " needs " + std::to_string(*needed) +
                                                   " bytes, buffer has " + std::to_string(size));
  }
  const FormatLayout layout = *ComputeLayout(f);
  ImageView view;
  view.format = f;
  view.num_planes = layout.num_planes;
  const uint8_t* p = static_cast<const uint8_t*>(data);
  size_t offset = 0;
  for (int i = 0; i < layout.num_planes; ++i) {
    const size_t footprint = *PlaneFootprint(layout, i, strides[i]);
    view.planes[i].data = p + offset;
    view.planes[i].stride = strides[i] ? strides[i] : layout.planes[i].row_bytes;
    // The last plane may use the buffer's tail; earlier planes end where the next begins.
    view.planes[i].size = (i == layout.num_planes - 1) ? size - offset : footprint;
    offset += footprint;
  }
  return view;
}

Result<ImageView> MakePlanarView(const ImageFormat& f, const std::array<PlaneView, kMaxPlanes>& planes) {
  Result<FormatLayout> layout = ComputeLayout(f);
  if (!layout.ok()) return layout.status();
  ImageView view;
  view.format = f;
  view.num_planes = layout->num_planes;
  for (int p = 0; p < layout->num_planes; ++p) {
    view.planes[p] = planes[p];
    if (view.planes[p].stride == 0) view.planes[p].stride = layout->planes[p].row_bytes;
  }
  PIXCONV_RETURN_IF_ERROR(Validate(view));
  return view;
}

Status Validate(const ImageView& view) {
  Result<FormatLayout> layout = ComputeLayout(view.format);
  if (!layout.ok()) return layout.status();
  if (view.num_planes != layout->num_planes) {
    return Status(StatusCode::kMismatch, Describe(view.format) + " has " +
                                             std::to_string(layout->num_planes) + " planes, view has " +
                                             std::to_string(view.num_planes));
  }
  for (int p = 0; p < layout->num_planes; ++p) {
    const PlaneView& plane = view.planes[p];
    if (plane.data == nullptr) {
      return Status(StatusCode::kInvalidArgument, Describe(view.format) + " " +
                                                      PlaneName(view.format, p) + ": data is null");
    }
    if (plane.stride == 0) {
      return Status(StatusCode::kBadStride,
                    Describe(view.format) + " " + PlaneName(view.format, p) + ": stride is 0");
    }
    Result<size_t> needed = PlaneSize(layout->planes[p], plane.stride);
    if (!needed.ok()) return WithContext(view.format, p, needed.status());
    if (plane.size < *needed) {
      return Status(StatusCode::kBufferTooSmall,
                    Describe(view.format) + " " + PlaneName(view.format, p) + " needs " +
                        std::to_string(*needed) + " bytes, buffer has " + std::to_string(plane.size));
    }
  }
  return CheckPlanesDisjoint(view, *layout);
}

}  // namespace pixconv
