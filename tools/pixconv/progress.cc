#include "progress.h"

#include <cstdio>

namespace pixconv::cli {
namespace {

constexpr size_t kBarWidth = 30;

}  // namespace

Progress::Progress(size_t total, bool enabled)
    : total_(total), enabled_(enabled), start_(std::chrono::steady_clock::now()) {
  std::lock_guard<std::mutex> lock(mutex_);
  DrawLocked();
}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Advance() {
  std::lock_guard<std::mutex> lock(mutex_);
  ++done_;
  DrawLocked();
}

void Progress::Print(const std::string& line) {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearLocked();
  std::fprintf(stderr, "%s\n", line.c_str());
  DrawLocked();
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  ClearLocked();
}

void Progress::DrawLocked() {
  if (!enabled_) return;
  const size_t filled = total_ == 0 ? kBarWidth : done_ * kBarWidth / total_;
  std::string bar(filled, '#');
  bar.resize(kBarWidth, '.');
  std::fprintf(stderr, "\r[%s] %zu/%zu files  %.1f s", bar.c_str(), done_, total_, Seconds());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::ClearLocked() {
  if (!drawn_) return;
  // Back to the start of the line and erase it (ANSI EL), so a printed line replaces the bar.
  std::fputs("\r\x1b[K", stderr);
  drawn_ = false;
}

}  // namespace pixconv::cli
