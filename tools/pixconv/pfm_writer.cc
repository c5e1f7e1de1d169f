#include "pfm_writer.h"

#include <bit>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "io_error.h"

namespace pixconv::cli {

Status WritePfm(FILE* out, const float* rgba, uint32_t width, uint32_t height) {
  bool ok = std::fprintf(out, "PF\n%u %u\n-1.0\n", width, height) > 0;
  std::vector<uint8_t> row(size_t{width} * 3 * sizeof(float));
  for (uint32_t y = height; ok && y-- > 0;) {
    const float* src = rgba + size_t{y} * width * 4;
    uint8_t* dst = row.data();
    for (uint32_t x = 0; x < width; ++x) {
      for (int c = 0; c < 3; ++c, dst += 4) {
        const uint32_t bits = std::bit_cast<uint32_t>(src[4 * x + c]);
        for (int b = 0; b < 4; ++b) dst[b] = static_cast<uint8_t>(bits >> (8 * b));  // LE
      }
    }
    ok = std::fwrite(row.data(), 1, row.size(), out) == row.size();
  }
  if (!ok) {
    return Status(kIoError,
                  std::string("writing the PFM failed: ") + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace pixconv::cli
