// PNG and JPEG input through the CLI: recognised by content, described by `info` from the
// header, converted like raw input.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

TEST_CASE("a PNG written by pixconv converts back to the same pixels") {
  TempDir dir;
  const std::vector<uint8_t> rgba = {0, 64, 128, 255, 10, 20, 30, 40, 255, 0, 0, 128, 1, 2, 3, 0};
  WriteFile(dir.Path("in.raw"), rgba);
  REQUIRE(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "--color-model", "rgba", "-o",
                      dir.Path("image.png")})
              .exit_code == 0);

  // No --size: the content says PNG, even under a misleading name.
  REQUIRE(
      RunPixconv({"convert", dir.Path("image.png"), "-o", dir.Path("copy.bin.raw")}).exit_code ==
      0);
  CHECK(ReadFile(dir.Path("copy.bin.raw")) == rgba);

  const RunResult info = RunPixconv({"info", dir.Path("image.png")});
  INFO("stderr: " << info.err);
  REQUIRE(info.exit_code == 0);
  CHECK(Contains(info.out, "(PNG, "));
  CHECK(Contains(info.out, "size:        2x2\n"));
  CHECK(Contains(info.out, "color model: RGBA\n"));
  CHECK(Contains(info.out, "datatype:    U8\n"));
  CHECK(Contains(info.out, "bit depth:   8\n"));
}

TEST_CASE("JPEG input") {
  const std::string jpeg = PIXCONV_TESTDATA "/libjpeg-turbo/testorig.jpg";
  const RunResult info = RunPixconv({"info", jpeg});
  INFO("stderr: " << info.err);
  REQUIRE(info.exit_code == 0);
  CHECK(Contains(info.out, "(JPEG, 5770 bytes)"));
  CHECK(Contains(info.out, "size:        227x149\n"));
  CHECK(Contains(info.out, "color model: RGB\n"));
  CHECK(Contains(info.out, "bit depth:   8\n"));

  TempDir dir;
  const RunResult r =
      RunPixconv({"convert", jpeg, "--to", "rgbaf32", "--verbose", "-o", dir.Path("out.rgba")});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "RGB/U8 227x149, JPEG file of 5770 bytes"));
  CHECK(ReadFile(dir.Path("out.rgba")).size() == size_t{227} * 149 * 16);
}

TEST_CASE("PNG and JPEG errors") {
  TempDir dir;
  const std::vector<uint8_t> signature = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  std::vector<uint8_t> corrupt = signature;
  corrupt.resize(40, 0xAB);
  WriteFile(dir.Path("corrupt.png"), corrupt);
  RunResult r = RunPixconv({"convert", dir.Path("corrupt.png"), "-o", dir.Path("out.png")});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("pixconv: error: " + dir.Path("corrupt.png") + ": ", 0) == 0);
  CHECK_FALSE(FileExists(dir.Path("out.png")));
  r = RunPixconv({"info", dir.Path("corrupt.png")});
  CHECK(r.exit_code == 1);

  // Raw-format options win over a start that only looks like a PNG: read as raw samples.
  r = RunPixconv({"convert", dir.Path("corrupt.png"), "--size", "2x2", "-o", dir.Path("out.png")});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.err, "L/U8 at 2x2 uses 4 bytes, file has 40"));
  // For a PNG whose header reads they do not apply, and a warning says so.
  WriteFile(dir.Path("g.raw"), {0, 64, 128, 255});
  REQUIRE(RunPixconv({"convert", dir.Path("g.raw"), "--size", "2x2", "-o", dir.Path("ok.png")})
              .exit_code == 0);
  r = RunPixconv({"convert", dir.Path("ok.png"), "--size", "2x2", "-o", dir.Path("ok2.png")});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.err, "is a PNG file, so the raw-input options (--size) do not apply to it"));
}

}  // namespace
}  // namespace pixconv::cli_test
