#include "temp_files.h"

#include <unistd.h>

#include <atomic>
#include <climits>
#include <csignal>
#include <cstring>

namespace pixconv::cli {
namespace {

// One slot per file being written at once; a batch has at most 1024 workers (--jobs).
constexpr int kSlots = 1100;

// A slot's path is written while the slot is kWriting and read by the handler only when it is
// kActive, so the handler never sees a half-written name. Async-signal-safe: atomics that are
// always lock-free, and unlink().
enum SlotState : int { kFree = 0, kWriting = 1, kActive = 2 };
struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};
Slot slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void RemoveTempFilesAndDie(int signal_number) {
  for (Slot& slot : slots) {
    if (slot.state.load() == kActive) unlink(slot.path);
  }
  // Die of the same signal, so the parent sees how the process ended (exit status 128 + n).
  std::signal(signal_number, SIG_DFL);
  std::raise(signal_number);
}

}  // namespace

void InstallTempFileCleanup() {
  static const bool installed = [] {
    struct sigaction action;
    std::memset(&action, 0, sizeof(action));
    action.sa_handler = RemoveTempFilesAndDie;
    sigemptyset(&action.sa_mask);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&action.sa_mask, s);
    for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaction(s, &action, nullptr);
    return true;
  }();
  (void)installed;
}

int RegisterTempFile(const std::string& path) {
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kWriting)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(kActive);
    return i;
  }
  return -1;
}

void UnregisterTempFile(int slot) {
  if (slot >= 0 && slot < kSlots) slots[slot].state.store(kFree);
}

}  // namespace pixconv::cli
