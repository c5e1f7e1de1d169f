// Size arithmetic where size_t has 32 bits, simulated: internal::ScopedSizeLimitForTest makes
// every checked size above UINT32_MAX an overflow, exactly where a 32-bit build's arithmetic
// would wrap. Each case shows both sides: the size is computed correctly with the 64-bit
// size_t this build has, and fails with kSizeOverflow, before any allocation or any row is
// touched, under the simulation. Images that fit 4 GiB keep working under it.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "decode_test_util.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"
#include "test_hooks.h"

namespace pixconv::robustness {
namespace {

using internal::ScopedSizeLimitForTest;

constexpr size_t k32 = UINT32_MAX;
static_assert(sizeof(size_t) == 8, "this test simulates 32 bits on a 64-bit build");

TEST_CASE("32-bit size_t: buffer sizes above 4 GiB overflow, the largest that fits does not") {
  const ImageFormat fits = ImageFormat::Color(65535, 65537, ColorModel::L, ChannelDatatype::U8);
  const ImageFormat one_more = ImageFormat::Color(65536, 65536, ColorModel::L, ChannelDatatype::U8);
  const ImageFormat nv12 = ImageFormat::Pixel(65536, 65536, PixelFormat::NV12);
  const ImageFormat f32 = ImageFormat::Color(16384, 16384, ColorModel::RGBA, ChannelDatatype::F32);
  // Three planes of 1.6 GB: each fits, their sum does not.
  const ImageFormat i444 = ImageFormat::Pixel(40000, 40000, PixelFormat::Y_U_V24_FullRange);
  const ImageFormat strided = ImageFormat::Color(1000, 1000, ColorModel::L, ChannelDatatype::U8);
  const std::array<size_t, kMaxPlanes> big_stride = {size_t{1} << 23, 0, 0};

  CHECK(*BufferSize(fits) == k32);  // 65535 * 65537 = 2^32 - 1
  CHECK(*BufferSize(one_more) == k32 + 1);
  CHECK(*BufferSize(nv12) == (k32 + 1) * 3 / 2);
  CHECK(*BufferSize(f32) == k32 + 1);
  CHECK(*BufferSize(i444) == size_t{3} * 40000 * 40000);
  CHECK(*BufferSize(strided, big_stride) == (size_t{1} << 23) * 999 + 1000);

  ScopedSizeLimitForTest simulate(k32);
  CHECK(*BufferSize(fits) == k32);
  EXPECT_ERROR(BufferSize(one_more).status(), StatusCode::kSizeOverflow,
               "L/U8 65536x65536 image: plane size overflows size_t");
  EXPECT_ERROR(BufferSize(nv12).status(), StatusCode::kSizeOverflow,
               "NV12 65536x65536 Y plane: plane size overflows size_t");
  EXPECT_ERROR(BufferSize(f32).status(), StatusCode::kSizeOverflow, "RGBA/F32 16384x16384 image");
  EXPECT_ERROR(BufferSize(i444).status(), StatusCode::kSizeOverflow,
               "Y_U_V24_FullRange 40000x40000: buffer size overflows size_t");
  EXPECT_ERROR(BufferSize(strided, big_stride).status(), StatusCode::kSizeOverflow,
               "plane size overflows size_t");
  // The layout itself (rows of at most 2^24 * 32 bytes) always fits.
  CHECK(ComputeLayout(ImageFormat::Color(kMaxDimension, kMaxDimension, ColorModel::RGBA,
                                         ChannelDatatype::F64))
            .ok());
}

TEST_CASE("32-bit size_t: views of images above 4 GiB") {
  // Single-plane views over a one-byte buffer that claims to be larger: only sizes are
  // computed, no byte beyond the first is ever read (no conversion runs).
  std::vector<uint8_t> byte(1);
  const ImageFormat f32 = ImageFormat::Color(16384, 16384, ColorModel::RGBA, ChannelDatatype::F32);
  const ImageFormat yuy2 = ImageFormat::Pixel(65536, 65536, PixelFormat::YUY2);  // 8 GiB
  const ImageFormat gray = ImageFormat::Color(1000, 1000, ColorModel::L, ChannelDatatype::U8);
  const PlaneView huge{byte.data(), SIZE_MAX, 0};
  const PlaneView huge_stride{byte.data(), SIZE_MAX, size_t{1} << 23};
  CHECK(MakeImageView(f32, byte.data(), SIZE_MAX).ok());
  CHECK(MakePlanarView(yuy2, {huge, PlaneView{}, PlaneView{}}).ok());
  CHECK(MakePlanarView(gray, {huge_stride, PlaneView{}, PlaneView{}}).ok());

  ScopedSizeLimitForTest simulate(k32);
  EXPECT_ERROR(MakeImageView(f32, byte.data(), SIZE_MAX).status(), StatusCode::kSizeOverflow,
               "RGBA/F32 16384x16384 image: plane size overflows size_t");
  EXPECT_ERROR(MakePlanarView(yuy2, {huge, PlaneView{}, PlaneView{}}).status(),
               StatusCode::kSizeOverflow, "YUY2 65536x65536 image: plane size overflows size_t");
  EXPECT_ERROR(MakePlanarView(gray, {huge_stride, PlaneView{}, PlaneView{}}).status(),
               StatusCode::kSizeOverflow, "L/U8 1000x1000 image: plane size overflows size_t");
}

TEST_CASE("32-bit size_t: destinations above 4 GiB") {
  CHECK(*OutputSize(32768, 32768, OutputType::RGBA8) == k32 + 1);
  CHECK(*OutputSize(32767, 32768, OutputType::RGBA8) == k32 + 1 - 4 * 32768);
  CHECK(*OutputSize(16384, 16384, OutputType::RGBAF32) == k32 + 1);
  // A converter for a 32768x32768 L/U8 image (1 GiB: fits) with a 4 GiB RGBA8 destination.
  // The empty band [0, 0) checks the destination and converts nothing; the source bytes
  // past the first are never read.
  std::vector<uint8_t> byte(1), out(16);
  const ImageView src = *MakeImageView(
      ImageFormat::Color(32768, 32768, ColorModel::L, ChannelDatatype::U8), byte.data(), SIZE_MAX);
  Result<Converter> converter = Converter::Create(src);
  REQUIRE(converter.ok());
  EXPECT_ERROR(converter->ConvertRows(src, {out.data(), out.size()}, 0, 0),
               StatusCode::kBufferTooSmall, "needs 4294967296 bytes, buffer has 16");

  ScopedSizeLimitForTest simulate(k32);
  CHECK(*OutputSize(32767, 32768, OutputType::RGBA8) == k32 + 1 - 4 * 32768);
  EXPECT_ERROR(OutputSize(32768, 32768, OutputType::RGBA8).status(), StatusCode::kSizeOverflow,
               "output 32768x32768 RGBA8: plane size overflows size_t");
  EXPECT_ERROR(OutputSize(16384, 16384, OutputType::RGBAF32).status(), StatusCode::kSizeOverflow,
               "output 16384x16384 RGBAF32");
  EXPECT_ERROR(converter->ConvertRows(src, {out.data(), SIZE_MAX}, 0, 0), StatusCode::kSizeOverflow,
               "output 32768x32768 RGBA8");
}

// Files whose headers claim images too large for a 32-bit size_t, within a raised pixel limit.
struct LargeFiles {
  DecodeOptions options;
  // 65536 x 65536 gray (4 GiB decoded), 32768 x 16384 RGBA16 (4 GiB decoded, 2 GiB as RGBA8),
  // and testorig.jpg claiming 40000 x 40000 (4.8 GB as RGB). No image data behind any of them.
  std::vector<uint8_t> gray = decode_test::PngWithoutImageData(65536, 65536, 8, 0);
  std::vector<uint8_t> rgba16 = decode_test::PngWithoutImageData(32768, 16384, 16, 6);
  std::vector<uint8_t> jpeg = SmallJpeg();

  LargeFiles() {
    options.max_pixels = uint64_t{1} << 32;
    size_t sof = 2;
    while (sof + 9 < jpeg.size() && !(jpeg[sof] == 0xFF && jpeg[sof + 1] == 0xC0)) ++sof;
    REQUIRE(sof + 9 < jpeg.size());
    jpeg[sof + 5] = jpeg[sof + 7] = 40000 >> 8;  // height, width (big-endian)
    jpeg[sof + 6] = jpeg[sof + 8] = 40000 & 0xFF;
  }
};

TEST_CASE("32-bit size_t: decoders size their images before allocating") {
  LargeFiles files;
  const DecodeOptions& o = files.options;
  std::vector<uint8_t> small(64);
  const OutputView dst{small.data(), small.size()};
  // 64 bits: the headers are read, and the sizes come out right (the destinations are small).
  // Not a structured binding: clang before 16 cannot capture one (CAPTURE is a lambda).
  for (const auto& file_bytes : {std::pair{&files.gray, std::string("4294967296")},
                                 std::pair{&files.rgba16, std::string("4294967296")},
                                 std::pair{&files.jpeg, std::string("4800000000")}}) {
    const std::vector<uint8_t>* file = file_bytes.first;
    const std::string& bytes = file_bytes.second;
    CAPTURE(bytes);
    REQUIRE(ReadImageInfo(file->data(), file->size(), o).ok());
    EXPECT_ERROR(DecodeInto(file->data(), file->size(), dst, o), StatusCode::kBufferTooSmall,
                 "needs " + bytes + " bytes");
  }
  EXPECT_ERROR(DecodeAndConvertInto(files.rgba16.data(), files.rgba16.size(), dst, {}, o),
               StatusCode::kBufferTooSmall, "needs 2147483648 bytes");

  ScopedSizeLimitForTest simulate(k32);
  for (const std::vector<uint8_t>* file : {&files.gray, &files.rgba16, &files.jpeg}) {
    REQUIRE(ReadImageInfo(file->data(), file->size(), o).ok());  // the header alone still fits
    EXPECT_ERROR(Decode(file->data(), file->size(), o).status(), StatusCode::kSizeOverflow,
                 "overflows size_t");
    EXPECT_ERROR(DecodeInto(file->data(), file->size(), dst, o), StatusCode::kSizeOverflow,
                 "overflows size_t");
  }
  EXPECT_ERROR(Decode(files.jpeg.data(), files.jpeg.size(), o).status(), StatusCode::kSizeOverflow,
               "RGB/U8 40000x40000 image: plane size overflows");
  // The RGBA8 result of the RGBA16 file fits (2 GiB), the RGBA16 image it is converted from
  // does not: both are sized before either is allocated.
  EXPECT_ERROR(DecodeAndConvert(files.rgba16.data(), files.rgba16.size(), {}, o).status(),
               StatusCode::kSizeOverflow,
               "PNG RGBA/U16 32768x16384: the decoded image it converts from: ");
  ConvertOptions f32;
  f32.to = OutputType::RGBAF32;
  EXPECT_ERROR(DecodeAndConvert(files.gray.data(), files.gray.size(), f32, o).status(),
               StatusCode::kSizeOverflow, "output 65536x65536 RGBAF32");
  EXPECT_ERROR(DecodeAndConvertInto(files.gray.data(), files.gray.size(), dst, f32, o),
               StatusCode::kSizeOverflow, "RGBAF32 output of PNG L/U8 65536x65536");
}

TEST_CASE("32-bit size_t: the C ABI's sizes") {
  pixconv_image_format gray = {65536, 65536, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_L,
                               PIXCONV_DATATYPE_U8};
  size_t size = 0;
  CHECK(pixconv_buffer_size(&gray, nullptr, &size) == PIXCONV_OK);
  CHECK(size == k32 + 1);
  CHECK(pixconv_output_size(32768, 32768, PIXCONV_OUTPUT_RGBA8, 0, &size) == PIXCONV_OK);
  CHECK(size == k32 + 1);

  ScopedSizeLimitForTest simulate(k32);
  size = 7;
  CHECK(pixconv_buffer_size(&gray, nullptr, &size) == PIXCONV_ERROR_SIZE_OVERFLOW);
  CHECK(std::string(pixconv_last_error()) ==
        "size overflow: L/U8 65536x65536 image: plane size overflows size_t");
  CHECK(pixconv_output_size(32768, 32768, PIXCONV_OUTPUT_RGBA8, 0, &size) ==
        PIXCONV_ERROR_SIZE_OVERFLOW);
  CHECK(size == 7);  // not written on failure
}

TEST_CASE("32-bit size_t: images that fit convert and decode as before") {
  // A 1080p NV12 frame and a PNG under the simulation: the limit applies to sizes only, not
  // to the address arithmetic of the kernels.
  std::vector<uint8_t> nv12(1920 * 1080 * 3 / 2, 128), a(1920 * 1080 * 4), b(a.size());
  const ImageView view =
      *MakeImageView(ImageFormat::Pixel(1920, 1080, PixelFormat::NV12), nv12.data(), nv12.size());
  REQUIRE(Convert(view, {a.data(), a.size()}).ok());
  const std::vector<uint8_t> png = SmallPng();
  Result<DecodedImage> before = DecodeAndConvert(png.data(), png.size());
  REQUIRE(before.ok());

  ScopedSizeLimitForTest simulate(k32);
  REQUIRE(Convert(view, {b.data(), b.size()}).ok());
  CHECK(a == b);
  Result<DecodedImage> after = DecodeAndConvert(png.data(), png.size());
  REQUIRE(after.ok());
  CHECK(after->pixels == before->pixels);
}

}  // namespace
}  // namespace pixconv::robustness
