// A one-line progress bar on stderr for batch conversions ("[#####.....]  42/200 files  3.1 s"),
// redrawn in place. Thread-safe: workers report files as they finish.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace pixconv::cli {

class Progress {
 public:
  // A disabled bar draws nothing (stderr is not a terminal, or --quiet); lines still print.
  Progress(size_t total, bool enabled);

  // One more file done; redraws the bar.
  void Advance();
  // Prints `line` (an error, a summary) on stderr above the bar, which is redrawn below it.
  void Print(const std::string& line);
  // Removes the bar, leaving the lines printed above it.
  void Finish();

  double Seconds() const;

 private:
  void DrawLocked();
  void ClearLocked();

  std::mutex mutex_;
  const size_t total_;
  const bool enabled_;
  size_t done_ = 0;
  bool drawn_ = false;
  const std::chrono::steady_clock::time_point start_;
};

}  // namespace pixconv::cli
