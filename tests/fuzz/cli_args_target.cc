// The CLI fuzzer: an arbitrary command line through the pixconv CLI's parsing, then the steps
// that turn it into a conversion without touching the file system: the job plan and output
// kind, the --class-colors table, the raw-input format, the view of a "file" of some length,
// per-channel statistics (info) and the conversion with the options the CLI would use.
//
// Input: byte 0 bit 0 set = the --class-colors value is the text of the file rather than a
// path; byte 1 the raw file's length (a Delta relative to what the format needs); then the
// arguments after argv[0], separated by NUL bytes.
//
// Beyond what the sanitizers see, it checks the rules the parser documents (args.h, README):
// a parsed command line is complete and consistent, and a raw view the CLI accepts is one
// the library converts.
#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "args.h"
#include "batch_plan.h"
#include "channel_stats.h"
#include "choices.h"
#include "class_colors_file.h"
#include "finding.h"
#include "fuzz_buffers.h"
#include "hwy/targets.h"
#include "output_kind.h"
#include "pixconv/convert.h"
#include "raw_input.h"
#include "target_select.h"
#include "targets.h"

namespace pixconv::fuzz {
namespace {

using cli::Command;
using cli::CommandLine;
using cli::UsageError;

constexpr size_t kMaxArgs = 64;
constexpr size_t kMaxFileBytes = size_t{1} << 20;
constexpr size_t kMaxOutputBytes = size_t{1} << 22;

// --target pins dispatch for the rest of the process in the CLI; here, for one input.
struct TargetReset {
  ~TargetReset() { hwy::SetSupportedTargetsForTest(0); }
};

// What ParseCommandLine promises about a command line it accepted.
void CheckParsed(const CommandLine& cl) {
  switch (cl.command) {
    case Command::kConvert:
      PIXCONV_FUZZ_CHECK(!cl.inputs.empty() && !cl.output.empty());
      break;
    case Command::kInfo:
      PIXCONV_FUZZ_CHECK(!cl.inputs.empty());
      break;
    case Command::kFormats:
    case Command::kBench:
      PIXCONV_FUZZ_CHECK(cl.inputs.empty());
      break;
    case Command::kHelp:
    case Command::kVersion:
      break;
  }
  const cli::RawFormatArgs& raw = cl.raw;
  PIXCONV_FUZZ_CHECK(raw.width.has_value() == raw.height.has_value());
  if (raw.width) {
    PIXCONV_FUZZ_CHECK(*raw.width >= 1 && *raw.width <= kMaxDimension);
    PIXCONV_FUZZ_CHECK(*raw.height >= 1 && *raw.height <= kMaxDimension);
  }
  PIXCONV_FUZZ_CHECK(!(raw.pixel_format && (raw.color_model || raw.datatype)));
  if (raw.pixel_format) PIXCONV_FUZZ_CHECK(IsKnown(*raw.pixel_format));
  if (raw.color_model) PIXCONV_FUZZ_CHECK(IsKnown(*raw.color_model));
  if (raw.datatype) PIXCONV_FUZZ_CHECK(IsKnown(*raw.datatype));
  // --stride takes 1..3 values, each > 0; planes after the last value given stay 0 (packed).
  if (raw.strides) PIXCONV_FUZZ_CHECK((*raw.strides)[0] > 0);
  const ConvertOptions& o = cl.options;
  if (o.range == RangeMode::Explicit) {
    PIXCONV_FUZZ_CHECK(std::isfinite(o.range_lo) && std::isfinite(o.range_hi));
    PIXCONV_FUZZ_CHECK(o.range_lo != o.range_hi);
  }
  if (o.segmentation) PIXCONV_FUZZ_CHECK(o.colormap == Colormap::None && !cl.depth);
  if (!cl.class_colors_file.empty()) PIXCONV_FUZZ_CHECK(o.segmentation);
  if (cl.depth) PIXCONV_FUZZ_CHECK(o.colormap != Colormap::None);
  if (cl.rgba16) PIXCONV_FUZZ_CHECK(o.to == OutputType::RGBAF32);
  PIXCONV_FUZZ_CHECK(cl.jobs <= 1024);
  PIXCONV_FUZZ_CHECK(!(cl.force && cl.skip_existing));
  PIXCONV_FUZZ_CHECK(cl.jpeg_quality >= 1 && cl.jpeg_quality <= 100);
  PIXCONV_FUZZ_CHECK(cl.max_pixels >= 1);
  PIXCONV_FUZZ_CHECK(raw.strides.has_value() == (raw.stride_values > 0));
  PIXCONV_FUZZ_CHECK(raw.stride_values <= kMaxPlanes);
  // Every option recorded as given is one the parser knows by its long name.
  for (const std::string& name : cl.given) PIXCONV_FUZZ_CHECK(name.starts_with("--"));
}

// The raw-input path of convert and info, on a file of the length byte 1 asks for.
void RunRawInput(const CommandLine& cl, const ConvertOptions& options, Delta file_length,
                 std::span<const uint8_t> data) {
  ImageFormat format;
  UsageError usage;
  const std::string& path = cl.inputs[0];
  // The raw path starts from the file's bytes for its messages; their content does not matter.
  if (!cli::RawFormatFromArgs(cl.raw, path, std::vector<uint8_t>(data.begin(), data.end()),
                              &format, &usage)) {
    // No --size, or more --stride values than the format has planes.
    PIXCONV_FUZZ_CHECK((!cl.raw.width || cl.raw.stride_values > 1) && !usage.message.empty());
    return;
  }
  PIXCONV_FUZZ_CHECK(format.width == *cl.raw.width && format.height == *cl.raw.height);
  const std::array<size_t, kMaxPlanes> strides = cl.raw.strides.value_or(std::array<size_t, kMaxPlanes>{});
  const Result<size_t> needed = BufferSize(format, strides);
  const std::vector<uint8_t> file = Cycled(
      data, ResolveLength(file_length, needed.ok() ? std::optional<size_t>(*needed) : std::nullopt,
                          kMaxFileBytes));
  const Result<ImageView> view = cli::MakeRawView(format, cl.raw, file, path);
  if (!view.ok()) {
    PIXCONV_FUZZ_CHECK(!needed.ok() || file.size() < *needed);
    return;
  }
  PIXCONV_FUZZ_CHECK(needed.ok() && file.size() >= *needed);
  PIXCONV_FUZZ_CHECK(view->format == format && Validate(*view).ok());

  if (cl.command == Command::kInfo) {
    const Result<std::vector<cli::ChannelStats>> channels = cli::ScanChannels(*view);
    PIXCONV_FUZZ_CHECK(channels.ok());
    for (const cli::ChannelStats& c : *channels) {
      if (c.stats.finite) PIXCONV_FUZZ_CHECK(c.stats.min <= c.stats.max);
    }
    return;
  }
  Result<Converter> converter = Converter::Create(*view, options);
  if (!converter.ok()) return;  // e.g. --colormap on an RGB image: the library says why
  const Result<size_t> output_size = OutputSize(format.width, format.height, options.to);
  PIXCONV_FUZZ_CHECK(output_size.ok());
  if (*output_size > kMaxOutputBytes) return;
  std::vector<uint8_t> pixels(*output_size);
  PIXCONV_FUZZ_CHECK(
      converter->ConvertAll(*view, OutputView{pixels.data(), pixels.size(), 0}).ok());
}

}  // namespace

Outcome FuzzCliArgs(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> input(data, size);
  const bool class_colors_inline = size > 0 && (data[0] & 1);
  const Delta file_length = DeltaFromByte(size > 1 ? data[1] : 0);

  std::vector<std::string> args = {"pixconv"};
  if (size > 2) {
    std::string arg;
    for (size_t i = 2; i < size && args.size() < kMaxArgs; ++i) {
      if (data[i] == 0) {
        args.push_back(arg);
        arg.clear();
      } else {
        arg.push_back(static_cast<char>(data[i]));
      }
    }
    if (args.size() < kMaxArgs) args.push_back(arg);
  }
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  argv.push_back(nullptr);

  CommandLine cl;
  UsageError usage;
  if (!cli::ParseCommandLine(static_cast<int>(args.size()), argv.data(), &cl, &usage)) {
    PIXCONV_FUZZ_CHECK(!usage.message.empty());
    return Outcome::kRejected;
  }
  CheckParsed(cl);
  if (cl.command != Command::kConvert && cl.command != Command::kInfo) return Outcome::kAccepted;

  ConvertOptions options = cl.options;
  const TargetReset reset;
  if (cl.command == Command::kConvert) {
    cli::BatchPlan plan;
    if (!cli::PlanJobs(cl, &plan, &usage)) {
      PIXCONV_FUZZ_CHECK(!usage.message.empty());
      return Outcome::kRejected;
    }
    PIXCONV_FUZZ_CHECK(!plan.jobs.empty());
    if (!cl.target.empty() && !cli::SelectTarget(cl.target, &usage)) return Outcome::kRejected;
    options = cli::OptionsFor(plan.jobs[0].kind, cl.options);
  }
  std::vector<uint8_t> class_colors;
  if (class_colors_inline && !cl.class_colors_file.empty()) {
    const Status status = cli::ParseClassColors(cl.class_colors_file, "classes.txt", &class_colors);
    if (!status.ok()) {
      PIXCONV_FUZZ_CHECK(status.message().starts_with("classes.txt:"));
      return Outcome::kRejected;
    }
    PIXCONV_FUZZ_CHECK(class_colors.size() % 4 == 0 &&
                       class_colors.size() <= 4 * kMaxClassColors);
    options.class_colors = ClassColors{class_colors.data(), class_colors.size() / 4};
  }
  RunRawInput(cl, options, file_length, input);
  return Outcome::kAccepted;
}

}  // namespace pixconv::fuzz
