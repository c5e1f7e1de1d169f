// EXIF orientation (tools/pixconv/exif.h): the tag read from big- and little-endian blocks,
// damaged and truncated blocks refused without reading past the data, and the eight turns.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "exif.h"

namespace pixconv::cli {
namespace {

// SOI, an APP1 EXIF block with one IFD0 entry (tag, type, value), then SOS.
std::vector<uint8_t> Jpeg(bool big_endian, uint16_t tag, uint16_t type, uint16_t value) {
  std::vector<uint8_t> b = {0xFF, 0xD8, 0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0};
  auto put = [&](uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) {
      const int shift = 8 * (big_endian ? bytes - 1 - i : i);
      b.push_back(static_cast<uint8_t>(v >> shift));
    }
  };
  b.push_back(big_endian ? 'M' : 'I');
  b.push_back(big_endian ? 'M' : 'I');
  put(42, 2);     // TIFF magic
  put(8, 4);      // IFD0 offset
  put(1, 2);      // one entry
  put(tag, 2);
  put(type, 2);
  put(1, 4);      // one value
  put(value, 2);  // in the entry's 4-byte value field
  put(0, 2);
  put(0, 4);      // no next IFD
  for (uint8_t sos : {0xFF, 0xDA, 0x00, 0x02}) b.push_back(sos);
  return b;
}

TEST_CASE("the Orientation tag in either byte order") {
  for (uint16_t value = 1; value <= 8; ++value) {
    const std::vector<uint8_t> little = Jpeg(false, 0x0112, 3, value);
    CHECK(ReadExifOrientation(little.data(), little.size()) == value);
    const std::vector<uint8_t> big = Jpeg(true, 0x0112, 3, value);
    CHECK(ReadExifOrientation(big.data(), big.size()) == value);
  }
}

TEST_CASE("damaged, truncated or absent tags give nothing") {
  const std::vector<uint8_t> good = Jpeg(false, 0x0112, 3, 6);
  CHECK_FALSE(ReadExifOrientation(Jpeg(false, 0x0112, 3, 9).data(), good.size()).has_value());
  CHECK_FALSE(ReadExifOrientation(Jpeg(false, 0x0112, 4, 6).data(), good.size()).has_value());
  CHECK_FALSE(ReadExifOrientation(Jpeg(false, 0x0110, 3, 6).data(), good.size()).has_value());
  // Every prefix: read only within the given bytes (ASan checks the copies on the heap).
  for (size_t n = 0; n < good.size(); ++n) {
    const std::vector<uint8_t> prefix(good.begin(), good.begin() + static_cast<long>(n));
    const std::optional<int> o = ReadExifOrientation(prefix.data(), prefix.size());
    CHECK((!o.has_value() || *o == 6));
  }
}

TEST_CASE("the eight orientations turn a 3x2 image upright") {
  // Stored:  a b c     one byte per pixel
  //          d e f
  const std::vector<uint8_t> stored = {'a', 'b', 'c', 'd', 'e', 'f'};
  const char* upright[9] = {"",       "abcdef", "cbafed", "fedcba", "defabc",
                            "adbecf", "daebfc", "fcebda", "cfbead"};
  for (int o = 1; o <= 8; ++o) {
    CAPTURE(o);
    const std::vector<uint8_t> out = ApplyOrientation(stored, 3, 2, 1, o);
    CHECK(std::string(out.begin(), out.end()) == upright[o]);
    CHECK(SwapsAxes(o) == (o >= 5));
  }
  CHECK(ApplyOrientation(stored, 3, 2, 1, 0) == stored);
}

}  // namespace
}  // namespace pixconv::cli
