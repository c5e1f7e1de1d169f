// Values outside their enums, in every field that holds one: the image format's pixel format,
// color model and datatype, and every enum field of ConvertOptions, through the C++ API and
// the C ABI (whose uint32_t fields can hold values above a byte), plus the C ABI's
// struct_size, the version of an options struct.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/parallel.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"

namespace pixconv::robustness {
namespace {

TEST_CASE("unknown values in the image format") {
  std::vector<uint8_t> buf(64);
  const auto status = [&](const ImageFormat& f) {
    return MakeImageView(f, buf.data(), 64).status();
  };
  for (const int value : {0, 19, 21, 51, 255}) {
    CAPTURE(value);
    EXPECT_ERROR(status(ImageFormat::Pixel(2, 2, static_cast<PixelFormat>(value))),
                 StatusCode::kUnknownEnum, "unknown pixel format value " + std::to_string(value));
  }
  for (const int value : {0, 6, 255}) {
    CAPTURE(value);
    EXPECT_ERROR(
        status(ImageFormat::Color(2, 2, static_cast<ColorModel>(value), ChannelDatatype::U8)),
        StatusCode::kUnknownEnum, "unknown color model value " + std::to_string(value));
  }
  for (const int value : {0, 5, 14, 32, 36, 255}) {
    CAPTURE(value);
    EXPECT_ERROR(
        status(ImageFormat::Color(2, 2, ColorModel::RGB, static_cast<ChannelDatatype>(value))),
        StatusCode::kUnknownEnum, "unknown channel datatype value " + std::to_string(value));
  }
  // A pixel format wins: an invalid color model and datatype beside it are ignored, as in Rerun.
  ImageFormat f = ImageFormat::Pixel(2, 2, PixelFormat::Y8_FullRange);
  f.color_model = static_cast<ColorModel>(99);
  f.datatype = static_cast<ChannelDatatype>(99);
  CHECK(MakeImageView(f, buf.data(), 4).ok());
  // Name() and the properties answer for any value instead of reading out of a table.
  CHECK(Name(static_cast<PixelFormat>(99)) == "unknown");
  CHECK(Name(static_cast<ColorModel>(99)) == "unknown");
  CHECK(Name(static_cast<ChannelDatatype>(99)) == "unknown");
  CHECK(Name(static_cast<Codec>(99)) == "unknown");
  CHECK(BitsPerSample(static_cast<ChannelDatatype>(99)) == 0);
  CHECK(std::string(StatusCodeName(static_cast<StatusCode>(99))) == "unknown status");
}

// Each enum field of ConvertOptions, its first value past the end, and its name in messages.
struct OptionField {
  const char* name;
  int first_invalid;
  std::function<void(ConvertOptions&, int)> set;
};

std::vector<OptionField> OptionFields() {
  return {
      {"output type", 2, [](ConvertOptions& o, int v) { o.to = static_cast<OutputType>(v); }},
      {"channel order", 2,
       [](ConvertOptions& o, int v) { o.order = static_cast<ChannelOrder>(v); }},
      {"range mode", 4, [](ConvertOptions& o, int v) { o.range = static_cast<RangeMode>(v); }},
      {"input transfer", 3,
       [](ConvertOptions& o, int v) { o.input_transfer = static_cast<InputTransfer>(v); }},
      {"output transfer", 3,
       [](ConvertOptions& o, int v) { o.output_transfer = static_cast<OutputTransfer>(v); }},
      {"YUV matrix", 4, [](ConvertOptions& o, int v) { o.yuv_matrix = static_cast<YuvMatrix>(v); }},
      {"YUV range", 3, [](ConvertOptions& o, int v) { o.yuv_range = static_cast<YuvRange>(v); }},
      {"chroma filter", 2,
       [](ConvertOptions& o, int v) { o.chroma = static_cast<ChromaFilter>(v); }},
      {"colormap", 10, [](ConvertOptions& o, int v) { o.colormap = static_cast<Colormap>(v); }},
  };
}

int runs = 0;
void CountingRunner(void*, uint32_t count, TaskFn task, void* task_data) {
  ++runs;
  for (uint32_t i = 0; i < count; ++i) task(task_data, i);
}

TEST_CASE("unknown values in every ConvertOptions field, on every entry point") {
  // An L image (so a colormap would apply) and an NV12 one (so the YUV fields would).
  std::vector<uint8_t> l(16, 9), nv12(24, 128), out(16 * 16);
  const ImageView gray =
      *MakeImageView(ImageFormat::Color(4, 4, ColorModel::L, ChannelDatatype::U8), l.data(), 16);
  const ImageView yuv =
      *MakeImageView(ImageFormat::Pixel(4, 4, PixelFormat::NV12), nv12.data(), 24);
  const std::vector<uint8_t> png = SmallPng();
  const OutputView dst{out.data(), out.size()};
  for (const OptionField& field : OptionFields()) {
    for (const int value : {field.first_invalid, 255}) {
      CAPTURE(field.name);
      CAPTURE(value);
      ConvertOptions o;
      field.set(o, value);
      const std::string message =
          std::string("unknown ") + field.name + " value " + std::to_string(value);
      for (const ImageView* view : {&gray, &yuv}) {
        EXPECT_ERROR(Converter::Create(*view, o).status(), StatusCode::kUnknownEnum, message);
        EXPECT_ERROR(Convert(*view, dst, o), StatusCode::kUnknownEnum, message);
        EXPECT_ERROR(ConvertParallel(*view, dst, o, 2), StatusCode::kUnknownEnum, message);
        runs = 0;
        EXPECT_ERROR(ConvertWithRunner(*view, dst, o, TaskRunner{&CountingRunner, nullptr}, 2),
                     StatusCode::kUnknownEnum, message);
        CHECK(runs == 0);
      }
      EXPECT_ERROR(DecodeAndConvertInto(png.data(), png.size(), dst, o), StatusCode::kUnknownEnum,
                   message);
      EXPECT_ERROR(DecodeAndConvert(png.data(), png.size(), o).status(), StatusCode::kUnknownEnum,
                   message);
    }
  }
  EXPECT_ERROR(OutputSize(4, 4, static_cast<OutputType>(2)).status(), StatusCode::kUnknownEnum,
               "unknown output type value 2");
}

// The C ABI's option fields, by name, for setting one to a value.
struct CField {
  const char* name;
  size_t offset;
  int first_invalid;
};
#define PIXCONV_CFIELD(field, name, first_invalid) \
  CField { name, offsetof(pixconv_convert_options, field), first_invalid }
const CField kCFields[] = {
    PIXCONV_CFIELD(output_type, "output type", 2),
    PIXCONV_CFIELD(channel_order, "channel order", 2),
    PIXCONV_CFIELD(range_mode, "range mode", 4),
    PIXCONV_CFIELD(input_transfer, "input transfer", 3),
    PIXCONV_CFIELD(output_transfer, "output transfer", 3),
    PIXCONV_CFIELD(yuv_matrix, "YUV matrix", 4),
    PIXCONV_CFIELD(yuv_range, "YUV range", 3),
    PIXCONV_CFIELD(chroma_filter, "chroma filter", 2),
    PIXCONV_CFIELD(colormap, "colormap", 10),
};
#undef PIXCONV_CFIELD

TEST_CASE("the C ABI: unknown values, including those that do not fit a byte") {
  std::vector<uint8_t> l(16, 9), out(16 * 16);
  pixconv_image image{};
  image.format = {4, 4, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_L, PIXCONV_DATATYPE_U8};
  image.planes[0] = {l.data(), l.size(), 0};
  pixconv_output dst{out.data(), out.size(), 0};
  for (const CField& field : kCFields) {
    // 256 + a valid value must not wrap onto the valid value.
    for (const uint32_t value : {uint32_t(field.first_invalid), 255u, 256u, 0xFFFFFFFFu}) {
      CAPTURE(field.name);
      CAPTURE(value);
      pixconv_convert_options o;
      pixconv_convert_options_init(&o);
      std::memcpy(reinterpret_cast<char*>(&o) + field.offset, &value, sizeof value);
      CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_ERROR_UNKNOWN_ENUM);
      const std::string expected = std::string("unknown enum value: unknown ") + field.name +
                                   " value " + std::to_string(value);
      CHECK(std::string(pixconv_last_error()) == expected);
    }
  }
  for (const uint32_t value : {21u, 256u + PIXCONV_PIXEL_FORMAT_NV12}) {
    image.format.pixel_format = value;
    CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_UNKNOWN_ENUM);
    CHECK(std::string(pixconv_last_error()) ==
          "unknown enum value: unknown pixel format value " + std::to_string(value));
  }
  image.format.pixel_format = PIXCONV_PIXEL_FORMAT_NONE;
  image.format.color_model = 256 + PIXCONV_COLOR_MODEL_L;
  CHECK(pixconv_validate_image(&image) == PIXCONV_ERROR_UNKNOWN_ENUM);
  CHECK(std::string(pixconv_last_error()) == "unknown enum value: unknown color model value 257");
  size_t size = 0;
  CHECK(pixconv_output_size(4, 4, 256, 0, &size) == PIXCONV_ERROR_UNKNOWN_ENUM);
  CHECK(std::string(pixconv_last_error()) == "unknown enum value: unknown output type value 256");
  CHECK(std::string(pixconv_status_name(-1)) == "unknown status");
}

TEST_CASE("the C ABI: the init functions never write past the caller's struct") {
  // A binary built against the first pixconv_convert_options (up to class_color_count) calls
  // the init symbol without a size: it must write exactly that version, not today's struct.
  constexpr size_t kV1 = offsetof(pixconv_convert_options, clamp);
  struct alignas(pixconv_convert_options) Guarded {
    uint8_t bytes[sizeof(pixconv_convert_options) + 16];
  } g;
  std::memset(g.bytes, 0xAB, sizeof g.bytes);
  auto* o = reinterpret_cast<pixconv_convert_options*>(g.bytes);
  (pixconv_convert_options_init)(o);  // the symbol, not the header's macro
  CHECK(o->struct_size == kV1);
  CHECK(o->range_hi == 1.0);
  for (size_t i = kV1; i < sizeof g.bytes; ++i) REQUIRE(g.bytes[i] == 0xAB);

  // Through the macro: the whole struct, clamp on by default.
  std::memset(g.bytes, 0xAB, sizeof g.bytes);
  pixconv_convert_options_init(o);
  CHECK(o->struct_size == sizeof(pixconv_convert_options));
  CHECK(o->clamp == 1);
  for (size_t i = sizeof(pixconv_convert_options); i < sizeof g.bytes; ++i) {
    REQUIRE(g.bytes[i] == 0xAB);
  }

  // Any size: the fields that fit and nothing more; a size inside a field stops before it.
  for (const size_t size : {size_t{0}, size_t{3}, size_t{4}, size_t{14}, size_t{70}, kV1}) {
    CAPTURE(size);
    std::memset(g.bytes, 0xAB, sizeof g.bytes);
    pixconv_convert_options_init_size(o, size);
    for (size_t i = size; i < sizeof g.bytes; ++i) REQUIRE(g.bytes[i] == 0xAB);
    if (size >= 4) CHECK(o->struct_size <= size);
  }

  // Decode options have one version so far: the symbol and the macro agree.
  pixconv_decode_options d1, d2;
  (pixconv_decode_options_init)(&d1);
  pixconv_decode_options_init(&d2);
  CHECK(d1.struct_size == sizeof d1);
  CHECK(d2.struct_size == sizeof d2);
  CHECK(d1.max_pixels == d2.max_pixels);
}

TEST_CASE("the C ABI: clamp") {
  // RGB F32 with a value above 1 to RGBA f32: kept with clamp 0, clamped by default; RGBA8
  // with clamp 0 is an invalid argument.
  const float rgb[3] = {2.0f, 0.5f, -1.0f};
  float out[4] = {};
  pixconv_image image{};
  image.format = {1, 1, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_RGB, PIXCONV_DATATYPE_F32};
  image.planes[0] = {rgb, sizeof rgb, 0};
  pixconv_output dst{out, sizeof out, 0};
  pixconv_convert_options o;
  pixconv_convert_options_init(&o);
  o.output_type = PIXCONV_OUTPUT_RGBAF32;
  o.range_mode = PIXCONV_RANGE_DATATYPE;
  o.input_transfer = PIXCONV_INPUT_TRANSFER_LINEAR;
  REQUIRE(pixconv_convert(&image, &dst, &o) == PIXCONV_OK);
  CHECK(out[0] == 1.0f);
  CHECK(out[2] == 0.0f);
  o.clamp = 0;
  REQUIRE(pixconv_convert(&image, &dst, &o) == PIXCONV_OK);
  CHECK(out[0] == 2.0f);
  CHECK(out[1] == 0.5f);
  CHECK(out[2] == -1.0f);
  // A caller of the first version has no clamp field: whatever lies there is not read.
  o.struct_size = offsetof(pixconv_convert_options, clamp);
  REQUIRE(pixconv_convert(&image, &dst, &o) == PIXCONV_OK);
  CHECK(out[0] == 1.0f);
  o.struct_size = sizeof o;
  o.output_type = PIXCONV_OUTPUT_RGBA8;
  CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()).find("clamp = false needs RGBAF32 output") !=
        std::string::npos);
}

TEST_CASE("the C ABI: struct_size") {
  std::vector<uint8_t> l(16, 9), out(16 * 16);
  pixconv_image image{};
  image.format = {4, 4, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_L, PIXCONV_DATATYPE_U8};
  image.planes[0] = {l.data(), l.size(), 0};
  pixconv_output dst{out.data(), out.size(), 0};
  pixconv_convert_options o;
  pixconv_convert_options_init(&o);

  SUBCASE("zero: never initialized") {
    o.struct_size = 0;
    CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(pixconv_last_error()) ==
          "invalid argument: options.struct_size is 0: fill the options with "
          "pixconv_convert_options_init");
  }
  SUBCASE("ending inside a field: no version of the struct has that size") {
    for (const uint32_t size : {1u, 6u, 20u, 68u, 79u}) {
      CAPTURE(size);
      o.struct_size = size;
      CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_ERROR_INVALID_ARGUMENT);
      CHECK(std::string(pixconv_last_error()).find("ends inside pixconv_convert_options.") !=
            std::string::npos);
    }
    o.struct_size = 68;
    CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(pixconv_last_error()) ==
          "invalid argument: options.struct_size 68 ends inside "
          "pixconv_convert_options.class_colors (bytes 64 to 72): fill the options with "
          "pixconv_convert_options_init");
  }
  SUBCASE("an older, shorter struct: the fields it lacks are not read") {
    // A caller built before colormap and segmentation were appended: whatever lies in memory
    // after its struct (here an invalid colormap) is ignored.
    o.colormap = 77;
    o.struct_size = offsetof(pixconv_convert_options, colormap);
    CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_OK);
    o.struct_size = sizeof o;
    CHECK(pixconv_convert(&image, &dst, &o) == PIXCONV_ERROR_UNKNOWN_ENUM);
  }
  SUBCASE("a newer, longer struct: the fields this library does not know are ignored") {
    struct Newer {
      pixconv_convert_options known;
      uint64_t appended_later;
    } newer{};
    pixconv_convert_options_init(&newer.known);
    newer.known.struct_size = sizeof newer;
    newer.appended_later = ~uint64_t{0};
    CHECK(pixconv_convert(&image, &dst, &newer.known) == PIXCONV_OK);
  }
  SUBCASE("decode options") {
    const std::vector<uint8_t> png = SmallPng();
    pixconv_image_info info;
    pixconv_decode_options d;
    pixconv_decode_options_init(&d);
    d.struct_size = 12;
    CHECK(pixconv_read_image_info(png.data(), png.size(), &d, &info) ==
          PIXCONV_ERROR_INVALID_ARGUMENT);
    CHECK(
        std::string(pixconv_last_error())
            .find(
                "options.struct_size 12 ends inside pixconv_decode_options.max_pixels (bytes 8 to "
                "16)") != std::string::npos);
    d.struct_size = 8;  // without max_pixels: the default limit, not the 1 below, applies
    d.max_pixels = 1;
    CHECK(pixconv_read_image_info(png.data(), png.size(), &d, &info) == PIXCONV_OK);
    d.struct_size = sizeof d;
    CHECK(pixconv_read_image_info(png.data(), png.size(), &d, &info) ==
          PIXCONV_ERROR_LIMIT_EXCEEDED);
  }
}

}  // namespace
}  // namespace pixconv::robustness
