// Every way the CLI refuses: exit status 1 for bad files, 2 for a bad command line, a message
// on stderr that says what was wrong and how to fix it, and no output file left behind.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

void CheckError(const RunResult& r, const std::string& message) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("pixconv: error: ", 0) == 0);
  CHECK(Contains(r.err, message));
}

void CheckUsageError(const RunResult& r, const std::string& message) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("pixconv: usage error: ", 0) == 0);
  CHECK(Contains(r.err, message));
  CHECK(Contains(r.err, "\nhint: "));
}

TEST_CASE("a missing input file") {
  TempDir dir;
  CheckError(
      RunPixconv({"convert", dir.Path("nope.raw"), "--size", "2x2", "-o", dir.Path("out.png")}),
      "cannot open " + dir.Path("nope.raw") + ": No such file or directory");
  CHECK_FALSE(FileExists(dir.Path("out.png")));
  CheckError(RunPixconv({"info", dir.Path("nope.raw"), "--size", "2x2"}), "cannot open");
}

TEST_CASE("a short raw file names both sizes") {
  TempDir dir;
  // NV12 at 4x2: 8 bytes of Y and one row of two UV pairs = 12 bytes.
  WriteFile(dir.Path("short.nv12"), std::vector<uint8_t>(11, 128));
  const RunResult r = RunPixconv({"convert", dir.Path("short.nv12"), "--size", "4x2",
                                  "--pixel-format", "nv12", "-o", dir.Path("out.png")});
  CheckError(r, dir.Path("short.nv12") +
                    ": NV12 at 4x2 needs 12 bytes, file has 11; check --size, "
                    "--pixel-format and --stride, or whether the file is truncated");
  CHECK_FALSE(FileExists(dir.Path("out.png")));

  WriteFile(dir.Path("short.raw"), std::vector<uint8_t>(10, 0));
  CheckError(RunPixconv({"info", dir.Path("short.raw"), "--size", "2x2", "--color-model", "rgb",
                         "--datatype", "u16"}),
             "RGB/U16 at 2x2 needs 24 bytes, file has 10");
}

TEST_CASE("a longer raw file is used with a warning") {
  TempDir dir;
  WriteFile(dir.Path("long.raw"), std::vector<uint8_t>(6, 7));
  const RunResult r =
      RunPixconv({"convert", dir.Path("long.raw"), "--size", "2x2", "-o", dir.Path("out.rgba")});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.err, "pixconv: warning: "));
  CHECK(Contains(r.err, "L/U8 at 2x2 uses 4 bytes, file has 6; the last 2 bytes are ignored"));
}

TEST_CASE("a stride shorter than a row") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), std::vector<uint8_t>(64, 0));
  CheckError(RunPixconv({"convert", dir.Path("in.raw"), "--size", "4x2", "--stride", "3", "-o",
                         dir.Path("out.png")}),
             "row stride 3 is shorter than the row of 4 bytes");
}

TEST_CASE("bad --size") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), std::vector<uint8_t>(16, 0));
  for (const char* size : {"4by4", "4x", "x4", "0x4", "4x-4", "99999999x1", "4x4x4"}) {
    CAPTURE(size);
    CheckUsageError(
        RunPixconv({"convert", dir.Path("in.raw"), "--size", size, "-o", dir.Path("o.png")}),
        std::string("bad value '") + size + "' for --size");
  }
  // A raw file needs --size at all.
  CheckUsageError(RunPixconv({"convert", dir.Path("in.raw"), "-o", dir.Path("o.png")}),
                  "needs --size");
  CHECK_FALSE(FileExists(dir.Path("o.png")));
}

TEST_CASE("unknown names list the valid ones") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), std::vector<uint8_t>(16, 0));
  const std::vector<std::string> base = {"convert", dir.Path("in.raw"), "--size", "2x2",
                                         "-o",      dir.Path("o.png")};
  auto with = [&](const std::string& option, const std::string& value) {
    std::vector<std::string> args = base;
    args.push_back(option);
    args.push_back(value);
    return RunPixconv(args);
  };
  RunResult r = with("--datatype", "u17");
  CheckUsageError(r, "bad value 'u17' for --datatype");
  CHECK(Contains(r.err, "U8, I8, U16, I16, U32, I32, U64, I64, F16, F32, F64"));
  CheckUsageError(with("--color-model", "rgbx"), "bad value 'rgbx' for --color-model");
  CheckUsageError(with("--pixel-format", "nv21"), "bad value 'nv21' for --pixel-format");
  CheckUsageError(with("--to", "rgba12"), "bad value 'rgba12' for --to");
  CheckUsageError(with("--range", "1,1"), "bad value '1,1' for --range");
  CheckUsageError(with("--range", "sometimes"), "bad value 'sometimes' for --range");
  CheckUsageError(with("--matrix", "bt999"), "bad value 'bt999' for --matrix");
  CheckUsageError(with("--target", "no-such-target"),
                  "SIMD target 'no-such-target' is not available");
}

TEST_CASE("malformed command lines exit 2") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), std::vector<uint8_t>(4, 0));
  const std::string in = dir.Path("in.raw");
  RunResult r =
      RunPixconv({"convert", in, "--size", "2x2", "--sise", "2x2", "-o", dir.Path("o.png")});
  CheckUsageError(r, "unknown option '--sise'");
  CHECK(Contains(r.err, "did you mean --size?"));
  CheckUsageError(RunPixconv({"convert", in, "-o", dir.Path("o.png"), "--size"}),
                  "missing value after --size");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2"}), "missing output");
  CheckUsageError(RunPixconv({"convert", "-o", dir.Path("o.png")}), "missing input file");
  r = RunPixconv({"frobnicate"});
  CheckUsageError(r, "unknown command 'frobnicate'");
  CHECK(Contains(r.err, "the commands are convert, info, formats and bench"));
  CheckUsageError(RunPixconv({}), "no command given");
  CheckUsageError(RunPixconv({"info", in, "-o", dir.Path("o.png")}),
                  "not an option of 'pixconv info'");
  CheckUsageError(
      RunPixconv({"convert", in, "--size", "2x2", "--premultiply=yes", "-o", dir.Path("o.png")}),
      "--premultiply takes no value");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--pixel-format", "nv12",
                              "--datatype", "u8", "-o", dir.Path("o.png")}),
                  "exclude each other");
  // Output kinds: by extension; PNG is RGBA8 in RGBA order.
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "-o", dir.Path("o.gif")}),
                  "cannot tell the output kind");
  CheckUsageError(
      RunPixconv({"convert", in, "--size", "2x2", "--to", "rgbaf32", "-o", dir.Path("o.png")}),
      "--to rgbaf32 cannot be written as .png");
  CheckUsageError(
      RunPixconv({"convert", in, "--size", "2x2", "--order", "bgra", "-o", dir.Path("o.png")}),
      "--order bgra");
  CHECK_FALSE(FileExists(dir.Path("o.png")));
}

TEST_CASE("batch, stdio and output-kind mistakes exit 2 and write nothing") {
  TempDir dir;
  WriteFile(dir.Path("a.raw"), std::vector<uint8_t>(4, 0));
  WriteFile(dir.Path("b.raw"), std::vector<uint8_t>(4, 0));
  const std::string a = dir.Path("a.raw"), b = dir.Path("b.raw");
  RunResult r = RunPixconv({"convert", a, b, "--size", "2x2", "-o", dir.Path("o.png")});
  CheckUsageError(
      r, "2 inputs need an output directory, but -o " + dir.Path("o.png") + " is a file name");
  CHECK(Contains(r.err, "e.g. -o out/"));
  CheckUsageError(RunPixconv({"convert", a, b, "--size", "2x2", "-o", "-"}),
                  "2 inputs need an output directory, but -o - is stdout");
  CheckUsageError(RunPixconv({"convert", a, "-", "--size", "2x2", "-o", dir.Path("out/")}),
                  "stdin (-) has no name to give its output in");
  CheckUsageError(
      RunPixconv({"convert", a, dir.Path("sub/a.raw"), "--size", "2x2", "-o", dir.Path("out/")}),
      a + " and " + dir.Path("sub/a.raw") + " would both write " + dir.Path("out/a.png"));
  CheckUsageError(RunPixconv({"convert", a, "--size", "2x2", "-j", "0", "-o", dir.Path("o.png")}),
                  "bad value '0' for --jobs");
  CheckUsageError(RunPixconv({"convert", a, "--size", "2x2", "--output-format", "gif", "-o", "-"}),
                  "bad value 'gif' for --output-format");
  CheckUsageError(
      RunPixconv({"convert", a, "--size", "2x2", "--to", "rgba16", "-o", dir.Path("o.rgba")}),
      "--to rgba16 writes a 16-bit PNG, so the output must be .png");
  CheckUsageError(
      RunPixconv({"convert", a, "--size", "2x2", "--order", "bgra", "-o", dir.Path("o.pfm")}),
      "a PFM stores RGB(A), so --order bgra would swap red and blue");
  CheckUsageError(RunPixconv({"formats", a}), "'pixconv formats' takes no file");
  CheckUsageError(RunPixconv({"bench", "--json"}), "not an option of 'pixconv bench'");
  CHECK(dir.List() == std::vector<std::string>{"a.raw", "b.raw"});
}

TEST_CASE("raw options in a batch apply to its raw files; a JPEG beside them decodes") {
  TempDir dir;
  WriteFile(dir.Path("a.raw"), std::vector<uint8_t>(4, 0));
  std::filesystem::copy_file(PIXCONV_TESTDATA "/libjpeg-turbo/testorig.jpg", dir.Path("b.jpg"));
  // --size describes a.raw; the JPEG has its own header, and a warning says so.
  const RunResult r = RunPixconv(
      {"convert", dir.Path("a.raw"), dir.Path("b.jpg"), "--size", "2x2", "-o", dir.Path("out/")});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.err, "pixconv: warning: " + dir.Path("b.jpg") +
                            " is a JPEG file, so the raw-input options (--size) do not apply "
                            "to it"));
  CHECK(FileExists(dir.Path("out/a.png")));
  CHECK(FileExists(dir.Path("out/b.png")));
}

TEST_CASE("an existing output is kept unless --force") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), std::vector<uint8_t>(4, 0));
  WriteFile(dir.Path("out.rgba"), {1, 2, 3});
  CheckError(
      RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("out.rgba")}),
      dir.Path("out.rgba") + " already exists; pass --force to overwrite it");
  CHECK(ReadFile(dir.Path("out.rgba")) == std::vector<uint8_t>{1, 2, 3});
  CHECK(dir.List() == std::vector<std::string>{"in.raw", "out.rgba"});
}

TEST_CASE("an output that cannot be created") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), std::vector<uint8_t>(4, 0));
  CheckError(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o",
                         dir.Path("no/such/dir/o.png")}),
             "cannot create " + dir.Path("no/such/dir/o.png") + ": No such file or directory");
  // A directory that looks like a PNG is not overwritten, --force or not: it is a directory
  // to write into, and an output there that is a directory is refused.
  REQUIRE(std::filesystem::create_directories(dir.Path("dir.png/in.png")));
  CheckError(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("dir.png"),
                         "--force"}),
             dir.Path("dir.png/in.png") + " is a directory");
}

}  // namespace
}  // namespace pixconv::cli_test
