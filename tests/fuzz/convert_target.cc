// The convert fuzzer: any ImageFormat, source memory layout, ConvertOptions and destination
// through Convert, Converter::Create + ConvertRows on a band, and the parallel entry points,
// on a SIMD target the input picks. Source planes and destinations are allocated exactly as
// long as the input says, so AddressSanitizer sees any access past them.
//
// Beyond what the sanitizers see, it checks what convert.h and parallel.h promise:
//  - a call that fails writes nothing; one that succeeds writes the pixels of its rows and
//    nothing else (no stride padding, no other row, no byte after the last row);
//  - Convert accepts only views that Validate accepts, and fails exactly when
//    Converter::Create + ConvertRows of a valid band fails (they check the same things);
//  - a band's pixels, and those of every parallel form, are the bytes Convert writes. Each
//    destination starts with a different fill byte, so this also shows that every pixel of a
//    converted row is written.
#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "convert_case.h"
#include "finding.h"
#include "fuzz_buffers.h"
#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/parallel.h"
#include "target_choice.h"
#include "targets.h"

namespace pixconv::fuzz {
namespace {

// Large enough for a full HD U8 row band or a 240 x 40 RGBA F64 image, small enough that an
// input claiming a huge image costs nothing (it gets a short buffer and must be rejected).
constexpr size_t kMaxSourceBytes = size_t{1} << 21;
constexpr size_t kMaxDestinationBytes = size_t{1} << 22;

std::optional<size_t> Known(const Result<size_t>& size) {
  return size.ok() ? std::optional<size_t>(*size) : std::nullopt;
}

// The source image: its buffers and a view of them, or why the library refused the view.
struct Source {
  std::vector<std::vector<uint8_t>> buffers;
  std::optional<ImageView> view;
};

Source MakeSource(const ConvertCase& c) {
  Source s;
  const ImageFormat& f = c.format;
  const Result<FormatLayout> layout = ComputeLayout(f);
  std::array<size_t, kMaxPlanes> strides{};
  for (int p = 0; p < kMaxPlanes; ++p) {
    strides[p] = ResolveStride(c.strides[p], layout.ok() ? layout->planes[p].row_bytes : 0);
  }
  if (c.source == SourceKind::kContiguous) {
    const size_t length =
        ResolveLength(c.lengths[0], Known(BufferSize(f, strides)), kMaxSourceBytes);
    s.buffers.push_back(Cycled(c.samples, length));
    Result<ImageView> view = MakeImageView(f, s.buffers[0].data(), length, strides);
    if (view.ok()) s.view = *view;
    return s;
  }
  for (int p = 0; p < kMaxPlanes; ++p) {
    std::optional<size_t> needed;
    if (layout.ok() && p < layout->num_planes) {
      needed = Known(PlaneSize(layout->planes[p], strides[p]));
    }
    // Each plane from a different part of the samples, so U and V differ.
    s.buffers.push_back(Cycled(c.samples, ResolveLength(c.lengths[p], needed, kMaxSourceBytes),
                               size_t{7919} * p));
  }
  std::array<PlaneView, kMaxPlanes> planes{};
  for (int p = 0; p < kMaxPlanes; ++p) {
    planes[p] = PlaneView{s.buffers[p].data(), s.buffers[p].size(), strides[p]};
  }
  if (c.source == SourceKind::kPlanar) {
    Result<ImageView> view = MakePlanarView(f, planes);
    if (view.ok()) s.view = *view;
    return s;
  }
  ImageView view;  // kHandBuilt: whatever the input says, checked only by the library
  view.format = f;
  view.num_planes = c.num_planes;
  view.planes = planes;
  s.view = view;
  return s;
}

void RunBackwards(void*, uint32_t count, TaskFn task, void* task_data) {
  for (uint32_t i = count; i-- > 0;) task(task_data, i);
}

// A broken runner: returns without running its last task.
void RunAllButLast(void*, uint32_t count, TaskFn task, void* task_data) {
  for (uint32_t i = 0; i + 1 < count; ++i) task(task_data, i);
}

// ScanSamples and ResolveRange on any valid view: finite stats, ordered.
void CheckStats(const ImageView& view, const ConvertOptions& opts) {
  const Result<SampleStats> stats = ScanSamples(view);
  PIXCONV_FUZZ_CHECK(stats.ok());
  if (stats->finite) PIXCONV_FUZZ_CHECK(stats->min <= stats->max);
  double lo = 0, hi = 0;
  ResolveRange(*stats, view.format.datatype, opts, &lo, &hi);
}

}  // namespace

Outcome FuzzConvert(const uint8_t* data, size_t size) {
  const ConvertCase c = ParseConvertCase(data, size);
  const ScopedTargetChoice target(c.target);
  const Source source = MakeSource(c);
  if (!source.view) return Outcome::kRejected;
  const ImageView& view = *source.view;
  const ImageFormat& f = c.format;
  const bool valid_view = Validate(view).ok();
  if (valid_view) CheckStats(view, c.options);

  ConvertOptions opts = c.options;
  std::vector<uint8_t> class_colors;
  if (c.class_colors == ClassColorsKind::kTable) {
    // Entries past the documented maximum are not allocated: the count must be refused first.
    class_colors = Cycled(c.samples, size_t{4} * std::min<size_t>(c.class_count, kMaxClassColors + 1),
                          4099);
    opts.class_colors = ClassColors{class_colors.data(), c.class_count};
  } else if (c.class_colors == ClassColorsKind::kNullTable) {
    opts.class_colors = ClassColors{nullptr, c.class_count};
  }

  const size_t row_bytes = size_t{f.width} * BytesPerPixel(opts.to);
  const size_t dst_stride = ResolveStride(c.dst_stride, row_bytes);
  const size_t dst_length = ResolveLength(
      c.dst_length, Known(OutputSize(f.width, f.height, opts.to, dst_stride)), kMaxDestinationBytes);
  const RowShape shape{dst_stride ? dst_stride : row_bytes, row_bytes, f.height};
  const uint8_t fill_a = c.fill;
  const uint8_t fill_b = static_cast<uint8_t>(~c.fill);

  std::vector<uint8_t> a(dst_length, fill_a);
  const Status converted = Convert(view, OutputView{a.data(), a.size(), dst_stride}, opts);
  if (converted.ok()) {
    PIXCONV_FUZZ_CHECK(valid_view);
    PIXCONV_FUZZ_CHECK(OnlyRowsWritten(a, shape, 0, f.height, fill_a));
  } else {
    PIXCONV_FUZZ_CHECK(AllHold(a, fill_a));
  }

  Result<Converter> created = Converter::Create(view, opts);
  if (!created.ok()) {
    PIXCONV_FUZZ_CHECK(!converted.ok());
  } else {
    // A copy runs the band, after the original is gone: the copy owns its plan (and its
    // copy of the class colors).
    const Converter converter = *created;
    created = Status(StatusCode::kInvalidArgument, "destroyed");
    std::vector<uint8_t> b(dst_length, fill_b);
    const Status banded =
        converter.ConvertRows(view, OutputView{b.data(), b.size(), dst_stride}, c.row_begin,
                              c.row_end);
    const bool band_valid = c.row_begin <= c.row_end && c.row_end <= f.height;
    PIXCONV_FUZZ_CHECK(banded.ok() == (band_valid && converted.ok()));
    if (banded.ok()) {
      PIXCONV_FUZZ_CHECK(OnlyRowsWritten(b, shape, c.row_begin, c.row_end, fill_b));
      PIXCONV_FUZZ_CHECK(SameRows(a, b, shape, c.row_begin, c.row_end));
    } else {
      PIXCONV_FUZZ_CHECK(AllHold(b, fill_b));
    }
  }

  if (c.runner != RunnerKind::kNone) {
    std::vector<uint8_t> d(dst_length, fill_b);
    const OutputView dst{d.data(), d.size(), dst_stride};
    Status status;
    bool expect_ok = converted.ok();
    switch (c.runner) {
      case RunnerKind::kInline:
        status = ConvertWithRunner(view, dst, opts, TaskRunner{&RunBackwards, nullptr}, c.bands);
        expect_ok = expect_ok && c.bands >= 1;
        break;
      case RunnerKind::kSkipsOne:
        status = ConvertWithRunner(view, dst, opts, TaskRunner{&RunAllButLast, nullptr}, c.bands);
        expect_ok = false;  // a band is missing whatever else is right
        break;
      case RunnerKind::kParallel:
        status = ConvertParallel(view, dst, opts, c.threads);
        break;
      case RunnerKind::kNone:
        break;
    }
    PIXCONV_FUZZ_CHECK(status.ok() == expect_ok);
    if (status.ok()) {
      PIXCONV_FUZZ_CHECK(OnlyRowsWritten(d, shape, 0, f.height, fill_b));
      PIXCONV_FUZZ_CHECK(SameRows(a, d, shape, 0, f.height));
    } else if (c.runner != RunnerKind::kSkipsOne) {  // that one may have written other bands
      PIXCONV_FUZZ_CHECK(AllHold(d, fill_b));
    }
  }
  return converted.ok() ? Outcome::kAccepted : Outcome::kRejected;
}

}  // namespace pixconv::fuzz
