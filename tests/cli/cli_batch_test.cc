// Batch conversion, stdin and stdout through the built binary: many inputs of every kind into a
// directory on several workers, progress and quiet modes, and a failing file among good ones.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

// 2x2 L/U8 and the RGBA8 it converts to (U8, range [0, 255], no transfer change: exact).
const std::vector<uint8_t> kGray = {0, 64, 128, 255};
const std::vector<uint8_t> kGrayRgba = {0,   0,   0,   255, 64,  64,  64,  255,
                                        128, 128, 128, 255, 255, 255, 255, 255};
const std::string kJpeg = PIXCONV_TESTDATA "/libjpeg-turbo/testorig.jpg";

std::vector<uint8_t> PngPixels(const std::string& path) {
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  REQUIRE_MESSAGE(ReadPngRgba8(path, &w, &h, &rgba), path);
  return rgba;
}

void CheckOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("a folder of PNGs and JPEGs converts into a directory, in parallel") {
  TempDir dir;
  WriteFile(dir.Path("gray.raw"), kGray);
  CheckOk(RunPixconv({"convert", dir.Path("gray.raw"), "--size", "2x2", "-o", dir.Path("a.png")}));
  std::filesystem::copy_file(kJpeg, dir.Path("b.jpg"));
  std::filesystem::copy_file(kJpeg, dir.Path("c.JPG"));
  // The single-file conversion of the JPEG is what each batch output must equal.
  CheckOk(RunPixconv({"convert", kJpeg, "-o", dir.Path("single.png")}));

  for (const char* jobs : {"1", "3"}) {
    CAPTURE(jobs);
    const std::string out = dir.Path(std::string("out") + jobs + "/");  // created by pixconv
    const RunResult r = RunPixconv({"convert", dir.Path("a.png"), dir.Path("b.jpg"),
                                    dir.Path("c.JPG"), "-o", out, "--jobs", jobs});
    CheckOk(r);
    CHECK(r.err.empty());  // not a terminal: no progress, no summary
    CHECK(r.out.empty());
    CHECK(PngPixels(out + "a.png") == kGrayRgba);
    CHECK(PngPixels(out + "b.png") == PngPixels(dir.Path("single.png")));
    CHECK(PngPixels(out + "c.png") == PngPixels(dir.Path("single.png")));
  }
}

TEST_CASE("batch of raw files shares the raw options; other output kinds by --output-format") {
  TempDir dir;
  WriteFile(dir.Path("f1.raw"), kGray);
  WriteFile(dir.Path("f2.raw"), {255, 128, 64, 0});
  std::filesystem::create_directory(dir.Path("out"));
  // An existing directory takes several inputs without the trailing slash.
  CheckOk(RunPixconv({"convert", dir.Path("f1.raw"), dir.Path("f2.raw"), "--size", "2x2",
                      "--output-format", "rgba", "-o", dir.Path("out")}));
  CHECK(ReadFile(dir.Path("out/f1.rgba")) == kGrayRgba);
  CHECK(ReadFile(dir.Path("out/f2.rgba")) == std::vector<uint8_t>{255, 255, 255, 255, 128, 128, 128,
                                                                  255, 64, 64, 64, 255, 0, 0, 0,
                                                                  255});
}

TEST_CASE("--progress shows the bar and a summary, --quiet silences them") {
  TempDir dir;
  WriteFile(dir.Path("f1.raw"), kGray);
  WriteFile(dir.Path("f2.raw"), kGray);
  RunResult r = RunPixconv({"convert", dir.Path("f1.raw"), dir.Path("f2.raw"), "--size", "2x2",
                            "-o", dir.Path("out/"), "--progress", "-j", "2"});
  CheckOk(r);
  CHECK(Contains(r.err, "] 2/2 files"));
  CHECK(Contains(r.err, "converted 2 of 2 files to " + dir.Path("out/") + " in "));
  CHECK(Contains(r.err, "(2 jobs)\n"));

  r = RunPixconv({"convert", dir.Path("f1.raw"), dir.Path("f2.raw"), "--size", "2x2", "-o",
                  dir.Path("out/"), "--progress", "--quiet", "--force"});
  CheckOk(r);
  CHECK(r.err.empty());

  // One file: a line that says what was done.
  r = RunPixconv(
      {"convert", dir.Path("f1.raw"), "--size", "2x2", "-o", dir.Path("one.png"), "--progress"});
  CheckOk(r);
  CHECK(r.err ==
        dir.Path("f1.raw") + " -> " + dir.Path("one.png") + ": L/U8 2x2 (raw) to 8-bit RGBA PNG\n");
}

TEST_CASE("a failing file is reported and the others still convert") {
  TempDir dir;
  WriteFile(dir.Path("good.raw"), kGray);
  WriteFile(dir.Path("short.raw"), {1, 2, 3});
  const RunResult r = RunPixconv({"convert", dir.Path("good.raw"), dir.Path("short.raw"), "--size",
                                  "2x2", "-o", dir.Path("out/")});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "pixconv: error: " + dir.Path("short.raw") +
                            ": L/U8 at 2x2 needs 4 bytes, file has 3"));
  CHECK(Contains(r.err, "pixconv: error: 1 of 2 files failed; the others were converted\n"));
  CHECK(PngPixels(dir.Path("out/good.png")) == kGrayRgba);
  CHECK_FALSE(FileExists(dir.Path("out/short.png")));
}

TEST_CASE("batch refusals come before any file is written") {
  TempDir dir;
  WriteFile(dir.Path("a.raw"), kGray);
  WriteFile(dir.Path("b.raw"), kGray);
  std::filesystem::create_directory(dir.Path("out"));
  WriteFile(dir.Path("out/b.png"), {1, 2, 3});
  RunResult r = RunPixconv(
      {"convert", dir.Path("a.raw"), dir.Path("b.raw"), "--size", "2x2", "-o", dir.Path("out/")});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, dir.Path("out/b.png") + " already exists; pass --force"));
  CHECK_FALSE(FileExists(dir.Path("out/a.png")));  // nothing converted
  CHECK(ReadFile(dir.Path("out/b.png")) == std::vector<uint8_t>{1, 2, 3});

  r = RunPixconv({"convert", dir.Path("a.raw"), dir.Path("b.raw"), "--size", "2x2", "-o",
                  dir.Path("out/"), "--force"});
  CheckOk(r);
  CHECK(PngPixels(dir.Path("out/b.png")) == kGrayRgba);
}

TEST_CASE("stdin and stdout") {
  TempDir dir;
  // Raw from stdin to raw on stdout: a pipe in both directions.
  RunResult r = RunPixconvWithStdin(
      {"convert", "-", "--size", "2x2", "-o", "-", "--output-format", "rgba"}, kGray);
  CheckOk(r);
  CHECK(r.OutBytes() == kGrayRgba);
  CHECK(r.err.empty());

  // stdout without --output-format is a PNG; --verbose then goes to stderr.
  r = RunPixconvWithStdin({"convert", "-", "--size", "2x2", "-o", "-", "--verbose"}, kGray);
  CheckOk(r);
  WriteFile(dir.Path("from_stdout.png"), r.OutBytes());
  CHECK(PngPixels(dir.Path("from_stdout.png")) == kGrayRgba);
  CHECK(Contains(r.err, "output:    -, 8-bit RGBA PNG 2x2"));

  // A JPEG on stdin is recognised by its content, as from a file.
  r = RunPixconvWithStdin({"convert", "-", "-o", dir.Path("jpeg.png")}, ReadFile(kJpeg));
  CheckOk(r);
  CheckOk(RunPixconv({"convert", kJpeg, "-o", dir.Path("file.png")}));
  CHECK(PngPixels(dir.Path("jpeg.png")) == PngPixels(dir.Path("file.png")));

  r = RunPixconvWithStdin({"info", "-", "--size", "2x2"}, kGray);
  CheckOk(r);
  CHECK(Contains(r.out, "file:        stdin (raw, 4 bytes)"));
}

}  // namespace
}  // namespace pixconv::cli_test
