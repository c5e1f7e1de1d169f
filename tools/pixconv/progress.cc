#include "progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace pixconv::cli {
namespace {

constexpr size_t kBarWidth = 30;

// The width of the terminal stderr shows on; $COLUMNS, then 80, when it is not a terminal
// (--progress into a file or pipe).
size_t TerminalColumns() {
  struct winsize size;
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* columns = std::getenv("COLUMNS");
  const long n = columns ? std::strtol(columns, nullptr, 10) : 0;
  return n > 0 ? static_cast<size_t>(n) : 80;
}

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
  // The line stays below the terminal's width: a line that wraps cannot be redrawn with \r.
  // The bar shrinks first, then goes, then the counts are cut.
  char counts[96];
  std::snprintf(counts, sizeof(counts), "%zu/%zu files  %.1f s", done_, total_, Seconds());
  const size_t room = TerminalColumns() - 1;
  const std::string text = counts;
  std::string line;
  const size_t bar_room = room > text.size() + 3 ? room - text.size() - 3 : 0;
  if (bar_room >= 5) {
    const size_t width = bar_room < kBarWidth ? bar_room : kBarWidth;
    const size_t filled = total_ == 0 ? width : done_ * width / total_;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    line = "[" + bar + "] " + text;
  } else {
    line = text.substr(0, room);
  }
  std::fprintf(stderr, "\r%s", line.c_str());
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
