#include "jpeg_writer.h"

// clang-format off
#include <csetjmp>
#include <jpeglib.h>
// clang-format on

#include <string>

#include "io_error.h"

namespace pixconv::cli {
namespace {

// libjpeg reports errors through a callback that must not return: jump back to WriteJpeg
// with the message (no C++ object with a destructor lives between the setjmp and the jump).
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

extern "C" void OnJpegError(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, errors->message);
  std::longjmp(errors->jump, 1);
}

extern "C" void IgnoreJpegMessage(j_common_ptr, int) {}

}  // namespace

bool HasTransparency(const uint8_t* rgba, size_t pixels) {
  for (size_t i = 0; i < pixels; ++i) {
    if (rgba[4 * i + 3] != 255) return true;
  }
  return false;
}

Status WriteJpeg(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, int quality) {
  jpeg_compress_struct cinfo;
  ErrorManager errors;
  cinfo.err = jpeg_std_error(&errors.base);
  errors.base.error_exit = OnJpegError;
  errors.base.emit_message = IgnoreJpegMessage;
  errors.message[0] = 0;
  if (setjmp(errors.jump) != 0) {
    jpeg_destroy_compress(&cinfo);
    return Status(kIoError, std::string("writing the JPEG failed: ") + errors.message);
  }
  jpeg_create_compress(&cinfo);
  jpeg_stdio_dest(&cinfo, out);
  cinfo.image_width = width;
  cinfo.image_height = height;
  cinfo.input_components = 4;
  cinfo.in_color_space = JCS_EXT_RGBA;  // libjpeg-turbo reads RGBA and ignores A
  jpeg_set_defaults(&cinfo);
  jpeg_set_quality(&cinfo, quality, TRUE);
  jpeg_start_compress(&cinfo, TRUE);
  while (cinfo.next_scanline < cinfo.image_height) {
    JSAMPROW row = const_cast<JSAMPROW>(rgba + size_t{cinfo.next_scanline} * width * 4);
    jpeg_write_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_compress(&cinfo);
  jpeg_destroy_compress(&cinfo);
  if (std::ferror(out)) return Status(kIoError, "writing the JPEG failed");
  return Status::Ok();
}

}  // namespace pixconv::cli
