#include "png_writer.h"

#include <libdeflate.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "io_error.h"
#include "png_filter.h"

namespace pixconv::cli {
namespace {

// IDAT chunks of at most this many bytes, as encoders usually write them.
constexpr size_t kIdatChunk = size_t{1} << 20;

void PutBe32(uint32_t v, uint8_t* p) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

Status WriteError() {
  const int error_number = errno != 0 ? errno : EIO;
  return Status(kIoError,
                std::string("writing the PNG failed: ") + std::strerror(error_number));
}

bool WriteChunk(FILE* out, const char* type, const uint8_t* data, size_t size) {
  uint8_t head[8];
  PutBe32(static_cast<uint32_t>(size), head);
  std::memcpy(head + 4, type, 4);
  uint32_t crc = libdeflate_crc32(0, head + 4, 4);
  if (size != 0) crc = libdeflate_crc32(crc, data, size);
  uint8_t tail[4];
  PutBe32(crc, tail);
  return std::fwrite(head, 1, 8, out) == 8 &&
         (size == 0 || std::fwrite(data, 1, size, out) == size) &&
         std::fwrite(tail, 1, 4, out) == 4;
}

// Which of R, G, B, A the file needs: every alpha at its maximum drops A, R = G = B
// everywhere keeps one gray channel.
struct Channels {
  bool gray = true;
  bool alpha = false;
  int Count() const { return (gray ? 1 : 3) + (alpha ? 1 : 0); }
  int ColorType() const { return gray ? (alpha ? 4 : 0) : (alpha ? 6 : 2); }
};

Channels ChannelsNeeded(const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                        size_t sample) {
  Channels c;
  for (uint32_t y = 0; y < height && (c.gray || !c.alpha); ++y) {
    const uint8_t* row = rgba + y * stride;
    for (uint32_t x = 0; x < width; ++x) {
      const uint8_t* p = row + x * 4 * sample;
      bool opaque = p[3 * sample] == 0xFF;
      if (sample == 2) opaque = opaque && p[7] == 0xFF;
      c.alpha = c.alpha || !opaque;
      c.gray = c.gray && std::memcmp(p, p + sample, sample) == 0 &&
               std::memcmp(p, p + 2 * sample, sample) == 0;
    }
  }
  return c;
}

// One row of RGBA samples packed to the file's channels.
void PackRow(const uint8_t* rgba, uint32_t width, size_t sample, const Channels& c, uint8_t* out) {
  if (c.Count() == 4) {
    std::memcpy(out, rgba, size_t{width} * 4 * sample);
    return;
  }
  const int keep[4][4] = {{0}, {0, 3}, {0, 1, 2}, {0, 1, 2, 3}};
  const int* which = keep[c.Count() - 1];
  for (uint32_t x = 0; x < width; ++x) {
    for (int k = 0; k < c.Count(); ++k) {
      std::memcpy(out, rgba + (size_t{x} * 4 + static_cast<size_t>(which[k])) * sample, sample);
      out += sample;
    }
  }
}

// Every row packed and filtered, each with its filter-type byte: the filter whose output has
// the smallest sum of signed magnitudes (libpng's heuristic), or none at level 0.
std::vector<uint8_t> FilteredRows(const uint8_t* rgba, uint32_t width, uint32_t height,
                                  size_t stride, size_t sample, const Channels& c, int level) {
  const int bpp = c.Count() * static_cast<int>(sample);
  const size_t row_bytes = size_t{width} * static_cast<size_t>(bpp);
  std::vector<uint8_t> filtered(size_t{height} * (row_bytes + 1));
  std::vector<uint8_t> rows(2 * row_bytes, 0), trial(row_bytes);
  uint8_t* prev = rows.data();
  uint8_t* cur = rows.data() + row_bytes;
  for (uint32_t y = 0; y < height; ++y) {
    PackRow(rgba + y * stride, width, sample, c, cur);
    uint8_t* out = filtered.data() + y * (row_bytes + 1);
    int best = 0;
    uint64_t best_sum = FilterPngRow(0, bpp, cur, prev, row_bytes, out + 1);
    for (int filter = 1; level > 0 && filter <= 4; ++filter) {
      const uint64_t sum = FilterPngRow(filter, bpp, cur, prev, row_bytes, trial.data());
      if (sum < best_sum) {
        best_sum = sum;
        best = filter;
        std::memcpy(out + 1, trial.data(), row_bytes);
      }
    }
    out[0] = static_cast<uint8_t>(best);
    std::swap(prev, cur);
  }
  return filtered;
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

Status WritePng(FILE* out, const uint8_t* rgba, uint32_t width, uint32_t height, size_t stride,
                int bit_depth, bool srgb, int level) {
  const size_t sample = bit_depth == 16 ? 2 : 1;
  std::vector<uint8_t> filtered, stream;
  Channels channels;
  try {
    channels = ChannelsNeeded(rgba, width, height, stride, sample);
    filtered = FilteredRows(rgba, width, height, stride, sample, channels, level);
    std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
        libdeflate_alloc_compressor(level));
    if (!compressor) return Status(kIoError, "writing the PNG failed: out of memory");
    stream.resize(libdeflate_zlib_compress_bound(compressor.get(), filtered.size()));
    stream.resize(libdeflate_zlib_compress(compressor.get(), filtered.data(), filtered.size(),
                                           stream.data(), stream.size()));
  } catch (const std::bad_alloc&) {
    return Status(kIoError, "writing the PNG failed: out of memory");
  }
  if (stream.empty()) return Status(kIoError, "writing the PNG failed: deflate");

  static constexpr uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  uint8_t ihdr[13];
  PutBe32(width, ihdr);
  PutBe32(height, ihdr + 4);
  ihdr[8] = static_cast<uint8_t>(bit_depth);
  ihdr[9] = static_cast<uint8_t>(channels.ColorType());
  ihdr[10] = ihdr[11] = ihdr[12] = 0;  // deflate, adaptive filtering, not interlaced
  const uint8_t srgb_intent[1] = {0};   // perceptual
  uint8_t gamma[4];
  PutBe32(100000, gamma);               // gAMA 1.0: linear samples
  errno = 0;
  bool ok = std::fwrite(kSignature, 1, 8, out) == 8 && WriteChunk(out, "IHDR", ihdr, 13) &&
            (srgb ? WriteChunk(out, "sRGB", srgb_intent, 1) : WriteChunk(out, "gAMA", gamma, 4));
  for (size_t at = 0; ok && at < stream.size(); at += kIdatChunk) {
    ok = WriteChunk(out, "IDAT", stream.data() + at, std::min(kIdatChunk, stream.size() - at));
  }
  ok = ok && WriteChunk(out, "IEND", nullptr, 0) && std::fflush(out) == 0;
  if (!ok) return WriteError();
  return Status::Ok();
}

}  // namespace pixconv::cli
