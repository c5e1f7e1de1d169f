// The C ABI's sizes, validation and conversion (pixconv.h): C structs to the C++ types, then
// the C++ calls.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <string>

#include "capi/capi_internal.h"
#include "pixconv/parallel.h"

namespace pixconv::capi {
namespace {

// A C enum value stored in a uint32_t field, as the C++ enum whose values are bytes. Values
// above 255 would wrap onto valid ones, so they are rejected here.
template <typename Enum>
Status ToEnum(uint32_t value, const char* what, Enum* out) {
  if (value > 255) {
    return Status(StatusCode::kUnknownEnum,
                  std::string("unknown ") + what + " value " + std::to_string(value));
  }
  *out = static_cast<Enum>(value);
  return Status::Ok();
}

// Where a field of a versioned options struct lies, for rejecting a struct_size that ends
// inside it.
struct Field {
  const char* name;
  size_t offset;
  size_t size;
};
#define PIXCONV_FIELD(type, field) Field{#field, offsetof(type, field), sizeof(type::field)}

constexpr Field kConvertOptionsFields[] = {
    PIXCONV_FIELD(pixconv_convert_options, struct_size),
    PIXCONV_FIELD(pixconv_convert_options, output_type),
    PIXCONV_FIELD(pixconv_convert_options, channel_order),
    PIXCONV_FIELD(pixconv_convert_options, range_mode),
    PIXCONV_FIELD(pixconv_convert_options, range_lo),
    PIXCONV_FIELD(pixconv_convert_options, range_hi),
    PIXCONV_FIELD(pixconv_convert_options, input_transfer),
    PIXCONV_FIELD(pixconv_convert_options, output_transfer),
    PIXCONV_FIELD(pixconv_convert_options, premultiply),
    PIXCONV_FIELD(pixconv_convert_options, yuv_matrix),
    PIXCONV_FIELD(pixconv_convert_options, yuv_range),
    PIXCONV_FIELD(pixconv_convert_options, chroma_filter),
    PIXCONV_FIELD(pixconv_convert_options, colormap),
    PIXCONV_FIELD(pixconv_convert_options, segmentation),
    PIXCONV_FIELD(pixconv_convert_options, class_colors),
    PIXCONV_FIELD(pixconv_convert_options, class_color_count),
    PIXCONV_FIELD(pixconv_convert_options, clamp),
};
// Where each struct's first version ends: what the init functions without a size write.
constexpr size_t kConvertOptionsV1Size = offsetof(pixconv_convert_options, clamp);
constexpr size_t kDecodeOptionsV1Size = sizeof(pixconv_decode_options);
constexpr Field kDecodeOptionsFields[] = {
    PIXCONV_FIELD(pixconv_decode_options, struct_size),
    PIXCONV_FIELD(pixconv_decode_options, max_jpeg_scans),
    PIXCONV_FIELD(pixconv_decode_options, max_pixels),
};
#undef PIXCONV_FIELD

// A field appended to a struct must be appended to its table too: the last field ends where
// the struct does, up to the padding that rounds its size to its alignment.
template <size_t N>
constexpr size_t LastFieldEnd(const Field (&fields)[N]) {
  return fields[N - 1].offset + fields[N - 1].size;
}
template <typename CStruct, size_t N>
constexpr bool TableCoversStruct(const Field (&fields)[N]) {
  const size_t end = LastFieldEnd(fields);
  return (end + alignof(CStruct) - 1) / alignof(CStruct) * alignof(CStruct) == sizeof(CStruct);
}
static_assert(TableCoversStruct<pixconv_convert_options>(kConvertOptionsFields));
static_assert(TableCoversStruct<pixconv_decode_options>(kDecodeOptionsFields));

// Writes the leading fields of `full` that end within `size` bytes into `out` (all of it when
// size covers the struct) and sets out->struct_size to the bytes written. A size too small
// for struct_size itself writes nothing.
template <typename CStruct, size_t N>
void WriteDefaults(const CStruct& full, size_t size, const Field (&fields)[N], CStruct* out) {
  size_t n = 0;
  for (const Field& field : fields) {
    if (field.offset + field.size <= size) n = field.offset + field.size;
  }
  if (size >= sizeof(CStruct)) n = sizeof(CStruct);
  if (n < sizeof(out->struct_size)) return;
  std::memcpy(out, &full, n);
  out->struct_size = static_cast<uint32_t>(n);
}

// Copies the part of a caller's options struct its struct_size covers over `defaults`:
// a caller compiled against an older, shorter struct leaves the newer fields at defaults, and
// a newer, longer one has its extra fields ignored. Every version's size ends where a field
// ends, so a struct_size inside a field is not a size of any version (an uninitialized or
// corrupted struct); copying it would take half a pointer or half a double.
template <typename CStruct, size_t N>
Status ReadVersioned(const CStruct* caller, CStruct* defaults, const Field (&fields)[N],
                     const char* name, const char* init_name) {
  const size_t size = caller->struct_size;
  if (size == 0) {
    return Status(StatusCode::kInvalidArgument,
                  std::string("options.struct_size is 0: fill the options with ") + init_name);
  }
  for (const Field& field : fields) {
    if (size > field.offset && size < field.offset + field.size) {
      return Status(StatusCode::kInvalidArgument,
                    "options.struct_size " + std::to_string(size) + " ends inside " + name +
                        "." + field.name + " (bytes " + std::to_string(field.offset) + " to " +
                        std::to_string(field.offset + field.size) + "): fill the options with " +
                        init_name);
    }
  }
  std::memcpy(defaults, caller, std::min<size_t>(size, sizeof(CStruct)));
  defaults->struct_size = sizeof(CStruct);
  return Status::Ok();
}

}  // namespace

Status ToFormat(const pixconv_image_format& c, ImageFormat* format) {
  format->width = c.width;
  format->height = c.height;
  format->pixel_format.reset();
  if (c.pixel_format != PIXCONV_PIXEL_FORMAT_NONE) {
    PixelFormat pf{};
    PIXCONV_RETURN_IF_ERROR(ToEnum(c.pixel_format, "pixel format", &pf));
    format->pixel_format = pf;
  }
  PIXCONV_RETURN_IF_ERROR(ToEnum(c.color_model, "color model", &format->color_model));
  return ToEnum(c.channel_datatype, "channel datatype", &format->datatype);
}

Status ToImageView(const pixconv_image* image, ImageView* view) {
  if (image == nullptr) return NullArgument("image");
  ImageFormat format;
  PIXCONV_RETURN_IF_ERROR(ToFormat(image->format, &format));
  Result<ImageView> result = Status();
  if (image->planes[1].data == nullptr) {
    result = MakeImageView(format, image->planes[0].data, image->planes[0].size,
                           {image->planes[0].stride, image->planes[1].stride,
                            image->planes[2].stride});
  } else {
    std::array<PlaneView, kMaxPlanes> planes;
    for (int p = 0; p < kMaxPlanes; ++p) {
      planes[p] = PlaneView{static_cast<const uint8_t*>(image->planes[p].data),
                            image->planes[p].size, image->planes[p].stride};
    }
    result = MakePlanarView(format, planes);
  }
  if (!result.ok()) return result.status();
  *view = *result;
  return Status::Ok();
}

Status ToConvertOptions(const pixconv_convert_options* c, ConvertOptions* options) {
  *options = ConvertOptions();
  if (c == nullptr) return Status::Ok();
  pixconv_convert_options o;
  pixconv_convert_options_init(&o);
  PIXCONV_RETURN_IF_ERROR(ReadVersioned(c, &o, kConvertOptionsFields, "pixconv_convert_options",
                                        "pixconv_convert_options_init"));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.output_type, "output type", &options->to));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.channel_order, "channel order", &options->order));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.range_mode, "range mode", &options->range));
  options->range_lo = o.range_lo;
  options->range_hi = o.range_hi;
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.input_transfer, "input transfer", &options->input_transfer));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.output_transfer, "output transfer", &options->output_transfer));
  options->premultiply = o.premultiply != 0;
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.yuv_matrix, "YUV matrix", &options->yuv_matrix));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.yuv_range, "YUV range", &options->yuv_range));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.chroma_filter, "chroma filter", &options->chroma));
  PIXCONV_RETURN_IF_ERROR(ToEnum(o.colormap, "colormap", &options->colormap));
  options->segmentation = o.segmentation != 0;
  options->class_colors = ClassColors{o.class_colors, o.class_color_count};
  options->clamp = o.clamp != 0;
  return Status::Ok();
}

Status ToDecodeOptions(const pixconv_decode_options* c, DecodeOptions* options) {
  *options = DecodeOptions();
  if (c == nullptr) return Status::Ok();
  pixconv_decode_options o;
  pixconv_decode_options_init(&o);
  PIXCONV_RETURN_IF_ERROR(ReadVersioned(c, &o, kDecodeOptionsFields, "pixconv_decode_options",
                                        "pixconv_decode_options_init"));
  options->max_pixels = o.max_pixels;
  options->max_jpeg_scans = o.max_jpeg_scans;
  return Status::Ok();
}

Status ToOutputView(const pixconv_output* output, OutputView* view) {
  if (output == nullptr) return NullArgument("output");
  *view = OutputView{output->data, output->size, output->stride};
  return Status::Ok();
}

}  // namespace pixconv::capi

using pixconv::capi::Guard;
using pixconv::capi::NullArgument;

extern "C" {

pixconv_status pixconv_buffer_size(const pixconv_image_format* format, const size_t strides[3],
                                   size_t* size) {
  return Guard([&]() -> pixconv::Status {
    if (format == nullptr) return NullArgument("format");
    if (size == nullptr) return NullArgument("size");
    pixconv::ImageFormat f;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToFormat(*format, &f));
    std::array<size_t, pixconv::kMaxPlanes> s{};
    if (strides != nullptr) s = {strides[0], strides[1], strides[2]};
    pixconv::Result<size_t> bytes = pixconv::BufferSize(f, s);
    if (!bytes.ok()) return bytes.status();
    *size = *bytes;
    return pixconv::Status::Ok();
  });
}

pixconv_status pixconv_output_size(uint32_t width, uint32_t height, uint32_t output_type,
                                   size_t stride, size_t* size) {
  return Guard([&]() -> pixconv::Status {
    if (size == nullptr) return NullArgument("size");
    pixconv::OutputType type{};
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToEnum(output_type, "output type", &type));
    pixconv::Result<size_t> bytes = pixconv::OutputSize(width, height, type, stride);
    if (!bytes.ok()) return bytes.status();
    *size = *bytes;
    return pixconv::Status::Ok();
  });
}

pixconv_status pixconv_validate_image(const pixconv_image* image) {
  return Guard([&]() -> pixconv::Status {
    pixconv::ImageView view;
    return pixconv::capi::ToImageView(image, &view);
  });
}

void pixconv_convert_options_init_size(pixconv_convert_options* options, size_t struct_size) {
  if (options == nullptr) return;
  const pixconv::ConvertOptions d;
  pixconv_convert_options full{};
  full.output_type = static_cast<uint32_t>(d.to);
  full.channel_order = static_cast<uint32_t>(d.order);
  full.range_mode = static_cast<uint32_t>(d.range);
  full.range_lo = d.range_lo;
  full.range_hi = d.range_hi;
  full.input_transfer = static_cast<uint32_t>(d.input_transfer);
  full.output_transfer = static_cast<uint32_t>(d.output_transfer);
  full.premultiply = d.premultiply ? 1 : 0;
  full.yuv_matrix = static_cast<uint32_t>(d.yuv_matrix);
  full.yuv_range = static_cast<uint32_t>(d.yuv_range);
  full.chroma_filter = static_cast<uint32_t>(d.chroma);
  full.colormap = static_cast<uint32_t>(d.colormap);
  full.segmentation = d.segmentation ? 1 : 0;
  full.class_colors = d.class_colors.rgba;
  full.class_color_count = d.class_colors.count;
  full.clamp = d.clamp ? 1 : 0;
  pixconv::capi::WriteDefaults(full, struct_size, pixconv::capi::kConvertOptionsFields, options);
}

// Parenthesized: the header's macro of the same name passes the caller's size instead.
void(pixconv_convert_options_init)(pixconv_convert_options* options) {
  pixconv_convert_options_init_size(options, pixconv::capi::kConvertOptionsV1Size);
}

void pixconv_decode_options_init_size(pixconv_decode_options* options, size_t struct_size) {
  if (options == nullptr) return;
  const pixconv::DecodeOptions d;
  pixconv_decode_options full{};
  full.max_jpeg_scans = d.max_jpeg_scans;
  full.max_pixels = d.max_pixels;
  pixconv::capi::WriteDefaults(full, struct_size, pixconv::capi::kDecodeOptionsFields, options);
}

void(pixconv_decode_options_init)(pixconv_decode_options* options) {
  pixconv_decode_options_init_size(options, pixconv::capi::kDecodeOptionsV1Size);
}

pixconv_status pixconv_convert(const pixconv_image* image, const pixconv_output* output,
                               const pixconv_convert_options* options) {
  return Guard([&]() -> pixconv::Status {
    pixconv::ImageView view;
    pixconv::OutputView dst;
    pixconv::ConvertOptions opts;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToImageView(image, &view));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToOutputView(output, &dst));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToConvertOptions(options, &opts));
    return pixconv::Convert(view, dst, opts);
  });
}

pixconv_status pixconv_convert_parallel(const pixconv_image* image, const pixconv_output* output,
                                        const pixconv_convert_options* options,
                                        uint32_t threads) {
  return Guard([&]() -> pixconv::Status {
    pixconv::ImageView view;
    pixconv::OutputView dst;
    pixconv::ConvertOptions opts;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToImageView(image, &view));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToOutputView(output, &dst));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToConvertOptions(options, &opts));
    return pixconv::ConvertParallel(view, dst, opts, threads);
  });
}

pixconv_status pixconv_convert_with_runner(const pixconv_image* image,
                                           const pixconv_output* output,
                                           const pixconv_convert_options* options,
                                           const pixconv_task_runner* runner, uint32_t bands) {
  return Guard([&]() -> pixconv::Status {
    if (runner == nullptr) return NullArgument("runner");
    pixconv::ImageView view;
    pixconv::OutputView dst;
    pixconv::ConvertOptions opts;
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToImageView(image, &view));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToOutputView(output, &dst));
    PIXCONV_RETURN_IF_ERROR(pixconv::capi::ToConvertOptions(options, &opts));
    // pixconv_task_fn and pixconv::TaskFn are the same function type.
    return pixconv::ConvertWithRunner(view, dst, opts,
                                      pixconv::TaskRunner{runner->run, runner->runner_data},
                                      bands);
  });
}

}  // extern "C"
