#include "decode_test_util.h"

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>

#include "pixconv/model.h"

#ifndef PIXCONV_TESTDATA_DIR
#error "PIXCONV_TESTDATA_DIR must name the shared test data (tests/decode/meson.build sets it)"
#endif

namespace pixconv::decode_test {

std::string TestdataPath(const std::string& relative) {
  return std::string(PIXCONV_TESTDATA_DIR) + "/" + relative;
}

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string path = entry.path().string();
    if (path.size() >= suffix.size() &&
        path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string Stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::vector<std::string> PngSuiteValid() {
  std::vector<std::string> valid;
  for (const std::string& f : ListFiles(TestdataPath("pngsuite/png"), ".png")) {
    if (Stem(f)[0] != 'x') valid.push_back(f);
  }
  return valid;
}

std::vector<std::string> PngSuiteInvalid() {
  std::vector<std::string> invalid;
  for (const std::string& f : ListFiles(TestdataPath("pngsuite/png"), ".png")) {
    if (Stem(f)[0] == 'x') invalid.push_back(f);
  }
  return invalid;
}

std::vector<std::string> JpegCorpus() {
  return {TestdataPath("libjpeg-turbo/testorig.jpg"), TestdataPath("libjpeg-turbo/testimgint.jpg"),
          TestdataPath("libjpeg-turbo/testimgari.jpg")};
}

std::vector<uint32_t> ReadJsonNumbers(const std::string& path) {
  const std::vector<uint8_t> text = ReadFile(path);
  std::vector<uint32_t> numbers;
  uint32_t value = 0;
  bool in_number = false;
  for (uint8_t c : text) {
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      in_number = true;
    } else if (in_number) {
      numbers.push_back(value);
      value = 0;
      in_number = false;
    }
  }
  if (in_number) numbers.push_back(value);
  return numbers;
}

std::vector<uint32_t> ToRgbaSamples(const DecodedImage& image) {
  const ImageFormat& f = image.format;
  const int channels = ChannelCount(f.color_model);
  const bool wide = f.datatype == ChannelDatatype::U16;
  const uint32_t max = wide ? 65535 : 255;
  const size_t pixels = size_t{f.width} * f.height;
  std::vector<uint32_t> rgba(pixels * 4);
  for (size_t i = 0; i < pixels; ++i) {
    uint32_t v[4] = {0, 0, 0, max};
    for (int c = 0; c < channels; ++c) {
      const size_t at = i * channels + c;
      if (wide) {
        uint16_t s;
        std::memcpy(&s, image.pixels.data() + 2 * at, 2);
        v[c] = s;
      } else {
        v[c] = image.pixels[at];
      }
    }
    if (channels == 1) v[1] = v[2] = v[0];
    std::copy(v, v + 4, rgba.begin() + 4 * i);
  }
  return rgba;
}

namespace {

// libjpeg's errors longjmp; these C-style helpers keep C++ objects out of the frames the
// longjmp crosses, as the library does.
struct JpegErrors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
};

void OnJpegError(j_common_ptr cinfo) {
  std::longjmp(reinterpret_cast<JpegErrors*>(cinfo->err)->jump, 1);
}

void OnJpegMessage(j_common_ptr cinfo, int level) {
  if (level < 0) std::longjmp(reinterpret_cast<JpegErrors*>(cinfo->err)->jump, 1);
}

struct PlainDecoder {
  jpeg_decompress_struct cinfo;
  JpegErrors errors;
};

bool PlainHeader(PlainDecoder* d, const std::vector<uint8_t>& file, J_COLOR_SPACE out_space) {
  d->cinfo.err = jpeg_std_error(&d->errors.mgr);
  d->errors.mgr.error_exit = OnJpegError;
  d->errors.mgr.emit_message = OnJpegMessage;
  if (setjmp(d->errors.jump)) return false;
  jpeg_create_decompress(&d->cinfo);
  jpeg_mem_src(&d->cinfo, file.data(), file.size());
  jpeg_read_header(&d->cinfo, TRUE);
  d->cinfo.out_color_space = out_space;
  jpeg_start_decompress(&d->cinfo);
  return true;
}

bool PlainRows(PlainDecoder* d, uint8_t* out) {
  if (setjmp(d->errors.jump)) return false;
  const size_t stride = size_t{d->cinfo.output_width} * d->cinfo.output_components;
  while (d->cinfo.output_scanline < d->cinfo.output_height) {
    JSAMPROW row = out + d->cinfo.output_scanline * stride;
    jpeg_read_scanlines(&d->cinfo, &row, 1);
  }
  jpeg_finish_decompress(&d->cinfo);
  return true;
}

struct PlainEncoder {
  jpeg_compress_struct cinfo;
  JpegErrors errors;
  unsigned char* out;
  unsigned long out_size;
};

bool PlainEncode(PlainEncoder* e, const JpegEncodeSpec* spec, const uint8_t* pixels) {
  e->cinfo.err = jpeg_std_error(&e->errors.mgr);
  e->errors.mgr.error_exit = OnJpegError;
  e->errors.mgr.emit_message = OnJpegMessage;
  if (setjmp(e->errors.jump)) return false;
  jpeg_create_compress(&e->cinfo);
  jpeg_mem_dest(&e->cinfo, &e->out, &e->out_size);
  e->cinfo.image_width = spec->width;
  e->cinfo.image_height = spec->height;
  e->cinfo.input_components = spec->components;
  e->cinfo.in_color_space = spec->in_space;
  jpeg_set_defaults(&e->cinfo);
  jpeg_set_colorspace(&e->cinfo, spec->jpeg_space);
  jpeg_set_quality(&e->cinfo, spec->quality, TRUE);
  if (spec->jpeg_space == JCS_YCbCr || spec->jpeg_space == JCS_YCCK) {
    e->cinfo.comp_info[0].h_samp_factor = spec->h_samp;
    e->cinfo.comp_info[0].v_samp_factor = spec->v_samp;
  }
  e->cinfo.arith_code = spec->arithmetic ? TRUE : FALSE;
  e->cinfo.restart_interval = spec->restart_interval;
  if (spec->progressive) jpeg_simple_progression(&e->cinfo);
  jpeg_start_compress(&e->cinfo, TRUE);
  const size_t stride = size_t{spec->width} * spec->components;
  while (e->cinfo.next_scanline < e->cinfo.image_height) {
    JSAMPROW row = const_cast<uint8_t*>(pixels) + e->cinfo.next_scanline * stride;
    jpeg_write_scanlines(&e->cinfo, &row, 1);
  }
  jpeg_finish_compress(&e->cinfo);
  return true;
}

uint32_t Crc32(const uint8_t* data, size_t size) {
  uint32_t crc = 0xFFFFFFFFu;
  for (size_t i = 0; i < size; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
  }
  return crc ^ 0xFFFFFFFFu;
}

void PutBigEndian(uint32_t v, std::vector<uint8_t>* out) {
  for (int shift = 24; shift >= 0; shift -= 8) out->push_back(static_cast<uint8_t>(v >> shift));
}

void AppendChunk(const std::string& type, const std::vector<uint8_t>& data,
                 std::vector<uint8_t>* png) {
  PutBigEndian(static_cast<uint32_t>(data.size()), png);
  const size_t start = png->size();
  png->insert(png->end(), type.begin(), type.end());
  png->insert(png->end(), data.begin(), data.end());
  PutBigEndian(Crc32(png->data() + start, png->size() - start), png);
}

}  // namespace

bool PlainJpegDecode(const std::vector<uint8_t>& file, J_COLOR_SPACE out_space, PlainJpeg* out) {
  auto decoder = std::make_unique<PlainDecoder>();
  bool ok = PlainHeader(decoder.get(), file, out_space);
  if (ok) {
    out->width = decoder->cinfo.output_width;
    out->height = decoder->cinfo.output_height;
    out->components = decoder->cinfo.output_components;
    out->pixels.assign(size_t{out->width} * out->height * out->components, 0);
    ok = PlainRows(decoder.get(), out->pixels.data());
  }
  jpeg_destroy_decompress(&decoder->cinfo);
  return ok;
}

std::vector<uint8_t> EncodeJpeg(const JpegEncodeSpec& spec, const std::vector<uint8_t>& pixels) {
  auto encoder = std::make_unique<PlainEncoder>();
  const bool ok = PlainEncode(encoder.get(), &spec, pixels.data());
  jpeg_destroy_compress(&encoder->cinfo);
  std::vector<uint8_t> file;
  if (ok) file.assign(encoder->out, encoder->out + encoder->out_size);
  std::free(encoder->out);
  return file;
}

std::vector<uint8_t> SyntheticImage(uint32_t width, uint32_t height, int channels) {
  std::vector<uint8_t> pixels(size_t{width} * height * channels);
  uint32_t noise = 12345;
  for (uint32_t y = 0; y < height; ++y) {
    for (uint32_t x = 0; x < width; ++x) {
      for (int c = 0; c < channels; ++c) {
        noise = noise * 1664525u + 1013904223u;
        const double smooth =
            128 + 90 * std::sin(0.05 * x + 1.3 * c) * std::cos(0.07 * y - 0.4 * c);
        const double texture = 20 * std::sin(0.9 * x + 0.7 * y);
        const double v = smooth + texture + static_cast<int>(noise >> 28) - 8;
        pixels[(size_t{y} * width + x) * channels + c] =
            static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
      }
    }
  }
  return pixels;
}

std::vector<uint8_t> PngWithoutImageData(uint32_t width, uint32_t height, int bit_depth,
                                         int color_type) {
  std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<uint8_t> ihdr;
  PutBigEndian(width, &ihdr);
  PutBigEndian(height, &ihdr);
  ihdr.push_back(static_cast<uint8_t>(bit_depth));
  ihdr.push_back(static_cast<uint8_t>(color_type));
  ihdr.insert(ihdr.end(), {0, 0, 0});  // deflate, adaptive filtering, no interlace
  AppendChunk("IHDR", ihdr, &png);
  AppendChunk("IDAT", {}, &png);
  AppendChunk("IEND", {}, &png);
  return png;
}

}  // namespace pixconv::decode_test
