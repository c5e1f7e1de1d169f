// Raw input files: the format comes from the command line, the bytes from the file, and the
// two must agree.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "args.h"
#include "pixconv/layout.h"

namespace pixconv::cli {

// "NV12 at 1920x1080" / "RGB/U16 at 640x480": how the CLI names a format in size messages.
std::string FormatAt(const ImageFormat& format);

// The format the raw-format options declare, with Rerun's defaults (color model L, datatype
// U8) for what is not given. Fails with a usage error when --size is missing: a raw file
// carries no header.
// `file` is quoted in that message: its first bytes tell what it is.
bool RawFormatFromArgs(const RawFormatArgs& args, const std::string& path,
                       const std::vector<uint8_t>& file, ImageFormat* format, UsageError* error);

// A view of the image inside the file's bytes. A short file is an error that names both sizes
// and the options to check; a longer one is accepted (Rerun's I444 buffers are 4wh bytes) with
// a warning, since extra bytes usually mean a wrong --size or datatype.
Result<ImageView> MakeRawView(const ImageFormat& format, const RawFormatArgs& args,
                              const std::vector<uint8_t>& file, const std::string& path);

}  // namespace pixconv::cli
