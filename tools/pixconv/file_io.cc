#include "file_io.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace pixconv::cli {
namespace {

Status IoError(const std::string& what, const std::string& path, int error_number) {
  return Status(StatusCode::kIoError, what + " " + path + ": " + std::strerror(error_number));
}

}  // namespace

Result<std::vector<uint8_t>> ReadFile(const std::string& path) {
  const bool is_stdin = path == kStdio;
  std::error_code ec;
  if (!is_stdin && std::filesystem::is_directory(path, ec)) {
    return Status(StatusCode::kIoError, path + " is a directory, not an image file");
  }
  FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError("cannot open", path, errno);
  std::vector<uint8_t> data;
  // Grow by reading rather than trusting a size from stat: works for pipes and /dev/stdin too.
  uint8_t chunk[1 << 16];
  size_t n = 0;
  while ((n = std::fread(chunk, 1, sizeof(chunk), f)) > 0)
    data.insert(data.end(), chunk, chunk + n);
  const bool failed = std::ferror(f) != 0;
  const int read_errno = errno;
  if (!is_stdin) std::fclose(f);
  if (failed) return IoError("cannot read", is_stdin ? "stdin" : path, read_errno);
  return data;
}

Status CheckOutputPath(const std::string& path, bool overwrite) {
  if (path == kStdio) return Status::Ok();
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::symlink_status(path, ec);
  if (!std::filesystem::exists(st)) return Status::Ok();
  if (std::filesystem::is_directory(st)) {
    return Status(
        StatusCode::kIoError,
        path + " is a directory; give a file name for -o, or end it with / to write into it");
  }
  if (!overwrite) {
    return Status(StatusCode::kIoError,
                  path + " already exists; pass --force to overwrite it or choose another -o");
  }
  return Status::Ok();
}

OutputFile::~OutputFile() {
  if (stream_ != nullptr && stream_ != stdout) std::fclose(stream_);
  if (!temp_path_.empty()) std::remove(temp_path_.c_str());
}

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  if (path == kStdio) {  // nothing to rename: the bytes go out as they are written
    stream_ = stdout;
    return Status::Ok();
  }
  // Beside the target so the final rename stays within one file system (and is atomic).
  temp_path_ = path + ".pixconv-tmp-" + std::to_string(getpid());
  stream_ = std::fopen(temp_path_.c_str(), "wb");
  if (stream_ == nullptr) {
    const int error_number = errno;
    temp_path_.clear();
    return IoError("cannot create", path, error_number);
  }
  return Status::Ok();
}

Status OutputFile::Commit() {
  const bool write_failed = std::ferror(stream_) != 0;
  if (stream_ == stdout) {
    stream_ = nullptr;
    if (write_failed || std::fflush(stdout) != 0) return IoError("cannot write", "stdout", errno);
    return Status::Ok();
  }
  errno = 0;
  const bool close_failed = std::fclose(stream_) != 0;
  const int error_number = errno != 0 ? errno : EIO;
  stream_ = nullptr;
  if (write_failed || close_failed) return IoError("cannot write", path_, error_number);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return IoError("cannot rename the finished output to", path_, errno);
  }
  temp_path_.clear();
  return Status::Ok();
}

}  // namespace pixconv::cli
