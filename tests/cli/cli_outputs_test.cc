// The output kinds beyond 8-bit PNG and raw: float RGB PFM and 16-bit PNG (--to rgba16),
// through the built binary, with values computed by hand from lib/README.md section 3.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "cli_harness.h"
#include "pixconv/decode.h"

namespace pixconv::cli_test {
namespace {

void CheckOk(const RunResult& r) {
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
}

TEST_CASE(".pfm holds float RGB, bottom row first, alpha dropped") {
  TempDir dir;
  // 2x2 RGBA/F32; linear in and out, so the floats pass through (range [0, 1] by Auto).
  const std::vector<float> rgba = {0.0f, 0.25f, 0.5f, 1.0f, 0.75f, 1.0f, 0.125f,  0.5f,
                                   0.5f, 0.5f,  0.5f, 1.0f, 1.0f,  0.0f, 0.0625f, 0.0f};
  WriteFile(dir.Path("in.raw"), F32Bytes(rgba));
  CheckOk(RunPixconv({"convert", dir.Path("in.raw"), "--size", "2x2", "--color-model", "rgba",
                      "--datatype", "f32", "--input-transfer", "linear", "-o", dir.Path("o.pfm")}));
  const std::vector<uint8_t> file = ReadFile(dir.Path("o.pfm"));
  const std::string header = "PF\n2 2\n-1.0\n";
  REQUIRE(file.size() == header.size() + 2 * 2 * 3 * 4);
  CHECK(std::string(file.begin(), file.begin() + static_cast<long>(header.size())) == header);
  const std::vector<float> got = FloatsFromBytes(
      std::vector<uint8_t>(file.begin() + static_cast<long>(header.size()), file.end()));
  // PFM rows run bottom to top: row 1 (pixels 2, 3) first.
  const int order[4] = {2, 3, 0, 1};
  for (int i = 0; i < 4; ++i) {
    CAPTURE(i);
    for (int c = 0; c < 3; ++c) CHECK(std::fabs(got[3 * i + c] - rgba[4 * order[i] + c]) <= 4e-6f);
  }
}

TEST_CASE("--to rgba16 writes a 16-bit PNG with full precision") {
  TempDir dir;
  // L/U16 with --range datatype: t = v / 65535, no transfer change (sRGB in, sRGB out), so the
  // 16-bit quantization floor(t * 65535 + 0.5) gives v back.
  const std::vector<uint16_t> samples = {0, 1000, 30001, 65535};
  WriteFile(dir.Path("depth.raw"), U16Bytes(samples));
  CheckOk(RunPixconv({"convert", dir.Path("depth.raw"), "--size", "2x2", "--datatype", "u16",
                      "--range", "datatype", "--to", "rgba16", "-o", dir.Path("o.png")}));
  const std::vector<uint8_t> png = ReadFile(dir.Path("o.png"));
  Result<DecodedImage> decoded = Decode(png.data(), png.size());
  REQUIRE(decoded.ok());
  // Gray and opaque (R = G = B, alpha 65535 everywhere), so the writer stores one channel.
  CHECK(decoded->format.color_model == ColorModel::L);
  REQUIRE(decoded->format.datatype == ChannelDatatype::U16);
  std::vector<uint16_t> got(decoded->pixels.size() / 2);
  std::memcpy(got.data(), decoded->pixels.data(), decoded->pixels.size());  // native order
  REQUIRE(got.size() == 4);
  for (int p = 0; p < 4; ++p) {
    CAPTURE(p);
    CHECK(got[p] == samples[p]);
  }

  // With a linear output the 16-bit values are sRGB-decoded: 30001/65535 = 0.457786 ->
  // ((0.457786 + 0.055) / 1.055)^2.4 = 0.176943 -> 11596 (within 1, like RGBA8).
  CheckOk(RunPixconv({"convert", dir.Path("depth.raw"), "--size", "2x2", "--datatype", "u16",
                      "--range", "datatype", "--to", "rgba16", "--output-transfer", "linear", "-o",
                      dir.Path("linear.png")}));
  const std::vector<uint8_t> linear_png = ReadFile(dir.Path("linear.png"));
  Result<DecodedImage> linear = Decode(linear_png.data(), linear_png.size());
  REQUIRE(linear.ok());
  uint16_t v = 0;
  std::memcpy(&v, linear->pixels.data() + 2 * 2, 2);  // pixel 2 (gray)
  const double t = 30001.0 / 65535.0;
  const double want = std::floor(std::pow((t + 0.055) / 1.055, 2.4) * 65535.0 + 0.5);
  CHECK(std::fabs(v - want) <= 1.0);
}

TEST_CASE("--no-clamp: linear HDR floats keep values above 1 in a PFM (the README's example)") {
  TempDir dir;
  // 2x2 RGB/F16 (bit patterns): 0, 0.25, 0.5 | 1, 2, 4 | 3, -0.25, 0.5 | 4, 4, 0.
  const std::vector<uint16_t> f16 = {0x0000, 0x3400, 0x3800, 0x3C00, 0x4000, 0x4400,
                                     0x4200, 0xB400, 0x3800, 0x4400, 0x4400, 0x0000};
  const float values[12] = {0, 0.25f, 0.5f, 1, 2, 4, 3, -0.25f, 0.5f, 4, 4, 0};
  WriteFile(dir.Path("hdr.raw"), U16Bytes(f16));
  auto convert = [&](bool clamp) {
    std::vector<std::string> args = {"convert", dir.Path("hdr.raw"), "--size", "2x2",
                                      "--color-model", "rgb", "--datatype", "f16", "--range",
                                      "datatype", "--input-transfer", "linear", "-o",
                                      dir.Path("hdr.pfm"), "--force"};
    if (!clamp) args.push_back("--no-clamp");
    CheckOk(RunPixconv(args));
    const std::vector<uint8_t> file = ReadFile(dir.Path("hdr.pfm"));
    const size_t header = std::string("PF\n2 2\n-1.0\n").size();
    REQUIRE(file.size() == header + 2 * 2 * 3 * 4);
    return FloatsFromBytes(std::vector<uint8_t>(file.begin() + static_cast<long>(header), file.end()));
  };
  const int order[4] = {2, 3, 0, 1};  // PFM rows run bottom to top
  const std::vector<float> kept = convert(false);
  const std::vector<float> clamped = convert(true);
  for (int i = 0; i < 4; ++i) {
    for (int c = 0; c < 3; ++c) {
      const float want = values[3 * order[i] + c];
      CAPTURE(i);
      CAPTURE(c);
      CHECK(kept[3 * i + c] == want);  // linear in, linear out: the samples themselves
      CHECK(clamped[3 * i + c] == std::fmin(std::fmax(want, 0.0f), 1.0f));
    }
  }
}

}  // namespace
}  // namespace pixconv::cli_test
