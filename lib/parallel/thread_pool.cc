// ThreadPool: N - 1 workers that sleep on a condition variable between runs; the calling
// thread works too. Tasks are handed out through one atomic counter, so a thread that other
// work on the machine slows down simply takes fewer of them.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "pixconv/parallel.h"

namespace pixconv {

struct ThreadPool::Impl {
  std::mutex run_mutex;  // one Run at a time

  std::mutex mutex;  // guards everything below but `next`
  std::condition_variable wake;      // workers: a new run (or stop)
  std::condition_variable finished;  // Run: every worker has left the current run
  uint64_t generation = 0;
  bool stop = false;
  TaskFn task = nullptr;
  void* task_data = nullptr;
  uint32_t count = 0;
  size_t helpers = 0;  // workers [0, helpers) take tasks in this run
  size_t active = 0;   // workers that have not yet left this run
  std::atomic<uint32_t> next{0};

  std::vector<std::thread> workers;

  // Takes tasks until none is left.
  void Drain(TaskFn fn, void* data, uint32_t n) {
    for (uint32_t i = next.fetch_add(1, std::memory_order_relaxed); i < n;
         i = next.fetch_add(1, std::memory_order_relaxed)) {
      fn(data, i);
    }
  }

  void Work(size_t id) {
    uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return stop || generation != seen; });
      if (stop) return;
      seen = generation;
      const bool take_part = id < helpers;
      TaskFn fn = task;
      void* data = task_data;
      const uint32_t n = count;
      lock.unlock();
      if (take_part) Drain(fn, data, n);
      lock.lock();
      // Every worker checks out, even one that took no task: Run returns only when no worker
      // can still touch the run's task or data.
      if (--active == 0) finished.notify_one();
    }
  }
};

ThreadPool::ThreadPool(unsigned threads) : impl_(new Impl()) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  impl_->workers.reserve(threads - 1);
  for (unsigned i = 0; i + 1 < threads; ++i) {
    impl_->workers.emplace_back([impl = impl_, i] { impl->Work(i); });
  }
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stop = true;
  }
  impl_->wake.notify_all();
  for (std::thread& t : impl_->workers) t.join();
  delete impl_;
}

unsigned ThreadPool::threads() const { return static_cast<unsigned>(impl_->workers.size()) + 1; }

void ThreadPool::Run(uint32_t count, TaskFn task, void* task_data, unsigned max_threads) {
  if (count == 0) return;
  Impl& p = *impl_;
  std::lock_guard<std::mutex> run_lock(p.run_mutex);
  size_t helpers = std::min<size_t>(p.workers.size(), count - 1);
  if (max_threads != 0) helpers = std::min<size_t>(helpers, max_threads - 1);
  if (helpers == 0) {
    for (uint32_t i = 0; i < count; ++i) task(task_data, i);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(p.mutex);
    p.task = task;
    p.task_data = task_data;
    p.count = count;
    p.helpers = helpers;
    p.active = p.workers.size();
    p.next.store(0, std::memory_order_relaxed);
    ++p.generation;
  }
  p.wake.notify_all();
  p.Drain(task, task_data, count);
  std::unique_lock<std::mutex> lock(p.mutex);
  p.finished.wait(lock, [&] { return p.active == 0; });
}

namespace {
void RunOnPool(void* pool, uint32_t count, TaskFn task, void* task_data) {
  static_cast<ThreadPool*>(pool)->Run(count, task, task_data);
}
}  // namespace

TaskRunner ThreadPool::runner() { return TaskRunner{&RunOnPool, this}; }

}  // namespace pixconv
