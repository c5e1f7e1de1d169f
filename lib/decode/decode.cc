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
#include "format/checked_math.h"
#include "format/layout_internal.h"
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

// The encoded bytes a reader was opened on: a destination must not share any of them.
struct Encoded {
  const void* data;
  size_t size;
};

// Checks that `dst` holds `rows` rows of `row_bytes`, shares no byte with the encoded input
// (the codec would overwrite data it has yet to read), and resolves its stride.
Result<size_t> CheckDestination(const std::string& what, uint32_t rows, size_t row_bytes,
                                const OutputView& dst, const Encoded& encoded) {
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
  const size_t stride = dst.stride ? dst.stride : row_bytes;
  const internal::RowSet dst_rows{reinterpret_cast<uintptr_t>(dst.data), stride, row_bytes, rows};
  if (const auto shared =
          internal::FindOverlap(dst_rows, internal::ByteRange(encoded.data, encoded.size))) {
    return Status(StatusCode::kInvalidArgument,
                  what + ": destination row " + std::to_string(shared->a) +
                      " overlaps the encoded input (" + std::to_string(encoded.size) + " bytes)");
  }
  return stride;
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

Status ReadModel(CodecReader& reader, const OutputView& dst, const Encoded& encoded) {
  const ImageFormat& f = reader.info().format;
  Result<FormatLayout> layout = ComputeLayout(f);
  if (!layout.ok()) return layout.status();
  Result<size_t> stride = CheckDestination(DescribeInfo(reader.info()), f.height,
                                           layout->planes[0].row_bytes, dst, encoded);
  if (!stride.ok()) return stride.status();
  return reader.Read(RowTarget{static_cast<uint8_t*>(dst.data), *stride, RowLayout::kModel});
}

// True when `o` converts every sample alike into an RGBA8 / BGRA8 output: no premultiply, and
// no colormap or segmentation, which replace the samples (and take L images only, which
// Convert checks). Only then can a codec write the output itself.
bool SamplesOnlyRequantized(const ConvertOptions& o) {
  return o.to == OutputType::RGBA8 && !o.premultiply && o.colormap == Colormap::None &&
         !o.segmentation;
}

// True when converting the file's 8-bit samples with `o` leaves them as they are, so the codec
// can write RGBA8 / BGRA8 itself: 8-bit samples always get the range [0, 255] under Auto and
// Datatype (lib/README.md 3.1), are sRGB-encoded under Srgb and Auto input transfer (3.5), and
// RGBA8 output is sRGB-encoded under Default and Srgb. With no transfer change and no
// premultiply, step 7 quantizes v / 255 back to v.
bool KeepsU8Samples(const ImageFormat& f, const ConvertOptions& o) {
  if (f.datatype != ChannelDatatype::U8 || !SamplesOnlyRequantized(o)) return false;
  if (o.range != RangeMode::Auto && o.range != RangeMode::Datatype) return false;
  const bool input_srgb = o.input_transfer != InputTransfer::Linear;
  const bool output_srgb = o.output_transfer != OutputTransfer::Linear;
  return input_srgb == output_srgb;
}

// True when converting the file's 16-bit samples with `o` takes Convert's exact U16 kernel,
// round(v * 255 / 65535), which the PNG decoder computes the same way while it expands the
// rows: the datatype range and no transfer change, premultiply, colormap or segmentation.
// The Auto range and Auto input transfer of 16-bit samples depend on the samples (a scan), so
// those go through the input model.
bool RoundsU16Samples(const ImageFormat& f, const ConvertOptions& o) {
  if (f.datatype != ChannelDatatype::U16 || !SamplesOnlyRequantized(o)) return false;
  if (o.range != RangeMode::Datatype || o.input_transfer == InputTransfer::Auto) return false;
  const bool input_srgb = o.input_transfer == InputTransfer::Srgb;
  const bool output_srgb = o.output_transfer != OutputTransfer::Linear;
  return input_srgb == output_srgb;
}

// Bytes of the input-model image that a decode-and-convert goes through: 0 when the codec
// writes the output itself. Its own Result because a file within the pixel limit can still
// need more than a 32-bit size_t holds (a 16384 x 16384 RGBA16 PNG: 2 GiB).
Result<size_t> IntermediateBytes(const ImageInfo& info, const ConvertOptions& convert) {
  if (KeepsU8Samples(info.format, convert)) return size_t{0};
  Result<size_t> bytes = BufferSize(info.format);
  if (!bytes.ok()) {
    return Status(bytes.status().code(), DescribeInfo(info) +
                                             ": the decoded image it converts from: " +
                                             bytes.status().message());
  }
  // 16-bit samples the codec rounds itself need no intermediate here, but their size is
  // still checked: libpng, should the file go to it, reads them through the input model.
  if (RoundsU16Samples(info.format, convert)) return size_t{0};
  return bytes;
}

// Decodes and converts with options that ValidateOptions accepted.
Status ReadConverted(CodecReader& codec, const OutputView& dst, const ConvertOptions& convert,
                     const Encoded& encoded) {
  const ImageFormat& f = codec.info().format;
  const std::string what = std::string(convert.to == OutputType::RGBA8 ? "RGBA8" : "RGBAF32") +
                           " output of " + DescribeInfo(codec.info());
  size_t row_bytes = 0;
  if (!internal::CheckedMul(f.width, BytesPerPixel(convert.to), &row_bytes)) {
    return Status(StatusCode::kSizeOverflow, what + ": row size overflows size_t");
  }
  Result<size_t> stride = CheckDestination(what, f.height, row_bytes, dst, encoded);
  if (!stride.ok()) return stride.status();
  Result<size_t> bytes = IntermediateBytes(codec.info(), convert);
  if (!bytes.ok()) return bytes.status();
  if (*bytes == 0) {
    const RowLayout layout =
        convert.order == ChannelOrder::BGRA ? RowLayout::kBgra8 : RowLayout::kRgba8;
    return codec.Read(RowTarget{static_cast<uint8_t*>(dst.data), *stride, layout});
  }
  // Everything else goes through the input model and the conversion kernels. The temporary
  // needs no zeroing: the codec writes every byte of it.
  std::unique_ptr<uint8_t[]> pixels;
  try {
    pixels = std::make_unique_for_overwrite<uint8_t[]>(*bytes);
  } catch (const std::bad_alloc&) {
    return AllocationFailed(*bytes);
  }
  PIXCONV_RETURN_IF_ERROR(ReadModel(codec, OutputView{pixels.get(), *bytes, 0}, encoded));
  Result<ImageView> view = MakeImageView(f, pixels.get(), *bytes);
  if (!view.ok()) return view.status();
  return Convert(*view, dst, convert);
}

// The options the one-call forms convert with: Auto becomes the datatype's range for a
// decoded file unless the caller asked for Rerun's Auto rule (DecodeOptions::datatype_range).
ConvertOptions ForDecodedFile(const ConvertOptions& convert, const DecodeOptions& options) {
  ConvertOptions o = convert;
  if (o.range == RangeMode::Auto && options.datatype_range) o.range = RangeMode::Datatype;
  return o;
}

}  // namespace

namespace decode_internal {

bool CodecWritesRgba8(const ImageFormat& f, const ConvertOptions& o) {
  return KeepsU8Samples(f, o) || RoundsU16Samples(f, o);
}

}  // namespace decode_internal

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
  return ReadModel(*reader.value(), dst, Encoded{data, size});
}

Result<DecodedImage> Decode(const void* data, size_t size, const DecodeOptions& options) {
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  DecodedImage image;
  image.format = reader.value()->info().format;
  Result<size_t> bytes = BufferSize(image.format);
  if (!bytes.ok()) return bytes.status();
  PIXCONV_RETURN_IF_ERROR(Allocate(*bytes, &image.pixels));
  PIXCONV_RETURN_IF_ERROR(ReadModel(*reader.value(),
                                    OutputView{image.pixels.data(), image.pixels.size(), 0},
                                    Encoded{data, size}));
  return image;
}

Status DecodeAndConvertInto(const void* data, size_t size, const OutputView& dst,
                            const ConvertOptions& convert, const DecodeOptions& options) {
  // Bad options fail before any decoding work, with Convert's own message.
  PIXCONV_RETURN_IF_ERROR(internal::ValidateOptions(convert));
  Result<std::unique_ptr<CodecReader>> reader = Open(data, size, options);
  if (!reader.ok()) return reader.status();
  return ReadConverted(*reader.value(), dst, ForDecodedFile(convert, options),
                       Encoded{data, size});
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
  // Both sizes before either allocation: an image whose intermediate cannot be sized fails
  // without first allocating (and zeroing) its output.
  const ConvertOptions file_convert = ForDecodedFile(convert, options);
  Result<size_t> intermediate = IntermediateBytes(reader.value()->info(), file_convert);
  if (!intermediate.ok()) return intermediate.status();
  PIXCONV_RETURN_IF_ERROR(Allocate(*bytes, &image.pixels));
  PIXCONV_RETURN_IF_ERROR(ReadConverted(*reader.value(),
                                        OutputView{image.pixels.data(), image.pixels.size(), 0},
                                        file_convert, Encoded{data, size}));
  return image;
}

}  // namespace pixconv
