// The decode fuzzer: arbitrary bytes (after an 8-byte header of options, decode_case.h) as a
// JPEG or PNG file through every decode entry point, with small pixel limits so that a
// decompression bomb costs little, on a SIMD target the header picks.
//
// Beyond what the sanitizers see, it checks what decode.h promises:
//  - Decode succeeds only within the limits, with ReadImageInfo's format and exactly
//    BufferSize(format) bytes of pixels;
//  - DecodeInto succeeds exactly when Decode does and the destination fits, writes the same
//    pixels and leaves the stride padding alone;
//  - DecodeAndConvertInto and DecodeAndConvert give the bytes of Convert(Decode(...)->View())
//    and fail exactly when that does, whether or not the codec wrote RGBA itself.
#include <algorithm>
#include <optional>
#include <vector>

#include "decode_case.h"
#include "finding.h"
#include "fuzz_buffers.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/layout.h"
#include "target_choice.h"
#include "targets.h"

namespace pixconv::fuzz {
namespace {

// 2^18 pixels of RGBA f32 is 4 MiB; anything the limits let through fits.
constexpr size_t kMaxDestinationBytes = size_t{1} << 23;
constexpr uint8_t kFill = 0x5A;

std::optional<size_t> Known(const Result<size_t>& size) {
  return size.ok() ? std::optional<size_t>(*size) : std::nullopt;
}

// Decode's result, checked against the header and the limits.
void CheckDecoded(const Result<DecodedImage>& image, const Result<ImageInfo>& info,
                  const DecodeOptions& limits) {
  if (!info.ok()) {
    PIXCONV_FUZZ_CHECK(!image.ok());
    return;
  }
  if (!image.ok()) return;
  const ImageFormat& f = image->format;
  PIXCONV_FUZZ_CHECK(f == info->format);
  PIXCONV_FUZZ_CHECK(uint64_t{f.width} * f.height <= limits.max_pixels);
  const Result<size_t> bytes = BufferSize(f);
  PIXCONV_FUZZ_CHECK(bytes.ok() && *bytes == image->pixels.size());
  PIXCONV_FUZZ_CHECK(Validate(image->View()).ok());
}

// DecodeInto a caller buffer shaped by the header, compared with Decode's pixels.
void CheckDecodeInto(const std::vector<uint8_t>& file, const DecodeCase& c,
                     const ImageFormat& f, const Result<DecodedImage>& image) {
  const Result<FormatLayout> layout = ComputeLayout(f);
  PIXCONV_FUZZ_CHECK(layout.ok());  // ReadImageInfo reports only formats of the model
  const size_t row = layout->planes[0].row_bytes;
  const size_t stride = ResolveStride(c.dst_stride, row);
  const Result<size_t> needed = PlaneSize(PlaneGeometry{f.height, row}, stride);
  const size_t length = ResolveLength(c.dst_length, Known(needed), kMaxDestinationBytes);
  std::vector<uint8_t> into(length, kFill);
  const Status status = DecodeInto(file.data(), file.size(),
                                   OutputView{into.data(), into.size(), stride},
                                   c.decode_options());
  const bool fits = needed.ok() && length >= *needed;
  PIXCONV_FUZZ_CHECK(status.ok() == (image.ok() && fits));
  if (!status.ok()) return;
  const RowShape shape{stride ? stride : row, row, f.height};
  PIXCONV_FUZZ_CHECK(OnlyRowsWritten(into, shape, 0, f.height, kFill));
  PIXCONV_FUZZ_CHECK(RowsEqualPacked(into, shape, image->pixels, 0, f.height));
}

// The one-call decode-and-convert forms against Convert of the decoded image.
void CheckDecodeAndConvert(const std::vector<uint8_t>& file, const DecodeCase& c,
                           const ImageFormat& f, const Result<DecodedImage>& image) {
  const ConvertOptions& opts = c.convert;
  // What the one-call forms convert with: Auto is the datatype's range for a decoded file.
  ConvertOptions file_opts = opts;
  if (file_opts.range == RangeMode::Auto && c.decode_options().datatype_range) {
    file_opts.range = RangeMode::Datatype;
  }
  const size_t row = size_t{f.width} * BytesPerPixel(opts.to);
  const size_t stride = ResolveStride(c.dst_stride, row);
  const size_t length = ResolveLength(
      c.dst_length, Known(OutputSize(f.width, f.height, opts.to, stride)), kMaxDestinationBytes);
  std::vector<uint8_t> direct(length, kFill);
  const Status direct_status =
      DecodeAndConvertInto(file.data(), file.size(), OutputView{direct.data(), length, stride},
                           opts, c.decode_options());
  if (!image.ok()) {
    PIXCONV_FUZZ_CHECK(!direct_status.ok());
  } else {
    std::vector<uint8_t> two_step(length, kFill);
    const Status status =
        Convert(image->View(), OutputView{two_step.data(), length, stride}, file_opts);
    PIXCONV_FUZZ_CHECK(direct_status.ok() == status.ok());
    if (status.ok()) {
      PIXCONV_FUZZ_CHECK(OnlyRowsWritten(direct, RowShape{stride ? stride : row, row, f.height},
                                         0, f.height, kFill));
      PIXCONV_FUZZ_CHECK(direct == two_step);
    }
  }

  const Result<DecodedImage> converted =
      DecodeAndConvert(file.data(), file.size(), opts, c.decode_options());
  if (!image.ok()) {
    PIXCONV_FUZZ_CHECK(!converted.ok());
    return;
  }
  const Result<size_t> packed_size = OutputSize(f.width, f.height, opts.to);
  std::vector<uint8_t> packed(packed_size.ok() ? *packed_size : 0);
  const Status status =
      Convert(image->View(), OutputView{packed.data(), packed.size(), 0}, file_opts);
  PIXCONV_FUZZ_CHECK(converted.ok() == status.ok());
  if (!converted.ok()) return;
  const ImageFormat& g = converted->format;
  PIXCONV_FUZZ_CHECK(g.width == f.width && g.height == f.height && !g.pixel_format);
  PIXCONV_FUZZ_CHECK(g.color_model ==
                     (opts.order == ChannelOrder::BGRA ? ColorModel::BGRA : ColorModel::RGBA));
  PIXCONV_FUZZ_CHECK(g.datatype ==
                     (opts.to == OutputType::RGBA8 ? ChannelDatatype::U8 : ChannelDatatype::F32));
  PIXCONV_FUZZ_CHECK(converted->pixels == packed);
}

}  // namespace

Outcome FuzzDecode(const uint8_t* data, size_t size) {
  const DecodeCase c = ParseDecodeCase(data, size);
  const ScopedTargetChoice target(c.target);
  // The file in an allocation of its own, so that a read before its first byte is as
  // visible to AddressSanitizer as one past its last.
  const std::vector<uint8_t> file(c.file.begin(), c.file.end());
  const DecodeOptions limits = c.decode_options();

  const Result<ImageInfo> info = ReadImageInfo(file.data(), file.size(), limits);
  const Result<DecodedImage> image = Decode(file.data(), file.size(), limits);
  CheckDecoded(image, info, limits);
  if (!info.ok()) return Outcome::kRejected;
  PIXCONV_FUZZ_CHECK(info->codec == DetectCodec(file.data(), file.size()));
  CheckDecodeInto(file, c, info->format, image);
  CheckDecodeAndConvert(file, c, info->format, image);
  return image.ok() ? Outcome::kAccepted : Outcome::kRejected;
}

}  // namespace pixconv::fuzz
