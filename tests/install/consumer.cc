// A C++ program built against the installed pixconv with `pkg-config --cflags --libs pixconv`
// (C++17 is enough for the public headers): an NV12 frame converted on a ThreadPool must give
// the bytes of the single-threaded Convert.
#include <cstdio>
#include <vector>

#include <pixconv/pixconv.hpp>

int main() {
  const auto format = pixconv::ImageFormat::Pixel(64, 31, pixconv::PixelFormat::NV12);
  std::vector<uint8_t> yuv(*pixconv::BufferSize(format));
  for (size_t i = 0; i < yuv.size(); ++i) yuv[i] = static_cast<uint8_t>(i * 7);
  const pixconv::Result<pixconv::ImageView> view =
      pixconv::MakeImageView(format, yuv.data(), yuv.size());
  if (!view.ok()) return 1;
  std::vector<uint8_t> serial(64 * 31 * 4), parallel(serial.size());
  pixconv::ThreadPool pool(2);
  pixconv::Status s = pixconv::Convert(*view, {serial.data(), serial.size()});
  if (s.ok()) {
    s = pixconv::ConvertWithRunner(*view, {parallel.data(), parallel.size()}, {}, pool.runner(), 4);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  if (serial != parallel) return 1;
  // A status from the library's side of the boundary.
  s = pixconv::Convert(*view, {parallel.data(), 10});
  if (s.code() != pixconv::StatusCode::kBufferTooSmall) return 1;
  std::printf("C++ consumer: %s ok (SIMD target %s)\n", s.ToString().substr(0, 16).c_str(),
              pixconv::BestTargetName());
  return 0;
}
