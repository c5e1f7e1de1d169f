// End-to-end depth and segmentation through the built pixconv binary: --depth, --colormap,
// --segmentation and --class-colors, with golden images (tests/cli/golden/, checked by eye
// when they were made, and by hand-computed pixels here) and the errors of these options.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "pixconv/convert.h"

namespace pixconv::cli_test {
namespace {

constexpr uint32_t kW = 64, kH = 48;

// A depth map in millimetres: a ramp left to right with a ripple down the rows, and a 4x4
// hole (0, no measurement) in the top-left corner.
std::vector<uint16_t> DepthSamples() {
  std::vector<uint16_t> d(kW * kH);
  for (uint32_t y = 0; y < kH; ++y) {
    for (uint32_t x = 0; x < kW; ++x) {
      d[y * kW + x] = (x < 4 && y < 4) ? 0 : static_cast<uint16_t>(500 + 60 * x + (y * 37) % 400);
    }
  }
  return d;
}

// A mask: background 0, a disc of class 1, a rectangle of class 2, a band of class 7 (which
// the class file does not list: automatic color).
std::vector<uint8_t> MaskSamples() {
  std::vector<uint8_t> m(kW * kH);
  for (int y = 0; y < static_cast<int>(kH); ++y) {
    for (int x = 0; x < static_cast<int>(kW); ++x) {
      uint8_t id = 0;
      if ((x - 16) * (x - 16) + (y - 24) * (y - 24) < 100) {
        id = 1;
      } else if (x >= 36 && x < 56 && y >= 10 && y < 30) {
        id = 2;
      } else if (y >= 40) {
        id = 7;
      }
      m[y * kW + x] = id;
    }
  }
  return m;
}

const char* kClassFile = "# background, then two classes\n0 0 0 0 0\n1 255 0 0\n2 0 128 255 200  # blue\n";

std::string Golden(const std::string& name) {
  return std::string(PIXCONV_SOURCE_DIR) + "/tests/cli/golden/" + name;
}

std::vector<uint8_t> ConvertToPng(const std::vector<std::string>& args, const TempDir& dir) {
  std::vector<std::string> all = args;
  all.insert(all.end(), {"-o", dir.Path("out.png")});
  const RunResult r = RunPixconv(all);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> rgba;
  REQUIRE(ReadPngRgba8(dir.Path("out.png"), &w, &h, &rgba));
  REQUIRE(w == kW);
  REQUIRE(h == kH);
  return rgba;
}

// Within 1 of the golden image (lib/README.md 4 allows SIMD targets to differ by one step).
void CheckNearGolden(const std::vector<uint8_t>& got, const std::string& golden) {
  uint32_t w = 0, h = 0;
  std::vector<uint8_t> want;
  REQUIRE(ReadPngRgba8(Golden(golden), &w, &h, &want));
  REQUIRE(got.size() == want.size());
  int bad = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    if (std::abs(int{got[i]} - int{want[i]}) > 1 && bad++ < 5) {
      FAIL_CHECK(golden << " byte " << i << ": got " << int{got[i]} << ", want " << int{want[i]});
    }
  }
}

TEST_CASE("--depth: range depth and Turbo, against the golden image") {
  TempDir dir;
  WriteFile(dir.Path("depth.raw"), U16Bytes(DepthSamples()));
  const std::vector<uint8_t> rgba =
      ConvertToPng({"convert", dir.Path("depth.raw"), "--size", "64x48", "--datatype", "u16", "--depth"}, dir);
  CheckNearGolden(rgba, "depth_u16_turbo_64x48.png");
  // The hole is t = 0: Turbo's constant terms 0.13572138, 0.09140261, 0.10667330 -> 35, 23, 27.
  CHECK(std::abs(rgba[0] - 35) <= 1);
  CHECK(std::abs(rgba[1] - 23) <= 1);
  CHECK(std::abs(rgba[2] - 27) <= 1);
  CHECK(rgba[3] == 255);
  // The same depths as F32 metres-like floats give the same picture.
  std::vector<float> f;
  for (uint16_t v : DepthSamples()) f.push_back(static_cast<float>(v));
  WriteFile(dir.Path("depth_f32.raw"), F32Bytes(f));
  CheckNearGolden(ConvertToPng({"convert", dir.Path("depth_f32.raw"), "--size", "64x48", "--datatype",
                                "f32", "--depth", "-f"},
                               dir),
                  "depth_u16_turbo_64x48.png");
}

TEST_CASE("--depth defers to --range and --colormap") {
  TempDir dir;
  WriteFile(dir.Path("depth.raw"), U16Bytes(DepthSamples()));
  const RunResult r = RunPixconv({"convert", dir.Path("depth.raw"), "--size", "64x48", "--datatype",
                                  "u16", "--depth", "--range", "0,1000", "--colormap", "Viridis",
                                  "-v", "-o", dir.Path("d.png")});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(Contains(r.out, "range:     [0, 1000]"));
  CHECK(Contains(r.out, "colormap:  Viridis"));
  const RunResult d = RunPixconv({"convert", dir.Path("depth.raw"), "--size", "64x48", "--datatype",
                                  "u16", "--depth", "-v", "-o", dir.Path("e.png")});
  CHECK(Contains(d.out, "(depth)"));
  CHECK(Contains(d.out, "colormap:  Turbo"));
}

TEST_CASE("--segmentation with --class-colors, against the golden image") {
  TempDir dir;
  WriteFile(dir.Path("mask.raw"), MaskSamples());
  const std::string classes(kClassFile);
  WriteFile(dir.Path("classes.txt"), std::vector<uint8_t>(classes.begin(), classes.end()));
  const std::vector<uint8_t> rgba = ConvertToPng(
      {"convert", dir.Path("mask.raw"), "--size", "64x48", "--segmentation", "--class-colors",
       dir.Path("classes.txt")},
      dir);
  CheckNearGolden(rgba, "mask_u8_classes_64x48.png");
  // Table colors are exact; class 7 gets Rerun's automatic color.
  auto pixel = [&](uint32_t x, uint32_t y) {
    const uint8_t* p = &rgba[(y * kW + x) * 4];
    return std::vector<uint8_t>(p, p + 4);
  };
  CHECK(pixel(0, 0) == std::vector<uint8_t>{0, 0, 0, 0});
  CHECK(pixel(16, 24) == std::vector<uint8_t>{255, 0, 0, 255});
  CHECK(pixel(40, 20) == std::vector<uint8_t>{0, 128, 255, 200});
  uint8_t auto7[4];
  AutoClassColor(7, auto7);
  const std::vector<uint8_t> band = pixel(5, 45);
  for (int c = 0; c < 4; ++c) CHECK(std::abs(band[c] - auto7[c]) <= 1);
}

TEST_CASE("class-color file and option errors") {
  TempDir dir;
  WriteFile(dir.Path("mask.raw"), MaskSamples());
  auto run_with = [&](const std::string& text) {
    WriteFile(dir.Path("c.txt"), std::vector<uint8_t>(text.begin(), text.end()));
    return RunPixconv({"convert", dir.Path("mask.raw"), "--size", "64x48", "--segmentation",
                       "--class-colors", dir.Path("c.txt"), "-f", "-o", dir.Path("m.png")});
  };
  RunResult r = run_with("0 1 2 3\n1 4 5\n");
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "c.txt:2: expected 'id r g b [a]'"));
  r = run_with("70000 1 2 3\n");
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "not an integer in 0..65535"));
  r = run_with("1 1 256 3\n");
  CHECK(Contains(r.err, "c.txt:1: color value '256'"));
  r = run_with("1 1 2 3\n# again\n1 1 2 3\n");
  CHECK(Contains(r.err, "c.txt:3: class id 1 is listed twice"));
  r = run_with("# nothing\n");
  CHECK(Contains(r.err, "no class colors"));
  CHECK_FALSE(FileExists(dir.Path("m.png")));

  // Usage errors (exit status 2).
  const std::vector<std::string> base = {"convert", dir.Path("mask.raw"), "--size", "64x48", "-o",
                                         dir.Path("u.png")};
  auto usage = [&](std::vector<std::string> extra, const std::string& message) {
    std::vector<std::string> args = base;
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult u = RunPixconv(args);
    CHECK(u.exit_code == 2);
    CHECK(Contains(u.err, message));
  };
  usage({"--colormap", "jet"}, "--colormap");
  usage({"--segmentation", "--depth"}, "--segmentation excludes --depth and --colormap");
  usage({"--segmentation", "--colormap", "turbo"}, "--segmentation excludes");
  usage({"--class-colors", dir.Path("c.txt")}, "--class-colors needs --segmentation");

  // A colormap needs one channel.
  WriteFile(dir.Path("rgb.raw"), std::vector<uint8_t>(12, 7));
  r = RunPixconv({"convert", dir.Path("rgb.raw"), "--size", "2x2", "--color-model", "rgb",
                  "--colormap", "turbo", "-o", dir.Path("rgb.png")});
  CHECK(r.exit_code == 1);
  CHECK(Contains(r.err, "needs an L image"));
}

}  // namespace
}  // namespace pixconv::cli_test
