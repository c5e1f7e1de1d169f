#include "convert/stream_threshold.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <limits>
#include <mutex>
#include <string>

#include "test_hooks.h"

namespace pixconv::internal {
namespace {

constexpr size_t kMiB = size_t{1} << 20;

// Reads one small sysfs value; false when the file is missing or unreadable.
bool ReadSysfs(const std::string& path, char* buf, size_t len) {
  FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) return false;
  const bool ok = std::fgets(buf, static_cast<int>(len), f) != nullptr;
  std::fclose(f);
  return ok;
}

// The size in bytes of the highest-level cache the first CPU reports (Linux sysfs), or 0.
// sysfs names the cache this core shares, which is what a conversion on it can use; glibc's
// sysconf(_SC_LEVEL3_CACHE_SIZE) adds up every CCX of an EPYC (384 MiB on the development
// machine, whose cores share 32 MiB).
size_t LastLevelCacheBytes() {
  int best_level = 0;
  size_t best_bytes = 0;
  for (int i = 0; i < 16; ++i) {
    const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(i);
    char level_text[32], size_text[32];
    if (!ReadSysfs(dir + "/level", level_text, sizeof(level_text)) ||
        !ReadSysfs(dir + "/size", size_text, sizeof(size_text))) {
      continue;
    }
    int level = 0;
    unsigned long long value = 0;
    char unit = 0;
    if (std::sscanf(level_text, "%d", &level) != 1 ||
        std::sscanf(size_text, "%llu%c", &value, &unit) < 1) {
      continue;
    }
    const size_t bytes = static_cast<size_t>(value) * (unit == 'K' ? 1024 : unit == 'M' ? kMiB : 1);
    if (level > best_level) {
      best_level = level;
      best_bytes = bytes;
    }
  }
  return best_bytes;
}

size_t FromCacheSize() {
  const size_t llc = LastLevelCacheBytes();
  if (llc == 0) return 16 * kMiB;
  return std::clamp(llc / 2, 4 * kMiB, 64 * kMiB);
}

std::atomic<size_t> test_threshold{0};

// The trials so far and their verdict, for each output type (RGBA8 and RGBAF32 outputs move
// different amounts per pixel of work, so one may stream where the other does not). Trials
// are rare (kStreamTrials bands per type and process), so a mutex guards the minima; the
// verdict is read by every large band without it.
struct Trials {
  std::atomic<LargeOutputStores> verdict{LargeOutputStores::kTrialStreamedFirst};
  int started = 0;
  int recorded = 0;
  double min_streamed = std::numeric_limits<double>::infinity();
  double min_cached = std::numeric_limits<double>::infinity();
};
std::mutex trial_mutex;
Trials trials[2];

Trials& TrialsFor(OutputType to) { return trials[to == OutputType::RGBAF32 ? 1 : 0]; }

}  // namespace

size_t StreamMinOutputBytes() {
  const size_t test = test_threshold.load(std::memory_order_relaxed);
  if (test != 0) return test;
  static const size_t threshold = FromCacheSize();
  return threshold;
}

LargeOutputStores NextLargeOutputStores(OutputType to) {
  if (test_threshold.load(std::memory_order_relaxed) != 0) return LargeOutputStores::kStreamed;
  Trials& t = TrialsFor(to);
  const LargeOutputStores decided = t.verdict.load(std::memory_order_relaxed);
  if (decided == LargeOutputStores::kStreamed || decided == LargeOutputStores::kCached) {
    return decided;
  }
  std::lock_guard<std::mutex> lock(trial_mutex);
  return t.started++ % 2 == 0 ? LargeOutputStores::kTrialStreamedFirst
                              : LargeOutputStores::kTrialCachedFirst;
}

void RecordStreamTrial(OutputType to, double streamed, double cached) {
  std::lock_guard<std::mutex> lock(trial_mutex);
  Trials& t = TrialsFor(to);
  t.min_streamed = std::min(t.min_streamed, streamed);
  t.min_cached = std::min(t.min_cached, cached);
  if (++t.recorded >= kStreamTrials) {
    t.verdict.store(t.min_streamed < t.min_cached ? LargeOutputStores::kStreamed
                                                  : LargeOutputStores::kCached,
                    std::memory_order_relaxed);
  }
}

void SetStreamMinOutputBytesForTest(size_t bytes) {
  test_threshold.store(bytes, std::memory_order_relaxed);
}

void ResetStreamTrialsForTest() {
  std::lock_guard<std::mutex> lock(trial_mutex);
  for (Trials& t : trials) {
    t.verdict.store(LargeOutputStores::kTrialStreamedFirst, std::memory_order_relaxed);
    t.started = t.recorded = 0;
    t.min_streamed = t.min_cached = std::numeric_limits<double>::infinity();
  }
}

}  // namespace pixconv::internal
