// Reading inputs and writing outputs without leaving a half-written file behind.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "pixconv/status.h"

namespace pixconv::cli {

// The name of stdin as an input and stdout as an output, as in most Unix tools.
inline constexpr const char* kStdio = "-";

// Reads a whole file ("-": stdin). Errors (kIoError) name the file and the system's reason.
Result<std::vector<uint8_t>> ReadFile(const std::string& path);

// Fails when `path` ("-" always passes) exists (as anything) and `overwrite` is false, or names a
// directory. Checked before any work so a refused run costs nothing.
Status CheckOutputPath(const std::string& path, bool overwrite);

// An output written to a temporary file beside its final path and renamed over it by Commit(),
// so a failed or interrupted conversion leaves neither a truncated file nor a clobbered one.
class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // "-" writes to stdout directly (a pipe cannot be renamed into place).
  Status Open(const std::string& path);
  FILE* stream() const { return stream_; }
  // Flushes, closes and renames the temporary file to the final path.
  Status Commit();

 private:
  std::string path_;
  std::string temp_path_;
  FILE* stream_ = nullptr;
};

}  // namespace pixconv::cli
