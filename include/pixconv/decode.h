// Decoding JPEG and PNG files into the input model (lib/README.md section 5), or straight to
// RGBA8 / RGBA f32 in one call.
//
//   pixconv::Result<pixconv::DecodedImage> image = pixconv::Decode(bytes, num_bytes);
//   if (!image.ok()) return image.status();  // "corrupt data: PNG: IDAT: CRC error"
//   pixconv::Status s = pixconv::Convert(image->View(), {rgba.data(), rgba.size()});
//
// or, sizing a caller-owned buffer from the header first:
//
//   pixconv::Result<pixconv::ImageInfo> info = pixconv::ReadImageInfo(bytes, num_bytes);
//   std::vector<uint8_t> rgba(4 * size_t{info->format.width} * info->format.height);
//   pixconv::Status s =
//       pixconv::DecodeAndConvertInto(bytes, num_bytes, {rgba.data(), rgba.size()});
//
// The format is detected from the first bytes, never from a file name. Nothing here throws,
// aborts or prints (libjpeg's and libpng's messages become Status messages), and any input,
// however corrupt or truncated, gives either an image or an error.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/export.h"
#include "pixconv/layout.h"
#include "pixconv/model.h"
#include "pixconv/status.h"

namespace pixconv {

enum class Codec : uint8_t { Unknown = 0, Jpeg = 1, Png = 2 };

// Codec::Jpeg for data starting FF D8 FF, Codec::Png for the 8-byte PNG signature,
// Codec::Unknown for anything else (including data too short to tell).
PIXCONV_EXPORT Codec DetectCodec(const void* data, size_t size);

// "JPEG", "PNG" or "unknown".
PIXCONV_EXPORT std::string_view Name(Codec codec);

struct DecodeOptions {
  // Largest width * height accepted. Checked from the header, before any pixel memory is
  // allocated, so a small file claiming a huge image (a decompression bomb) fails fast with
  // kLimitExceeded. The default, 2^28, is 16384 x 16384.
  uint64_t max_pixels = uint64_t{1} << 28;
  // Largest number of scans accepted in a progressive JPEG. Each scan is a pass over the whole
  // coefficient buffer, so a small file with many tiny scans costs far more time than its size
  // suggests; real encoders write about 10. kLimitExceeded above it.
  uint32_t max_jpeg_scans = 1000;
  // The one-call forms (DecodeAndConvert, DecodeAndConvertInto) map a file's samples by their
  // datatype's range where ConvertOptions::range is Auto: the PNG specification defines a
  // 16-bit file's white as 65535, and every image tool shows it scaled by that. false keeps
  // Rerun's Auto rule (a 16-bit image's own min..max; lib/README.md 3.1). 8-bit files give the
  // same result either way. Not in the C ABI, whose one-call forms always use the datatype.
  bool datatype_range = true;
};

// What a file holds, from its header alone.
struct ImageInfo {
  Codec codec = Codec::Unknown;
  // The image Decode produces: width, height, color model and datatype.
  //   JPEG: grayscale -> L/U8; YCbCr, RGB, CMYK and YCCK -> RGB/U8 (CMYK and YCCK are read
  //         as Adobe's inverted CMYK, as Photoshop writes them and browsers read them).
  //   PNG:  gray -> L; RGB -> RGB; gray+alpha, RGBA, and any color type with tRNS -> RGBA;
  //         palette -> RGB (RGBA with tRNS). U8, or U16 (native byte order) for 16-bit files.
  //         Gray 1/2/4-bit samples are scaled to 8 bits (v * 255 / (2^bits - 1)).
  // gAMA, iCCP, cHRM, sRGB and EXIF are ignored, as in Rerun.
  ImageFormat format;
  // Bits per sample in the file: PNG 1, 2, 4, 8 or 16 (for palette images, bits per index);
  // JPEG 8 (12-bit and lossless JPEGs are kUnsupported: libjpeg-turbo 2.x decodes 8-bit
  // JPEGs only).
  int bit_depth = 0;
};

// Reads the header only (JPEG: the markers up to the first scan; PNG: the chunks up to the
// first IDAT). Errors: kUnsupported (not JPEG/PNG, 12-bit or lossless JPEG the library cannot
// decode, unknown JPEG color space), kCorruptData, kBadDimensions (above kMaxDimension),
// kLimitExceeded (above options.max_pixels).
PIXCONV_EXPORT
Result<ImageInfo> ReadImageInfo(const void* data, size_t size, const DecodeOptions& options = {});

// An image that owns its pixels: tightly packed rows of `format`.
struct DecodedImage {
  ImageFormat format;
  std::vector<uint8_t> pixels;  // allocated by operator new, so aligned for any sample type

  // A view over `pixels`, valid while the image is alive and `pixels` is not resized.
  // A default-constructed image gives an empty view that Validate and Convert reject.
  PIXCONV_EXPORT ImageView View() const;
};

// Decodes into a new image of ReadImageInfo(...).format.
PIXCONV_EXPORT
Result<DecodedImage> Decode(const void* data, size_t size, const DecodeOptions& options = {});

// Decodes into caller memory holding ReadImageInfo(...).format: `dst.size` bytes, rows
// `dst.stride` bytes apart (0 = packed, width * channels * bytes per sample); bytes between
// rows are not touched. On error the destination holds partial output.
// Errors: those of ReadImageInfo, kCorruptData for damaged image data, and for the
// destination kBufferTooSmall, kBadStride, kInvalidArgument (null).
PIXCONV_EXPORT
Status DecodeInto(const void* data, size_t size, const OutputView& dst,
                  const DecodeOptions& options = {});

// Decode, then Convert with `convert` — in one call, with the same result as
// Convert(Decode(data, size)->View(), dst, convert), but without the intermediate image where
// the codec can write the output itself (8-bit files to RGBA8 / BGRA8 when the options leave
// 8-bit samples as they are: Auto or Datatype range, no transfer change, no premultiply).
// RangeMode::Auto (the default) means the datatype's range here, so a 16-bit PNG's 0..65535
// maps to 0..1 as other decoders do; DecodeOptions::datatype_range = false keeps Rerun's
// data-dependent Auto range (lib/README.md 3.1).
// `dst` must hold OutputSize(width, height, convert.to, dst.stride) bytes.
PIXCONV_EXPORT
Status DecodeAndConvertInto(const void* data, size_t size, const OutputView& dst,
                            const ConvertOptions& convert = {},
                            const DecodeOptions& options = {});

// The same into a new image: RGBA or BGRA (convert.order), U8 (RGBA8) or F32 (RGBAF32),
// packed rows. A premultiplied result is not marked as such.
PIXCONV_EXPORT
Result<DecodedImage> DecodeAndConvert(const void* data, size_t size,
                                      const ConvertOptions& convert = {},
                                      const DecodeOptions& options = {});

}  // namespace pixconv
