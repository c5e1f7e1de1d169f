// The CLI's PNG writer (tools/pixconv/png_writer.cc): the fewest channels that keep every
// pixel, --png-level, the datatype range for 16-bit PNG input, and write errors that name
// their cause.
#include <doctest/doctest.h>
#include <png.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli_harness.h"

namespace pixconv::cli_test {
namespace {

// The IHDR color type byte of a PNG file.
int ColorType(const std::vector<uint8_t>& png) { return png.size() > 25 ? png[25] : -1; }

// CliCommand() as a shell command prefix, each word quoted.
std::string Pixconv() {
  std::string command;
  for (const std::string& word : CliCommand()) command += (command.empty() ? "'" : " '") + word + "'";
  return command;
}

// A 16-bit RGB PNG (libpng's simplified API), samples given in native order.
void Write16BitRgb(const std::string& path, uint32_t width, uint32_t height,
                   const std::vector<uint16_t>& rgb) {
  png_image image;
  std::memset(&image, 0, sizeof(image));
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_LINEAR_RGB;
  REQUIRE(png_image_write_to_file(&image, path.c_str(), 0, rgb.data(), 0, nullptr));
}

TEST_CASE("PNG output: opaque RGB input is written as RGB, gray as gray, alpha kept") {
  TempDir dir;
  struct Case {
    std::vector<uint8_t> rgba;
    int color_type;
  };
  const Case cases[] = {
      {{10, 20, 30, 255, 40, 50, 60, 255, 70, 80, 90, 255, 1, 2, 3, 255}, 2},
      {{10, 10, 10, 255, 50, 50, 50, 255, 90, 90, 90, 255, 0, 0, 0, 255}, 0},
      {{10, 10, 10, 255, 50, 50, 50, 128, 90, 90, 90, 255, 0, 0, 0, 0}, 4},
      {{10, 20, 30, 255, 40, 50, 60, 0, 70, 80, 90, 255, 1, 2, 3, 7}, 6},
  };
  for (const Case& c : cases) {
    CAPTURE(c.color_type);
    WriteFile(dir.Path("in.rgba"), c.rgba);
    const RunResult r = RunPixconv({"convert", dir.Path("in.rgba"), "--size", "2x2",
                                    "--color-model", "rgba", "--datatype", "u8", "-o",
                                    dir.Path("out.png"), "-f"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(ColorType(ReadFile(dir.Path("out.png"))) == c.color_type);
    uint32_t width = 0, height = 0;
    std::vector<uint8_t> back;
    REQUIRE(ReadPngRgba8(dir.Path("out.png"), &width, &height, &back));
    CHECK(back == c.rgba);  // the same pixels read back, whatever the channels
  }
}

TEST_CASE("--png-level trades size for speed, never the pixels") {
  TempDir dir;
  const std::string jpeg = std::string(PIXCONV_TESTDATA) + "/libjpeg-turbo/testorig.jpg";
  std::vector<std::vector<uint8_t>> pixels;
  std::vector<size_t> sizes;
  for (const char* level : {"0", "1", "4", "12"}) {
    CAPTURE(level);
    const RunResult r = RunPixconv({"convert", jpeg, "-o", dir.Path("out.png"), "-f",
                                    "--png-level", level});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    sizes.push_back(ReadFile(dir.Path("out.png")).size());
    uint32_t width = 0, height = 0;
    pixels.emplace_back();
    REQUIRE(ReadPngRgba8(dir.Path("out.png"), &width, &height, &pixels.back()));
    CHECK(pixels.back() == pixels.front());
  }
  CHECK(sizes[0] > sizes[1]);
  CHECK(sizes[1] > sizes[3]);
  const RunResult bad = RunPixconv({"convert", jpeg, "-o", dir.Path("x.png"), "--png-level", "13"});
  CHECK(bad.exit_code == 2);
  CHECK(Contains(bad.err, "--png-level"));
}

// The SIMD targets `pixconv --version` lists, as --target takes them.
std::vector<std::string> Targets() {
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
  return targets;
}

TEST_CASE("PNG output: every SIMD target's filters write the same pixels") {
  TempDir dir;
  const std::string jpeg = std::string(PIXCONV_TESTDATA) + "/libjpeg-turbo/testorig.jpg";
  REQUIRE(RunPixconv({"convert", jpeg, "-o", dir.Path("expected.rgba")}).exit_code == 0);
  const std::vector<uint8_t> expected = ReadFile(dir.Path("expected.rgba"));
  for (const std::string& target : Targets()) {
    CAPTURE(target);
    const std::string out = dir.Path(target + ".png");
    const RunResult r = RunPixconv({"convert", jpeg, "--target", target, "-o", out});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    uint32_t width = 0, height = 0;
    std::vector<uint8_t> back;
    REQUIRE(ReadPngRgba8(out, &width, &height, &back));
    CHECK(back == expected);
  }
}

TEST_CASE("a 16-bit PNG converts to 8 bits by its datatype's range by default") {
  TempDir dir;
  // A narrow range of values: --range auto would stretch them to 0..255.
  const std::vector<uint16_t> rgb = {20000, 30000, 40000, 20128, 20129, 65535,
                                     25000, 25700, 32767, 32896, 257,   40000};
  Write16BitRgb(dir.Path("in16.png"), 2, 2, rgb);
  RunResult r = RunPixconv({"convert", dir.Path("in16.png"), "-o", dir.Path("out.png")});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> rgba;
  REQUIRE(ReadPngRgba8(dir.Path("out.png"), &width, &height, &rgba));
  for (size_t i = 0; i < 4; ++i) {
    for (size_t c = 0; c < 3; ++c) {
      CAPTURE(rgb[i * 3 + c]);
      // The nearest of v / 257 = v * 255 / 65535 (lib/README.md 3: round to nearest), as
      // ImageMagick's HDRI builds give it (the next test).
      CHECK(rgba[i * 4 + c] == (rgb[i * 3 + c] + 128) / 257);
    }
  }
  // --range auto still stretches the image's own min..max.
  r = RunPixconv({"convert", dir.Path("in16.png"), "-o", dir.Path("auto.png"), "--range", "auto"});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  REQUIRE(ReadPngRgba8(dir.Path("auto.png"), &width, &height, &rgba));
  CHECK(rgba[4 * 3 + 1] == 0);    // 257, the minimum, maps to 0
  CHECK(rgba[4 * 1 + 2] == 255);  // 65535, the maximum
  CHECK(rgba[0] != (20000 + 128) / 257);
}

TEST_CASE("a 16-bit RGB PNG converts by default to ImageMagick's -depth 8 pixels") {
  // all16_rgb.png holds every 16-bit value; the other file is what `convert all16_rgb.png
  // -depth 8` wrote with Debian's ImageMagick 6.9.11 Q16 HDRI (tests/data/imagemagick).
  const std::string data = std::string(PIXCONV_TESTDATA) + "/imagemagick/";
  TempDir dir;
  const RunResult r = RunPixconv({"convert", data + "all16_rgb.png", "-o", dir.Path("out.png")});
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  uint32_t width = 0, height = 0, im_width = 0, im_height = 0;
  std::vector<uint8_t> ours, imagemagick;
  REQUIRE(ReadPngRgba8(dir.Path("out.png"), &width, &height, &ours));
  REQUIRE(ReadPngRgba8(data + "all16_rgb_depth8_q16hdri.png", &im_width, &im_height,
                       &imagemagick));
  REQUIRE(width == 256);
  REQUIRE(height == 256);
  REQUIRE(im_width == width);
  REQUIRE(im_height == height);
  CHECK(ours == imagemagick);
  // ImageMagick rounded each sample to the nearest code, as pixconv's contract does.
  size_t rounded = 0;
  for (uint32_t v = 0; v < 65536; ++v) {
    const uint32_t rgb[3] = {v, 65535 - v, (3 * v) & 0xFFFF};
    for (size_t c = 0; c < 3; ++c) rounded += imagemagick[4 * v + c] == (rgb[c] + 128) / 257;
  }
  CHECK(rounded == 3 * 65536);
}

TEST_CASE("a PNG write error names its cause") {
  if (!FileExists("/dev/full")) return;
  TempDir dir;
  const std::string jpeg = std::string(PIXCONV_TESTDATA) + "/libjpeg-turbo/testorig.jpg";
  const std::string command = Pixconv() + " convert '" + jpeg + "' -o - > /dev/full 2> '" +
                              dir.Path("err.txt") + "'";
  const int status = std::system(command.c_str());
  CHECK(status != 0);
  const std::vector<uint8_t> err = ReadFile(dir.Path("err.txt"));
  const std::string message(err.begin(), err.end());
  CAPTURE(message);
  CHECK(Contains(message, "No space left on device"));
  CHECK(!Contains(message, "out of memory"));
}

}  // namespace
}  // namespace pixconv::cli_test
