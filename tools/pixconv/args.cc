// Command-line parsing: a table of options, each with the commands it belongs to and a parser
// for its value. Values that do not parse are usage errors (exit status 2) that name the valid
// choices, so the fix is on the screen.
#include "args.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <span>
#include <string_view>
#include <system_error>
#include <vector>

namespace pixconv::cli {
namespace {

using std::string_view;

// Whole-string unsigned parse: no sign, no spaces, no trailing junk.
bool ParseUnsigned(string_view s, uint64_t* out) {
  if (s.empty() || s.front() < '0' || s.front() > '9') return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

bool ParseFiniteDouble(string_view s, double* out) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && std::isfinite(*out);
}

// Option values are ASCII names, compared case-insensitively.
std::string Lower(string_view s) {
  std::string lower(s);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

std::vector<string_view> SplitComma(string_view s) {
  std::vector<string_view> parts;
  while (true) {
    const size_t comma = s.find(',');
    parts.push_back(s.substr(0, comma));
    if (comma == string_view::npos) return parts;
    s.remove_prefix(comma + 1);
  }
}

template <typename Enum, size_t N>
std::string NameList(const Enum (&all)[N]) {
  std::string list;
  for (Enum e : all) {
    if (!list.empty()) list += ", ";
    list += Name(e);
  }
  return list;
}

UsageError BadValue(string_view option, string_view value, std::string hint) {
  return UsageError{"bad value '" + std::string(value) + "' for " + std::string(option),
                    std::move(hint)};
}

// Passes `parsed` through; when false, fills *error with the bad value and the choices.
bool Parsed(bool parsed, string_view option, string_view value, std::string choices,
            UsageError* error) {
  if (!parsed) *error = BadValue(option, value, "choose " + std::move(choices));
  return parsed;
}

// Each option parser returns false after filling *error.
using Apply = bool (*)(string_view value, CommandLine* cl, UsageError* error);

bool ApplySize(string_view v, CommandLine* cl, UsageError* error) {
  const size_t x = v.find_first_of("xX");
  uint64_t w = 0, h = 0;
  if (x == string_view::npos || !ParseUnsigned(v.substr(0, x), &w) ||
      !ParseUnsigned(v.substr(x + 1), &h)) {
    *error = BadValue("--size", v, "give WIDTHxHEIGHT in pixels, e.g. --size 1920x1080");
    return false;
  }
  if (w == 0 || h == 0 || w > kMaxDimension || h > kMaxDimension) {
    *error = BadValue("--size", v, "width and height must be 1.." + std::to_string(kMaxDimension));
    return false;
  }
  cl->raw.width = static_cast<uint32_t>(w);
  cl->raw.height = static_cast<uint32_t>(h);
  return true;
}

bool ApplyColorModel(string_view v, CommandLine* cl, UsageError* error) {
  cl->raw.color_model = ParseColorModel(v);
  return Parsed(cl->raw.color_model.has_value(), "--color-model", v,
                "one of " + NameList(kAllColorModels), error);
}

bool ApplyDatatype(string_view v, CommandLine* cl, UsageError* error) {
  cl->raw.datatype = ParseChannelDatatype(v);
  return Parsed(cl->raw.datatype.has_value(), "--datatype", v, "one of " + NameList(kAllDatatypes),
                error);
}

bool ApplyPixelFormat(string_view v, CommandLine* cl, UsageError* error) {
  cl->raw.pixel_format = ParsePixelFormat(v);
  return Parsed(cl->raw.pixel_format.has_value(), "--pixel-format", v,
                "one of " + NameList(kAllPixelFormats) +
                    " (or the aliases i420, i422, i444, i420f, i422f, i444f, y8, y8f)",
                error);
}

bool ApplyStride(string_view v, CommandLine* cl, UsageError* error) {
  const std::vector<string_view> parts = SplitComma(v);
  std::array<size_t, kMaxPlanes> strides{};
  bool ok = parts.size() <= strides.size();
  for (size_t i = 0; ok && i < parts.size(); ++i) {
    uint64_t n = 0;
    ok = ParseUnsigned(parts[i], &n) && n > 0;
    strides[i] = static_cast<size_t>(n);
  }
  if (!ok) {
    *error = BadValue("--stride", v,
                      "give the input row stride in bytes (e.g. --stride 2048, used for every "
                      "plane) or one per plane (e.g. --stride 2048,1024,1024)");
    return false;
  }
  // One value serves every plane: the common case of a frame whose planes share one pitch.
  if (parts.size() == 1) strides.fill(strides[0]);
  cl->raw.strides = strides;
  return true;
}

bool ApplyOutputType(string_view v, CommandLine* cl, UsageError* error) {
  // rgba16 is the CLI's own: the library's RGBA f32 result, quantized to 16 bits for a PNG.
  cl->rgba16 = Lower(v) == "rgba16";
  if (cl->rgba16) {
    cl->options.to = OutputType::RGBAF32;
    return true;
  }
  return Parsed(ParseOutputType(v, &cl->options.to), "--to", v, "rgba8, rgbaf32 or rgba16", error);
}

bool ApplyRange(string_view v, CommandLine* cl, UsageError* error) {
  ConvertOptions& o = cl->options;
  const std::vector<string_view> parts = SplitComma(v);
  if (parts.size() == 2) {
    if (!ParseFiniteDouble(parts[0], &o.range_lo) || !ParseFiniteDouble(parts[1], &o.range_hi)) {
      *error = BadValue("--range", v, "an explicit range is two finite numbers, e.g. 0,4095");
      return false;
    }
    if (o.range_lo == o.range_hi) {
      *error = BadValue("--range", v, "LO and HI must differ (LO > HI inverts the image)");
      return false;
    }
    o.range = RangeMode::Explicit;
    return true;
  }
  const std::string lower = Lower(v);
  if (lower == "auto") {
    o.range = RangeMode::Auto;
  } else if (lower == "datatype") {
    o.range = RangeMode::Datatype;
  } else if (lower == "depth") {
    o.range = RangeMode::Depth;
  } else {
    *error = BadValue("--range", v, "choose auto, datatype, depth or LO,HI (e.g. 0,4095)");
    return false;
  }
  return true;
}

bool ApplyOrder(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseChannelOrder(v, &cl->options.order), "--order", v, "rgba or bgra", error);
}

bool ApplyInputTransfer(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseInputTransfer(v, &cl->options.input_transfer), "--input-transfer", v,
                "srgb, linear or auto", error);
}

bool ApplyOutputTransfer(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseOutputTransfer(v, &cl->options.output_transfer), "--output-transfer", v,
                "default, srgb or linear", error);
}

bool ApplyMatrix(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseYuvMatrix(v, &cl->options.yuv_matrix), "--matrix", v, "bt601, bt709 or bt2020",
                error);
}

bool ApplyYuvRange(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseYuvRange(v, &cl->options.yuv_range), "--yuv-range", v, "limited or full",
                error);
}

bool ApplyChroma(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseChromaFilter(v, &cl->options.chroma), "--chroma", v, "nearest or bilinear",
                error);
}

bool ApplyOutput(string_view v, CommandLine* cl, UsageError*) {
  cl->output = v;
  return true;
}

bool ApplyTarget(string_view v, CommandLine* cl, UsageError*) {
  cl->target = v;  // checked against this CPU's targets when the command runs
  return true;
}

bool ApplyPremultiply(string_view, CommandLine* cl, UsageError*) {
  cl->options.premultiply = true;
  return true;
}

bool ApplyColormap(string_view v, CommandLine* cl, UsageError* error) {
  return Parsed(ParseColormap(v, &cl->options.colormap) && cl->options.colormap != Colormap::None,
                "--colormap", v,
                "grayscale, inferno, magma, plasma, turbo, viridis, cyantoyellow, spectral or "
                "twilight",
                error);
}

bool ApplyDepth(string_view, CommandLine* cl, UsageError*) {
  cl->depth = true;
  return true;
}

bool ApplySegmentation(string_view, CommandLine* cl, UsageError*) {
  cl->options.segmentation = true;
  return true;
}

bool ApplyClassColors(string_view v, CommandLine* cl, UsageError*) {
  cl->class_colors_file = v;  // read when the command runs
  return true;
}

bool ApplyOutputFormat(string_view v, CommandLine* cl, UsageError* error) {
  const std::string lower = Lower(v);
  if (lower == "png") {
    cl->output_kind = OutputKindArg::kPng;
  } else if (lower == "pfm") {
    cl->output_kind = OutputKindArg::kPfm;
  } else if (lower == "rgba" || lower == "raw") {
    cl->output_kind = OutputKindArg::kRaw;
  } else {
    *error = BadValue("--output-format", v, "choose png, pfm, rgba or raw");
    return false;
  }
  return true;
}

bool ApplyJobs(string_view v, CommandLine* cl, UsageError* error) {
  uint64_t n = 0;
  if (!ParseUnsigned(v, &n) || n == 0 || n > 1024) {
    *error = BadValue("--jobs", v, "give the number of files to convert at once, 1..1024");
    return false;
  }
  cl->jobs = static_cast<unsigned>(n);
  return true;
}

bool ApplyPngLevel(string_view v, CommandLine* cl, UsageError* error) {
  uint64_t n = 0;
  if (!ParseUnsigned(v, &n) || n > kMaxPngLevel) {
    *error = BadValue("--png-level", v, "give 0 (fastest, largest) to 12 (smallest, slowest)");
    return false;
  }
  cl->png_level = static_cast<int>(n);
  return true;
}

bool ApplyQuiet(string_view, CommandLine* cl, UsageError*) {
  cl->quiet = true;
  return true;
}

bool ApplyProgress(string_view, CommandLine* cl, UsageError*) {
  cl->progress = true;
  return true;
}

bool ApplyJson(string_view, CommandLine* cl, UsageError*) {
  cl->json = true;
  return true;
}

bool ApplyFilter(string_view v, CommandLine* cl, UsageError*) {
  cl->filter = v;  // compiled by the bench command, which reports a bad pattern
  return true;
}

bool ApplyForce(string_view, CommandLine* cl, UsageError*) {
  cl->force = true;
  return true;
}

bool ApplyVerbose(string_view, CommandLine* cl, UsageError*) {
  cl->verbose = true;
  return true;
}

enum CommandMask : unsigned { kConvert = 1, kInfo = 2, kFormats = 4, kBench = 8 };

struct OptionSpec {
  string_view name;  // "--size"
  char short_name;   // 'o', or 0
  bool takes_value;
  unsigned commands;  // CommandMask bits
  Apply apply;
};

constexpr OptionSpec kOptions[] = {
    {"--output", 'o', true, kConvert, ApplyOutput},
    {"--size", 0, true, kConvert | kInfo | kFormats | kBench, ApplySize},
    {"--color-model", 0, true, kConvert | kInfo, ApplyColorModel},
    {"--datatype", 0, true, kConvert | kInfo, ApplyDatatype},
    {"--pixel-format", 0, true, kConvert | kInfo, ApplyPixelFormat},
    {"--stride", 0, true, kConvert | kInfo, ApplyStride},
    {"--to", 0, true, kConvert, ApplyOutputType},
    {"--range", 0, true, kConvert | kInfo, ApplyRange},
    {"--order", 0, true, kConvert, ApplyOrder},
    {"--input-transfer", 0, true, kConvert, ApplyInputTransfer},
    {"--output-transfer", 0, true, kConvert, ApplyOutputTransfer},
    {"--premultiply", 0, false, kConvert, ApplyPremultiply},
    {"--matrix", 0, true, kConvert, ApplyMatrix},
    {"--yuv-range", 0, true, kConvert, ApplyYuvRange},
    {"--chroma", 0, true, kConvert, ApplyChroma},
    {"--colormap", 0, true, kConvert, ApplyColormap},
    {"--depth", 0, false, kConvert, ApplyDepth},
    {"--segmentation", 0, false, kConvert, ApplySegmentation},
    {"--class-colors", 0, true, kConvert, ApplyClassColors},
    {"--output-format", 0, true, kConvert, ApplyOutputFormat},
    {"--force", 'f', false, kConvert, ApplyForce},
    {"--jobs", 'j', true, kConvert, ApplyJobs},
    {"--png-level", 0, true, kConvert, ApplyPngLevel},
    {"--quiet", 'q', false, kConvert, ApplyQuiet},
    {"--progress", 0, false, kConvert, ApplyProgress},
    {"--verbose", 'v', false, kConvert, ApplyVerbose},
    {"--json", 0, false, kInfo, ApplyJson},
    {"--filter", 0, true, kBench, ApplyFilter},
    {"--target", 0, true, kConvert | kBench, ApplyTarget},
};

// Levenshtein distance, for "did you mean" on a mistyped option.
size_t EditDistance(string_view a, string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
    }
  }
  return row[b.size()];
}

const char* CommandName(Command c) {
  switch (c) {
    case Command::kInfo:
      return "info";
    case Command::kFormats:
      return "formats";
    case Command::kBench:
      return "bench";
    default:
      return "convert";
  }
}

std::string HelpHint(Command c) {
  return std::string("run 'pixconv ") + CommandName(c) + " --help' for the options";
}

unsigned MaskOf(Command c) {
  switch (c) {
    case Command::kInfo:
      return kInfo;
    case Command::kFormats:
      return kFormats;
    case Command::kBench:
      return kBench;
    default:
      return kConvert;
  }
}

// The subcommands by name, for `pixconv NAME` and `pixconv help NAME`.
bool CommandFromName(string_view name, Command* command) {
  for (Command c : {Command::kConvert, Command::kInfo, Command::kFormats, Command::kBench}) {
    if (name == CommandName(c)) {
      *command = c;
      return true;
    }
  }
  return false;
}

// Positional arguments: convert takes IN..., info one FILE, formats and bench none.
bool CheckPositional(Command command, std::vector<std::string> positional, CommandLine* cl,
                     UsageError* error) {
  const size_t n = positional.size();
  if (command == Command::kFormats || command == Command::kBench) {
    if (n == 0) return true;
    *error = UsageError{std::string("'pixconv ") + CommandName(command) + "' takes no file, got '" +
                            positional[0] + "'",
                        HelpHint(command)};
    return false;
  }
  if (n == 0) {
    *error = UsageError{"missing input file", HelpHint(command)};
    return false;
  }
  if (command == Command::kInfo && n > 1) {
    *error = UsageError{"too many arguments: expected one input file, got " + std::to_string(n),
                        "run 'pixconv info' once per file; " + HelpHint(command)};
    return false;
  }
  cl->inputs = std::move(positional);
  return true;
}

UsageError UnknownOption(string_view arg, Command command, unsigned mask) {
  const string_view name = arg.substr(0, arg.find('='));
  const OptionSpec* best = nullptr;
  size_t best_distance = 3;  // suggest only close matches
  for (const OptionSpec& spec : kOptions) {
    const bool short_match = name.size() == 2 && spec.short_name == name[1];
    const size_t d = short_match ? 0 : EditDistance(name, spec.name);
    if (d < best_distance) best_distance = d, best = &spec;
  }
  if (best && best_distance == 0) {  // a real option, but for the other command
    return UsageError{
        std::string(name) + " is not an option of 'pixconv " + CommandName(command) + "'",
        HelpHint(command)};
  }
  std::string hint = HelpHint(command);
  if (best && (best->commands & mask))
    hint = "did you mean " + std::string(best->name) + "? " + hint;
  return UsageError{"unknown option '" + std::string(arg) + "'", hint};
}

// --depth means range Depth and Turbo, each unless given explicitly; segmentation excludes
// both, and --class-colors needs it.
bool ResolveMapping(bool range_given, CommandLine* cl, UsageError* error) {
  const bool depth = cl->depth;
  ConvertOptions& o = cl->options;
  if (o.segmentation && (depth || o.colormap != Colormap::None)) {
    *error = UsageError{"--segmentation excludes --depth and --colormap",
                        "class ids get table colors; give one of them"};
    return false;
  }
  if (!cl->class_colors_file.empty() && !o.segmentation) {
    *error = UsageError{"--class-colors needs --segmentation",
                        "add --segmentation to map the samples as class ids"};
    return false;
  }
  if (depth) {
    if (!range_given) o.range = RangeMode::Depth;
    if (o.colormap == Colormap::None) o.colormap = Colormap::Turbo;
  }
  return true;
}

bool ParseCommandArgs(Command command, std::span<const char* const> args, CommandLine* cl,
                      UsageError* error) {
  const unsigned mask = MaskOf(command);
  bool options_done = false;
  bool range_given = false;
  std::vector<std::string> positional;
  for (size_t i = 0; i < args.size(); ++i) {
    const string_view arg = args[i];
    if (options_done || arg.size() < 2 || arg[0] != '-') {
      positional.emplace_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      // Help for the command, whatever came before: drop the options parsed so far, whose
      // mapping (--depth's colormap and range) is only resolved after the last argument.
      *cl = CommandLine();
      cl->command = Command::kHelp;
      cl->help_topic = command;
      return true;
    }
    // --name=value, --name value, -o value.
    const bool is_long = arg.starts_with("--");
    const size_t eq = is_long ? arg.find('=') : string_view::npos;
    const string_view name = arg.substr(0, eq);
    const OptionSpec* spec = nullptr;
    for (const OptionSpec& s : kOptions) {
      const bool match = is_long ? s.name == name : (arg.size() == 2 && s.short_name == arg[1]);
      if (match && (s.commands & mask)) spec = &s;
    }
    if (spec == nullptr) {
      *error = UnknownOption(arg, command, mask);
      return false;
    }
    string_view value;
    if (eq != string_view::npos) {
      if (!spec->takes_value) {
        *error = UsageError{std::string(spec->name) + " takes no value", HelpHint(command)};
        return false;
      }
      value = arg.substr(eq + 1);
    } else if (spec->takes_value) {
      if (i + 1 == args.size()) {
        *error = UsageError{"missing value after " + std::string(arg), HelpHint(command)};
        return false;
      }
      value = args[++i];
    }
    if (!spec->apply(value, cl, error)) return false;
    range_given = range_given || spec->apply == ApplyRange;
  }
  if (!ResolveMapping(range_given, cl, error)) return false;
  cl->range_given = range_given || cl->depth;

  if (!CheckPositional(command, std::move(positional), cl, error)) return false;
  if (command == Command::kConvert && cl->output.empty()) {
    *error = UsageError{"missing output: give -o OUT (.png, .pfm, .rgba or .raw), -o DIR/ or -o -",
                        HelpHint(command)};
    return false;
  }
  if (cl->raw.pixel_format && (cl->raw.color_model || cl->raw.datatype)) {
    *error = UsageError{"--pixel-format and --color-model/--datatype exclude each other",
                        "a pixel format (NV12, YUY2, ...) fixes the layout; give only one of them"};
    return false;
  }
  return true;
}

}  // namespace

bool RawFormatArgs::AnyGiven() const {
  return width || color_model || datatype || pixel_format || strides;
}

bool ParseCommandLine(int argc, const char* const* argv, CommandLine* out, UsageError* error) {
  *out = CommandLine();
  const std::span<const char* const> args(argv + 1, argc > 0 ? static_cast<size_t>(argc - 1) : 0);
  if (args.empty()) {
    *error = UsageError{"no command given", "run 'pixconv --help' for the commands"};
    return false;
  }
  const string_view command = args[0];
  if (command == "--help" || command == "-h") return true;  // kHelp, general topic
  if (command == "help") {
    if (args.size() > 1) CommandFromName(args[1], &out->help_topic);
    return true;
  }
  if (command == "--version") {
    out->command = Command::kVersion;
    return true;
  }
  if (CommandFromName(command, &out->command)) {
    return ParseCommandArgs(out->command, args.subspan(1), out, error);
  }
  *error = UsageError{"unknown command '" + std::string(command) + "'",
                      "the commands are convert, info, formats and bench; run 'pixconv --help'"};
  return false;
}

}  // namespace pixconv::cli
