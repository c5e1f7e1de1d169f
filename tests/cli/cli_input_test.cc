// How an input is read: raw options win over a start that only looks like a JPEG or PNG, a
// file that claims to be one is decoded and its damage reported as such, and an empty or
// misnamed file is an error of that file (exit 1), not of the command line.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

const std::string kJpeg = PIXCONV_TESTDATA "/libjpeg-turbo/testorig.jpg";

void CheckOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

void CheckError(const RunResult& r, const std::string& message) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.err.rfind("pixconv: error: ", 0) == 0);
  CHECK(Contains(r.err, message));
}

TEST_CASE("raw data that starts like a JPEG or PNG converts as raw") {
  TempDir dir;
  // RGB U8 2x2 whose first pixel is (255, 216, 255): the bytes FF D8 FF.
  const std::vector<uint8_t> rgb = {255, 216, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  WriteFile(dir.Path("frame.raw"), rgb);
  CheckOk(RunPixconv({"convert", dir.Path("frame.raw"), "--size", "2x2", "--color-model", "rgb",
                      "-o", dir.Path("frame.rgba")}));
  const std::vector<uint8_t> out = ReadFile(dir.Path("frame.rgba"));
  REQUIRE(out.size() == 16);
  CHECK(std::vector<uint8_t>(out.begin(), out.begin() + 4) ==
        std::vector<uint8_t>{255, 216, 255, 255});

  // U16 depth whose first sample is 55551 = 0xD8FF, little-endian FF D8.
  WriteFile(dir.Path("depth.raw"), U16Bytes({55551, 0, 1000, 65535}));
  CheckOk(RunPixconv({"convert", dir.Path("depth.raw"), "--size", "2x2", "--datatype", "u16",
                      "--range", "0,65535", "-o", dir.Path("depth.rgba")}));
  CHECK(ReadFile(dir.Path("depth.rgba")).size() == 16);

  // L U8 whose first eight samples are the PNG signature.
  WriteFile(dir.Path("sig.raw"), {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
  CheckOk(RunPixconv(
      {"convert", dir.Path("sig.raw"), "--size", "4x2", "-o", dir.Path("sig.rgba")}));
  CHECK(ReadFile(dir.Path("sig.rgba"))[0] == 0x89);
}

TEST_CASE("--input-format decides alone") {
  TempDir dir;
  // A real JPEG read as raw samples (the file is longer than 8x8 L/U8: a warning).
  const RunResult r = RunPixconv({"convert", kJpeg, "--input-format", "raw", "--size", "8x8",
                                  "-o", dir.Path("raw.rgba")});
  CheckOk(r);
  CHECK(ReadFile(dir.Path("raw.rgba"))[0] == 0xFF);
  CheckError(RunPixconv({"convert", kJpeg, "--input-format", "png", "-o", dir.Path("x.png")}),
             kJpeg + ": not a PNG (starts with FF D8 FF");
  CheckOk(RunPixconv({"convert", kJpeg, "--input-format", "JPEG", "-o", dir.Path("j.png")}));
  CHECK(RunPixconv({"convert", kJpeg, "--input-format", "gif", "-o", dir.Path("g.png")})
            .exit_code == 2);
}

TEST_CASE("in a batch, raw options apply to raw inputs and images decode as usual") {
  TempDir dir;
  WriteFile(dir.Path("a.raw"), {255, 216, 255, 1, 2, 3, 4, 5, 6, 7, 8, 9});
  std::filesystem::copy_file(kJpeg, dir.Path("b.jpg"));
  const RunResult r = RunPixconv({"convert", dir.Path("a.raw"), dir.Path("b.jpg"), "--size",
                                  "2x2", "--color-model", "rgb", "-o", dir.Path("out/")});
  CheckOk(r);
  CHECK(Contains(r.err, "pixconv: warning: " + dir.Path("b.jpg") +
                            " is a JPEG file, so the raw-input options (--size, --color-model) "
                            "do not apply to it"));
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  CHECK(ReadPngRgba8(dir.Path("out/a.png"), &w, &h, &rgba));
  CHECK(w == 2);
  CHECK(ReadPngRgba8(dir.Path("out/b.png"), &w, &h, &rgba));
  CHECK(w == 227);
}

TEST_CASE("empty and misnamed inputs are errors of the file, exit 1") {
  TempDir dir;
  WriteFile(dir.Path("empty.raw"), {});
  CheckError(RunPixconv({"convert", dir.Path("empty.raw"), "-o", dir.Path("o.png")}),
             dir.Path("empty.raw") + ": empty file");
  CheckError(RunPixconv({"convert", dir.Path("empty.raw"), "--size", "2x2", "-o",
                         dir.Path("o.png")}),
             "empty file");
  CheckError(RunPixconv({"info", dir.Path("empty.raw")}), "empty file");
  CheckError(RunPixconvWithStdin({"convert", "-", "-o", dir.Path("o.png")}, {}),
             "stdin is empty");

  const std::string text = "hello world\n";
  WriteFile(dir.Path("photo.jpg"), std::vector<uint8_t>(text.begin(), text.end()));
  CheckError(RunPixconv({"convert", dir.Path("photo.jpg"), "-o", dir.Path("o.png")}),
             dir.Path("photo.jpg") + ": not a JPEG (starts with 68 65 6C 6C 6F 20 77 6F");
  CHECK_FALSE(FileExists(dir.Path("o.png")));

  // A raw file without --size is still a usage error, and says what the file starts with.
  WriteFile(dir.Path("samples.bin"), {1, 2, 3, 4});
  const RunResult r = RunPixconv({"convert", dir.Path("samples.bin"), "-o", dir.Path("o.png")});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "(it starts with 01 02 03 04)"));
}

TEST_CASE("a file that starts like a JPEG or PNG is decoded, and its damage reported") {
  TempDir dir;
  // SOI, then no marker.
  WriteFile(dir.Path("soi.bin"), {0xFF, 0xD8, 0x00, 0x01, 0x02, 0x03});
  CheckError(RunPixconv({"convert", dir.Path("soi.bin"), "-o", dir.Path("o.png")}),
             dir.Path("soi.bin") + ": damaged JPEG");
  // SOI and APP0, then garbage: the decoder's own message.
  WriteFile(dir.Path("app0.bin"), {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0});
  const RunResult r = RunPixconv({"convert", dir.Path("app0.bin"), "-o", dir.Path("o.png")});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(Contains(r.err, "read as raw samples"));
  // A truncated JPEG.
  std::vector<uint8_t> jpeg = ReadFile(kJpeg);
  jpeg.resize(600);
  WriteFile(dir.Path("cut.jpg"), jpeg);
  CHECK(RunPixconv({"convert", dir.Path("cut.jpg"), "-o", dir.Path("o.png")}).exit_code == 1);
  // A PNG whose signature breaks after "\x89PNG".
  WriteFile(dir.Path("sig.png"), {0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3});
  CheckError(RunPixconv({"convert", dir.Path("sig.png"), "-o", dir.Path("o.png")}),
             "damaged PNG");
  CHECK_FALSE(FileExists(dir.Path("o.png")));
}

TEST_CASE("one bad file in a batch makes the exit status 1, not 2") {
  TempDir dir;
  WriteFile(dir.Path("good.raw"), {0, 64, 128, 255});
  WriteFile(dir.Path("empty.raw"), {});
  WriteFile(dir.Path("nosize.bin"), {1, 2, 3, 4});
  RunResult r = RunPixconv({"convert", dir.Path("good.raw"), dir.Path("empty.raw"), "--size",
                            "2x2", "-o", dir.Path("out/")});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(FileExists(dir.Path("out/good.png")));
  r = RunPixconv({"convert", dir.Path("nosize.bin"), kJpeg, "-o", dir.Path("out2/")});
  CHECK(r.exit_code == 1);
  CHECK(FileExists(dir.Path("out2/testorig.png")));
}

}  // namespace
}  // namespace pixconv::cli_test
