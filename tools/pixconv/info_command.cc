// pixconv info: what a file holds. PNG and JPEG: the header. Raw files: the format and the
// sample statistics, which is what a user needs to choose --range (and to see what Auto does).
#include <cstdio>
#include <string>

#include "commands.h"
#include "diagnostics.h"
#include "input.h"
#include "text.h"

namespace pixconv::cli {
namespace {

void PrintEncodedInfo(const CommandLine& cl, const InputImage& input, const ImageInfo& info) {
  const ImageFormat& f = info.format;
  std::printf("file:        %s (%s, %zu bytes)\n", cl.input.c_str(), InputKind(input).c_str(),
              input.file_bytes);
  std::printf("size:        %ux%u\n", f.width, f.height);
  std::printf("color model: %s\n", std::string(Name(f.color_model)).c_str());
  std::printf("datatype:    %s\n", std::string(Name(f.datatype)).c_str());
  std::printf("bit depth:   %d\n", info.bit_depth);
}

void PrintRawInfo(const CommandLine& cl, const InputImage& input, const SampleStats& stats) {
  const ImageFormat& f = input.view.format;
  std::printf("file:      %s (raw, %zu bytes)\n", cl.input.c_str(), input.file_bytes);
  std::printf("format:    %s\n", Describe(f).c_str());
  if (f.pixel_format) {
    std::printf("yuv:       %s, %s range by default\n",
                IsBt601(*f.pixel_format) ? "BT.601" : "BT.709",
                IsLimitedRange(*f.pixel_format) ? "limited" : "full");
  }
  const std::string what = f.pixel_format ? "Y samples:" : "samples:";
  if (stats.finite) {
    std::printf("%-10s finite min %s, max %s\n", what.c_str(), FormatNumber(stats.min).c_str(),
                FormatNumber(stats.max).c_str());
  } else {
    std::printf("%-10s no finite sample\n", what.c_str());
  }
  if (!f.pixel_format) {
    double lo = 0, hi = 0;
    ResolveRange(stats, f.datatype, cl.options, &lo, &hi);
    std::printf("range:     [%s, %s] (what --range %s picks)\n", FormatNumber(lo).c_str(),
                FormatNumber(hi).c_str(), RangeModeName(cl.options.range));
  }
}

}  // namespace

int RunInfo(const CommandLine& cl) {
  InputImage input;
  UsageError usage;
  Status status = ReadInput(cl.input, cl.raw, &input, &usage);
  if (status.ok() && input.codec != Codec::Unknown) {
    // The header is enough; decoding a large file just to describe it would waste seconds.
    Result<ImageInfo> info = ReadImageInfo(input.storage.data(), input.storage.size());
    if (!info.ok()) return ReportError(cl.input + ": " + info.status().message());
    PrintEncodedInfo(cl, input, *info);
    return kExitOk;
  }
  if (status.ok()) status = ViewInput(cl.input, cl.raw, &input, &usage);
  if (!usage.message.empty()) return ReportUsageError(usage);
  if (!status.ok()) return ReportError(status);
  Result<SampleStats> stats = ScanSamples(input.view);
  if (!stats.ok()) return ReportError(cl.input + ": " + stats.status().message());
  PrintRawInfo(cl, input, *stats);
  return kExitOk;
}

}  // namespace pixconv::cli
