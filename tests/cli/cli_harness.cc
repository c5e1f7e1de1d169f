#include "cli_harness.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <png.h>
#include <spawn.h>
#include <sys/wait.h>
#include <csignal>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>

#ifndef PIXCONV_CLI
#error "PIXCONV_CLI must name the built pixconv binary (set by tests/cli/meson.build)"
#endif

extern char** environ;

namespace pixconv::cli_test {

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/pixconv-cli-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<std::string> TempDir::List() const {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(path_)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Starts pixconv (CliCommand) with stdin, stdout and stderr on files of `io`.
int Spawn(const TempDir& io, const std::vector<std::string>& args,
          const std::vector<uint8_t>& input, const std::vector<std::string>& env) {
  const std::string in_path = io.Path("stdin");
  WriteFile(in_path, input);
  const std::string out_path = io.Path("stdout"), err_path = io.Path("stderr");
  std::vector<std::string> argv_storage = CliCommand();
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_storage(env);
  for (char** e = environ; *e != nullptr; ++e) env_storage.emplace_back(*e);
  std::vector<char*> envp;
  for (std::string& e : env_storage) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0600);
  pid_t pid = 0;
  const int spawn_error =
      posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  REQUIRE_MESSAGE(spawn_error == 0,
                  "cannot run " << argv_storage[0] << ": " << std::strerror(spawn_error));
  return pid;
}

RunResult Reap(const TempDir& io, int pid, int* signal_number) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) REQUIRE(errno == EINTR);
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (signal_number) *signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  result.out = Slurp(io.Path("stdout"));
  result.err = Slurp(io.Path("stderr"));
  return result;
}

}  // namespace

std::vector<std::string> CliCommand() {
  std::vector<std::string> words;
  if (const char* wrapper = std::getenv("PIXCONV_EXE_WRAPPER"); wrapper != nullptr) {
    std::istringstream in(wrapper);
    for (std::string w; in >> w;) words.push_back(w);
  }
  words.push_back(PIXCONV_CLI);
  return words;
}

RunResult RunPixconv(const std::vector<std::string>& args) { return RunPixconvWithStdin(args, {}); }

RunResult RunPixconvWithStdin(const std::vector<std::string>& args,
                              const std::vector<uint8_t>& input) {
  TempDir io;
  return Reap(io, Spawn(io, args, input, {}), nullptr);
}

RunResult RunPixconvWithEnv(const std::vector<std::string>& args,
                            const std::vector<std::string>& env) {
  TempDir io;
  return Reap(io, Spawn(io, args, {}, env), nullptr);
}

BackgroundRun::BackgroundRun(const std::vector<std::string>& args,
                             const std::vector<std::string>& env)
    : pid_(Spawn(io_, args, {}, env)) {}

BackgroundRun::~BackgroundRun() {
  if (pid_ < 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
}

void BackgroundRun::Signal(int signal_number) { REQUIRE(kill(pid_, signal_number) == 0); }

RunResult BackgroundRun::Wait(int* signal_number) {
  const RunResult result = Reap(io_, pid_, signal_number);
  pid_ = -1;
  return result;
}

void WriteFile(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

std::vector<uint8_t> ReadFile(const std::string& path) {
  const std::string s = Slurp(path);
  return std::vector<uint8_t>(s.begin(), s.end());
}

bool FileExists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

std::vector<uint8_t> U16Bytes(const std::vector<uint16_t>& samples) {
  std::vector<uint8_t> bytes;
  for (uint16_t s : samples) {
    bytes.push_back(static_cast<uint8_t>(s & 0xFF));
    bytes.push_back(static_cast<uint8_t>(s >> 8));
  }
  return bytes;
}

std::vector<uint8_t> F32Bytes(const std::vector<float>& samples) {
  std::vector<uint8_t> bytes;
  for (float f : samples) {
    uint32_t u = 0;
    std::memcpy(&u, &f, 4);
    for (int i = 0; i < 4; ++i) bytes.push_back(static_cast<uint8_t>(u >> (8 * i)));
  }
  return bytes;
}

std::vector<float> FloatsFromBytes(const std::vector<uint8_t>& bytes) {
  std::vector<float> floats(bytes.size() / 4);
  for (size_t i = 0; i < floats.size(); ++i) {
    uint32_t u = 0;
    for (int b = 0; b < 4; ++b) u |= uint32_t{bytes[4 * i + b]} << (8 * b);
    std::memcpy(&floats[i], &u, 4);
  }
  return floats;
}

bool ReadPngRgba8(const std::string& path, uint32_t* width, uint32_t* height,
                  std::vector<uint8_t>* rgba) {
  png_image image;
  std::memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.c_str())) return false;
  image.format = PNG_FORMAT_RGBA;
  rgba->assign(PNG_IMAGE_SIZE(image), 0);
  if (!png_image_finish_read(&image, nullptr, rgba->data(), 0, nullptr)) {
    png_image_free(&image);
    return false;
  }
  *width = image.width;
  *height = image.height;
  return true;
}

}  // namespace pixconv::cli_test
