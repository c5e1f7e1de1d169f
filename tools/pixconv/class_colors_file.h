// The --class-colors file: a small text table of segmentation class colors.
//
//   # comment (also after the values)
//   id r g b [a]      one class per line: id 0..65535, 8-bit sRGB r g b, alpha a (default 255)
//
// Fields are separated by spaces or tabs. Ids may come in any order, each at most once; ids
// below the largest one that the file does not list get Rerun's automatic color, as do ids
// above it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pixconv/status.h"

namespace pixconv::cli {

// Parses the file's text into a dense RGBA8 table (4 bytes per id, ids 0..max listed id).
// Errors (kInvalidArgument) name `name` and the line: "classes.txt:3: ...".
Status ParseClassColors(std::string_view text, const std::string& name, std::vector<uint8_t>* rgba);

// Reads and parses the file at `path`.
Status ReadClassColors(const std::string& path, std::vector<uint8_t>* rgba);

}  // namespace pixconv::cli
