// Runs the built pixconv binary on files in a private temporary directory, for end-to-end
// tests of the CLI: exit status, stdout, stderr and the files it writes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pixconv::cli_test {

struct RunResult {
  int exit_code = -1;  // the process's exit status, or -1 when it did not exit normally
  std::string out;     // stdout
  std::string err;     // stderr
  std::vector<uint8_t> OutBytes() const { return std::vector<uint8_t>(out.begin(), out.end()); }
};

// A fresh directory under $TMPDIR (or /tmp), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // The path of `name` inside the directory.
  std::string Path(const std::string& name) const { return path_ + "/" + name; }
  // The names of the files in the directory, sorted.
  std::vector<std::string> List() const;

 private:
  std::string path_;
};

// The words that run pixconv: PIXCONV_CLI, behind the words of $PIXCONV_EXE_WRAPPER when that
// is set (tools/check-aarch64 sets it to the emulator that runs the cross-built binary, as
// there is no binfmt_misc to do it).
std::vector<std::string> CliCommand();

// Runs PIXCONV_CLI with `args` (no shell: arguments pass through unchanged), stdin empty.
RunResult RunPixconv(const std::vector<std::string>& args);
// The same with `input` as stdin.
RunResult RunPixconvWithStdin(const std::vector<std::string>& args,
                              const std::vector<uint8_t>& input);
// The same with variables ("NAME=value") added to the environment.
RunResult RunPixconvWithEnv(const std::vector<std::string>& args,
                            const std::vector<std::string>& env);

// A pixconv process running in the background, for tests that signal it mid-run.
class BackgroundRun {
 public:
  BackgroundRun(const std::vector<std::string>& args, const std::vector<std::string>& env);
  ~BackgroundRun();  // kills and reaps the process if Wait() was not called
  BackgroundRun(const BackgroundRun&) = delete;
  BackgroundRun& operator=(const BackgroundRun&) = delete;

  void Signal(int signal_number);
  // Waits for the process to end. signal_number is the signal that ended it, or 0.
  RunResult Wait(int* signal_number);

 private:
  TempDir io_;
  int pid_ = -1;
};

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

void WriteFile(const std::string& path, const std::vector<uint8_t>& bytes);
std::vector<uint8_t> ReadFile(const std::string& path);
bool FileExists(const std::string& path);

// Little-endian sample buffers, the byte order of raw inputs and f32 outputs.
std::vector<uint8_t> U16Bytes(const std::vector<uint16_t>& samples);
std::vector<uint8_t> F32Bytes(const std::vector<float>& samples);
std::vector<float> FloatsFromBytes(const std::vector<uint8_t>& bytes);

// Decodes a PNG with libpng's simplified API (independent of pixconv's own decoder) into 8-bit
// RGBA. Returns false when libpng cannot read it.
bool ReadPngRgba8(const std::string& path, uint32_t* width, uint32_t* height,
                  std::vector<uint8_t>* rgba);

}  // namespace pixconv::cli_test
