// Loads the image a command works on: a PNG or JPEG file (recognised by its content, never by
// its name) decoded into the image model, or a raw file described by the command line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "args.h"
#include "pixconv/decode.h"
#include "pixconv/layout.h"
#include "pixconv/status.h"

namespace pixconv::cli {

struct InputImage {
  std::vector<uint8_t> storage;  // the file, then (PNG/JPEG) the decoded samples
  Codec codec = Codec::Unknown;  // Unknown = a raw file
  size_t file_bytes = 0;
  ImageView view;  // set by ViewInput; points into `storage`
};

// The usage-error convention of the functions below: a problem with the command line (raw-
// format options given for a PNG, --size missing for a raw file) fills *usage and returns a
// non-ok Status with an empty message; any other failure returns the Status that explains it.

// Reads the file and detects its codec. Raw-format options for a PNG or JPEG are a usage
// error: they would be ignored, and silently ignoring --size hides a mistake.
Status ReadInput(const std::string& path, const RawFormatArgs& raw, InputImage* image,
                 UsageError* usage);

// Makes image->view: decodes a PNG or JPEG, or checks a raw file against the raw-format
// options (see raw_input.h).
Status ViewInput(const std::string& path, const RawFormatArgs& raw, InputImage* image,
                 UsageError* usage);

// "raw", "PNG" or "JPEG".
std::string InputKind(const InputImage& image);

}  // namespace pixconv::cli
