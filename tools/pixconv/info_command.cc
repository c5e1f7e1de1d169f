// pixconv info: what a file holds and what a conversion would do with it: the format, the
// bytes, the finite min/max of every channel and of all samples together, and the range
// --range (default auto) picks from them, which is what a user needs to choose --range. PNG
// and JPEG files are decoded for this; --json prints the same facts for scripts.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "channel_stats.h"
#include "commands.h"
#include "diagnostics.h"
#include "exif.h"
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
  std::optional<int> orientation;     // JPEG: the EXIF orientation, 1..8
  // Set when the header reads but the pixels do not: only the header's facts are known.
  std::string decode_error;
};

const char* OrientationText(int o) {
  static constexpr const char* kText[] = {"",
                                          "upright",
                                          "mirror left-right to display",
                                          "turn 180 to display",
                                          "mirror top-bottom to display",
                                          "transpose to display",
                                          "turn 90 clockwise to display",
                                          "transverse to display",
                                          "turn 90 counter-clockwise to display"};
  return o >= 1 && o <= 8 ? kText[o] : "unknown";
}

std::string MinMaxText(const SampleStats& s) {
  return s.finite ? "finite min " + FormatNumber(s.min) + ", max " + FormatNumber(s.max)
                  : std::string("no finite sample");
}

void PrintText(const InfoFacts& f, RangeMode mode) {
  if (!f.decode_error.empty()) {  // a damaged file: what its header says
    std::printf("file:        %s (%s, %zu bytes, damaged)\n", f.file.c_str(), f.kind.c_str(),
                f.file_bytes);
    std::printf("format:      %s (from the header)\n", Describe(f.format).c_str());
    std::printf("size:        %ux%u\n", f.format.width, f.format.height);
    if (f.bit_depth) std::printf("bit depth:   %d\n", *f.bit_depth);
    if (f.orientation) {
      std::printf("orientation: %d (%s)\n", *f.orientation, OrientationText(*f.orientation));
    }
    return;
  }
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
  if (f.orientation) {
    std::printf("orientation: %d (%s)\n", *f.orientation, OrientationText(*f.orientation));
  }
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

std::string Json(const InfoFacts& f, RangeMode mode) {
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
  if (f.orientation) j += "  \"orientation\": " + std::to_string(*f.orientation) + ",\n";
  if (!f.decode_error.empty()) return j + "  \"error\": " + JsonString(f.decode_error) + "\n}";
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
  return j + "\n}";
}

// Gathers the facts of one file. Returns the exit status of a run on it alone, having
// reported any problem; facts->decode_error is set for a file whose header alone reads.
int GatherFacts(const CommandLine& cl, const std::string& path, InfoFacts* facts) {
  InputImage input;
  UsageError usage;
  Status status = ReadInput(path, cl, &input);
  facts->file = path == kStdio ? "stdin" : path;
  if (status.ok() && input.codec != Codec::Unknown) {
    // The header's facts, which a damaged file still has; the decoded image says 8 or 16 bits
    // only through its datatype.
    Result<ImageInfo> info =
        ReadImageInfo(input.storage.data(), input.storage.size(), DecodeOptionsFrom(cl));
    if (!info.ok()) return ReportError(ExplainDecodeError(path, info.status()));
    facts->bit_depth = info->bit_depth;
    facts->kind = InputKind(input);
    facts->file_bytes = input.file_bytes;
    facts->format = info->format;
    if (input.codec == Codec::Jpeg) {
      facts->orientation = ReadExifOrientation(input.storage.data(), input.storage.size());
    }
  }
  if (status.ok()) status = ViewInput(path, cl, &input, &usage);
  if (!usage.message.empty()) return ReportUsageError(usage);
  if (!status.ok()) {
    if (facts->bit_depth) facts->decode_error = status.message();  // the header did read
    return ReportError(status);
  }
  facts->kind = InputKind(input);
  facts->file_bytes = input.file_bytes;
  facts->format = input.view.format;
  Result<size_t> needed = BufferSize(facts->format);
  facts->image_bytes = needed.ok() ? *needed : 0;
  Result<std::vector<ChannelStats>> channels = ScanChannels(input.view);
  Result<SampleStats> all = ScanSamples(input.view);
  if (!channels.ok()) return ReportError(path + ": " + channels.status().message());
  if (!all.ok()) return ReportError(path + ": " + all.status().message());
  facts->channels = std::move(channels).value();
  facts->all = *all;
  if (!facts->format.pixel_format) {
    ResolveRange(facts->all, facts->format.datatype, cl.options, &facts->range_lo,
                 &facts->range_hi);
  }
  return kExitOk;
}

}  // namespace

int RunInfo(const CommandLine& cl) {
  // Like identify: every file is described, a bad one does not stop the others, and the exit
  // status is the worst of them.
  int exit_code = kExitOk;
  std::vector<std::string> json;
  bool first = true;
  for (const std::string& path : cl.inputs) {
    InfoFacts facts;
    const int code = GatherFacts(cl, path, &facts);
    exit_code = std::max(exit_code, code);
    if (code != kExitOk && facts.decode_error.empty()) continue;
    if (cl.json) {
      json.push_back(Json(facts, cl.options.range));
    } else {
      if (!first) std::fputs("\n", stdout);
      PrintText(facts, cl.options.range);
      first = false;
    }
  }
  if (cl.json && (cl.inputs.size() == 1 ? !json.empty() : true)) {
    std::string out = cl.inputs.size() == 1 ? json[0] : "[";
    if (cl.inputs.size() > 1) {
      for (size_t i = 0; i < json.size(); ++i) out += (i ? ",\n" : "\n") + json[i];
      out += "\n]";
    }
    std::fputs((out + "\n").c_str(), stdout);
  }
  std::fflush(stdout);
  return exit_code;
}

}  // namespace pixconv::cli
