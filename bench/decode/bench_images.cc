#include "bench_images.h"

#include <png.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include <jpeglib.h>

namespace pixconv::bench {
namespace {

// libjpeg and libpng report errors by longjmp; the functions that call them keep C++ objects
// with destructors out of the frames a longjmp crosses.
struct JpegEncoder {
  jpeg_compress_struct cinfo;
  jpeg_error_mgr errors;
  std::jmp_buf jump;
  unsigned char* out;
  unsigned long out_size;
};

void OnJpegError(j_common_ptr cinfo) {
  std::longjmp(static_cast<JpegEncoder*>(cinfo->client_data)->jump, 1);
}

bool EncodeJpegUnsafe(JpegEncoder* e, const uint8_t* rgb, uint32_t width, uint32_t height,
                      int quality) {
  e->cinfo.err = jpeg_std_error(&e->errors);
  e->errors.error_exit = OnJpegError;
  e->cinfo.client_data = e;
  if (setjmp(e->jump)) return false;
  jpeg_create_compress(&e->cinfo);
  jpeg_mem_dest(&e->cinfo, &e->out, &e->out_size);
  e->cinfo.image_width = width;
  e->cinfo.image_height = height;
  e->cinfo.input_components = 3;
  e->cinfo.in_color_space = JCS_RGB;
  jpeg_set_defaults(&e->cinfo);  // YCbCr 4:2:0, integer DCT
  jpeg_set_quality(&e->cinfo, quality, TRUE);
  jpeg_start_compress(&e->cinfo, TRUE);
  while (e->cinfo.next_scanline < height) {
    JSAMPROW row = const_cast<uint8_t*>(rgb) + size_t{e->cinfo.next_scanline} * width * 3;
    jpeg_write_scanlines(&e->cinfo, &row, 1);
  }
  jpeg_finish_compress(&e->cinfo);
  return true;
}

struct PngEncoder {
  png_structp png;
  png_infop info;
  std::vector<uint8_t>* out;  // appended to by WritePng, which never calls png_error
};

void OnPngError(png_structp png, png_const_charp /*message*/) { png_longjmp(png, 1); }
void OnPngWarning(png_structp /*png*/, png_const_charp /*message*/) {}

void WritePng(png_structp png, png_bytep data, size_t length) {
  auto* out = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + length);
}

void FlushPng(png_structp /*png*/) {}

bool EncodePngUnsafe(PngEncoder* e, const uint8_t* pixels, uint32_t width, uint32_t height,
                     int channels, int bit_depth) {
  if (setjmp(png_jmpbuf(e->png))) return false;
  png_set_write_fn(e->png, e->out, WritePng, FlushPng);
  png_set_IHDR(e->png, e->info, width, height, bit_depth,
               channels == 4 ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(e->png, e->info);
  if (bit_depth == 16 && std::endian::native == std::endian::little) png_set_swap(e->png);
  const size_t stride = size_t{width} * channels * (bit_depth / 8);
  for (uint32_t y = 0; y < height; ++y) {
    png_write_row(e->png, pixels + y * stride);
  }
  png_write_end(e->png, nullptr);
  return true;
}

}  // namespace

std::vector<uint8_t> PhotoLikeImage(uint32_t width, uint32_t height, int channels,
                                    bool sixteen_bit) {
  const int bytes = sixteen_bit ? 2 : 1;
  std::vector<uint8_t> pixels(size_t{width} * height * channels * bytes);
  uint32_t noise = 0x2545F491u;
  for (uint32_t y = 0; y < height; ++y) {
    for (uint32_t x = 0; x < width; ++x) {
      const double u = static_cast<double>(x) / width;
      const double v = static_cast<double>(y) / height;
      for (int c = 0; c < channels; ++c) {
        noise ^= noise << 13;
        noise ^= noise >> 17;
        noise ^= noise << 5;
        double value;
        if (c == 3) {  // alpha: a soft vignette, mostly opaque
          value = 1.0 - 0.6 * ((u - 0.5) * (u - 0.5) + (v - 0.5) * (v - 0.5));
        } else {
          // Large smooth gradients (sky, walls) plus mid-frequency texture plus sensor noise.
          value = 0.45 + 0.3 * std::sin(2.1 * u + 1.7 * v + 0.9 * c) +
                  0.12 * std::sin(40.0 * u * (1.0 + c * 0.1)) * std::cos(31.0 * v) +
                  0.05 * std::sin(400.0 * u + 310.0 * v);
          value += (static_cast<double>(noise & 0xFFFF) / 65535.0 - 0.5) * 0.03;
        }
        value = std::clamp(value, 0.0, 1.0);
        const size_t at = (size_t{y} * width + x) * channels + c;
        if (sixteen_bit) {
          const auto sample = static_cast<uint16_t>(value * 65535.0 + 0.5);
          std::memcpy(pixels.data() + 2 * at, &sample, 2);
        } else {
          pixels[at] = static_cast<uint8_t>(value * 255.0 + 0.5);
        }
      }
    }
  }
  return pixels;
}

std::vector<uint8_t> EncodeJpeg420(const std::vector<uint8_t>& rgb, uint32_t width,
                                   uint32_t height, int quality) {
  auto encoder = std::make_unique<JpegEncoder>();
  const bool ok = EncodeJpegUnsafe(encoder.get(), rgb.data(), width, height, quality);
  jpeg_destroy_compress(&encoder->cinfo);
  std::vector<uint8_t> file;
  if (ok) file.assign(encoder->out, encoder->out + encoder->out_size);
  std::free(encoder->out);
  return file;
}

std::vector<uint8_t> EncodePng(const std::vector<uint8_t>& pixels, uint32_t width,
                               uint32_t height, int channels, int bit_depth) {
  std::vector<uint8_t> file;
  PngEncoder encoder{};
  encoder.out = &file;
  encoder.png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, OnPngError, OnPngWarning);
  if (encoder.png == nullptr) return {};
  encoder.info = png_create_info_struct(encoder.png);
  const bool ok = encoder.info != nullptr &&
                  EncodePngUnsafe(&encoder, pixels.data(), width, height, channels, bit_depth);
  png_destroy_write_struct(&encoder.png, &encoder.info);
  if (!ok) file.clear();
  return file;
}

}  // namespace pixconv::bench
