// Shared by the bad-input tests (tests/README.md "Bad input"): the check every case makes
// (the status code and the part of the message that names the cause), and small inputs.
#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "pixconv/status.h"

// Checks that `status_expr` failed with `want_code` and that its message contains `want_part`
// (a std::string or string literal). Reported at the caller's line.
#define EXPECT_ERROR(status_expr, want_code, want_part)                                            \
  do {                                                                                             \
    const ::pixconv::Status expect_error_status_ = (status_expr);                                  \
    const std::string expect_error_part_ = (want_part);                                            \
    CHECK_MESSAGE(expect_error_status_.code() == (want_code), expect_error_status_.ToString());    \
    CHECK_MESSAGE(expect_error_status_.message().find(expect_error_part_) != std::string::npos,    \
                  "message \"", expect_error_status_.message(), "\" lacks \"", expect_error_part_, \
                  "\"");                                                                           \
  } while (0)

namespace pixconv::robustness {

// PngSuite's basn2c08.png: 32x32 RGB, 8 bits (from tests/data).
std::vector<uint8_t> SmallPng();
// libjpeg-turbo's testorig.jpg: 227x149 YCbCr baseline.
std::vector<uint8_t> SmallJpeg();

}  // namespace pixconv::robustness
