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

#include "names.h"
#include "text.h"

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

// "did you mean X? " when `value` is close to one of `names`, else "".
template <typename Enum>
std::string DidYouMean(string_view value, std::span<const NamedValue<Enum>> names) {
  const string_view closest = ClosestName(value, names);
  return closest.empty() ? "" : "did you mean " + std::string(closest) + "? ";
}

// Stores `parsed` into *out; when `value` named nothing (nullopt), fills *error with the
// closest name and the choices.
template <typename Enum>
bool ParseInto(string_view option, string_view value, std::span<const NamedValue<Enum>> names,
               const std::optional<Enum>& parsed, const std::string& choices, Enum* out,
               UsageError* error) {
  if (!parsed.has_value()) {
    *error = BadValue(option, value, DidYouMean(value, names) + "choose " + choices);
    return false;
  }
  *out = parsed.value();
  return true;
}

template <typename Enum>
bool ParseInto(string_view option, string_view value, std::span<const NamedValue<Enum>> names,
               const std::string& choices, Enum* out, UsageError* error) {
  return ParseInto(option, value, names, ParseName(value, names), choices, out, error);
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
  ColorModel m{};
  if (!ParseInto("--color-model", v, ColorModelNames(), ParseColorModelName(v),
                 "one of " + NameList(kAllColorModels) + " (or gray for L)", &m, error)) {
    return false;
  }
  cl->raw.color_model = m;
  return true;
}

bool ApplyDatatype(string_view v, CommandLine* cl, UsageError* error) {
  ChannelDatatype t{};
  if (!ParseInto("--datatype", v, DatatypeNames(), ParseDatatypeName(v),
                 "one of " + NameList(kAllDatatypes) + " (or NumPy's uint8 ... float64)", &t,
                 error)) {
    return false;
  }
  cl->raw.datatype = t;
  return true;
}

bool ApplyPixelFormat(string_view v, CommandLine* cl, UsageError* error) {
  PixelFormat f{};
  if (!ParseInto("--pixel-format", v, PixelFormatNames(), ParsePixelFormatName(v),
                 "one of " + NameList(kAllPixelFormats) +
                     " (or i420, i422, i444, i420f, i422f, i444f, y8, y8f, or ffmpeg's yuv420p, "
                     "yuvj420p, yuv422p, yuvj422p, yuv444p, yuvj444p, yuyv422, gray)",
                 &f, error)) {
    return false;
  }
  cl->raw.pixel_format = f;
  return true;
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
  cl->raw.stride_values = parts.size();
  return true;
}

bool ApplyOutputType(string_view v, CommandLine* cl, UsageError* error) {
  // rgba16 is the CLI's own: the library's RGBA f32 result, quantized to 16 bits for a PNG.
  cl->rgba16 = Lower(v) == "rgba16";
  if (cl->rgba16) {
    cl->options.to = OutputType::RGBAF32;
    return true;
  }
  return ParseInto("--to", v, OutputTypeNames(), "rgba8, rgbaf32 or rgba16", &cl->options.to,
                   error);
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
  if (const std::optional<RangeMode> mode = ParseName(v, RangeModeNames())) {
    o.range = *mode;
    return true;
  }
  const string_view closest = ClosestName(v, RangeModeNames());
  *error = BadValue("--range", v,
                    (closest.empty() ? "" : "did you mean " + std::string(closest) + "? ") +
                        "choose auto, datatype, depth or LO,HI (e.g. 0,4095)");
  return false;
}

bool ApplyOrder(string_view v, CommandLine* cl, UsageError* error) {
  return ParseInto("--order", v, ChannelOrderNames(), "rgba or bgra", &cl->options.order, error);
}

bool ApplyInputTransfer(string_view v, CommandLine* cl, UsageError* error) {
  return ParseInto("--input-transfer", v, InputTransferNames(), "srgb, linear or auto",
                   &cl->options.input_transfer, error);
}

bool ApplyOutputTransfer(string_view v, CommandLine* cl, UsageError* error) {
  return ParseInto("--output-transfer", v, OutputTransferNames(), "default, srgb or linear",
                   &cl->options.output_transfer, error);
}

bool ApplyMatrix(string_view v, CommandLine* cl, UsageError* error) {
  return ParseInto("--matrix", v, YuvMatrixNames(), "bt601, bt709 or bt2020",
                   &cl->options.yuv_matrix, error);
}

bool ApplyYuvRange(string_view v, CommandLine* cl, UsageError* error) {
  return ParseInto("--yuv-range", v, YuvRangeNames(), "limited or full", &cl->options.yuv_range,
                   error);
}

bool ApplyChroma(string_view v, CommandLine* cl, UsageError* error) {
  return ParseInto("--chroma", v, ChromaFilterNames(), "nearest or bilinear", &cl->options.chroma,
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

bool ApplyNoClamp(string_view, CommandLine* cl, UsageError*) {
  cl->options.clamp = false;
  return true;
}

bool ApplyColormap(string_view v, CommandLine* cl, UsageError* error) {
  // "none" is the absence of --colormap, not a value of it.
  const Colormap c = ParseColormap(v).value_or(Colormap::None);
  if (c == Colormap::None) {
    *error = BadValue("--colormap", v,
                      DidYouMean(v, ColormapNames()) +
                          "choose grayscale, inferno, magma, plasma, turbo, viridis, "
                          "cyantoyellow, spectral or twilight");
    return false;
  }
  cl->options.colormap = c;
  return true;
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
  } else if (lower == "jpeg" || lower == "jpg") {
    cl->output_kind = OutputKindArg::kJpeg;
  } else {
    *error = BadValue("--output-format", v, "choose png, jpeg, pfm, rgba or raw");
    return false;
  }
  return true;
}

bool ApplyInputFormat(string_view v, CommandLine* cl, UsageError* error) {
  const std::string lower = Lower(v);
  if (lower == "auto") {
    cl->input_format = InputFormatArg::kAuto;
  } else if (lower == "raw") {
    cl->input_format = InputFormatArg::kRaw;
  } else if (lower == "png") {
    cl->input_format = InputFormatArg::kPng;
  } else if (lower == "jpeg" || lower == "jpg") {
    cl->input_format = InputFormatArg::kJpeg;
  } else {
    *error = BadValue("--input-format", v, "choose auto, raw, png or jpeg");
    return false;
  }
  return true;
}

bool ApplyMaxPixels(string_view v, CommandLine* cl, UsageError* error) {
  uint64_t n = 0;
  if (!ParseUnsigned(v, &n) || n == 0) {
    *error = BadValue("--max-pixels", v,
                      "give the largest width x height to decode, e.g. --max-pixels 1000000000");
    return false;
  }
  cl->max_pixels = n;
  return true;
}

bool ApplyQuality(string_view v, CommandLine* cl, UsageError* error) {
  uint64_t n = 0;
  if (!ParseUnsigned(v, &n) || n < 1 || n > 100) {
    *error = BadValue("--quality", v, "give the JPEG quality, 1..100 (default 90)");
    return false;
  }
  cl->jpeg_quality = static_cast<int>(n);
  return true;
}

bool ApplySkipExisting(string_view, CommandLine* cl, UsageError*) {
  cl->skip_existing = true;
  return true;
}

bool ApplyAutoOrient(string_view, CommandLine* cl, UsageError*) {
  cl->auto_orient = true;
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
    {"--no-clamp", 0, false, kConvert, ApplyNoClamp},
    {"--matrix", 0, true, kConvert, ApplyMatrix},
    {"--yuv-range", 0, true, kConvert, ApplyYuvRange},
    {"--chroma", 0, true, kConvert, ApplyChroma},
    {"--colormap", 0, true, kConvert, ApplyColormap},
    {"--depth", 0, false, kConvert, ApplyDepth},
    {"--segmentation", 0, false, kConvert, ApplySegmentation},
    {"--class-colors", 0, true, kConvert, ApplyClassColors},
    {"--output-format", 0, true, kConvert, ApplyOutputFormat},
    {"--input-format", 0, true, kConvert | kInfo, ApplyInputFormat},
    {"--max-pixels", 0, true, kConvert | kInfo, ApplyMaxPixels},
    {"--auto-orient", 0, false, kConvert, ApplyAutoOrient},
    {"--quality", 0, true, kConvert, ApplyQuality},
    {"--force", 'f', false, kConvert, ApplyForce},
    {"--skip-existing", 'n', false, kConvert, ApplySkipExisting},
    {"--jobs", 'j', true, kConvert, ApplyJobs},
    {"--png-level", 0, true, kConvert, ApplyPngLevel},
    {"--quiet", 'q', false, kConvert, ApplyQuiet},
    {"--progress", 0, false, kConvert, ApplyProgress},
    {"--verbose", 'v', false, kConvert, ApplyVerbose},
    {"--json", 0, false, kInfo, ApplyJson},
    {"--filter", 0, true, kBench, ApplyFilter},
    {"--target", 0, true, kConvert | kBench, ApplyTarget},
};

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

const OptionSpec* FindOption(string_view name, unsigned mask) {
  const bool is_long = name.starts_with("--");
  for (const OptionSpec& s : kOptions) {
    const bool match = is_long ? s.name == name : (name.size() == 2 && s.short_name == name[1]);
    if (match && (s.commands & mask)) return &s;
  }
  return nullptr;
}

// Notes that `spec` was given. An option with a value given twice is an error: which one was
// meant (two -o, two --size) cannot be guessed.
bool Record(const OptionSpec& spec, Command command, CommandLine* cl, UsageError* error) {
  const bool repeated = !cl->given.insert(std::string(spec.name)).second;
  if (repeated && spec.takes_value) {
    *error = UsageError{std::string(spec.name) + " is given more than once",
                        "give it once; " + HelpHint(command)};
    return false;
  }
  return true;
}

// -fq: every letter after the first of a group of short flags (the first is applied by the
// caller). A letter that takes a value can only come first (-j4).
bool ApplyShortFlags(string_view group, Command command, unsigned mask, CommandLine* cl,
                     UsageError* error) {
  for (size_t k = 2; k < group.size(); ++k) {
    const char letter[3] = {'-', group[k], 0};
    const OptionSpec* spec = FindOption(letter, mask);
    if (spec == nullptr) {
      *error = UsageError{
          "unknown option '" + std::string(letter) + "' in '" + std::string(group) + "'",
          HelpHint(command)};
      return false;
    }
    if (spec->takes_value) {
      *error = UsageError{std::string(letter) + " takes a value, so it cannot follow other " +
                              "flags in '" + std::string(group) + "'",
                          "put it first in the group, or give it alone"};
      return false;
    }
    if (!Record(*spec, command, cl, error) || !spec->apply({}, cl, error)) return false;
  }
  return true;
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
    // --name=value, --name value, -o value, -ovalue, and flags together: -fq.
    const bool is_long = arg.starts_with("--");
    const size_t eq = is_long ? arg.find('=') : string_view::npos;
    const string_view name = is_long ? arg.substr(0, eq) : arg.substr(0, 2);
    const OptionSpec* spec = FindOption(name, mask);
    if (spec == nullptr) {
      *error = UnknownOption(is_long ? arg : name, command, mask);
      return false;
    }
    string_view value;
    if (eq != string_view::npos) {
      if (!spec->takes_value) {
        *error = UsageError{std::string(spec->name) + " takes no value", HelpHint(command)};
        return false;
      }
      value = arg.substr(eq + 1);
    } else if (!is_long && arg.size() > 2) {
      if (spec->takes_value) {
        value = arg.substr(2);  // -j4, -oout.png
      } else if (!ApplyShortFlags(arg, command, mask, cl, error)) {
        return false;
      }
    } else if (spec->takes_value) {
      if (i + 1 == args.size()) {
        *error = UsageError{"missing value after " + std::string(arg), HelpHint(command)};
        return false;
      }
      value = args[++i];
    }
    if (!Record(*spec, command, cl, error) || !spec->apply(value, cl, error)) return false;
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
  if (cl->force && cl->skip_existing) {
    *error = UsageError{"--force and --skip-existing exclude each other",
                        "--force replaces existing outputs, --skip-existing leaves them"};
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
  constexpr string_view kCommands[] = {"convert", "info", "formats", "bench", "help"};
  const string_view closest = ClosestName(command, kCommands);
  *error = UsageError{"unknown command '" + std::string(command) + "'",
                      (closest.empty() ? "" : "did you mean " + std::string(closest) + "? ") +
                          "the commands are convert, info, formats and bench; run 'pixconv "
                          "--help'"};
  return false;
}

}  // namespace pixconv::cli
