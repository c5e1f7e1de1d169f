// Options that are in their enums but make no sense together or for the image: a colormap or
// segmentation of anything but an L image, both at once, a class color table that is null or
// too long, and parallel calls without a usable task runner.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/parallel.h"
#include "pixconv/pixconv.h"
#include "robustness_util.h"

namespace pixconv::robustness {
namespace {

struct Images {
  std::vector<uint8_t> bytes = std::vector<uint8_t>(4 * 4 * 3, 7);
  std::vector<uint8_t> out = std::vector<uint8_t>(4 * 4 * 16);
  ImageView rgb = *MakeImageView(ImageFormat::Color(4, 4, ColorModel::RGB, ChannelDatatype::U8),
                                 bytes.data(), 48);
  ImageView l = *MakeImageView(ImageFormat::Color(4, 4, ColorModel::L, ChannelDatatype::U16),
                               bytes.data(), 32);
  ImageView nv12 = *MakeImageView(ImageFormat::Pixel(4, 4, PixelFormat::NV12), bytes.data(), 24);
  OutputView dst() { return OutputView{out.data(), out.size()}; }
};

TEST_CASE("colormaps and segmentation need an L image, and exclude each other") {
  Images img;
  ConvertOptions cmap;
  cmap.colormap = Colormap::Viridis;
  ConvertOptions seg;
  seg.segmentation = true;
  EXPECT_ERROR(Convert(img.rgb, img.dst(), cmap), StatusCode::kInvalidArgument,
               "a colormap needs an L image (one channel), not RGB/U8 4x4");
  EXPECT_ERROR(Convert(img.nv12, img.dst(), seg), StatusCode::kInvalidArgument,
               "segmentation needs an L image (one channel), not NV12 4x4");
  ConvertOptions both = cmap;
  both.segmentation = true;
  EXPECT_ERROR(Convert(img.l, img.dst(), both), StatusCode::kInvalidArgument,
               "colormap and segmentation exclude each other");
  CHECK(Convert(img.l, img.dst(), cmap).ok());
}

TEST_CASE("class color tables that are null or too long") {
  Images img;
  ConvertOptions seg;
  seg.segmentation = true;
  seg.class_colors = {nullptr, 3};
  EXPECT_ERROR(Convert(img.l, img.dst(), seg), StatusCode::kInvalidArgument,
               "class colors: 3 entries but the table pointer is null");
  seg.class_colors = {img.bytes.data(), kMaxClassColors + 1};
  EXPECT_ERROR(Convert(img.l, img.dst(), seg), StatusCode::kInvalidArgument,
               "class colors: 65537 entries; ids above 65535 are invalid, so at most 65536");
  seg.class_colors = {nullptr, 0};  // no table: every id gets its automatic color
  CHECK(Convert(img.l, img.dst(), seg).ok());
  pixconv_image image{};
  image.format = {4, 4, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_L, PIXCONV_DATATYPE_U16};
  image.planes[0] = {img.bytes.data(), 32, 0};
  pixconv_output out{img.out.data(), img.out.size(), 0};
  pixconv_convert_options c;
  pixconv_convert_options_init(&c);
  c.segmentation = 1;
  c.class_color_count = 2;
  CHECK(pixconv_convert(&image, &out, &c) == PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) ==
        "invalid argument: class colors: 2 entries but the table pointer is null");
}

void SkipLast(void*, uint32_t count, TaskFn task, void* task_data) {
  for (uint32_t i = 0; i + 1 < count; ++i) task(task_data, i);
}

TEST_CASE("parallel calls without a usable task runner") {
  Images img;
  EXPECT_ERROR(ConvertWithRunner(img.rgb, img.dst(), {}, TaskRunner{}, 2),
               StatusCode::kInvalidArgument, "task runner is null");
  EXPECT_ERROR(ConvertWithRunner(img.rgb, img.dst(), {}, TaskRunner{&SkipLast, nullptr}, 0),
               StatusCode::kInvalidArgument, "bands must be at least 1");
  EXPECT_ERROR(ConvertWithRunner(img.rgb, img.dst(), {}, TaskRunner{&SkipLast, nullptr}, 4),
               StatusCode::kInvalidArgument, "task runner returned before running band 3 of 4");
  pixconv_image image{};
  image.format = {4, 4, PIXCONV_PIXEL_FORMAT_NONE, PIXCONV_COLOR_MODEL_RGB, PIXCONV_DATATYPE_U8};
  image.planes[0] = {img.bytes.data(), 48, 0};
  pixconv_output out{img.out.data(), img.out.size(), 0};
  CHECK(pixconv_convert_with_runner(&image, &out, nullptr, nullptr, 4) ==
        PIXCONV_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(pixconv_last_error()) == "invalid argument: runner is null");
}

}  // namespace
}  // namespace pixconv::robustness
