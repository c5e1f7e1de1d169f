// The parts of the PNG format the fast decoder needs (PNG specification, 3rd edition): the
// header fields, the chunk walk's result and the geometry of rows and Adam7 passes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pixconv::decode_internal {

enum PngColorType : uint8_t {
  kPngGray = 0,
  kPngRgb = 2,
  kPngPalette = 3,
  kPngGrayAlpha = 4,
  kPngRgba = 6,
};

struct PngHeader {
  uint32_t width = 0;
  uint32_t height = 0;
  uint8_t bit_depth = 0;
  uint8_t color_type = 0;
  bool interlaced = false;

  int Channels() const;
  int BitsPerPixel() const { return Channels() * bit_depth; }
  // The filters' "bpp": bytes per complete pixel, at least 1.
  int FilterBytes() const { return BitsPerPixel() < 8 ? 1 : BitsPerPixel() / 8; }
};

// A byte range of the file: one IDAT chunk's data.
struct PngSpan {
  size_t offset;
  size_t size;
};

// What the chunk walk found, for files the fast decoder handles.
struct PngStructure {
  PngHeader header;
  // Palette entries as R, G, B, A (alpha from tRNS, else 255). Entries past the palette's end
  // stay 0, 0, 0, 255: an index beyond the palette decodes to opaque black, as libpng does.
  uint8_t palette[256][4] = {};
  int palette_entries = 0;
  bool has_trns = false;
  uint16_t trns_key[3] = {};  // the transparent gray (index 0) or R, G, B sample value
  std::vector<PngSpan> idat;
  size_t idat_bytes = 0;
};

// Walks every chunk of data[0, size): checks the signature, every CRC, the IHDR fields and
// the PLTE / tRNS contents, and collects the IDAT chunks. False for any file it does not
// accept, which is every invalid file and a few unusual valid ones (PLTE in a non-palette
// image, chunks out of their usual order, damaged ancillary chunks, huge chunks): those go to
// libpng, which either decodes them or gives its error message.
bool WalkPngChunks(const uint8_t* data, size_t size, PngStructure* out);

// One Adam7 pass (or the whole image): where its pixels go and how many there are.
struct PngPass {
  uint32_t x0, y0, dx, dy;
  uint32_t width, height;  // 0 when the pass is empty (it then has no data at all)
};

// The passes of the image: one for non-interlaced files, seven for Adam7.
std::vector<PngPass> PassesOf(const PngHeader& header);

// Bytes of one filtered row of `width` pixels, not counting its filter-type byte.
size_t RowBytes(const PngHeader& header, uint32_t width);

}  // namespace pixconv::decode_internal
