// Reading inputs and writing outputs without leaving a half-written file behind.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "io_error.h"
#include "pixconv/status.h"

namespace pixconv::cli {

// The name of stdin as an input and stdout as an output, as in most Unix tools.
inline constexpr const char* kStdio = "-";

// Reads a whole file ("-": stdin). Errors (kIoError) name the file and the system's reason.
Result<std::vector<uint8_t>> ReadFile(const std::string& path);

// Whether an output path names something that is written through rather than replaced:
// stdout, a character device (/dev/null, a terminal) or a FIFO, after following symlinks.
bool IsStreamOutput(const std::string& path);

// Fails when `path` names a directory, or something that exists and is not a stream (see
// IsStreamOutput) while `overwrite` is false. A dangling symlink counts as existing. Checked
// before any work so a refused run costs nothing.
Status CheckOutputPath(const std::string& path, bool overwrite);

// True when `path` exists as anything (a dangling symlink included); "-" never does.
bool OutputExists(const std::string& path);

// An output file. A regular file (new or existing) is written to a temporary file beside it,
// which Commit() moves into place, so a failed or interrupted conversion leaves neither a
// truncated file nor a clobbered one; an existing file keeps its mode and, where the process
// may set it, its owner and group, and one with several hard links is rewritten in place so
// every link sees the new content. Symlinks are followed: the file they point to is written.
// Stdout, devices and FIFOs are written through.
class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  Status Open(const std::string& path);
  FILE* stream() const { return stream_; }
  // Flushes and closes; moves the temporary file into place.
  Status Commit();

 private:
  Status CommitTemp();

  std::string path_;        // as given, for messages
  std::string final_path_;  // after following symlinks
  std::string temp_path_;   // empty when written through
  bool rewrite_in_place_ = false;  // an existing file with several hard links
  int temp_slot_ = -1;             // see temp_files.h
  FILE* stream_ = nullptr;
};

}  // namespace pixconv::cli
