// The JPEG peers: plain libjpeg (jpeglib.h) and, when installed, TurboJPEG.
#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <memory>

#include <jpeglib.h>
#ifdef PIXCONV_HAVE_TURBOJPEG
#include <turbojpeg.h>
#endif

#include "peers.h"

namespace pixconv::bench {
namespace {

// libjpeg's errors longjmp; DecodeUnsafe keeps C++ objects out of the frames it crosses.
struct Decoder {
  jpeg_decompress_struct cinfo;
  jpeg_error_mgr errors;
  std::jmp_buf jump;
};

void OnError(j_common_ptr cinfo) {
  std::longjmp(static_cast<Decoder*>(cinfo->client_data)->jump, 1);
}
void OnMessage(j_common_ptr /*cinfo*/, int /*level*/) {}

bool DecodeUnsafe(Decoder* d, const uint8_t* data, size_t size, uint8_t* rgba) {
  d->cinfo.err = jpeg_std_error(&d->errors);
  d->errors.error_exit = OnError;
  d->errors.emit_message = OnMessage;
  d->cinfo.client_data = d;
  if (setjmp(d->jump)) return false;
  jpeg_create_decompress(&d->cinfo);
  jpeg_mem_src(&d->cinfo, data, size);
  jpeg_read_header(&d->cinfo, TRUE);
  d->cinfo.out_color_space = JCS_EXT_RGBA;
  jpeg_start_decompress(&d->cinfo);
  const size_t stride = size_t{d->cinfo.output_width} * 4;
  JSAMPROW rows[16];
  const JDIMENSION group = std::min<JDIMENSION>(d->cinfo.rec_outbuf_height, 16);
  while (d->cinfo.output_scanline < d->cinfo.output_height) {
    const JDIMENSION y = d->cinfo.output_scanline;
    const JDIMENSION n = std::min(group, d->cinfo.output_height - y);
    for (JDIMENSION i = 0; i < n; ++i) rows[i] = rgba + (y + i) * stride;
    if (jpeg_read_scanlines(&d->cinfo, rows, n) == 0) return false;
  }
  jpeg_finish_decompress(&d->cinfo);
  return true;
}

}  // namespace

bool LibjpegToRgba(const std::vector<uint8_t>& jpeg, uint8_t* rgba) {
  auto decoder = std::make_unique<Decoder>();
  const bool ok = DecodeUnsafe(decoder.get(), jpeg.data(), jpeg.size(), rgba);
  jpeg_destroy_decompress(&decoder->cinfo);
  return ok;
}

#ifdef PIXCONV_HAVE_TURBOJPEG
TurboJpegDecoder::TurboJpegDecoder() : handle_(tjInitDecompress()) {}
TurboJpegDecoder::~TurboJpegDecoder() {
  if (handle_ != nullptr) tjDestroy(handle_);
}

bool TurboJpegDecoder::ToRgba(const std::vector<uint8_t>& jpeg, uint32_t width, uint32_t height,
                              uint8_t* rgba) {
  return handle_ != nullptr &&
         tjDecompress2(handle_, jpeg.data(), static_cast<unsigned long>(jpeg.size()), rgba,
                       static_cast<int>(width), 0, static_cast<int>(height), TJPF_RGBA, 0) == 0;
}
#endif

}  // namespace pixconv::bench
