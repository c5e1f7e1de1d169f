// The PNG peer: plain libpng.
#include <png.h>

#include <cstdint>
#include <cstring>

#include "peers.h"

namespace pixconv::bench {
namespace {

// libpng's errors longjmp; DecodeUnsafe keeps C++ objects out of the frames it crosses.
struct Source {
  const uint8_t* data;
  size_t size;
  size_t pos;
};

void OnError(png_structp png, png_const_charp /*message*/) { png_longjmp(png, 1); }
void OnWarning(png_structp /*png*/, png_const_charp /*message*/) {}

void Read(png_structp png, png_bytep out, size_t length) {
  auto* source = static_cast<Source*>(png_get_io_ptr(png));
  if (length > source->size - source->pos) png_error(png, "truncated");
  std::memcpy(out, source->data + source->pos, length);
  source->pos += length;
}

bool DecodeUnsafe(png_structp png, png_infop info, Source* source, uint8_t* rgba) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_read_fn(png, source, Read);
  png_read_info(png, info);
  png_set_expand(png);
  png_set_scale_16(png);
  png_set_gray_to_rgb(png);
  png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  if (png_get_rowbytes(png, info) != size_t{width} * 4) return false;
  for (int pass = 0; pass < passes; ++pass) {
    for (png_uint_32 y = 0; y < height; ++y) {
      png_read_row(png, rgba + size_t{y} * width * 4, nullptr);
    }
  }
  png_read_end(png, nullptr);
  return true;
}

}  // namespace

bool LibpngToRgba(const std::vector<uint8_t>& file, uint8_t* rgba) {
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, OnError, OnWarning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  Source source{file.data(), file.size(), 0};
  const bool ok = info != nullptr && DecodeUnsafe(png, info, &source, rgba);
  png_destroy_read_struct(&png, &info, nullptr);
  return ok;
}

}  // namespace pixconv::bench
