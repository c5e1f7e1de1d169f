// info (per channel, --json), formats and bench through the built binary, and the help of
// every command.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

void CheckOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE("info reports each channel, in text and JSON") {
  TempDir dir;
  // 2x1 BGR/U16: B 1000, 5000; G 2000, 4000; R 3000, 1000.
  WriteFile(dir.Path("bgr.raw"), U16Bytes({1000, 2000, 3000, 5000, 4000, 1000}));
  const std::vector<std::string> args = {
      "info", dir.Path("bgr.raw"), "--size", "2x1", "--color-model", "bgr", "--datatype", "u16"};
  RunResult r = RunPixconv(args);
  CheckOk(r);
  CHECK(Contains(r.out, "channel B:   finite min 1000, max 5000\n"));
  CHECK(Contains(r.out, "channel G:   finite min 2000, max 4000\n"));
  CHECK(Contains(r.out, "channel R:   finite min 1000, max 3000\n"));
  CHECK(Contains(r.out, "image bytes: 12 (what the format needs)\n"));

  std::vector<std::string> json_args = args;
  json_args.push_back("--json");
  r = RunPixconv(json_args);
  CheckOk(r);
  CHECK(r.out ==
        "{\n"
        "  \"file\": \"" +
            dir.Path("bgr.raw") +
            "\",\n"
            "  \"kind\": \"raw\",\n"
            "  \"file_bytes\": 12,\n"
            "  \"image_bytes\": 12,\n"
            "  \"width\": 2,\n"
            "  \"height\": 1,\n"
            "  \"color_model\": \"BGR\",\n"
            "  \"datatype\": \"U16\",\n"
            "  \"channels\": [{\"name\": \"B\", \"finite\": {\"min\": 1000, \"max\": 5000}}, "
            "{\"name\": \"G\", \"finite\": {\"min\": 2000, \"max\": 4000}}, "
            "{\"name\": \"R\", \"finite\": {\"min\": 1000, \"max\": 3000}}],\n"
            "  \"finite\": {\"min\": 1000, \"max\": 5000},\n"
            "  \"range\": {\"mode\": \"auto\", \"lo\": 1000, \"hi\": 5000}\n"
            "}\n");
}

TEST_CASE("info on NV12, YUY2 and float data with NaN") {
  TempDir dir;
  // NV12 4x2: Y 16..235, one UV row (90, 240), (128, 128).
  WriteFile(dir.Path("f.nv12"), {16, 235, 81, 81, 126, 126, 81, 81, 90, 240, 128, 128});
  RunResult r = RunPixconv({"info", dir.Path("f.nv12"), "--size", "4x2", "--pixel-format", "nv12"});
  CheckOk(r);
  CHECK(Contains(r.out, "format:      NV12 4x2\n"));
  CHECK(Contains(r.out, "yuv:         BT.601, limited range by default\n"));
  CHECK(Contains(r.out, "channel Y:   finite min 16, max 235\n"));
  CHECK(Contains(r.out, "channel U:   finite min 90, max 128\n"));
  CHECK(Contains(r.out, "channel V:   finite min 128, max 240\n"));

  // YUY2 2x1: Y0 U Y1 V.
  WriteFile(dir.Path("f.yuy2"), {50, 60, 70, 80});
  r = RunPixconv({"info", dir.Path("f.yuy2"), "--size", "2x1", "--pixel-format", "yuy2", "--json"});
  CheckOk(r);
  CHECK(Contains(r.out, "\"pixel_format\": \"YUY2\""));
  CHECK(Contains(r.out,
                 "{\"name\": \"Y\", \"finite\": {\"min\": 50, \"max\": 70}}, "
                 "{\"name\": \"U\", \"finite\": {\"min\": 60, \"max\": 60}}, "
                 "{\"name\": \"V\", \"finite\": {\"min\": 80, \"max\": 80}}"));

  // L/F32 whose samples are all NaN: no finite sample, JSON null.
  WriteFile(dir.Path("nan.raw"), F32Bytes({NAN, NAN}));
  r = RunPixconv({"info", dir.Path("nan.raw"), "--size", "2x1", "--datatype", "f32", "--json"});
  CheckOk(r);
  CHECK(Contains(r.out, "[{\"name\": \"L\", \"finite\": null}]"));
}

TEST_CASE("info decodes PNG and JPEG for their statistics") {
  TempDir dir;
  WriteFile(dir.Path("in.raw"), {0, 64, 128, 255, 10, 20, 30, 40});
  CheckOk(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x1", "--color-model", "rgba", "-o",
                      dir.Path("image.png")}));
  const RunResult r = RunPixconv({"info", dir.Path("image.png")});
  CheckOk(r);
  CHECK(Contains(r.out, "channel R:   finite min 0, max 10\n"));
  CHECK(Contains(r.out, "channel A:   finite min 40, max 255\n"));
  CHECK(Contains(r.out, "image bytes: 8 (decoded)\n"));
  CHECK(Contains(r.out, "range:       [0, 255] (what --range auto picks)\n"));
}

TEST_CASE("formats lists every format with its number, bytes and SIMD target") {
  const RunResult r = RunPixconv({"formats", "--size", "4x2"});
  CheckOk(r);
  // NV12 at 4x2: 8 + 4 bytes; I444 3wh = 24; RGBA/F64 4*8*8 = 256.
  CHECK(Contains(r.out, "  NV12                      26          12  BT.601  limited  "));
  CHECK(Contains(r.out, "  Y_U_V24_FullRange         40          24  BT.709  full     "));
  CHECK(Contains(r.out, "  BGRA       5        4\n"));
  CHECK(Contains(r.out, "  F64     35   64          64         192         256  "));
  CHECK(Contains(r.out, "This CPU and build: "));
}

TEST_CASE("bench prints a throughput table next to memcpy") {
  RunResult r = RunPixconv({"bench", "--size", "64x32", "--filter", "^nv12 -> rgba8$"});
  CheckOk(r);
  CHECK(Contains(r.out, "pixconv bench: 64x32, one thread"));
  CHECK(Contains(r.out, "  memcpy (RGBA8 output size) "));
  CHECK(Contains(r.out, "  NV12 -> rgba8 ["));
  CHECK_FALSE(Contains(r.out, "rgbaf32"));

  r = RunPixconv({"bench", "--filter", "("});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "pixconv: usage error: bad --filter '('"));
  r = RunPixconv({"bench", "--size", "8x8", "--filter", "no-such-row"});
  CHECK(r.exit_code == 2);
  CHECK(Contains(r.err, "no conversion matches --filter 'no-such-row'"));
}

TEST_CASE("every command has help with examples") {
  for (const char* command : {"convert", "info", "formats", "bench"}) {
    CAPTURE(command);
    RunResult r = RunPixconv({command, "--help"});
    CheckOk(r);
    CHECK(r.out.rfind(std::string("Usage: pixconv ") + command, 0) == 0);
    CHECK(Contains(r.out, "Example"));
    CHECK(RunPixconv({"help", command}).out == r.out);
  }
  const RunResult r = RunPixconv({"--help"});
  CheckOk(r);
  for (const char* line : {"pixconv convert IN... -o DIR/", "pixconv formats", "pixconv bench"}) {
    CHECK(Contains(r.out, line));
  }
}

}  // namespace
}  // namespace pixconv::cli_test
