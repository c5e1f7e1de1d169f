// The differential PNG target: the fast decoder (lib/decode/png_fast.cc) against libpng on
// the same bytes. Where the fast decoder takes a file it must produce libpng's pixels, in the
// input model and as RGBA8, and never accept a file libpng rejects; the public Decode (fast,
// with libpng behind it) must agree with libpng alone on every input.
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "decode/reader.h"
#include "finding.h"
#include "pixconv/decode.h"
#include "targets.h"

namespace pixconv::fuzz {
namespace {

using decode_internal::CodecReader;
using decode_internal::RowLayout;
using decode_internal::RowTarget;

// Larger images cost time without reaching new code.
constexpr uint64_t kMaxPixels = uint64_t{1} << 20;

bool SameInfo(const ImageInfo& a, const ImageInfo& b) {
  return a.codec == b.codec && a.bit_depth == b.bit_depth && a.format == b.format;
}

size_t RowBytes(const ImageInfo& info, RowLayout layout) {
  const size_t pixel = layout != RowLayout::kModel
                           ? 4
                           : static_cast<size_t>(ChannelCount(info.format.color_model)) *
                                 BytesPerSample(info.format.datatype);
  return pixel * info.format.width;
}

// Reads every row; an empty vector on error (decoded images are never empty), with the
// error's message in *error.
std::vector<uint8_t> ReadAll(CodecReader& reader, RowLayout layout, std::string* error) {
  const ImageInfo& info = reader.info();
  const size_t row = RowBytes(info, layout);
  std::vector<uint8_t> out(row * info.format.height);
  const Status status = reader.Read(RowTarget{out.data(), row, layout});
  if (!status.ok()) {
    *error = status.message();
    return {};
  }
  return out;
}

// The one accepted difference (png_fast_test.cc has its test): a fixed-Huffman block using
// literal/length symbol 286 or 287, which RFC 1951 reserves. zlib, and so libpng, rejects
// the stream; libdeflate decodes those symbols as length 258, like 285, and the stream's
// Adler-32 then confirms the bytes, so the fast decoder gives an image where libpng gives
// this error.
bool IsReservedSymbolClass(const std::string& libpng_error) {
  return libpng_error == "PNG: IDAT: invalid literal/length code";
}

}  // namespace

Outcome FuzzPngDiff(const uint8_t* data, size_t size) {
  if (DetectCodec(data, size) != Codec::Png) return Outcome::kRejected;
  Result<std::unique_ptr<CodecReader>> libpng =
      decode_internal::OpenPngWithLibpng(data, size);
  Result<std::unique_ptr<CodecReader>> fast = decode_internal::OpenPngFastOnly(data, size);
  if (fast.ok()) {
    PIXCONV_FUZZ_CHECK(libpng.ok());
    PIXCONV_FUZZ_CHECK(SameInfo(fast.value()->info(), libpng.value()->info()));
  }
  if (!libpng.ok()) {
    PIXCONV_FUZZ_CHECK(!Decode(data, size).ok());
    return Outcome::kRejected;
  }
  const ImageInfo info = libpng.value()->info();
  const uint64_t pixels = uint64_t{info.format.width} * info.format.height;
  if (pixels == 0 || pixels > kMaxPixels) return Outcome::kRejected;

  // Each layout gets fresh readers: a reader reads once. 16-bit files to RGBA8 compare the
  // fast decoder's unfiltering and expansion with libpng's model rounded by the same kernel.
  for (const RowLayout layout : {RowLayout::kModel, RowLayout::kRgba8}) {
    Result<std::unique_ptr<CodecReader>> reference =
        decode_internal::OpenPngWithLibpng(data, size);
    PIXCONV_FUZZ_CHECK(reference.ok());
    std::string libpng_error, fast_error;
    const std::vector<uint8_t> expected = ReadAll(*reference.value(), layout, &libpng_error);
    Result<std::unique_ptr<CodecReader>> fast_reader =
        decode_internal::OpenPngFastOnly(data, size);
    bool accepted_difference = false;
    if (fast_reader.ok()) {
      const std::vector<uint8_t> got = ReadAll(*fast_reader.value(), layout, &fast_error);
      // The fast decoder either hands the file over (nothing written that counts) or agrees.
      if (!got.empty()) {
        accepted_difference = expected.empty() && IsReservedSymbolClass(libpng_error);
        PIXCONV_FUZZ_CHECK(!expected.empty() || accepted_difference);
        PIXCONV_FUZZ_CHECK(got == expected || accepted_difference);
      }
    }
    if (layout == RowLayout::kModel && !accepted_difference) {
      DecodeOptions options;
      options.max_pixels = kMaxPixels;
      const Result<DecodedImage> decoded = Decode(data, size, options);
      PIXCONV_FUZZ_CHECK(decoded.ok() == !expected.empty());
      if (decoded.ok()) PIXCONV_FUZZ_CHECK(decoded->pixels == expected);
    }
    if (accepted_difference) return Outcome::kAccepted;
    if (expected.empty()) return Outcome::kRejected;
  }
  return Outcome::kAccepted;
}

}  // namespace pixconv::fuzz
