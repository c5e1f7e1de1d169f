#include "yuv_images.h"

#include <cmath>
#include <cstring>

#include "support/targets.h"

namespace pixconv::test {
namespace {

uint8_t RandomSample(std::mt19937_64& rng) {
  static constexpr uint8_t kEdges[] = {0, 16, 128, 235, 240, 255};
  const uint64_t r = rng();
  if (r % 8 == 0) return kEdges[(r >> 8) % 6];
  return static_cast<uint8_t>(r >> 16);
}

}  // namespace

YuvImage MakeYuvImage(PixelFormat format, uint32_t width, uint32_t height, std::mt19937_64& rng,
                      const YuvImageOptions& o) {
  const ImageFormat f = ImageFormat::Pixel(width, height, format);
  const FormatLayout layout = *ComputeLayout(f);
  YuvImage img;
  std::array<size_t, kMaxPlanes> strides{};
  for (int p = 0; p < layout.num_planes; ++p) {
    strides[p] = o.extra_stride ? layout.planes[p].row_bytes + o.extra_stride : 0;
  }
  if (o.separate_planes) {
    std::array<PlaneView, kMaxPlanes> planes{};
    img.buffers.resize(layout.num_planes);
    for (int p = 0; p < layout.num_planes; ++p) {
      const PlaneGeometry& g = layout.planes[p];
      const size_t stride = strides[p] ? strides[p] : g.row_bytes;
      const size_t size = *PlaneSize(g, strides[p]);
      std::vector<uint8_t>& buf = img.buffers[p];
      buf.assign(o.misalign + size, 0xEE);
      for (uint32_t y = 0; y < g.rows; ++y) {
        for (size_t i = 0; i < g.row_bytes; ++i)
          buf[o.misalign + y * stride + i] = RandomSample(rng);
      }
      planes[p] = PlaneView{buf.data() + o.misalign, size, strides[p]};
    }
    img.view = *MakePlanarView(f, planes);
    return img;
  }
  const size_t size = *BufferSize(f, strides);
  img.buffers.resize(1);
  std::vector<uint8_t>& buf = img.buffers[0];
  buf.assign(o.misalign + size, 0xEE);
  for (size_t i = 0; i < size; ++i) buf[o.misalign + i] = RandomSample(rng);
  img.view = *MakeImageView(f, buf.data() + o.misalign, size, strides);
  return img;
}

Deviation CompareRgba8(const std::vector<uint8_t>& want, const GuardedOutput& got, uint32_t width,
                       uint32_t y0, uint32_t y1) {
  Deviation d;
  for (uint32_t y = y0; y < y1; ++y) {
    const uint8_t* row = got.Row(y);
    for (uint32_t i = 0; i < width * 4; ++i) {
      const double diff = std::abs(int{row[i]} - int{want[(size_t{y} * width) * 4 + i]});
      if (diff > d.max) d = Deviation{diff, i / 4, y, static_cast<int>(i % 4)};
    }
  }
  return d;
}

Deviation CompareRgbaF32(const std::vector<float>& want, const GuardedOutput& got, uint32_t width,
                         uint32_t y0, uint32_t y1) {
  Deviation d;
  for (uint32_t y = y0; y < y1; ++y) {
    const uint8_t* row = got.Row(y);
    for (uint32_t i = 0; i < width * 4; ++i) {
      float v;
      std::memcpy(&v, row + 4 * i, sizeof(v));
      const double diff = std::fabs(double{v} - double{want[(size_t{y} * width) * 4 + i]});
      if (!(diff <= d.max))
        d = Deviation{std::isnan(diff) ? 1e30 : diff, i / 4, y, static_cast<int>(i % 4)};
    }
  }
  return d;
}

std::string OptionsName(const ConvertOptions& o) {
  static const char* kMatrix[] = {"default", "bt601", "bt709", "bt2020"};
  static const char* kRange[] = {"default", "limited", "full"};
  static const char* kIn[] = {"srgb", "linear", "auto"};
  static const char* kOut[] = {"default", "srgb", "linear"};
  std::string s = o.to == OutputType::RGBA8 ? "RGBA8" : "RGBAF32";
  s += o.order == ChannelOrder::RGBA ? " rgba" : " bgra";
  s += std::string(" matrix=") + kMatrix[static_cast<int>(o.yuv_matrix)];
  s += std::string(" range=") + kRange[static_cast<int>(o.yuv_range)];
  s += o.chroma == ChromaFilter::Nearest ? " nearest" : " bilinear";
  s += std::string(" in=") + kIn[static_cast<int>(o.input_transfer)];
  s += std::string(" out=") + kOut[static_cast<int>(o.output_transfer)];
  if (o.premultiply) s += " premultiply";
  return s;
}

std::string YuvTargetName(const char* pinned, const ConvertOptions& opts) {
  const bool input_srgb = opts.input_transfer != InputTransfer::Linear;
  const bool output_srgb = opts.output_transfer == OutputTransfer::Default
                               ? opts.to == OutputType::RGBA8
                               : opts.output_transfer == OutputTransfer::Srgb;
  const bool fixed_point = opts.to == OutputType::RGBA8 && input_srgb == output_srgb;
  if (fixed_point && std::string(pinned) == hwy::TargetName(HWY_AVX3_DL)) return pinned;
  return CommonTargetName(pinned);
}

}  // namespace pixconv::test
