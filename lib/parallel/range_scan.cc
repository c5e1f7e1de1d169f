// A data-dependent range scanned in row bands (range_scan.h). Min and max merge exactly, so
// the range equals the whole-image scan's and the output is the bytes of Convert.
#include "parallel/range_scan.h"

#include <algorithm>
#include <vector>

#include "convert/converter_impl.h"

namespace pixconv::internal {
namespace {

struct ScanJob {
  const ImageView* src;
  uint32_t bands;
  std::vector<SampleStats>* stats;
  std::vector<uint8_t>* done;  // 1: scanned, 2: empty band; not vector<bool> (written concurrently)
};

void ScanBand(void* data, uint32_t band) {
  const ScanJob& job = *static_cast<const ScanJob*>(data);
  if (band >= job.bands) return;
  const ImageView& src = *job.src;
  const uint32_t begin = RowBandBegin(src.format, job.bands, band);
  const uint32_t end = RowBandBegin(src.format, job.bands, band + 1);
  if (begin == end) {
    (*job.done)[band] = 2;
    return;
  }
  // The band as an image of its own: same plane, fewer rows.
  ImageView part = src;
  part.format.height = end - begin;
  part.planes[0].data = src.Row(0, begin);
  part.planes[0].size = src.planes[0].size - size_t{begin} * src.planes[0].stride;
  Result<SampleStats> stats = ScanSamples(part);
  if (!stats.ok()) return;
  (*job.stats)[band] = *stats;
  (*job.done)[band] = 1;
}

bool NeedsScan(const ImageView& src, const ConvertOptions& opts) {
  if (src.format.pixel_format || opts.input_transfer == InputTransfer::Auto) return false;
  if (opts.range == RangeMode::Depth) return true;
  return opts.range == RangeMode::Auto && src.format.datatype != ChannelDatatype::U8;
}

}  // namespace

ConvertOptions ResolveRangeInBands(const ImageView& src, const ConvertOptions& opts,
                                   const TaskRunner& runner, uint32_t bands) {
  if (runner.run == nullptr || bands < 2 || !NeedsScan(src, opts) || !Validate(src).ok()) {
    return opts;
  }
  bands = std::min(bands, src.format.height);
  std::vector<SampleStats> stats(bands);
  std::vector<uint8_t> done(bands, 0);
  ScanJob job{&src, bands, &stats, &done};
  runner.run(runner.runner_data, bands, &ScanBand, &job);
  SampleStats merged;
  for (uint32_t i = 0; i < bands; ++i) {
    if (done[i] == 0) return opts;  // a failed or skipped band: let Create scan
    const SampleStats& s = stats[i];
    if (done[i] != 1 || !s.finite) continue;
    merged.min = merged.finite ? std::min(merged.min, s.min) : s.min;
    merged.max = merged.finite ? std::max(merged.max, s.max) : s.max;
    merged.finite = true;
  }
  ConvertOptions resolved = opts;
  ResolveRange(merged, src.format.datatype, opts, &resolved.range_lo, &resolved.range_hi);
  resolved.range = RangeMode::Explicit;
  // Explicit ranges must be usable as given; an Auto or Depth range need not be (an all-zero
  // depth map's [0, 0], a span above DBL_MAX in F64 data), and Create handles those itself.
  return ValidateOptions(resolved).ok() ? resolved : opts;
}

}  // namespace pixconv::internal
