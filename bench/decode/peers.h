// The peer decoders, used the way their documentation shows, each writing packed RGBA8
// (width * height * 4 bytes) into `rgba`. They return false on any error. Optional peers are
// compiled in only when meson finds them (PIXCONV_HAVE_*).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace pixconv::bench {

// libjpeg API (jpeglib.h) with libjpeg-turbo's JCS_EXT_RGBA output.
bool LibjpegToRgba(const std::vector<uint8_t>& jpeg, uint8_t* rgba);

// libpng, png_read_row with the expand transforms (palette / gray / tRNS expansion, gray to
// RGB, 16-bit scaled to 8 with png_set_scale_16, opaque alpha filler).
bool LibpngToRgba(const std::vector<uint8_t>& png, uint8_t* rgba);

#ifdef PIXCONV_HAVE_TURBOJPEG
// TurboJPEG's tjDecompress2 to TJPF_RGBA (default flags: accurate DCT, fancy upsampling, as
// the libjpeg path). The handle is created once, outside the timed loop, as TurboJPEG
// recommends for repeated decoding.
class TurboJpegDecoder {
 public:
  TurboJpegDecoder();
  ~TurboJpegDecoder();
  TurboJpegDecoder(const TurboJpegDecoder&) = delete;
  TurboJpegDecoder& operator=(const TurboJpegDecoder&) = delete;
  bool ToRgba(const std::vector<uint8_t>& jpeg, uint32_t width, uint32_t height, uint8_t* rgba);

 private:
  void* handle_;
};
#endif

#ifdef PIXCONV_HAVE_SPNG
// libspng's spng_decode_image to SPNG_FMT_RGBA8.
bool SpngToRgba(const std::vector<uint8_t>& png, uint8_t* rgba, size_t rgba_size);
#endif

}  // namespace pixconv::bench
