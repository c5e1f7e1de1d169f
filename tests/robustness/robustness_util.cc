#include "robustness_util.h"

#include "decode_test_util.h"

namespace pixconv::robustness {

std::vector<uint8_t> SmallPng() {
  std::vector<uint8_t> file =
      decode_test::ReadFile(decode_test::TestdataPath("pngsuite/png/basn2c08.png"));
  REQUIRE_MESSAGE(!file.empty(), "basn2c08.png is missing from tests/data");
  return file;
}

std::vector<uint8_t> SmallJpeg() {
  std::vector<uint8_t> file =
      decode_test::ReadFile(decode_test::TestdataPath("libjpeg-turbo/testorig.jpg"));
  REQUIRE_MESSAGE(!file.empty(), "testorig.jpg is missing from tests/data");
  return file;
}

}  // namespace pixconv::robustness
