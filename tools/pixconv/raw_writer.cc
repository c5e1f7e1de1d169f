#include "raw_writer.h"

#include <bit>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "io_error.h"

namespace pixconv::cli {

Status WriteRaw(FILE* out, const std::vector<uint8_t>& pixels, OutputType type) {
  const uint8_t* data = pixels.data();
  std::vector<uint8_t> swapped;
  // The file format is little-endian (like Rerun's buffers); only a big-endian host has to
  // reorder the float bytes it wrote in native order.
  if constexpr (std::endian::native == std::endian::big) {
    if (type == OutputType::RGBAF32) {
      swapped = pixels;
      for (size_t i = 0; i + 4 <= swapped.size(); i += 4) {
        std::swap(swapped[i], swapped[i + 3]);
        std::swap(swapped[i + 1], swapped[i + 2]);
      }
      data = swapped.data();
    }
  }
  if (std::fwrite(data, 1, pixels.size(), out) != pixels.size()) {
    return Status(kIoError,
                  std::string("writing the output failed: ") + std::strerror(errno));
  }
  return Status::Ok();
}

}  // namespace pixconv::cli
