#include "png_writer.h"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <string>

#include "io_error.h"

namespace pixconv::cli {
namespace {

// libpng reports errors by calling this and expecting no return: keep the message and longjmp
// back to WritePngRows. The message lives in a plain buffer because no C++ object with a
// destructor may sit between setjmp and longjmp.
struct ErrorState {
  char message[256];
};

[[noreturn]] void OnPngError(png_structp png, png_const_charp message) {
  auto* state = static_cast<ErrorState*>(png_get_error_ptr(png));
  std::snprintf(state->message, sizeof(state->message), "%s", message);
  png_longjmp(png, 1);
}

void OnPngWarning(png_structp, png_const_charp) {}  // nothing a user could act on

// The libpng calls, in a function with only trivially destructible locals (setjmp rules).
bool WritePngRows(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                  int bit_depth, bool srgb, ErrorState* state) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, state, OnPngError, OnPngWarning);
  if (png == nullptr) {
    std::snprintf(state->message, sizeof(state->message), "out of memory");
    return false;
  }
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, info ? &info : nullptr);
    if (info == nullptr) std::snprintf(state->message, sizeof(state->message), "out of memory");
    return false;
  }
  png_init_io(png, out);
  png_set_IHDR(png, info, width, height, bit_depth, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (srgb) {
    png_set_sRGB(png, info, PNG_sRGB_INTENT_PERCEPTUAL);
  } else {
    png_set_gAMA(png, info, 1.0);
  }
  png_write_info(png, info);
  for (uint32_t y = 0; y < height; ++y) {
    png_write_row(png, rgba + size_t{y} * stride);
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

}  // namespace

Status WritePng(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                int bit_depth, bool srgb) {
  ErrorState state{};
  if (!WritePngRows(out, rgba, width, height, stride, bit_depth, srgb, &state)) {
    return Status(kIoError, std::string("writing the PNG failed: ") + state.message);
  }
  return Status::Ok();
}

}  // namespace pixconv::cli
