// One conversion: read an input (raw, PNG or JPEG), convert it with the library, write one
// output of the given kind. Safe to run on several threads at once (batch mode): it touches
// nothing shared but stderr, for warnings.
#pragma once

#include <string>

#include "args.h"
#include "output_kind.h"
#include "pixconv/status.h"

namespace pixconv::cli {

struct ConvertJob {
  std::string input;   // "-" = stdin
  std::string output;  // "-" = stdout
  OutputKind kind = OutputKind::kPng;
};

// What a finished conversion reports.
struct ConvertReport {
  std::string line;     // "a.jpg -> out/a.png: RGB/U8 640x480 (JPEG) to 8-bit RGBA PNG"
  std::string details;  // the --verbose block: formats, range, transfers, SIMD target
};

// Runs `job` with the options of `cl`. A mistake in the command line for this input (--size
// for a PNG, none for a raw file) fills *usage and returns a non-ok Status with an empty
// message; any other failure returns the Status that explains it. The output appears only
// when everything succeeded (see OutputFile).
Status ConvertFile(const CommandLine& cl, const ConvertJob& job, ConvertReport* report,
                   UsageError* usage);

}  // namespace pixconv::cli
