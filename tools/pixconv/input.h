// Loads the image a command works on: a PNG or JPEG file (recognised by its content, never by
// its name) decoded into the image model, or a raw file described by the command line.
#pragma once

#include <cstdint>
#include <optional>
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
  std::optional<int> orientation;  // JPEG: the EXIF orientation (exif.h)
  ImageView view;  // set by ViewInput; points into `storage`
};

// Reads the file and decides how to read it. --input-format raw, png or jpeg decides alone.
// Otherwise a file that starts like a JPEG (FF D8) or a PNG (89 'PNG') is decoded, and
// anything else is raw; when raw-format options are given, they win over a start that
// only looks like an image (raw samples may begin FF D8 FF): such a file is decoded only when
// its whole header reads, and then with a warning that those options do not apply to it.
// An empty file, and a file named .png/.jpg that is neither, are errors.
Status ReadInput(const std::string& path, const CommandLine& cl, InputImage* image);

// Makes image->view: decodes a PNG or JPEG (up to --max-pixels), or checks a raw file against
// the raw-format options (see raw_input.h). A problem with the command line (--size missing
// for a raw file) fills *usage and returns a non-ok Status with an empty message; any other
// failure returns the Status that explains it.
Status ViewInput(const std::string& path, const CommandLine& cl, InputImage* image,
                 UsageError* usage);

// The decoder's limits from the command line.
DecodeOptions DecodeOptionsFrom(const CommandLine& cl);

// A decoder's Status in the CLI's words: the pixel limit names --max-pixels.
Status ExplainDecodeError(const std::string& path, const Status& status);

// "raw", "PNG" or "JPEG".
std::string InputKind(const InputImage& image);

}  // namespace pixconv::cli
