// Multi-core conversion: an image split into bands of rows, run on pixconv's own small pool or
// on the caller's threads through a task-runner callback.
//
//   pixconv::ConvertParallel(view, dst, options, 2);            // pixconv's shared pool
//
//   pixconv::TaskRunner runner{&MyPoolRunAll, &my_pool};        // a viewer's own pool
//   pixconv::ConvertWithRunner(view, dst, options, runner, 16);  // 16 bands
//
// Every form writes exactly the bytes Convert writes: rows are independent (lib/README.md 6), and
// the plan (range scan, kernel choice) is made once, before any band runs.
#pragma once

#include <cstdint>

#include "pixconv/convert.h"
#include "pixconv/export.h"
#include "pixconv/layout.h"
#include "pixconv/status.h"

namespace pixconv {

// One task of a parallel call: work item `index` of the call whose data is `task_data`.
using TaskFn = void (*)(void* task_data, uint32_t index);

// A caller's way to run tasks. `run` must call task(task_data, i) exactly once for every i in
// [0, count) — on any threads, in any order, concurrently or not — and return only after every
// call has returned. Plain function pointers, so a C caller (pixconv.h) or a viewer's own pool
// can provide one; `runner_data` is passed back to `run` untouched.
struct TaskRunner {
  void (*run)(void* runner_data, uint32_t count, TaskFn task, void* task_data) = nullptr;
  void* runner_data = nullptr;
};

// A small pool of worker threads for parallel conversion. The calling thread works too, so a
// pool of N threads starts N - 1 workers. Runs are serialized: a second thread calling Run on
// a busy pool waits for its turn. A task must not call Run on the pool that runs it.
class PIXCONV_EXPORT ThreadPool {
 public:
  // `threads` counts the calling thread; 0 = std::thread::hardware_concurrency().
  explicit ThreadPool(unsigned threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  unsigned threads() const;

  // Runs task(task_data, i) for every i in [0, count) and returns when all have returned.
  // At most `max_threads` threads (the caller's included) take part; 0 = all of the pool's.
  void Run(uint32_t count, TaskFn task, void* task_data, unsigned max_threads = 0);

  // A TaskRunner that runs on this pool (valid while the pool lives).
  TaskRunner runner();

 private:
  struct Impl;
  Impl* impl_;
};

// Row bands. Band i of n covers rows [RowBandBegin(f, n, i), RowBandBegin(f, n, i + 1)); the
// bands tile [0, height) in order, and RowBandBegin(f, n, n) == height. Boundaries fall on
// multiples of RowBandAlignment(f): 2 for the 4:2:0 formats (I420, NV12), so each chroma row
// and both of its luma rows belong to one band; 1 otherwise. With more bands than aligned row
// groups, some bands are empty.
PIXCONV_EXPORT uint32_t RowBandAlignment(const ImageFormat& format);
PIXCONV_EXPORT uint32_t RowBandBegin(const ImageFormat& format, uint32_t bands, uint32_t band);

// Plans once, then converts `bands` row bands (>= 1; more bands than rows are reduced to one
// per row) as tasks of `runner`. The output is
// identical to Convert's. Errors: those of Convert, checked before any task runs, and
// kInvalidArgument for a null runner, zero bands, or a runner that returned without running
// every task (the rows of a band that never ran are then left as they were).
PIXCONV_EXPORT Status ConvertWithRunner(const ImageView& src, const OutputView& dst,
                                        const ConvertOptions& opts, const TaskRunner& runner,
                                        uint32_t bands);

// The same on pixconv's shared pool with `threads` threads, the caller's included
// (0 = hardware concurrency). The pool starts once, with hardware-concurrency threads, and
// is reused by later calls; asking for more threads than that runs on a pool made for the
// call. Concurrent calls take turns on the shared pool. The image is cut into a few bands per
// thread, so a thread slowed down by other work on the machine holds up less of the frame.
PIXCONV_EXPORT Status ConvertParallel(const ImageView& src, const OutputView& dst,
                                      const ConvertOptions& opts, unsigned threads);

}  // namespace pixconv
