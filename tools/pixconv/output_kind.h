// What a conversion writes, decided from the output name (or --output-format where the name
// cannot tell: stdout and batch directories), and whether the options fit it.
#pragma once

#include <string>

#include "args.h"
#include "pixconv/convert.h"

namespace pixconv::cli {

enum class OutputKind {
  kPng,    // 8-bit RGBA PNG
  kPng16,  // 16-bit RGBA PNG (--to rgba16)
  kPfm,    // float RGB Portable FloatMap
  kRaw,    // the destination buffer: RGBA8 bytes or little-endian f32
  kJpeg,   // 8-bit RGB JPEG (alpha dropped), --quality
};

// The file extension a kind is written with in a batch directory ("png", "pfm", "rgba", "jpg").
const char* Extension(OutputKind kind);

// The kind for output `path`: --output-format when given, else the extension (png, jpg, jpeg,
// pfm, rgba, raw; case-insensitive); batch directories and stdout without --output-format are
// PNG. Fails with a usage error when the extension is unknown or disagrees with
// --output-format, or the options cannot be written as that kind (--to rgbaf32 as PNG,
// --order bgra as PNG or PFM, --premultiply as PNG, ...).
bool ResolveOutputKind(const CommandLine& cl, const std::string& path, bool name_has_extension,
                       OutputKind* kind, UsageError* error);

// The library options a kind converts with: PFM and 16-bit PNG take the RGBA f32 result (the
// 16-bit PNG sRGB-encoded unless --output-transfer says otherwise, as an 8-bit PNG would be).
ConvertOptions OptionsFor(OutputKind kind, const ConvertOptions& options);

}  // namespace pixconv::cli
