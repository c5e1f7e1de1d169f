// The pixconv command line: what the user asked for, parsed and checked for syntax. Whether the
// options fit the input file (raw vs PNG/JPEG) is decided later, by the commands.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/model.h"
#include "png_writer.h"  // kDefaultPngLevel

namespace pixconv::cli {

// The options that describe a raw input file. Unset fields take Rerun's defaults (L, U8) when
// the file turns out to be raw.
struct RawFormatArgs {
  std::optional<uint32_t> width;  // set together with height by --size
  std::optional<uint32_t> height;
  std::optional<ColorModel> color_model;
  std::optional<ChannelDatatype> datatype;
  std::optional<PixelFormat> pixel_format;
  std::optional<std::array<size_t, kMaxPlanes>> strides;  // --stride, one value per plane
  size_t stride_values = 0;  // how many values --stride gave (one serves every plane)

  // True when any raw-format option was given (they make no sense for a PNG or JPEG).
  bool AnyGiven() const;
};

enum class Command { kHelp, kVersion, kConvert, kInfo, kFormats, kBench };

// What `-o` names, for `-o -` and `-o DIR/`, where no extension tells (see output_kind.h).
enum class OutputKindArg { kFromName, kPng, kPfm, kRaw, kJpeg };

// --input-format: auto detects PNG and JPEG by content and reads anything else as raw; the
// others force one reading.
enum class InputFormatArg { kAuto, kRaw, kPng, kJpeg };

struct CommandLine {
  Command command = Command::kHelp;
  Command help_topic = Command::kHelp;  // with kHelp: which command's help (kHelp = general)
  std::vector<std::string> inputs;      // "-" = stdin
  std::string output;                   // "-" = stdout; a trailing '/' or a directory = batch
  OutputKindArg output_kind = OutputKindArg::kFromName;  // --output-format
  InputFormatArg input_format = InputFormatArg::kAuto;    // --input-format
  RawFormatArgs raw;
  ConvertOptions options;
  bool rgba16 = false;    // --to rgba16: a 16-bit PNG, from the RGBA f32 conversion
  bool force = false;     // overwrite an existing output
  bool skip_existing = false;  // --skip-existing: leave existing outputs, convert the rest
  bool verbose = false;   // print a summary of the conversion
  unsigned jobs = 0;      // --jobs: worker threads for a batch, 0 = one per core
  bool quiet = false;     // --quiet: no progress and no summary, only errors
  bool progress = false;  // --progress: show them even when stderr is not a terminal
  bool json = false;      // info --json
  std::string filter;     // bench --filter: an ECMAScript regex over the row names
  std::string target;     // --target: the SIMD target to pin, empty = runtime dispatch
  // Depth and segmentation (L input). --depth is already resolved into options (range Depth
  // unless --range was given, Turbo unless --colormap was).
  bool depth = false;
  std::string class_colors_file;  // --class-colors: see class_colors_file.h
  uint64_t max_pixels = uint64_t{1} << 28;  // --max-pixels: the decompression-bomb guard
  int jpeg_quality = 90;                    // --quality, for JPEG output
  bool auto_orient = false;                 // --auto-orient: apply EXIF orientation
  // The long names of the options given ("--matrix"), to tell the user which options do not
  // apply to an input instead of ignoring them.
  std::set<std::string> given;
  bool Given(const char* name) const { return given.count(name) != 0; }
  int png_level = kDefaultPngLevel;  // --png-level: PNG compression, size against speed
  // Whether --range or --depth chose the range: otherwise PNG and JPEG inputs get their
  // datatype's range (16-bit white is 65535, as the format defines), raw inputs Auto.
  bool range_given = false;
};

// A mistake in the command line itself (exit status 2): what was wrong, and a hint to fix it.
struct UsageError {
  std::string message;
  std::string hint;
};

// Parses argv. Returns false and fills *error when the command line is malformed. Does not
// touch the file system.
bool ParseCommandLine(int argc, const char* const* argv, CommandLine* out, UsageError* error);

}  // namespace pixconv::cli
