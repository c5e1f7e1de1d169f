// pixconv bench: a quick throughput table of the conversions on this machine, next to memcpy
// of the same output size, for people who want numbers without the Google Benchmark suite
// (bench/). One thread, synthetic data (sample_image.h), the median of several timed runs.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <regex>
#include <string>
#include <vector>

#include "commands.h"
#include "diagnostics.h"
#include "pixconv/convert.h"
#include "sample_image.h"
#include "target_select.h"

namespace pixconv::cli {
namespace {

constexpr int kSamples = 5;              // timed runs per row; the median is reported
constexpr double kSampleSeconds = 0.02;  // each run repeats the work for about this long

struct BenchRow {
  std::string name;  // "NV12 -> rgba8"
  ImageFormat format;
  OutputType to;
};

std::vector<BenchRow> AllRows(uint32_t w, uint32_t h) {
  std::vector<BenchRow> rows;
  for (const PixelFormat f : kAllPixelFormats) {
    for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
      rows.push_back(
          {std::string(Name(f)) + " -> " + (to == OutputType::RGBA8 ? "rgba8" : "rgbaf32"),
           ImageFormat::Pixel(w, h, f), to});
    }
  }
  // Every color model with the common datatypes, then every other datatype as RGB.
  for (const ChannelDatatype t :
       {ChannelDatatype::U8, ChannelDatatype::U16, ChannelDatatype::F32}) {
    for (const ColorModel m : kAllColorModels) {
      for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
        rows.push_back({std::string(Name(m)) + "/" + std::string(Name(t)) + " -> " +
                            (to == OutputType::RGBA8 ? "rgba8" : "rgbaf32"),
                        ImageFormat::Color(w, h, m, t), to});
      }
    }
  }
  for (const ChannelDatatype t : kAllDatatypes) {
    if (t == ChannelDatatype::U8 || t == ChannelDatatype::U16 || t == ChannelDatatype::F32)
      continue;
    rows.push_back({"RGB/" + std::string(Name(t)) + " -> rgba8",
                    ImageFormat::Color(w, h, ColorModel::RGB, t), OutputType::RGBA8});
  }
  return rows;
}

// Seconds per call of `work`: the median over kSamples runs of enough calls to fill
// kSampleSeconds each, after one untimed call (page faults, first dispatch).
template <typename Work>
double SecondsPerCall(const Work& work) {
  using Clock = std::chrono::steady_clock;
  work();
  const Clock::time_point probe = Clock::now();
  work();
  const double once = std::chrono::duration<double>(Clock::now() - probe).count();
  const int calls = std::max(1, static_cast<int>(kSampleSeconds / std::max(once, 1e-9)));
  std::vector<double> samples;
  for (int s = 0; s < kSamples; ++s) {
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < calls; ++i) work();
    samples.push_back(std::chrono::duration<double>(Clock::now() - start).count() / calls);
  }
  std::nth_element(samples.begin(), samples.begin() + kSamples / 2, samples.end());
  return samples[kSamples / 2];
}

void PrintRow(const std::string& name, double seconds, size_t pixels, size_t bytes,
              double memcpy_gbps) {
  const double gbps = static_cast<double>(bytes) / seconds * 1e-9;
  std::printf("  %-36s %9.1f %8.2f %9.2f\n", name.c_str(),
              static_cast<double>(pixels) / seconds * 1e-6, gbps, gbps / memcpy_gbps);
  std::fflush(stdout);  // rows appear as they are measured
}

}  // namespace

int RunBench(const CommandLine& cl) {
  UsageError usage;
  if (!cl.target.empty() && !SelectTarget(cl.target, &usage)) return ReportUsageError(usage);
  std::regex filter;
  try {
    filter = std::regex(cl.filter, std::regex::ECMAScript | std::regex::icase);
  } catch (const std::regex_error& e) {
    return ReportUsageError(UsageError{"bad --filter '" + cl.filter + "': " + e.what(),
                                       "give a regular expression, e.g. --filter 'NV12|U16'"});
  }
  const uint32_t w = cl.raw.width.value_or(1920), h = cl.raw.height.value_or(1080);
  std::vector<BenchRow> rows = AllRows(w, h);
  std::erase_if(rows, [&](const BenchRow& r) { return !std::regex_search(r.name, filter); });
  if (rows.empty()) {
    return ReportUsageError(UsageError{"no conversion matches --filter '" + cl.filter + "'",
                                       "the rows are named like 'NV12 -> rgba8' and "
                                       "'RGB/U16 -> rgbaf32'; try --filter NV12"});
  }

  const size_t pixels = size_t{w} * h;
  // memcpy of the RGBA8 output size: the speed of memory for a buffer of that size.
  std::vector<uint8_t> from(pixels * 4, 1), to(pixels * 4);
  const double memcpy_seconds =
      SecondsPerCall([&] { std::memcpy(to.data(), from.data(), from.size()); });
  const double memcpy_gbps = 2.0 * static_cast<double>(from.size()) / memcpy_seconds * 1e-9;

  std::printf(
      "pixconv bench: %ux%u, one thread, median of %d runs; GB/s counts bytes read + "
      "written\n",
      w, h, kSamples);
  std::printf("  %-36s %9s %8s %9s\n", "conversion", "Mpix/s", "GB/s", "x memcpy");
  PrintRow("memcpy (RGBA8 output size)", memcpy_seconds, pixels, 2 * from.size(), memcpy_gbps);
  std::vector<uint8_t> output;
  for (const BenchRow& row : rows) {
    SampleImage image;
    Status status = MakeSampleImage(row.format, &image);
    ConvertOptions options;
    options.to = row.to;
    Result<Converter> converter =
        status.ok() ? Converter::Create(image.view, options) : Result<Converter>(status);
    if (!converter.ok()) return ReportError(row.name + ": " + converter.status().message());
    output.assign(pixels * BytesPerPixel(row.to), 0);
    const OutputView dst{output.data(), output.size(), 0};
    const double seconds = SecondsPerCall([&] { status = converter->ConvertAll(image.view, dst); });
    if (!status.ok()) return ReportError(row.name + ": " + status.message());
    PrintRow(row.name + " [" + converter->target_name() + "]", seconds, pixels,
             image.bytes.size() + output.size(), memcpy_gbps);
  }
  return kExitOk;
}

}  // namespace pixconv::cli
