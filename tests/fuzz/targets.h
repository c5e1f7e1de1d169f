// The fuzz targets, as plain functions: libFuzzer's entry points (*_fuzzer.cc) call them, and
// so does the regression test that replays saved inputs in every build (replay_test.cc).
//
// A target returns normally for any input; what it finds wrong (a sanitizer report, or a
// broken API promise: PIXCONV_FUZZ_CHECK in finding.h) aborts the process.
#pragma once

#include <cstddef>
#include <cstdint>

namespace pixconv::fuzz {

// Whether the input got through the API's checks: for tests that want the seeds to reach
// the code behind them (a seed corpus the library rejects entirely fuzzes only its checks).
enum class Outcome { kRejected, kAccepted };

// Bytes after an 8-byte header (decode_case.h) as a JPEG or PNG file.
Outcome FuzzDecode(const uint8_t* data, size_t size);
// A ConvertCase (convert_case.h).
Outcome FuzzConvert(const uint8_t* data, size_t size);
// A control byte, then NUL-separated command-line arguments (cli_args_target.cc).
Outcome FuzzCliArgs(const uint8_t* data, size_t size);
// A PNG file, decoded by the fast decoder and by libpng, which must agree (png_diff_target.cc).
Outcome FuzzPngDiff(const uint8_t* data, size_t size);

}  // namespace pixconv::fuzz
