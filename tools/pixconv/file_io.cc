#include "file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "temp_files.h"

namespace pixconv::cli {
namespace {

Status IoError(const std::string& what, const std::string& path, int error_number) {
  return Status(kIoError, what + " " + path + ": " + std::strerror(error_number));
}

bool IsStream(const struct stat& st) { return S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode); }

// Copies the whole of `from` over the start of `to` (opened for writing, truncated).
bool CopyInto(const std::string& from, const std::string& to) {
  const int in = open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return false;
  const int out = open(to.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  bool ok = out >= 0;
  char buffer[1 << 16];
  while (ok) {
    const ssize_t n = read(in, buffer, sizeof(buffer));
    if (n == 0) break;
    ok = n > 0 && write(out, buffer, static_cast<size_t>(n)) == n;
  }
  const int saved = errno;
  close(in);
  if (out >= 0 && close(out) != 0) ok = false;
  if (!ok && errno == 0) errno = saved;
  return ok;
}

}  // namespace

Result<std::vector<uint8_t>> ReadFile(const std::string& path) {
  const bool is_stdin = path == kStdio;
  std::error_code ec;
  if (!is_stdin && std::filesystem::is_directory(path, ec)) {
    return Status(kIoError, path + " is a directory, not an image file");
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

bool IsStreamOutput(const std::string& path) {
  if (path == kStdio) return true;
  struct stat st;
  return stat(path.c_str(), &st) == 0 && IsStream(st);
}

bool OutputExists(const std::string& path) {
  struct stat st;
  return path != kStdio && lstat(path.c_str(), &st) == 0;
}

Status CheckOutputPath(const std::string& path, bool overwrite) {
  if (IsStreamOutput(path) || !OutputExists(path)) return Status::Ok();
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status(
        kIoError,
        path + " is a directory; give a file name for -o, or end it with / to write into it");
  }
  if (!overwrite) {
    return Status(kIoError,
                  path + " already exists; pass --force to overwrite it, --skip-existing to "
                         "leave it, or choose another -o");
  }
  return Status::Ok();
}

OutputFile::~OutputFile() {
  if (stream_ != nullptr && stream_ != stdout) std::fclose(stream_);
  if (!temp_path_.empty()) unlink(temp_path_.c_str());
  UnregisterTempFile(temp_slot_);
}

Status OutputFile::Open(const std::string& path) {
  path_ = path;
  if (path == kStdio) {  // nothing to rename: the bytes go out as they are written
    stream_ = stdout;
    return Status::Ok();
  }
  struct stat st;
  const bool exists = stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {  // a device or FIFO: write to it, never replace it
    stream_ = std::fopen(path.c_str(), "wb");
    if (stream_ == nullptr) return IoError("cannot open", path, errno);
    return Status::Ok();
  }
  // Follow symlinks to the file they name, which is what gets replaced.
  std::error_code ec;
  final_path_ = path;
  struct stat link;
  if (lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    const std::filesystem::path target = std::filesystem::weakly_canonical(path, ec);
    if (!ec) final_path_ = target.string();
  }
  rewrite_in_place_ = exists && st.st_nlink > 1;

  // Beside the target so the final rename stays within one file system (and is atomic).
  InstallTempFileCleanup();
  const std::string temp = final_path_ + ".pixconv-tmp-" + std::to_string(getpid());
  const mode_t mode = exists ? (st.st_mode & 07777) : 0666;  // new files: 0666 less the umask
  // Registered before it exists, so a signal at any moment after the open removes it.
  temp_slot_ = RegisterTempFile(temp);
  int fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0 && errno == EEXIST) {
    // Left by a killed (SIGKILL) process that had this process id: nobody writes it now.
    unlink(temp.c_str());
    fd = open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  }
  if (fd < 0) {
    const int error_number = errno;
    UnregisterTempFile(temp_slot_);
    temp_slot_ = -1;
    return IoError("cannot create", path, error_number);
  }
  temp_path_ = temp;
  if (exists) {
    // Owner first: chown may clear the set-id bits that fchmod then restores. Either may be
    // refused (not root, not the owner); the file is still written, as cp would.
    (void)!fchown(fd, st.st_uid, st.st_gid);
    (void)!fchmod(fd, st.st_mode & 07777);
  }
  stream_ = fdopen(fd, "wb");
  if (stream_ == nullptr) {
    const int error_number = errno;
    close(fd);
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
  return temp_path_.empty() ? Status::Ok() : CommitTemp();
}

Status OutputFile::CommitTemp() {
  if (rewrite_in_place_) {
    // The conversion is complete in the temporary file; copying it over the original keeps
    // the inode, so every hard link sees the new image.
    errno = 0;
    if (!CopyInto(temp_path_, final_path_)) return IoError("cannot write", path_, errno);
    unlink(temp_path_.c_str());
  } else if (std::rename(temp_path_.c_str(), final_path_.c_str()) != 0) {
    return IoError("cannot rename the finished output to", path_, errno);
  }
  temp_path_.clear();
  UnregisterTempFile(temp_slot_);
  temp_slot_ = -1;
  return Status::Ok();
}

}  // namespace pixconv::cli
