#include "convert/stream_threshold.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <limits>
#include <mutex>
#include <string>

#include "pixconv/layout.h"
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

size_t FromCacheSize(size_t llc) {
  if (llc == 0) return 16 * kMiB;
  return std::clamp(llc / 2, 4 * kMiB, 64 * kMiB);
}

std::atomic<size_t> test_threshold{0};
std::atomic<size_t> test_cache_bytes{0};

// The trials so far and their verdict, for each LargeOutputKind. A mutex guards the trials,
// which take a band of megabytes each; the verdict is read by every large band without it.
struct Trials {
  std::atomic<bool> decided{false};
  std::atomic<LargeOutputStores> verdict{LargeOutputStores::kCached};
  int started = 0;
  int recorded[2] = {0, 0};  // timed bands of the current round, per LargeOutputStores
  double min_seconds[2] = {std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::infinity()};

  // Forgets the current round's timed bands.
  void NewRound() {
    recorded[0] = recorded[1] = 0;
    min_seconds[0] = min_seconds[1] = std::numeric_limits<double>::infinity();
  }
};
// Input sizes from 0 to kMaxHalfBytes halves of a byte per pixel (RGBA F64: 64), per output
// type.
constexpr uint32_t kMaxHalfBytes = 64;
std::mutex trial_mutex;
Trials trials[2][2][kMaxHalfBytes + 1];  // [output type][yuv][input half bytes]

Trials& TrialsFor(const LargeOutputKind& kind) {
  const int type = kind.to == OutputType::RGBAF32 ? 1 : 0;
  return trials[type][kind.yuv ? 1 : 0][std::min(kind.input_half_bytes, kMaxHalfBytes)];
}

}  // namespace

LargeOutputKind LargeOutputKindOf(const ImageFormat& format, OutputType to) {
  LargeOutputKind kind;
  kind.to = to;
  kind.yuv = format.pixel_format.has_value();
  const uint64_t pixels = uint64_t{format.width} * format.height;
  const Result<size_t> bytes = BufferSize(format);
  if (pixels != 0 && bytes.ok()) {
    const uint64_t halves = (2 * uint64_t{*bytes} + pixels / 2) / pixels;
    kind.input_half_bytes = static_cast<uint32_t>(std::min<uint64_t>(halves, kMaxHalfBytes));
  }
  return kind;
}

size_t StreamMinOutputBytes() {
  const size_t test = test_threshold.load(std::memory_order_relaxed);
  if (test != 0) return test;
  const size_t cache = test_cache_bytes.load(std::memory_order_relaxed);
  if (cache != 0) return FromCacheSize(cache);
  static const size_t threshold = FromCacheSize(LastLevelCacheBytes());
  return threshold;
}

LargeOutputBand NextLargeOutputBand(const LargeOutputKind& kind) {
  LargeOutputStores verdict = LargeOutputStores::kCached;
  if (LargeOutputVerdict(kind, &verdict)) return LargeOutputBand{verdict, false};
  Trials& t = TrialsFor(kind);
  std::lock_guard<std::mutex> lock(trial_mutex);
  // Bands 0, 1: ordinary stores; 2, 3: streamed; 4, 5: ordinary ... the second of each pair
  // timed.
  const int band = t.started++;
  const LargeOutputStores stores =
      (band / 2) % 2 == 0 ? LargeOutputStores::kCached : LargeOutputStores::kStreamed;
  return LargeOutputBand{stores, band % 2 == 1};
}

void RecordStreamTrial(const LargeOutputKind& kind, LargeOutputStores stores,
                       double seconds_per_byte) {
  std::lock_guard<std::mutex> lock(trial_mutex);
  Trials& t = TrialsFor(kind);
  const int k = static_cast<int>(stores);
  t.min_seconds[k] = std::min(t.min_seconds[k], seconds_per_byte);
  ++t.recorded[k];
  if (t.recorded[0] < kStreamTrials || t.recorded[1] < kStreamTrials ||
      t.decided.load(std::memory_order_relaxed)) {
    return;
  }
  const double streamed = t.min_seconds[static_cast<int>(LargeOutputStores::kStreamed)];
  const double cached = t.min_seconds[static_cast<int>(LargeOutputStores::kCached)];
  if (cached * kStreamMargin < streamed || streamed * kStreamMargin < cached) {
    t.verdict.store(cached < streamed ? LargeOutputStores::kCached : LargeOutputStores::kStreamed,
                    std::memory_order_relaxed);
    t.decided.store(true, std::memory_order_release);
    return;
  }
  // A tie: the bands were bound by arithmetic, or the two ways move bytes alike. Another
  // round follows, on whichever conversions come next.
  t.NewRound();
}

bool LargeOutputVerdict(const LargeOutputKind& kind, LargeOutputStores* stores) {
  if (test_threshold.load(std::memory_order_relaxed) != 0) {
    *stores = LargeOutputStores::kStreamed;
    return true;
  }
  Trials& t = TrialsFor(kind);
  if (!t.decided.load(std::memory_order_acquire)) return false;
  *stores = t.verdict.load(std::memory_order_relaxed);
  return true;
}

void SetStreamMinOutputBytesForTest(size_t bytes) {
  test_threshold.store(bytes, std::memory_order_relaxed);
}

void SetLastLevelCacheBytesForTest(size_t bytes) {
  test_cache_bytes.store(bytes, std::memory_order_relaxed);
}

void ResetStreamTrialsForTest() {
  std::lock_guard<std::mutex> lock(trial_mutex);
  for (auto& per_type : trials) {
    for (auto& per_family : per_type) {
      for (Trials& t : per_family) {
        t.decided.store(false, std::memory_order_relaxed);
        t.verdict.store(LargeOutputStores::kCached, std::memory_order_relaxed);
        t.started = 0;
        t.NewRound();
      }
    }
  }
}

}  // namespace pixconv::internal
