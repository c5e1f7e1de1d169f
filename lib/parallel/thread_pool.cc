// ThreadPool: N - 1 workers that sleep on a condition variable between runs; the calling
// thread works too. Tasks are handed out through one atomic counter, so a thread that other
// work on the machine slows down simply takes fewer of them, and a run ends when its last
// task returns, whether or not every worker has woken up by then.
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

  std::mutex mutex;  // guards the fields up to `helpers`
  std::condition_variable wake;      // workers: a new run (or stop)
  std::condition_variable finished;  // Run: the last task of the run has returned
  bool stop = false;
  uint32_t generation = 0;  // of the current run; also the high half of `claim`
  TaskFn task = nullptr;
  void* task_data = nullptr;
  uint32_t count = 0;
  size_t helpers = 0;  // workers [0, helpers) take tasks in this run

  // High 32 bits: the run's generation; low 32 bits: the next task index of that run. A
  // worker claims a task only under the generation it woke for, so one that wakes late (on a
  // busy machine it may sleep through a whole run) can never take a task of a later run and
  // call it with the earlier run's arguments.
  std::atomic<uint64_t> claim{0};
  std::atomic<uint32_t> remaining{0};  // tasks of the current run that have not returned

  std::vector<std::thread> workers;

  bool Claim(uint32_t gen, uint32_t n, uint32_t* index) {
    uint64_t c = claim.load(std::memory_order_relaxed);
    for (;;) {
      if (static_cast<uint32_t>(c >> 32) != gen || static_cast<uint32_t>(c) >= n) return false;
      if (claim.compare_exchange_weak(c, c + 1, std::memory_order_relaxed)) {
        *index = static_cast<uint32_t>(c);
        return true;
      }
    }
  }

  // Takes tasks of run `gen` until none is left.
  void Drain(uint32_t gen, TaskFn fn, void* data, uint32_t n) {
    uint32_t i = 0;
    while (Claim(gen, n, &i)) {
      fn(data, i);
      // acq_rel: the task's writes happen before Run sees `remaining` reach 0.
      if (remaining.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        std::lock_guard<std::mutex> lock(mutex);
        finished.notify_all();
      }
    }
  }

  void Work(size_t id) {
    uint32_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex);
    for (;;) {
      wake.wait(lock, [&] { return stop || generation != seen; });
      if (stop) return;
      seen = generation;
      if (id >= helpers) continue;
      const TaskFn fn = task;
      void* const data = task_data;
      const uint32_t n = count;
      lock.unlock();
      Drain(seen, fn, data, n);
      lock.lock();
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
  uint32_t gen = 0;
  {
    std::lock_guard<std::mutex> lock(p.mutex);
    gen = ++p.generation;
    p.task = task;
    p.task_data = task_data;
    p.count = count;
    p.helpers = helpers;
    p.remaining.store(count, std::memory_order_relaxed);
    p.claim.store(uint64_t{gen} << 32, std::memory_order_relaxed);
  }
  p.wake.notify_all();
  p.Drain(gen, task, task_data, count);
  // Wait for the tasks, not for the workers: a worker the scheduler has not run yet (other
  // load on the machine) must not hold up a run whose tasks the other threads have finished.
  std::unique_lock<std::mutex> lock(p.mutex);
  p.finished.wait(lock, [&] { return p.remaining.load(std::memory_order_acquire) == 0; });
}

namespace {
void RunOnPool(void* pool, uint32_t count, TaskFn task, void* task_data) {
  static_cast<ThreadPool*>(pool)->Run(count, task, task_data);
}
}  // namespace

TaskRunner ThreadPool::runner() { return TaskRunner{&RunOnPool, this}; }

}  // namespace pixconv
