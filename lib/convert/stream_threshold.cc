#include "convert/stream_threshold.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
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

}  // namespace

size_t StreamMinOutputBytes() {
  const size_t test = test_threshold.load(std::memory_order_relaxed);
  if (test != 0) return test;
  static const size_t threshold = FromCacheSize();
  return threshold;
}

void SetStreamMinOutputBytesForTest(size_t bytes) {
  test_threshold.store(bytes, std::memory_order_relaxed);
}

}  // namespace pixconv::internal
