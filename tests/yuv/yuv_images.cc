#include "yuv_images.h"

namespace pixconv::test {

YuvImage MakeYuvImage(PixelFormat f, uint32_t width, uint32_t height, std::mt19937_64& rng,
                      bool separate_planes, size_t extra_stride) {
  const ImageFormat format = ImageFormat::Pixel(width, height, f);
  const FormatLayout layout = *ComputeLayout(format);
  static constexpr uint8_t kCodes[] = {0, 16, 128, 235, 240, 255};
  auto fill = [&](uint8_t* p, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      p[i] = (rng() % 5 == 0) ? kCodes[rng() % 6] : static_cast<uint8_t>(rng());
    }
  };
  YuvImage img;
  if (separate_planes) {
    std::array<PlaneView, kMaxPlanes> planes{};
    img.storage.resize(layout.num_planes);
    for (int p = 0; p < layout.num_planes; ++p) {
      const PlaneGeometry& g = layout.planes[p];
      const size_t stride = g.row_bytes + extra_stride * static_cast<size_t>(p + 1);
      const size_t size = stride * (g.rows - 1) + g.row_bytes;
      img.storage[p].resize(size);
      fill(img.storage[p].data(), size);
      planes[p] = PlaneView{img.storage[p].data(), size, stride};
    }
    img.view = *MakePlanarView(format, planes);
  } else {
    std::array<size_t, kMaxPlanes> strides{};
    for (int p = 0; p < layout.num_planes; ++p) {
      strides[p] = extra_stride ? layout.planes[p].row_bytes + extra_stride : 0;
    }
    const size_t size = *BufferSize(format, strides);
    img.storage.resize(1);
    img.storage[0].resize(size);
    fill(img.storage[0].data(), size);
    img.view = *MakeImageView(format, img.storage[0].data(), size, strides);
  }
  return img;
}

}  // namespace pixconv::test
