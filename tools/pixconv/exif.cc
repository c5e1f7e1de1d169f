#include "exif.h"

#include <cstring>

namespace pixconv::cli {
namespace {

// A bounds-checked reader of the TIFF structure inside the EXIF block, in its byte order.
struct Tiff {
  const uint8_t* data;
  size_t size;
  bool big_endian;

  bool U16(size_t at, uint32_t* v) const {
    if (at > size || size - at < 2) return false;
    *v = big_endian ? (data[at] << 8 | data[at + 1]) : (data[at + 1] << 8 | data[at]);
    return true;
  }
  bool U32(size_t at, uint32_t* v) const {
    uint32_t hi = 0, lo = 0;
    if (!U16(at, big_endian ? &hi : &lo) || !U16(at + 2, big_endian ? &lo : &hi)) return false;
    *v = hi << 16 | lo;
    return true;
  }
};

constexpr uint32_t kOrientationTag = 0x0112;
constexpr uint32_t kShortType = 3;

std::optional<int> OrientationInTiff(const Tiff& tiff) {
  uint32_t magic = 0, ifd = 0, entries = 0;
  if (!tiff.U16(2, &magic) || magic != 42 || !tiff.U32(4, &ifd) || !tiff.U16(ifd, &entries)) {
    return std::nullopt;
  }
  for (uint32_t i = 0; i < entries; ++i) {
    const size_t entry = size_t{ifd} + 2 + size_t{i} * 12;
    uint32_t tag = 0, type = 0, value = 0;
    if (!tiff.U16(entry, &tag) || !tiff.U16(entry + 2, &type)) return std::nullopt;
    if (tag != kOrientationTag) continue;
    if (type != kShortType || !tiff.U16(entry + 8, &value) || value < 1 || value > 8) {
      return std::nullopt;
    }
    return static_cast<int>(value);
  }
  return std::nullopt;
}

}  // namespace

std::optional<int> ReadExifOrientation(const uint8_t* jpeg, size_t size) {
  if (size < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return std::nullopt;
  size_t at = 2;
  // Marker segments up to the first scan: FF, the marker, a big-endian length that counts
  // itself. EXIF is an APP1 segment whose payload starts "Exif\0\0", then a TIFF header.
  while (at + 4 <= size && jpeg[at] == 0xFF) {
    const uint8_t marker = jpeg[at + 1];
    if (marker == 0xDA || marker == 0xD9) break;  // start of scan, end of image
    const size_t length = size_t{jpeg[at + 2]} << 8 | jpeg[at + 3];
    if (length < 2 || length > size - at - 2) break;
    const uint8_t* payload = jpeg + at + 4;
    const size_t payload_size = length - 2;
    if (marker == 0xE1 && payload_size >= 14 && std::memcmp(payload, "Exif\0\0", 6) == 0) {
      const uint8_t* tiff = payload + 6;
      const bool intel = tiff[0] == 'I' && tiff[1] == 'I';
      const bool motorola = tiff[0] == 'M' && tiff[1] == 'M';
      if (!intel && !motorola) return std::nullopt;
      return OrientationInTiff(Tiff{tiff, payload_size - 6, motorola});
    }
    at += 2 + length;
  }
  return std::nullopt;
}

std::vector<uint8_t> ApplyOrientation(const std::vector<uint8_t>& pixels, uint32_t width,
                                      uint32_t height, size_t pixel_bytes, int orientation) {
  if (orientation < 2 || orientation > 8) return pixels;
  const size_t w = width, h = height;
  const size_t out_w = SwapsAxes(orientation) ? h : w;
  const size_t out_h = SwapsAxes(orientation) ? w : h;
  std::vector<uint8_t> out(pixels.size());
  for (size_t y = 0; y < out_h; ++y) {
    for (size_t x = 0; x < out_w; ++x) {
      // The stored pixel that shows at (x, y) of the upright image.
      size_t sx = x, sy = y;
      switch (orientation) {
        case 2: sx = w - 1 - x; break;                      // mirrored left-right
        case 3: sx = w - 1 - x; sy = h - 1 - y; break;      // rotated 180
        case 4: sy = h - 1 - y; break;                      // mirrored top-bottom
        case 5: sx = y; sy = x; break;                      // transposed
        case 6: sx = y; sy = h - 1 - x; break;              // turn 90 clockwise
        case 7: sx = w - 1 - y; sy = h - 1 - x; break;      // transversed
        case 8: sx = w - 1 - y; sy = x; break;              // turn 90 counter-clockwise
      }
      std::memcpy(&out[(y * out_w + x) * pixel_bytes], &pixels[(sy * w + sx) * pixel_bytes],
                  pixel_bytes);
    }
  }
  return out;
}

}  // namespace pixconv::cli
