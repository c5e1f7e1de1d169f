// pixconv info: what a file holds and what a conversion would do with it: the format, the
// bytes, the finite min/max of every channel and of all samples together, and the range
// --range (default auto) picks from them, which is what a user needs to choose --range. PNG
// and JPEG files are decoded for this; --json prints the same facts for scripts.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "channel_stats.h"
#include "commands.h"
#include "diagnostics.h"
#include "file_io.h"
#include "input.h"
#include "json.h"
#include "text.h"

namespace pixconv::cli {
namespace {

struct InfoFacts {
  std::string file;
  std::string kind;  // "raw", "PNG", "JPEG"
  size_t file_bytes = 0;
  size_t image_bytes = 0;        // what the format needs (raw) or the decoded samples hold
  std::optional<int> bit_depth;  // PNG and JPEG
  ImageFormat format;
  std::vector<ChannelStats> channels;
  SampleStats all;
  double range_lo = 0, range_hi = 0;  // color models only
};

std::string MinMaxText(const SampleStats& s) {
  return s.finite ? "finite min " + FormatNumber(s.min) + ", max " + FormatNumber(s.max)
                  : std::string("no finite sample");
}

void PrintText(const InfoFacts& f, RangeMode mode) {
  const ImageFormat& fmt = f.format;
  std::printf("file:        %s (%s, %zu bytes)\n", f.file.c_str(), f.kind.c_str(), f.file_bytes);
  std::printf("format:      %s\n", Describe(fmt).c_str());
  std::printf("size:        %ux%u\n", fmt.width, fmt.height);
  if (fmt.pixel_format) {
    std::printf("yuv:         %s, %s range by default\n",
                IsBt601(*fmt.pixel_format) ? "BT.601" : "BT.709",
                IsLimitedRange(*fmt.pixel_format) ? "limited" : "full");
  } else {
    std::printf("color model: %s\n", std::string(Name(fmt.color_model)).c_str());
    std::printf("datatype:    %s\n", std::string(Name(fmt.datatype)).c_str());
  }
  if (f.bit_depth) std::printf("bit depth:   %d\n", *f.bit_depth);
  std::printf("image bytes: %zu%s\n", f.image_bytes,
              f.kind == "raw" ? " (what the format needs)" : " (decoded)");
  for (const ChannelStats& c : f.channels) {
    std::printf("channel %-4s %s\n", (c.name + ":").c_str(), MinMaxText(c.stats).c_str());
  }
  if (!fmt.pixel_format) {  // (YUV: the channels above are the whole story)
    std::printf("samples:     %s\n", MinMaxText(f.all).c_str());
    std::printf("range:       [%s, %s] (what --range %s picks)\n", FormatNumber(f.range_lo).c_str(),
                FormatNumber(f.range_hi).c_str(), RangeModeName(mode));
  }
}

std::string JsonStats(const SampleStats& s) {
  if (!s.finite) return "null";
  return "{\"min\": " + JsonNumber(s.min) + ", \"max\": " + JsonNumber(s.max) + "}";
}

void PrintJson(const InfoFacts& f, RangeMode mode) {
  const ImageFormat& fmt = f.format;
  std::string j = "{\n";
  j += "  \"file\": " + JsonString(f.file) + ",\n";
  j += "  \"kind\": " + JsonString(f.kind) + ",\n";
  j += "  \"file_bytes\": " + std::to_string(f.file_bytes) + ",\n";
  j += "  \"image_bytes\": " + std::to_string(f.image_bytes) + ",\n";
  j += "  \"width\": " + std::to_string(fmt.width) + ",\n";
  j += "  \"height\": " + std::to_string(fmt.height) + ",\n";
  if (fmt.pixel_format) {
    j += "  \"pixel_format\": " + JsonString(Name(*fmt.pixel_format)) + ",\n";
    j += "  \"yuv_matrix\": " + JsonString(IsBt601(*fmt.pixel_format) ? "bt601" : "bt709") + ",\n";
    j += "  \"yuv_range\": " + JsonString(IsLimitedRange(*fmt.pixel_format) ? "limited" : "full") +
         ",\n";
  } else {
    j += "  \"color_model\": " + JsonString(Name(fmt.color_model)) + ",\n";
    j += "  \"datatype\": " + JsonString(Name(fmt.datatype)) + ",\n";
  }
  if (f.bit_depth) j += "  \"bit_depth\": " + std::to_string(*f.bit_depth) + ",\n";
  j += "  \"channels\": [";
  for (size_t i = 0; i < f.channels.size(); ++i) {
    j += (i ? ", " : "") + std::string("{\"name\": ") + JsonString(f.channels[i].name) +
         ", \"finite\": " + JsonStats(f.channels[i].stats) + "}";
  }
  j += "]";
  if (!fmt.pixel_format) {
    j += ",\n  \"finite\": " + JsonStats(f.all);
    j += ",\n  \"range\": {\"mode\": " + JsonString(RangeModeName(mode)) +
         ", \"lo\": " + JsonNumber(f.range_lo) + ", \"hi\": " + JsonNumber(f.range_hi) + "}";
  }
  j += "\n}\n";
  std::fputs(j.c_str(), stdout);
}

}  // namespace

int RunInfo(const CommandLine& cl) {
  const std::string& path = cl.inputs[0];
  InputImage input;
  UsageError usage;
  InfoFacts facts;
  Status status = ReadInput(path, cl.raw, &input, &usage);
  if (status.ok() && input.codec != Codec::Unknown) {
    // The header's bit depth; the decoded image says 8 or 16 bits only through its datatype.
    Result<ImageInfo> info = ReadImageInfo(input.storage.data(), input.storage.size());
    if (!info.ok()) return ReportError(path + ": " + info.status().message());
    facts.bit_depth = info->bit_depth;
  }
  if (status.ok()) status = ViewInput(path, cl.raw, &input, &usage);
  if (!usage.message.empty()) return ReportUsageError(usage);
  if (!status.ok()) return ReportError(status);

  facts.file = path == kStdio ? "stdin" : path;
  facts.kind = InputKind(input);
  facts.file_bytes = input.file_bytes;
  facts.format = input.view.format;
  Result<size_t> needed = BufferSize(facts.format);
  facts.image_bytes = needed.ok() ? *needed : 0;
  Result<std::vector<ChannelStats>> channels = ScanChannels(input.view);
  Result<SampleStats> all = ScanSamples(input.view);
  if (!channels.ok()) return ReportError(path + ": " + channels.status().message());
  if (!all.ok()) return ReportError(path + ": " + all.status().message());
  facts.channels = std::move(channels).value();
  facts.all = *all;
  if (!facts.format.pixel_format) {
    ResolveRange(facts.all, facts.format.datatype, cl.options, &facts.range_lo, &facts.range_hi);
  }
  if (cl.json) {
    PrintJson(facts, cl.options.range);
  } else {
    PrintText(facts, cl.options.range);
  }
  return kExitOk;
}

}  // namespace pixconv::cli
