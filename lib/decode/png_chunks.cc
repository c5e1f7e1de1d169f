// The fast decoder's chunk walk (png_format.h). It accepts only files whose every chunk it
// understands, in the order the specification gives, so a file it accepts is one libpng
// accepts too; everything else is left to libpng.
#include <libdeflate.h>

#include <cstring>

#include "decode/png_format.h"

namespace pixconv::decode_internal {
namespace {

constexpr uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
// libpng refuses any chunk other than IDAT above this many bytes (PNG_USER_CHUNK_MALLOC_MAX).
constexpr size_t kLibpngChunkLimit = 8000000;

uint32_t Be32(const uint8_t* p) {
  return uint32_t{p[0]} << 24 | uint32_t{p[1]} << 16 | uint32_t{p[2]} << 8 | p[3];
}
uint16_t Be16(const uint8_t* p) { return static_cast<uint16_t>(p[0] << 8 | p[1]); }

bool IsLetter(uint8_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

bool ValidHeader(const PngHeader& h, const uint8_t* ihdr) {
  if (h.width == 0 || h.height == 0 || h.width > 0x7FFFFFFF || h.height > 0x7FFFFFFF) return false;
  if (ihdr[10] != 0 || ihdr[11] != 0 || ihdr[12] > 1) return false;  // compression, filter
  switch (h.color_type) {
    case kPngGray:
      return h.bit_depth == 1 || h.bit_depth == 2 || h.bit_depth == 4 || h.bit_depth == 8 ||
             h.bit_depth == 16;
    case kPngPalette:
      return h.bit_depth == 1 || h.bit_depth == 2 || h.bit_depth == 4 || h.bit_depth == 8;
    case kPngRgb:
    case kPngGrayAlpha:
    case kPngRgba:
      return h.bit_depth == 8 || h.bit_depth == 16;
    default:
      return false;
  }
}

// libpng's bound on one IDAT chunk's length (png_check_chunk_length): the image's filtered
// bytes plus zlib's worst-case overhead, or the general chunk limit when that is larger.
size_t LibpngIdatLimit(const PngHeader& h) {
  const uint64_t row_factor = uint64_t{h.width} * static_cast<uint64_t>(h.Channels()) *
                                  (h.bit_depth > 8 ? 2 : 1) +
                              1 + (h.interlaced ? 6 : 0);
  uint64_t limit = 0x7FFFFFFF;
  if (h.height <= 0xFFFFFFFFu / row_factor) limit = h.height * row_factor;
  const uint64_t factor = row_factor > 32566 ? 32566 : row_factor;
  limit += 6 + 5 * (limit / factor + 1);
  if (limit > 0x7FFFFFFF) limit = 0x7FFFFFFF;
  return static_cast<size_t>(limit < kLibpngChunkLimit ? kLibpngChunkLimit : limit);
}

bool ReadPalette(const uint8_t* p, uint32_t length, PngStructure* out) {
  const int max_entries = 1 << out->header.bit_depth;
  if (length == 0 || length % 3 != 0 || length / 3 > static_cast<uint32_t>(max_entries)) {
    return false;
  }
  out->palette_entries = static_cast<int>(length / 3);
  for (int i = 0; i < out->palette_entries; ++i) {
    std::memcpy(out->palette[i], p + 3 * i, 3);
  }
  return true;
}

bool ReadTransparency(const uint8_t* p, uint32_t length, PngStructure* out) {
  const PngHeader& h = out->header;
  const uint32_t max_sample = (1u << h.bit_depth) - 1;
  switch (h.color_type) {
    case kPngPalette:
      if (out->palette_entries == 0 || length == 0 ||
          length > static_cast<uint32_t>(out->palette_entries)) {
        return false;
      }
      for (uint32_t i = 0; i < length; ++i) out->palette[i][3] = p[i];
      break;
    case kPngGray:
      if (length != 2 || Be16(p) > max_sample) return false;
      out->trns_key[0] = Be16(p);
      break;
    case kPngRgb:
      if (length != 6) return false;
      for (int c = 0; c < 3; ++c) {
        out->trns_key[c] = Be16(p + 2 * c);
        if (out->trns_key[c] > max_sample) return false;
      }
      break;
    default:
      return false;  // images with an alpha channel take no tRNS
  }
  out->has_trns = true;
  return true;
}

}  // namespace

int PngHeader::Channels() const {
  switch (color_type) {
    case kPngRgb: return 3;
    case kPngGrayAlpha: return 2;
    case kPngRgba: return 4;
    default: return 1;
  }
}

bool WalkPngChunks(const uint8_t* data, size_t size, PngStructure* out) {
  if (size < 8 || std::memcmp(data, kSignature, 8) != 0) return false;
  for (auto& entry : out->palette) entry[3] = 255;
  // Where we are in the file's fixed order: IHDR, PLTE, tRNS, IDAT..., IEND.
  enum Stage { kStart, kBeforeIdat, kInIdat, kAfterIdat } stage = kStart;
  bool has_plte = false;
  size_t at = 8;
  for (;;) {
    if (size - at < 12) return false;
    const uint32_t length = Be32(data + at);
    const uint8_t* type = data + at + 4;
    if (length > size - at - 12) return false;
    if (!IsLetter(type[0]) || !IsLetter(type[1]) || !IsLetter(type[2]) || !IsLetter(type[3])) {
      return false;
    }
    const uint8_t* body = type + 4;
    if (libdeflate_crc32(0, type, size_t{length} + 4) != Be32(body + length)) return false;
    const bool is_idat = std::memcmp(type, "IDAT", 4) == 0;
    if (!is_idat && length > kLibpngChunkLimit) return false;
    if (stage == kInIdat && !is_idat) stage = kAfterIdat;

    if (stage == kStart) {
      if (std::memcmp(type, "IHDR", 4) != 0 || length != 13) return false;
      PngHeader& h = out->header;
      h.width = Be32(body);
      h.height = Be32(body + 4);
      h.bit_depth = body[8];
      h.color_type = body[9];
      h.interlaced = body[12] == 1;
      if (!ValidHeader(h, body)) return false;
      stage = kBeforeIdat;
    } else if (is_idat) {
      if (stage == kAfterIdat) return false;  // a second run of IDAT chunks
      if (stage == kBeforeIdat && out->header.color_type == kPngPalette && !has_plte) return false;
      if (length > LibpngIdatLimit(out->header)) return false;
      stage = kInIdat;
      out->idat.push_back(PngSpan{static_cast<size_t>(body - data), length});
      out->idat_bytes += length;
    } else if (std::memcmp(type, "IEND", 4) == 0) {
      return stage == kAfterIdat && length == 0;
    } else if (std::memcmp(type, "PLTE", 4) == 0) {
      if (stage != kBeforeIdat || has_plte || out->has_trns) return false;
      if (out->header.color_type != kPngPalette) return false;  // suggested palettes: libpng
      if (!ReadPalette(body, length, out)) return false;
      has_plte = true;
    } else if (std::memcmp(type, "tRNS", 4) == 0) {
      if (stage != kBeforeIdat || out->has_trns) return false;
      if (!ReadTransparency(body, length, out)) return false;
    } else if (!(type[0] & 0x20)) {
      return false;  // an unknown critical chunk, or IHDR again
    }
    // Any other ancillary chunk (text, gamma, color profile, EXIF, ...) is skipped.
    at += size_t{length} + 12;
  }
}

std::vector<PngPass> PassesOf(const PngHeader& h) {
  if (!h.interlaced) return {PngPass{0, 0, 1, 1, h.width, h.height}};
  static constexpr uint32_t kAdam7[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8},
                                            {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2},
                                            {0, 1, 1, 2}};
  std::vector<PngPass> passes;
  for (const auto& p : kAdam7) {
    PngPass pass{p[0], p[1], p[2], p[3], 0, 0};
    if (h.width > pass.x0 && h.height > pass.y0) {
      pass.width = (h.width - pass.x0 + pass.dx - 1) / pass.dx;
      pass.height = (h.height - pass.y0 + pass.dy - 1) / pass.dy;
    }
    passes.push_back(pass);
  }
  return passes;
}

size_t RowBytes(const PngHeader& h, uint32_t width) {
  return static_cast<size_t>((uint64_t{width} * static_cast<uint64_t>(h.BitsPerPixel()) + 7) / 8);
}

}  // namespace pixconv::decode_internal
