// The fast PNG decoder: the chunk walk (png_chunks.cc), the whole IDAT stream inflated by
// libdeflate in one call into a buffer of exactly the size IHDR implies, then, row by row while
// the row is in cache, the filter reversed in place (png_unfilter.cc) and the row expanded into
// the destination (png_expand.cc); runs of Paeth rows are unfiltered a few rows at a time;
// Adam7 passes are expanded and then scattered.
//
// libpng stays the decoder of every file this one does not accept: an unusual chunk layout
// at open, and at read a stream that is not exactly the image's size or a bad filter type.
// libpng then decodes the file (it tolerates some damage, as it always has) or reports its
// error, so every error keeps the status and message it had.
#include <libdeflate.h>

#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>

#include "decode/png_expand.h"
#include "decode/png_format.h"
#include "decode/png_unfilter.h"
#include "decode/reader.h"
#include "format/checked_math.h"

namespace pixconv::decode_internal {
namespace {

// Bytes after every buffer the unfilter kernels read or rewrite past a row's end.
constexpr size_t kSlack = 16;

struct DecompressorDeleter {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

// The filtered bytes of all passes, each row with its filter-type byte.
bool FilteredSize(const PngHeader& header, const std::vector<PngPass>& passes, size_t* size) {
  size_t total = 0;
  for (const PngPass& pass : passes) {
    if (pass.width == 0 || pass.height == 0) continue;
    size_t pass_bytes = 0;
    if (!internal::CheckedMul(RowBytes(header, pass.width) + 1, pass.height, &pass_bytes) ||
        !internal::CheckedAdd(total, pass_bytes, &total)) {
      return false;
    }
  }
  *size = total;
  return true;
}

// Copies the `pass.width` packed pixels of one Adam7 pass row to their places in `dst`.
template <size_t kPixelBytes>
void ScatterPixels(const uint8_t* row, const PngPass& pass, uint8_t* dst) {
  uint8_t* out = dst + size_t{pass.x0} * kPixelBytes;
  const size_t step = size_t{pass.dx} * kPixelBytes;
  for (uint32_t x = 0; x < pass.width; ++x, out += step) {
    std::memcpy(out, row + size_t{x} * kPixelBytes, kPixelBytes);
  }
}

void Scatter(const uint8_t* row, const PngPass& pass, size_t pixel_bytes, uint8_t* dst) {
  switch (pixel_bytes) {
    case 1: ScatterPixels<1>(row, pass, dst); break;
    case 2: ScatterPixels<2>(row, pass, dst); break;
    case 3: ScatterPixels<3>(row, pass, dst); break;
    case 4: ScatterPixels<4>(row, pass, dst); break;
    case 6: ScatterPixels<6>(row, pass, dst); break;
    default: ScatterPixels<8>(row, pass, dst); break;
  }
}

template <typename T>
std::unique_ptr<T[]> TryAllocate(size_t n) {
  try {
    return std::make_unique_for_overwrite<T[]>(n);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}

class FastPngReader final : public CodecReader {
 public:
  FastPngReader(const uint8_t* data, size_t size, PngStructure png, bool fallback)
      : data_(data), size_(size), png_(std::move(png)), fallback_(fallback) {
    const PngHeader& h = png_.header;
    ColorModel model = ColorModel::RGBA;
    switch (h.color_type) {
      case kPngGray: model = png_.has_trns ? ColorModel::RGBA : ColorModel::L; break;
      case kPngRgb:
      case kPngPalette: model = png_.has_trns ? ColorModel::RGBA : ColorModel::RGB; break;
      default: break;
    }
    info_.codec = Codec::Png;
    info_.format = ImageFormat::Color(
        h.width, h.height, model, h.bit_depth == 16 ? ChannelDatatype::U16 : ChannelDatatype::U8);
    info_.bit_depth = h.bit_depth;
  }

  const ImageInfo& info() const override { return info_; }

  Status Read(const RowTarget& target) override {
    if (Decode(target)) return Status::Ok();
    if (!fallback_) return Status(StatusCode::kUnsupported, "PNG: left to libpng");
    Result<std::unique_ptr<CodecReader>> libpng = OpenPngWithLibpng(data_, size_);
    if (!libpng.ok()) return libpng.status();
    return libpng.value()->Read(target);
  }

 private:
  // False when libpng should decode the file instead (or it is damaged, or memory ran out).
  bool Decode(const RowTarget& target) {
    const PngHeader& h = png_.header;
    PngPixels pixels = PngPixels::kModel;
    if (target.layout != RowLayout::kModel) {
      pixels = target.layout == RowLayout::kBgra8 ? PngPixels::kBgra8 : PngPixels::kRgba8;
    }
    const std::vector<PngPass> passes = PassesOf(h);
    size_t filtered_size = 0;
    if (!FilteredSize(h, passes, &filtered_size) || png_.idat_bytes < 2) return false;

    std::unique_ptr<uint8_t[]> joined;
    const uint8_t* stream = data_ + png_.idat[0].offset;
    if (png_.idat.size() > 1) {
      joined = TryAllocate<uint8_t>(png_.idat_bytes);
      if (!joined) return false;
      size_t at = 0;
      for (const PngSpan& span : png_.idat) {
        std::memcpy(joined.get() + at, data_ + span.offset, span.size);
        at += span.size;
      }
      stream = joined.get();
    }
    // zlib (and so libpng) rejects a distance beyond the window the stream's header declares;
    // libdeflate does not look. Such a stream can only occur when the window is smaller than
    // the data, so those streams go to libpng.
    const size_t window = size_t{1} << ((stream[0] >> 4) + 8);
    if ((stream[0] >> 4) < 7 && filtered_size > window) return false;

    std::unique_ptr<uint8_t[]> filtered = TryAllocate<uint8_t>(filtered_size + kSlack);
    if (!filtered) return false;
    std::memset(filtered.get() + filtered_size, 0, kSlack);
    std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> inflater(
        libdeflate_alloc_decompressor());
    if (!inflater ||
        libdeflate_zlib_decompress(inflater.get(), stream, png_.idat_bytes, filtered.get(),
                                   filtered_size, nullptr) != LIBDEFLATE_SUCCESS) {
      return false;
    }
    return Unfilter(passes, filtered.get(), pixels, target);
  }

  bool Unfilter(const std::vector<PngPass>& passes, uint8_t* filtered, PngPixels pixels,
                const RowTarget& target) {
    const PngHeader& h = png_.header;
    const size_t pixel_bytes = OutputPixelBytes(png_, pixels);
    const size_t widest = RowBytes(h, h.width);
    RowUnfilter unfilter;
    std::unique_ptr<uint8_t[]> zeros = TryAllocate<uint8_t>(widest + kSlack);
    std::unique_ptr<uint8_t[]> scratch = TryAllocate<uint8_t>(h.width);
    std::unique_ptr<uint8_t[]> pass_row;
    if (h.interlaced) pass_row = TryAllocate<uint8_t>(pixel_bytes * h.width);
    if (!unfilter.Init(h.FilterBytes(), widest) || !zeros || !scratch ||
        (h.interlaced && !pass_row)) {
      return false;
    }
    std::memset(zeros.get(), 0, widest + kSlack);

    uint8_t* row = filtered;
    for (const PngPass& pass : passes) {
      if (pass.width == 0 || pass.height == 0) continue;
      const size_t row_bytes = RowBytes(h, pass.width);
      const uint8_t* prev = zeros.get();
      for (uint32_t y = 0; y < pass.height;) {
        const size_t rows = unfilter.Run(row, prev, row_bytes, pass.height - y);
        if (rows == 0) return false;
        // The rows just unfiltered, expanded while they are in cache.
        for (const uint32_t end = y + static_cast<uint32_t>(rows); y < end; ++y) {
          uint8_t* bytes = row + 1;
          uint8_t* dst = target.data + (size_t{pass.y0} + size_t{y} * pass.dy) * target.stride;
          if (pass.dx == 1) {  // the whole image, or Adam7's last pass: every pixel of its rows
            ExpandRow(png_, pixels, bytes, pass.width, dst, scratch.get());
          } else {
            ExpandRow(png_, pixels, bytes, pass.width, pass_row.get(), scratch.get());
            Scatter(pass_row.get(), pass, pixel_bytes, dst);
          }
          prev = bytes;
          row += row_bytes + 1;
        }
      }
    }
    return true;
  }

  const uint8_t* data_;
  size_t size_;
  PngStructure png_;
  bool fallback_;  // whether Read hands a file it cannot finish to libpng
  ImageInfo info_;
};

Result<std::unique_ptr<CodecReader>> OpenFast(const uint8_t* data, size_t size, bool fallback) {
  PngStructure png;
  if (!WalkPngChunks(data, size, &png)) {
    if (fallback) return OpenPngWithLibpng(data, size);
    return Status(StatusCode::kUnsupported, "PNG: left to libpng");
  }
  try {
    return std::unique_ptr<CodecReader>(
        std::make_unique<FastPngReader>(data, size, std::move(png), fallback));
  } catch (const std::bad_alloc&) {
    return Status(StatusCode::kLimitExceeded, "PNG: out of memory");
  }
}

}  // namespace

Result<std::unique_ptr<CodecReader>> OpenPng(const uint8_t* data, size_t size) {
  return OpenFast(data, size, true);
}

Result<std::unique_ptr<CodecReader>> OpenPngFastOnly(const uint8_t* data, size_t size) {
  return OpenFast(data, size, false);
}

}  // namespace pixconv::decode_internal
