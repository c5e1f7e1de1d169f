// ConvertWithRunner and ConvertParallel: plan once, check the destination once, then convert
// row bands as tasks (pixconv/parallel.h).
#include <algorithm>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "parallel/range_scan.h"
#include "pixconv/parallel.h"

namespace pixconv {
namespace {

// What every band task reads; one per call, on the caller's stack.
struct BandJob {
  const Converter* converter;
  const ImageView* src;
  const OutputView* dst;
  uint32_t bands;
  std::vector<Status>* results;
  std::vector<uint8_t>* ran;  // not vector<bool>: bands set their own flag concurrently
};

void RunBand(void* data, uint32_t band) {
  const BandJob& job = *static_cast<const BandJob*>(data);
  if (band >= job.bands) return;  // a runner that invents tasks is ignored here, caught below
  const ImageFormat& f = job.src->format;
  const uint32_t begin = RowBandBegin(f, job.bands, band);
  const uint32_t end = RowBandBegin(f, job.bands, band + 1);
  (*job.results)[band] = job.converter->ConvertRows(*job.src, *job.dst, begin, end);
  (*job.ran)[band] = 1;
}

// Bands per thread for ConvertParallel: a few, so that when another process takes a core
// for a while the other threads pick up the slowed thread's share; few enough that each band
// is still thousands of pixels (negligible per-band cost).
constexpr unsigned kBandsPerThread = 4;

ThreadPool& SharedPool() {
  // Started on first use and never destroyed: a pool torn down by static destructors could
  // be in use by a conversion running during exit.
  static ThreadPool* pool = new ThreadPool(0);
  return *pool;
}

}  // namespace

Status ConvertWithRunner(const ImageView& src, const OutputView& dst, const ConvertOptions& opts,
                         const TaskRunner& runner, uint32_t bands) {
  if (runner.run == nullptr) return Status(StatusCode::kInvalidArgument, "task runner is null");
  if (bands == 0) return Status(StatusCode::kInvalidArgument, "bands must be at least 1");
  // A range that depends on the data is scanned in bands too, not on one thread in Create.
  Result<Converter> converter =
      Converter::Create(src, internal::ResolveRangeInBands(src, opts, runner, bands));
  if (!converter.ok()) return converter.status();
  bands = std::min(bands, src.format.height);  // bounds the per-band bookkeeping
  // Check the destination once up front (an empty band validates everything), so that no
  // band can fail half-way and bands never need to report bad arguments.
  PIXCONV_RETURN_IF_ERROR(converter->ConvertRows(src, dst, 0, 0));
  std::vector<Status> results(bands);
  std::vector<uint8_t> ran(bands, 0);
  BandJob job{&*converter, &src, &dst, bands, &results, &ran};
  runner.run(runner.runner_data, bands, &RunBand, &job);
  for (uint32_t i = 0; i < bands; ++i) {
    if (!ran[i]) {
      return Status(StatusCode::kInvalidArgument,
                    "task runner returned before running band " + std::to_string(i) + " of " +
                        std::to_string(bands));
    }
    PIXCONV_RETURN_IF_ERROR(results[i]);
  }
  return Status::Ok();
}

Status ConvertParallel(const ImageView& src, const OutputView& dst, const ConvertOptions& opts,
                       unsigned threads) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, src.format.height);  // no thread without a row (0 for an empty image)
  if (threads <= 1) return Convert(src, dst, opts);
  ThreadPool* pool = &SharedPool();
  std::unique_ptr<ThreadPool> own;
  if (threads > pool->threads()) {
    own = std::make_unique<ThreadPool>(threads);
    pool = own.get();
  }
  struct Limited {
    ThreadPool* pool;
    unsigned threads;
    static void Run(void* self, uint32_t count, TaskFn task, void* task_data) {
      const Limited& l = *static_cast<const Limited*>(self);
      l.pool->Run(count, task, task_data, l.threads);
    }
  } limited{pool, threads};
  const uint32_t bands = threads * kBandsPerThread;
  return ConvertWithRunner(src, dst, opts, TaskRunner{&Limited::Run, &limited}, bands);
}

}  // namespace pixconv
