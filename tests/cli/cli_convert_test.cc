// End-to-end conversions through the built pixconv binary: every kind of input to .png and
// .rgba/.raw, checked against values computed by hand from lib/README.md section 3.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

// Accuracy contract (lib/README.md 4): RGBA8 within 1 of the reference, except exact for U8 input
// with range [0, 255] and no transfer change.
void CheckRgba8Near(const std::vector<uint8_t>& got, const std::vector<uint8_t>& want,
                    int tolerance) {
  REQUIRE(got.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(std::abs(int{got[i]} - int{want[i]}) <= tolerance);
  }
}

void CheckConvertOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
}

// 2x2 L/U8: [0 64; 128 255].
const std::vector<uint8_t> kGray = {0, 64, 128, 255};
const std::vector<uint8_t> kGrayRgba = {0,   0,   0,   255, 64,  64,  64,  255,
                                        128, 128, 128, 255, 255, 255, 255, 255};

TEST_CASE("L U8 to .rgba and .png is exact") {
  TempDir dir;
  WriteFile(dir.Path("gray.raw"), kGray);
  CheckConvertOk(RunPixconv({"convert", dir.Path("gray.raw"), "--size", "2x2", "--color-model", "l",
                             "--datatype", "u8", "-o", dir.Path("gray.rgba")}));
  CHECK(ReadFile(dir.Path("gray.rgba")) == kGrayRgba);

  // The defaults are Rerun's (L, U8), so --size alone describes this file.
  CheckConvertOk(
      RunPixconv({"convert", dir.Path("gray.raw"), "--size", "2x2", "-o", dir.Path("gray.png")}));
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  REQUIRE(ReadPngRgba8(dir.Path("gray.png"), &w, &h, &rgba));
  CHECK(w == 2);
  CHECK(h == 2);
  CHECK(rgba == kGrayRgba);
}

TEST_CASE("L U8 to rgbaf32 .raw is linear by default") {
  TempDir dir;
  WriteFile(dir.Path("gray.raw"), kGray);
  CheckConvertOk(RunPixconv({"convert", dir.Path("gray.raw"), "--size", "2x2", "--to", "rgbaf32",
                             "-o", dir.Path("gray.raw.out.raw")}));
  const std::vector<float> got = FloatsFromBytes(ReadFile(dir.Path("gray.raw.out.raw")));
  // sRGB decode of 64/255 and 128/255: ((c + 0.055) / 1.055)^2.4.
  const float linear[4] = {0.0f, 0.0512695f, 0.2158605f, 1.0f};
  REQUIRE(got.size() == 16);
  for (int p = 0; p < 4; ++p) {
    CAPTURE(p);
    // The f32 contract (4e-6) plus the 7-digit rounding of the constants above.
    for (int c = 0; c < 3; ++c) CHECK(std::fabs(got[4 * p + c] - linear[p]) <= 5e-6f);
    CHECK(got[4 * p + 3] == 1.0f);
  }

  // --output-transfer srgb keeps the encoded values: 64/255 exactly as a float.
  CheckConvertOk(RunPixconv({"convert", dir.Path("gray.raw"), "--size", "2x2", "--to", "RGBAF32",
                             "--output-transfer", "srgb", "-o", dir.Path("srgb.raw")}));
  const std::vector<float> encoded = FloatsFromBytes(ReadFile(dir.Path("srgb.raw")));
  REQUIRE(encoded.size() == 16);
  CHECK(std::fabs(encoded[4] - 64.0f / 255.0f) <= 4e-6f);
  CHECK(std::fabs(encoded[8] - 128.0f / 255.0f) <= 4e-6f);
}

// 2x1 BGR/U16: pixel 0 is B=1000 G=2000 R=3000, pixel 1 is B=5000 G=4000 R=1000.
const std::vector<uint8_t> kBgr16 = U16Bytes({1000, 2000, 3000, 5000, 4000, 1000});

TEST_CASE("BGR U16 with the Auto range") {
  TempDir dir;
  WriteFile(dir.Path("bgr.raw"), kBgr16);
  // Auto: finite min/max 1000..5000, so t = (v - 1000) / 4000: R0 0.5, G0 0.25, B0 0; R1 0,
  // G1 0.75, B1 1. floor(t * 255 + 0.5): 128, 64, 0 / 0, 191, 255.
  CheckConvertOk(RunPixconv({"convert", dir.Path("bgr.raw"), "--size", "2x1", "--color-model",
                             "BGR", "--datatype", "U16", "-o", dir.Path("auto.rgba")}));
  CheckRgba8Near(ReadFile(dir.Path("auto.rgba")), {128, 64, 0, 255, 0, 191, 255, 255}, 1);

  // BGRA order on output swaps R and B back.
  CheckConvertOk(
      RunPixconv({"convert", dir.Path("bgr.raw"), "--size", "2x1", "--color-model", "bgr",
                  "--datatype", "u16", "--order", "bgra", "-o", dir.Path("auto_bgra.rgba")}));
  CheckRgba8Near(ReadFile(dir.Path("auto_bgra.rgba")), {0, 64, 128, 255, 255, 191, 0, 255}, 1);

  // Explicit range 0,4000: R0 0.75 -> 191, G0 0.5 -> 128, B0 0.25 -> 64; pixel 1: R 0.25 -> 64,
  // G 1 -> 255, B 1.25 clamps to 1 -> 255.
  CheckConvertOk(
      RunPixconv({"convert", dir.Path("bgr.raw"), "--size", "2x1", "--color-model", "bgr",
                  "--datatype", "u16", "--range", "0,4000", "-o", dir.Path("explicit.png")}));
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  REQUIRE(ReadPngRgba8(dir.Path("explicit.png"), &w, &h, &rgba));
  CHECK(w == 2);
  CHECK(h == 1);
  CheckRgba8Near(rgba, {191, 128, 64, 255, 64, 255, 255, 255}, 1);
}

// 2x1 RGBA/F32: (0.5, 0.25, 1, 0.5) and (NaN, 0, 0.75, 1).
const std::vector<uint8_t> kRgbaF32 = F32Bytes({0.5f, 0.25f, 1.0f, 0.5f, NAN, 0.0f, 0.75f, 1.0f});

TEST_CASE("RGBA F32 to RGBA8, premultiplied, and to linear f32") {
  TempDir dir;
  WriteFile(dir.Path("rgba.f32"), kRgbaF32);
  const std::vector<std::string> input = {
      "convert", dir.Path("rgba.f32"), "--size", "2x1", "--color-model",
      "rgba",    "--datatype",         "f32"};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = input;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  // Finite samples lie in [0, 1], so Auto keeps [0, 1]; NaN becomes 0.
  CheckConvertOk(RunPixconv(with({"-o", dir.Path("straight.rgba")})));
  CheckRgba8Near(ReadFile(dir.Path("straight.rgba")), {128, 64, 255, 128, 0, 0, 191, 255}, 1);

  // Premultiplied: RGB * alpha = 0.25, 0.125, 0.5 -> 64, 32, 128.
  CheckConvertOk(RunPixconv(with({"--premultiply", "-o", dir.Path("premul.rgba")})));
  CheckRgba8Near(ReadFile(dir.Path("premul.rgba")), {64, 32, 128, 128, 0, 0, 191, 255}, 1);

  // RGBA f32 output is linear: sRGB decode of 0.5 and 0.25; alpha is never transferred.
  CheckConvertOk(RunPixconv(with({"--to", "rgbaf32", "-o", dir.Path("linear.rgba")})));
  const std::vector<float> got = FloatsFromBytes(ReadFile(dir.Path("linear.rgba")));
  const float want[8] = {0.2140411f, 0.0508761f, 1.0f, 0.5f, 0.0f, 0.0f, 0.5225216f, 1.0f};
  REQUIRE(got.size() == 8);
  for (int i = 0; i < 8; ++i) {
    CAPTURE(i);
    CHECK(std::fabs(got[i] - want[i]) <= 5e-6f);
  }
}

// 4x2 NV12 (BT.601, limited range). Y rows: 16 235 81 81 / 126 126 81 81; one UV row of two
// pairs: (128, 128) for columns 0-1 and (90, 240) for columns 2-3 (nearest chroma).
const std::vector<uint8_t> kNv12 = {16, 235, 81, 81, 126, 126, 81, 81, 128, 128, 90, 240};
// Y=16 -> black, 235 -> white, 126 -> y = 110/219 -> 128; Y=81 U=90 V=240 -> R = 0.99780,
// G and B below 0 -> (254, 0, 0).
const std::vector<uint8_t> kNv12Rgba = {
    0,   0,   0,   255, 255, 255, 255, 255, 254, 0, 0, 255, 254, 0, 0, 255,  // row 0
    128, 128, 128, 255, 128, 128, 128, 255, 254, 0, 0, 255, 254, 0, 0, 255,  // row 1
};

TEST_CASE("NV12 to .png and .rgba") {
  TempDir dir;
  WriteFile(dir.Path("frame.nv12"), kNv12);
  CheckConvertOk(RunPixconv({"convert", dir.Path("frame.nv12"), "--size", "4x2", "--pixel-format",
                             "nv12", "-o", dir.Path("frame.png")}));
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  REQUIRE(ReadPngRgba8(dir.Path("frame.png"), &w, &h, &rgba));
  CHECK(w == 4);
  CHECK(h == 2);
  CheckRgba8Near(rgba, kNv12Rgba, 1);

  CheckConvertOk(RunPixconv({"convert", dir.Path("frame.nv12"), "--size", "4x2", "--pixel-format",
                             "NV12", "-o", dir.Path("frame.rgba")}));
  CheckRgba8Near(ReadFile(dir.Path("frame.rgba")), kNv12Rgba, 1);
}

TEST_CASE("--target runs each SIMD target that --version lists") {
  const RunResult version = RunPixconv({"--version"});
  REQUIRE(version.exit_code == 0);
  const std::string marker = "best first): ";
  const size_t begin = version.out.find(marker);
  REQUIRE(begin != std::string::npos);
  std::string list = version.out.substr(begin + marker.size());
  list = list.substr(0, list.find('\n'));
  std::vector<std::string> targets;
  for (size_t pos = 0; pos <= list.size();) {
    const size_t comma = std::min(list.find(", ", pos), list.size());
    targets.push_back(list.substr(pos, comma - pos));
    pos = comma + 2;
  }
  REQUIRE_FALSE(targets.empty());

  TempDir dir;
  WriteFile(dir.Path("frame.nv12"), kNv12);
  for (const std::string& target : targets) {
    CAPTURE(target);
    const std::string out = dir.Path(target + ".rgba");
    const RunResult r =
        RunPixconv({"convert", dir.Path("frame.nv12"), "--size", "4x2", "--pixel-format", "nv12",
                    "--target", target, "--verbose", "-o", out});
    CheckConvertOk(r);
    CHECK(Contains(r.out, "simd:      " + target + "\n"));
    CheckRgba8Near(ReadFile(out), kNv12Rgba, 1);
  }
}

TEST_CASE("input row stride") {
  TempDir dir;
  // 2x2 L/U8 with rows 3 bytes apart (one padding byte of 99 that must be skipped).
  WriteFile(dir.Path("strided.raw"), {0, 64, 99, 128, 255});
  CheckConvertOk(RunPixconv({"convert", dir.Path("strided.raw"), "--size", "2x2", "--stride", "3",
                             "-o", dir.Path("out.rgba")}));
  CHECK(ReadFile(dir.Path("out.rgba")) == kGrayRgba);
}

TEST_CASE("--force overwrites, --verbose reports the plan") {
  TempDir dir;
  WriteFile(dir.Path("bgr.raw"), kBgr16);
  WriteFile(dir.Path("out.rgba"), {1, 2, 3});
  const RunResult r =
      RunPixconv({"convert", dir.Path("bgr.raw"), "--size", "2x1", "--color-model", "bgr",
                  "--datatype", "u16", "-o", dir.Path("out.rgba"), "--force", "--verbose"});
  CheckConvertOk(r);
  CHECK(ReadFile(dir.Path("out.rgba")).size() == 8);
  // The output went through a temporary file that the final rename consumed.
  CHECK(dir.List() == std::vector<std::string>{"bgr.raw", "out.rgba"});
  CHECK(Contains(r.out, "BGR/U16 2x1"));
  CHECK(Contains(r.out, "range:     [1000, 5000] (auto)"));
  CHECK(Contains(r.out, "simd:"));
}

TEST_CASE("info on a raw file reports the samples and the Auto range") {
  TempDir dir;
  WriteFile(dir.Path("bgr.raw"), kBgr16);
  const RunResult r = RunPixconv(
      {"info", dir.Path("bgr.raw"), "--size", "2x1", "--color-model", "bgr", "--datatype", "u16"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "format:      BGR/U16 2x1"));
  CHECK(Contains(r.out, "(raw, 12 bytes)"));
  CHECK(Contains(r.out, "finite min 1000, max 5000"));
  CHECK(Contains(r.out, "range:       [1000, 5000]"));
}

TEST_CASE("the bundled quick-start sample is what its name and README say") {
  const RunResult r = RunPixconv({"info", PIXCONV_SAMPLES "/testorig_227x149_bgr_u16.raw", "--size",
                                  "227x149", "--color-model", "bgr", "--datatype", "u16"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());  // exactly the size the name promises: no "bytes are ignored" warning
  CHECK(Contains(r.out, "finite min 481, max 4081"));
  CHECK(Contains(r.out, "range:       [481, 4081]"));
}

TEST_CASE("help and version") {
  RunResult r = RunPixconv({"--help"});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.out, "pixconv convert IN -o OUT"));
  r = RunPixconv({"convert", "--help"});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.out, "Examples:"));
  CHECK(Contains(r.out, "--pixel-format nv12"));
  r = RunPixconv({"info", "-h"});
  CHECK(r.exit_code == 0);
  CHECK(Contains(r.out, "Usage: pixconv info FILE"));
  r = RunPixconv({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("pixconv ", 0) == 0);
  CHECK(Contains(r.out, "runtime dispatch picks:"));
}

}  // namespace
}  // namespace pixconv::cli_test
