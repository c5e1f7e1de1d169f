// Doing what the user means: options that do not apply are errors or warnings, names from
// ffmpeg and NumPy work, typos get "did you mean", JPEG output, EXIF orientation, the pixel
// limit, a progress bar that fits the terminal, info on several files, and a man page that
// lists every option.
#include <doctest/doctest.h>

#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

const std::string kJpeg = PIXCONV_TESTDATA "/libjpeg-turbo/testorig.jpg";  // 227x149
const std::vector<uint8_t> kGray = {0, 64, 128, 255};                      // 2x2 L/U8

void CheckOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

void CheckUsageError(const RunResult& r, const std::string& message) {
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("pixconv: usage error: ", 0) == 0);
  CHECK(Contains(r.err, message));
}

TEST_CASE("options that cannot apply are usage errors") {
  TempDir dir;
  const std::string in = dir.Path("in.raw");
  WriteFile(in, kGray);
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--premultiply", "-o",
                              dir.Path("o.png")}),
                  "a PNG stores straight (not premultiplied) alpha");
  CheckOk(RunPixconv({"convert", in, "--size", "2x2", "--premultiply", "-o", dir.Path("o.rgba")}));
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--no-clamp", "-o", dir.Path("c.png")}),
                  "--no-clamp keeps values outside [0, 1], which only float output holds, and "
                  "this output is PNG");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--no-clamp", "-o", dir.Path("c.rgba")}),
                  "this output is raw RGBA8");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--no-clamp", "--colormap", "turbo",
                              "-o", dir.Path("c.pfm")}),
                  "--no-clamp does not apply to --colormap");
  TempDir floats;
  CheckOk(RunPixconv({"convert", in, "--size", "2x2", "--no-clamp", "--to", "rgbaf32", "-o",
                      floats.Path("c.rgba")}));
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--output-format", "pfm", "-o",
                              dir.Path("y.png")}),
                  "--output-format asks for PFM, but -o " + dir.Path("y.png") + " names a PNG");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "-o", dir.Path("a.png"), "-o",
                              dir.Path("b.png")}),
                  "--output is given more than once");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--stride", "4,2,2", "-o",
                              dir.Path("s.png")}),
                  "--stride gives 3 values, but L/U8 2x2 has 1 plane");
  CheckUsageError(RunPixconv({"convert", in, "--size", "2x2", "--quality", "80", "-o",
                              dir.Path("q.png")}),
                  "--quality applies to JPEG output only");
  CHECK(dir.List() == std::vector<std::string>{"in.raw", "o.rgba"});
}

TEST_CASE("options that do not apply to an input are named in a warning") {
  TempDir dir;
  RunResult r = RunPixconv({"convert", kJpeg, "--matrix", "bt709", "--chroma", "bilinear", "-o",
                            dir.Path("j.png")});
  CheckOk(r);
  CHECK(Contains(r.err, "pixconv: warning: " + kJpeg));
  CHECK(Contains(r.err, "is not YUV, so --matrix, --chroma are ignored for it"));
  WriteFile(dir.Path("f.nv12"), std::vector<uint8_t>(12, 128));
  r = RunPixconv({"convert", dir.Path("f.nv12"), "--size", "4x2", "--pixel-format", "nv12",
                  "--range", "0,100", "-o", dir.Path("n.png")});
  CheckOk(r);
  CHECK(Contains(r.err, "is YUV, so --range is ignored for it"));
}

TEST_CASE("ffmpeg and NumPy names, and did-you-mean for values and commands") {
  TempDir dir;
  WriteFile(dir.Path("f.yuv"), std::vector<uint8_t>(12, 128));  // I420 4x2: 8 + 2 + 2
  CheckOk(RunPixconv({"convert", dir.Path("f.yuv"), "--size", "4x2", "--pixel-format", "yuv420p",
                      "-o", dir.Path("a.png")}));
  WriteFile(dir.Path("d.raw"), U16Bytes({0, 100, 200, 300}));
  CheckOk(RunPixconv({"convert", dir.Path("d.raw"), "--size", "2x2", "--color-model", "gray",
                      "--datatype", "uint16", "-o", dir.Path("b.png")}));

  CheckUsageError(RunPixconv({"convert", dir.Path("d.raw"), "--size", "2x2", "--colormap",
                              "viridus", "-o", dir.Path("c.png")}),
                  "hint: did you mean Viridis?");
  CheckUsageError(RunPixconv({"convert", dir.Path("f.yuv"), "--size", "4x2", "--pixel-format",
                              "nv21", "-o", dir.Path("c.png")}),
                  "did you mean NV12?");
  CheckUsageError(RunPixconv({"convret", dir.Path("f.yuv")}), "did you mean convert?");
}

TEST_CASE("-o naming an existing directory takes one input too; short options combine") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), kGray);
  std::filesystem::create_directory(dir.Path("out"));
  CheckOk(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-o", dir.Path("out")}));
  CHECK(FileExists(dir.Path("out/in.png")));
  // -fq: --force and --quiet; -j2: --jobs 2; -o with its value attached.
  CheckOk(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-fq", "-j2",
                      "-o" + dir.Path("out/")}));
  CheckUsageError(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-fj2", "-o",
                              dir.Path("x.png")}),
                  "-j takes a value, so it cannot follow other flags in '-fj2'");
  CheckUsageError(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "-fz", "-o",
                              dir.Path("x.png")}),
                  "unknown option '-z' in '-fz'");
}

TEST_CASE("JPEG output with --quality") {
  TempDir dir;
  CheckOk(RunPixconv({"convert", kJpeg, "-o", dir.Path("q95.jpg"), "--quality", "95"}));
  CheckOk(RunPixconv({"convert", kJpeg, "-o", dir.Path("q20.JPEG"), "--quality", "20"}));
  const std::vector<uint8_t> q95 = ReadFile(dir.Path("q95.jpg"));
  REQUIRE(q95.size() > 3);
  CHECK((q95[0] == 0xFF && q95[1] == 0xD8 && q95[2] == 0xFF));
  CHECK(ReadFile(dir.Path("q20.JPEG")).size() < q95.size());
  const RunResult info = RunPixconv({"info", dir.Path("q95.jpg")});
  CheckOk(info);
  CHECK(Contains(info.out, "format:      RGB/U8 227x149"));
  // Transparency cannot be kept: a warning says so.
  WriteFile(dir.Path("rgba.raw"), std::vector<uint8_t>(16, 100));
  const RunResult t = RunPixconv({"convert", dir.Path("rgba.raw"), "--size", "2x2",
                                  "--color-model", "rgba", "-o", dir.Path("t.jpg")});
  CheckOk(t);
  CHECK(Contains(t.err, "JPEG has no alpha channel; the image's transparency is dropped"));
  CheckUsageError(RunPixconv({"convert", kJpeg, "--to", "rgbaf32", "-o", dir.Path("f.jpg")}),
                  "a JPEG holds 8-bit samples");
}

// testorig.jpg with an EXIF block (APP1, little-endian TIFF) whose Orientation is `value`.
std::vector<uint8_t> JpegWithOrientation(uint8_t value) {
  const std::vector<uint8_t> jpeg = ReadFile(kJpeg);
  const std::vector<uint8_t> app1 = {
      0xFF, 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0,  // marker, length 34, EXIF header
      'I', 'I', 42, 0, 8, 0, 0, 0,                  // TIFF header, IFD0 at 8
      1, 0,                                         // one entry
      0x12, 0x01, 3, 0, 1, 0, 0, 0, value, 0, 0, 0,  // Orientation, SHORT, 1 value
      0, 0, 0, 0};                                  // no next IFD
  std::vector<uint8_t> out(jpeg.begin(), jpeg.begin() + 2);
  out.insert(out.end(), app1.begin(), app1.end());
  out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
  return out;
}

TEST_CASE("EXIF orientation: reported by info, applied by --auto-orient") {
  TempDir dir;
  WriteFile(dir.Path("cam.jpg"), JpegWithOrientation(6));
  RunResult r = RunPixconv({"info", dir.Path("cam.jpg")});
  CheckOk(r);
  CHECK(Contains(r.out, "orientation: 6 (turn 90 clockwise to display)"));
  CHECK(Contains(RunPixconv({"info", dir.Path("cam.jpg"), "--json"}).out, "\"orientation\": 6"));

  CheckOk(RunPixconv({"convert", dir.Path("cam.jpg"), "-o", dir.Path("stored.png")}));
  CheckOk(RunPixconv({"convert", dir.Path("cam.jpg"), "--auto-orient", "-o",
                      dir.Path("upright.png")}));
  uint32_t sw = 0, sh = 0, uw = 0, uh = 0;
  std::vector<uint8_t> stored, upright;
  REQUIRE(ReadPngRgba8(dir.Path("stored.png"), &sw, &sh, &stored));
  REQUIRE(ReadPngRgba8(dir.Path("upright.png"), &uw, &uh, &upright));
  CHECK(sw == 227);
  CHECK(sh == 149);
  REQUIRE(uw == sh);
  REQUIRE(uh == sw);
  // Turned 90 clockwise: upright (x, y) shows stored (y, h - 1 - x).
  for (uint32_t y = 0; y < uh; y += 37) {
    for (uint32_t x = 0; x < uw; x += 23) {
      CAPTURE(x);
      CAPTURE(y);
      const size_t u = (size_t{y} * uw + x) * 4, s = (size_t{sh - 1 - x} * sw + y) * 4;
      CHECK(std::vector<uint8_t>(upright.begin() + u, upright.begin() + u + 4) ==
            std::vector<uint8_t>(stored.begin() + s, stored.begin() + s + 4));
    }
  }
}

TEST_CASE("--max-pixels raises or lowers the decompression-bomb guard, and is named") {
  TempDir dir;
  const RunResult r = RunPixconv({"convert", kJpeg, "--max-pixels", "1000", "-o",
                                  dir.Path("o.png")});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "raise it with --max-pixels"));
  CHECK_FALSE(Contains(r.err, "DecodeOptions"));
  CheckOk(RunPixconv({"convert", kJpeg, "--max-pixels", "33823", "-o", dir.Path("o.png")}));
}

TEST_CASE("info: several files like identify, and a damaged JPEG's header") {
  TempDir dir;
  std::vector<uint8_t> jpeg = ReadFile(kJpeg);
  jpeg.resize(jpeg.size() / 2);
  WriteFile(dir.Path("cut.jpg"), jpeg);
  WriteFile(dir.Path("g.raw"), kGray);
  RunResult r = RunPixconv({"info", dir.Path("cut.jpg")});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.out, "size:        227x149"));
  CHECK(Contains(r.out, "damaged"));
  CHECK(Contains(r.err, "pixconv: error: " + dir.Path("cut.jpg")));

  r = RunPixconv({"info", kJpeg, dir.Path("g.raw"), "--size", "2x2"});
  CheckOk(r);
  CHECK(Contains(r.out, "file:        " + kJpeg + " (JPEG"));
  CHECK(Contains(r.out, "\n\nfile:        " + dir.Path("g.raw") + " (raw"));
  r = RunPixconv({"info", kJpeg, dir.Path("g.raw"), "--size", "2x2", "--json"});
  CheckOk(r);
  CHECK(r.out.rfind("[\n{", 0) == 0);
  CHECK(Contains(r.out, "},\n{"));
}

TEST_CASE("the progress bar fits the terminal") {
  TempDir dir;
  std::vector<std::string> args = {"convert"};
  for (const char* name : {"a", "b", "c"}) {
    WriteFile(dir.Path(std::string(name) + ".raw"), kGray);
    args.push_back(dir.Path(std::string(name) + ".raw"));
  }
  for (const char* a : {"--size", "2x2", "--progress", "-j1", "-o"}) args.push_back(a);
  for (const int columns : {40, 20, 10}) {
    CAPTURE(columns);
    std::vector<std::string> run = args;
    run.push_back(dir.Path("out" + std::to_string(columns) + "/"));
    const RunResult r = RunPixconvWithEnv(run, {"COLUMNS=" + std::to_string(columns)});
    CheckOk(r);
    CHECK(Contains(r.err, "files"));
    // Each redraw starts with \r; the summary line after the bar is not part of it.
    std::string bar_part = r.err.substr(0, r.err.find("converted "));
    std::stringstream redraws(bar_part);
    std::string redraw;
    while (std::getline(redraws, redraw, '\r')) {
      const std::string shown = redraw.substr(0, redraw.find("\x1b[K"));
      CHECK(shown.size() < static_cast<size_t>(columns));
    }
  }
}

// Every long option of every command's --help, in the order they appear.
std::set<std::string> HelpOptions() {
  std::set<std::string> options;
  const std::regex option("--[a-z][a-z0-9-]+");
  for (const char* command : {"convert", "info", "formats", "bench"}) {
    const std::string help = RunPixconv({command, "--help"}).out;
    for (auto it = std::sregex_iterator(help.begin(), help.end(), option);
         it != std::sregex_iterator(); ++it) {
      options.insert(it->str());
    }
  }
  return options;
}

TEST_CASE("the man page lists every option of --help") {
  const std::vector<uint8_t> page = ReadFile(PIXCONV_SOURCE_DIR "/tools/pixconv/pixconv.1");
  REQUIRE(!page.empty());
  // roff writes a minus as \-.
  std::string text;
  for (size_t i = 0; i < page.size(); ++i) {
    if (page[i] == '\\' && i + 1 < page.size() && page[i + 1] == '-') continue;
    text += static_cast<char>(page[i]);
  }
  const std::set<std::string> options = HelpOptions();
  CHECK(options.size() > 30);
  for (const std::string& o : options) {
    CAPTURE(o);
    CHECK(Contains(text, o));
  }
}

}  // namespace
}  // namespace pixconv::cli_test
