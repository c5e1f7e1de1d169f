// The public decode API: picks the codec, enforces the limits from the header, checks the
// destination, and either lets the codec write the requested output itself or decodes into
// the input model and converts with the conversion kernels.
#include <cstdio>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "convert/converter_impl.h"  // internal::ValidateOptions
#include "decode/reader.h"
#include "pixconv/decode.h"

namespace pixconv {
namespace {

using decode_internal::CodecReader;
using decode_internal::RowLayout;
using decode_internal::RowTarget;

std::string FirstBytes(const uint8_t* data, size_t size) {
  std::string hex;
  for (size_t i = 0; i < size && i < 8; ++i) {
    char byte[4];
    std::snprintf(byte, sizeof(byte), i ? " %02X" : "%02X", data[i]);
    hex += byte;
  }
  return hex;
}

std::string DescribeInfo(const ImageInfo& info) {
  return std::string(Name(info.codec)) + " " + Describe(info.format);
}

Status CheckLimits(const ImageInfo& info, const DecodeOptions& options) {
  const ImageFormat& f = info.format;
  if (f.width == 0 || f.height == 0 || f.width > kMaxDimension || f.height > kMaxDimension) {
    return Status(StatusCode::kBadDimensions,
                  DescribeInfo(info) + ": width and height must be in [1, " +
                      std::to_string(kMaxDimension) + "]");
  }
  const uint64_t pixels = uint64_t{f.width} * f.height;
  if (pixels > options.max_pixels) {
    return Status(StatusCode::kLimitExceeded,
                  DescribeInfo(info) + " has " + std::to_string(pixels) +
                      " pixels, above the limit of " + std::to_string(options.max_pixels) +
                      " (DecodeOptions::max_pixels)");
  }
  return Status::Ok();
}

// Detects the codec, reads the header and checks the limits: nothing large is allocated yet.
Result<std::unique_ptr<CodecReader>> Open(const void* data, size_t size,
                                          const DecodeOptions& options) {
  if (data == nullptr) return Status(StatusCode::kInvalidArgument, "encoded data is null");
  const auto* bytes = static_cast<const uint8_t*>(data);
  Result<std::unique_ptr<CodecReader>> reader(std::unique_ptr<CodecReader>{});
  switch (DetectCodec(data, size)) {
    case Codec::Jpeg: reader = decode_internal::OpenJpeg(bytes, size, options); break;
    case Codec::Png: reader = decode_internal::OpenPng(bytes, size); break;
    case Codec::Unknown:
      if (size == 0) return Status(StatusCode::kUnsupported, "no data: empty input");
      return Status(StatusCode::kUnsupported,
                    "not a JPEG or PNG file (starts with " + FirstBytes(bytes, size) + ")");
  }
  if (!reader.ok()) return reader.status();
  PIXCONV_RETURN_IF_ERROR(CheckLimits(reader.value()->info(), options));
  return reader;
}

// Checks that `dst` holds `rows` rows of `row_bytes` and resolves its stride.
Result<size_t> CheckDestination(const std::string& what, uint32_t rows, size_t row_bytes,
                                const OutputView& dst) {
  Result<size_t> needed = PlaneSize(PlaneGeometry{rows, row_bytes}, dst.stride);
  if (!needed.ok()) return Status(needed.status().code(), what + ": " + needed.status().message());
  if (dst.data == nullptr) {
    return Status(StatusCode::kInvalidArgument, what + ": destination is null");
  }
  if (dst.size < *needed) {
    return Status(StatusCode::kBufferTooSmall, what + " needs " + std::to_string(*needed) +
                                                   " bytes, destination has " +
                                                   std::to_string(dst.size));
  }
  return dst.stride ? dst.stride : row_bytes;
}

Status AllocationFailed(size_t bytes) {
  return Status(StatusCode::kLimitExceeded,
                "cannot allocate " + std::to_string(bytes) + " bytes for the decoded image");
}

// Allocation failures throw; pixconv returns errors instead.
Status Allocate(size_t bytes, std::vector<uint8_t>* buffer) {
  try {
    buffer->resize(bytes);
  } catch (const std::bad_alloc&) {
    return AllocationFailed(bytes);
  }
  return Status::Ok();
}

Status ReadModel(CodecReader& reader, const OutputView& dst) {
  const ImageFormat& f = reader.info().format;
  Result<FormatLayout> layout = ComputeLayout(f);
  if (!layout.ok()) return layout.status();
  Result<size_t> stride = CheckDestination(DescribeInfo(reader.info()), f.height,
                                           layout->planes[0].row_bytes, dst);
  if (!stride.ok()) return stride.status();
  return reader.Read(RowTarget{static_cast<uint8_t*>(dst.data), *stride, RowLayout::kModel});
}

// True when converting the file's 8-bit samples with `o` leaves them as they are, so the codec
// can write RGBA8 / BGRA8 itself: 8-bit samples always get the range [0, 255] under Auto and
// Datatype (DESIGN.md 3.1), are sRGB-encoded under Srgb and Auto input transfer (3.5), and
// RGBA8 output is sRGB-encoded under Default and Srgb. With no transfer change and no
// premultiply, step 7 quantizes v / 255 back to v.
bool KeepsU8Samples(const ImageFormat& f, const ConvertOptions& o) {
  if (f.datatype != ChannelDatatype::U8 || o.to != OutputType::RGBA8 || o.premultiply) {
    return false;
  }
  if (o.range != RangeMode::Auto && o.range != RangeMode::Datatype) return false;
  const bool input_srgb = o.input_transfer != InputTransfer::Linear;
  const bool output_srgb = o.output_transfer != OutputTransfer::Linear;
  return input_srgb == output_srgb;
}

// Decodes and converts with options that ValidateOptions accepted.
Status ReadConverted(CodecReader& codec, const OutputView& dst, const ConvertOptions& convert) {
  const ImageFormat& f = codec.info().format;
  const char* output = convert.to == OutputType::RGBA8 ? "RGBA8" : "RGBAF32";
  Result<size_t> stride =
      CheckDestination(std::string(output) + " output of " + DescribeInfo(codec.info()),
                       f.height, size_t{f.width} * BytesPerPixel(convert.to), dst);
  if (!stride.ok()) return stride.status();
  if (KeepsU8Samples(f, convert)) {
    const RowLayout layout =
        convert.order == ChannelOrder::BGRA ? RowLayout::kBgra8 : RowLayout::kRgba8;
    return codec.Read(RowTarget{static_cast<uint8_t*>(dst.data), *stride, layout});
  }
  // Everything else goes through the input model and the conversion kernels (16-bit PNGs use
  // the U16 kernels). The temporary needs no zeroing: the codec writes every byte of it.
  const size_t bytes = *BufferSize(f);  // cannot fail: Open checked the dimensions
  std::unique_ptr<uint8_t[]> pixels;
  try {
    pixels = std::make_unique_for_overwrite<uint8_t[]>(bytes);
  } catch (const std::bad_alloc&) {
    return AllocationFailed(bytes);
  }
  PIXCONV_RETURN_IF_ERROR(ReadModel(codec, OutputView{pixels.get(), bytes, 0}));
  Result<ImageView> view = MakeImageView(f, pixels.get(), bytes);
  if (!view.ok()) return view.status();
  return Convert(*view, dst, convert);
}

}  // namespace

ImageView DecodedImage::View() const {
  Result<ImageView> view = MakeImageView(format, pixels.data(), pixels.size());
  return view.ok() ? *view : ImageView{};
}

Result<ImageInfo> ReadImageInfo(const void* data, size_t size, const DecodeOptions& options) {
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  return reader.value()->info();
}

Status DecodeInto(const void* data, size_t size, const OutputView& dst,
                  const DecodeOptions& options) {
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  return ReadModel(*reader.value(), dst);
}

Result<DecodedImage> Decode(const void* data, size_t size, const DecodeOptions& options) {
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  DecodedImage image;
  image.format = reader.value()->info().format;
  Result<size_t> bytes = BufferSize(image.format);
  if (!bytes.ok()) return bytes.status();
  PIXCONV_RETURN_IF_ERROR(Allocate(*bytes, &image.pixels));
  PIXCONV_RETURN_IF_ERROR(
      ReadModel(*reader.value(), OutputView{image.pixels.data(), image.pixels.size(), 0}));
  return image;
}

Status DecodeAndConvertInto(const void* data, size_t size, const OutputView& dst,
                            const ConvertOptions& convert, const DecodeOptions& options) {
  // Bad options fail before any decoding work, with Convert's own message.
  PIXCONV_RETURN_IF_ERROR(internal::ValidateOptions(convert));
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  return ReadConverted(*reader.value(), dst, convert);
}

Result<DecodedImage> DecodeAndConvert(const void* data, size_t size, const ConvertOptions& convert,
                                      const DecodeOptions& options) {
  PIXCONV_RETURN_IF_ERROR(internal::ValidateOptions(convert));
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  const ImageFormat& f = reader.value()->info().format;
  DecodedImage image;
  image.format = ImageFormat::Color(
      f.width, f.height, convert.order == ChannelOrder::BGRA ? ColorModel::BGRA : ColorModel::RGBA,
      convert.to == OutputType::RGBAF32 ? ChannelDatatype::F32 : ChannelDatatype::U8);
  Result<size_t> bytes = OutputSize(f.width, f.height, convert.to);
  if (!bytes.ok()) return bytes.status();
  PIXCONV_RETURN_IF_ERROR(Allocate(*bytes, &image.pixels));
  PIXCONV_RETURN_IF_ERROR(ReadConverted(
      *reader.value(), OutputView{image.pixels.data(), image.pixels.size(), 0}, convert));
  return image;
}

}  // namespace pixconv
