// How outputs land on the file system: special files are written through (never replaced),
// symlinks followed, an existing file keeps its mode and hard links; Ctrl-C leaves no
// temporary file and --skip-existing finishes an interrupted batch.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

const std::vector<uint8_t> kGray = {0, 64, 128, 255};  // 2x2 L/U8
const std::vector<uint8_t> kPngSignature = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

void CheckOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

bool StartsWithPngSignature(const std::vector<uint8_t>& bytes) {
  return bytes.size() > 8 && std::equal(kPngSignature.begin(), kPngSignature.end(), bytes.begin());
}

struct stat Lstat(const std::string& path) {
  struct stat st;
  REQUIRE(lstat(path.c_str(), &st) == 0);
  return st;
}

std::vector<std::string> TempFiles(const TempDir& dir, const std::string& sub) {
  std::vector<std::string> temps;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir.Path(sub), ec)) {
    const std::string name = e.path().filename().string();
    if (name.find(".pixconv-tmp-") != std::string::npos) temps.push_back(name);
  }
  return temps;
}

TEST_CASE("a character device is written to, not replaced, and needs no --force") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), kGray);
  // The null device's numbers (1, 3), made in the temporary directory: never the real one.
  if (mknod(dir.Path("null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
    MESSAGE("mknod needs root; skipped");
    return;
  }
  for (const char* force : {"--force", "--quiet"}) {
    CAPTURE(force);
    CheckOk(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("null"),
                        "--output-format", "png", force}));
    const struct stat st = Lstat(dir.Path("null"));
    CHECK(S_ISCHR(st.st_mode));
    CHECK(st.st_rdev == makedev(1, 3));
  }
  CHECK(dir.List() == std::vector<std::string>{"in.raw", "null"});
}

TEST_CASE("a FIFO is written to, and its reader gets the PNG") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), kGray);
  REQUIRE(mkfifo(dir.Path("fifo").c_str(), 0600) == 0);
  // The read end is open (non-blocking) before pixconv starts, so its open for writing does
  // not wait; the small PNG fits the pipe's buffer, read after pixconv exits.
  const int reader = open(dir.Path("fifo").c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  const RunResult r = RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o",
                                  dir.Path("fifo"), "--output-format", "png"});
  std::vector<uint8_t> received;
  uint8_t buffer[4096];
  ssize_t n = 0;
  while ((n = read(reader, buffer, sizeof(buffer))) > 0) {
    received.insert(received.end(), buffer, buffer + n);
  }
  close(reader);
  CheckOk(r);
  CHECK(StartsWithPngSignature(received));
  CHECK(S_ISFIFO(Lstat(dir.Path("fifo")).st_mode));
  CHECK(dir.List() == std::vector<std::string>{"fifo", "in.raw"});
}

TEST_CASE("a symlink is followed: its target gets the image, the link stays") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), kGray);
  WriteFile(dir.Path("target.png"), {1, 2, 3});
  REQUIRE(symlink("target.png", dir.Path("link.png").c_str()) == 0);
  // Without --force the link counts as an existing output.
  CHECK(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("link.png")})
            .exit_code == 1);
  CheckOk(RunPixconv(
      {"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("link.png"), "--force"}));
  CHECK(S_ISLNK(Lstat(dir.Path("link.png")).st_mode));
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  CHECK(ReadPngRgba8(dir.Path("target.png"), &w, &h, &rgba));
  CHECK(w == 2);
  CHECK(dir.List() == std::vector<std::string>{"in.raw", "link.png", "target.png"});
}

TEST_CASE("an existing file keeps its mode and its hard links") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), kGray);
  WriteFile(dir.Path("private.png"), {1, 2, 3});
  REQUIRE(chmod(dir.Path("private.png").c_str(), 0600) == 0);
  CheckOk(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o",
                      dir.Path("private.png"), "--force"}));
  CHECK((Lstat(dir.Path("private.png")).st_mode & 07777) == 0600);
  CHECK(StartsWithPngSignature(ReadFile(dir.Path("private.png"))));

  WriteFile(dir.Path("a.png"), {1, 2, 3});
  REQUIRE(link(dir.Path("a.png").c_str(), dir.Path("b.png").c_str()) == 0);
  CheckOk(RunPixconv(
      {"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("a.png"), "--force"}));
  CHECK(Lstat(dir.Path("a.png")).st_ino == Lstat(dir.Path("b.png")).st_ino);
  CHECK(StartsWithPngSignature(ReadFile(dir.Path("b.png"))));
  CHECK(TempFiles(dir, "").empty());
}

// Waits until `done` holds, up to 20 s.
template <typename Condition>
bool WaitFor(Condition done) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

TEST_CASE("SIGINT and SIGTERM remove temporary files; --skip-existing finishes the rest") {
  for (const int signal_number : {SIGINT, SIGTERM}) {
    CAPTURE(signal_number);
    TempDir dir;
    std::vector<std::string> args = {"convert"};
    for (const char* name : {"a", "b", "c", "d"}) {
      WriteFile(dir.Path(std::string(name) + ".raw"), kGray);
      args.push_back(dir.Path(std::string(name) + ".raw"));
    }
    const std::vector<std::string> options = {"--size", "2x2", "-o", dir.Path("out/"), "-j1"};
    args.insert(args.end(), options.begin(), options.end());
    {
      // The test hook holds each output in its temporary file for 300 ms before the rename.
      BackgroundRun run(args, {"PIXCONV_TEST_COMMIT_DELAY_MS=300"});
      // Interrupt while b's temporary file exists, a being finished.
      REQUIRE(WaitFor([&] {
        return FileExists(dir.Path("out/a.png")) && !TempFiles(dir, "out").empty();
      }));
      run.Signal(signal_number);
      int died_of = 0;
      const RunResult r = run.Wait(&died_of);
      INFO("stderr: " << r.err);
      CHECK(died_of == signal_number);
    }
    CHECK(TempFiles(dir, "out").empty());
    CHECK(FileExists(dir.Path("out/a.png")));
    CHECK_FALSE(FileExists(dir.Path("out/d.png")));

    // A plain rerun refuses (outputs exist); --skip-existing converts the rest.
    CHECK(RunPixconv(args).exit_code == 1);
    args.push_back("--skip-existing");
    const RunResult r = RunPixconv(args);
    CheckOk(r);
    CHECK(Contains(r.err, "skipped "));
    for (const char* name : {"a", "b", "c", "d"}) {
      CHECK(StartsWithPngSignature(ReadFile(dir.Path("out/" + std::string(name) + ".png"))));
    }
    // -n is its short form; with everything converted there is nothing left to do.
    args.back() = "-n";
    CheckOk(RunPixconv(args));
  }
}

}  // namespace
}  // namespace pixconv::cli_test
