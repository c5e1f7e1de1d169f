// Geometry on every target: every width 1..70 and a full-HD row, odd heights, padded and
// unaligned source and destination rows, row bands, guard bytes that must stay untouched.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <vector>

#include "pixconv/convert.h"
#include "reference.h"
#include "support/targets.h"
#include "test_images.h"

namespace pixconv {
namespace {

// Compares a guarded destination with the reference within lib/README.md section 4.
void ExpectMatches(const test::GuardedOutput& out, const ImageView& src, const ConvertOptions& o) {
  REQUIRE(out.GuardsIntact());
  const uint32_t w = src.format.width;
  if (o.to == OutputType::RGBA8) {
    const std::vector<uint8_t> want = ref::ExpectedRgba8(src, o);
    for (uint32_t y = 0; y < src.format.height; ++y) {
      for (uint32_t i = 0; i < w * 4; ++i) {
        const int diff = int{out.Row(y)[i]} - int{want[size_t{y} * w * 4 + i]};
        REQUIRE_MESSAGE(diff * diff <= 1, Describe(src.format) << " at " << i / 4 << "," << y);
      }
    }
  } else {
    const std::vector<float> want = ref::ExpectedRgbaF32(src, o);
    for (uint32_t y = 0; y < src.format.height; ++y) {
      for (uint32_t i = 0; i < w * 4; ++i) {
        float got;
        std::memcpy(&got, out.Row(y) + i * 4, 4);
        REQUIRE_MESSAGE(std::fabs(got - want[size_t{y} * w * 4 + i]) <= 4e-6f,
                        Describe(src.format) << " at " << i / 4 << "," << y);
      }
    }
  }
}

TEST_CASE("every width 1..70 and 1920, strides and misalignment, on every target") {
  std::mt19937_64 rng(7);
  const ChannelDatatype types[] = {ChannelDatatype::U8, ChannelDatatype::U16, ChannelDatatype::F16,
                                   ChannelDatatype::F32, ChannelDatatype::U32, ChannelDatatype::F64,
                                   ChannelDatatype::I64};
  std::vector<uint32_t> widths;
  for (uint32_t w = 1; w <= 70; ++w) widths.push_back(w);
  widths.push_back(1920);
  for (ChannelDatatype t : types) {
    for (ColorModel m : {ColorModel::L, ColorModel::BGR, ColorModel::RGBA}) {
      for (uint32_t w : widths) {
        const uint32_t h = w == 1920 ? 2 : 3;
        const size_t pad = w % 3 == 0 ? 0 : 7;
        test::TestImage img = test::MakeColorImage(t, m, w, h, test::Profile::kWide, rng, pad, w % 4);
        for (OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
          ConvertOptions o;
          o.to = to;
          test::ForEachTarget([&](const char*) {
            test::GuardedOutput out = test::MakeOutput(w, h, BytesPerPixel(to), w % 2 ? 9 : 0, w % 5);
            REQUIRE(Convert(img.view, out.view(), o).ok());
            ExpectMatches(out, img.view, o);
          });
        }
      }
    }
  }
}

TEST_CASE("row bands write exactly their rows and together equal the whole image") {
  std::mt19937_64 rng(11);
  test::TestImage img =
      test::MakeColorImage(ChannelDatatype::U16, ColorModel::RGB, 37, 9, test::Profile::kWide, rng, 4, 1);
  ConvertOptions o;
  Result<Converter> conv = Converter::Create(img.view, o);
  REQUIRE(conv.ok());
  test::GuardedOutput whole = test::MakeOutput(37, 9, 4, 8, 0);
  REQUIRE(conv->ConvertAll(img.view, whole.view()).ok());

  test::GuardedOutput banded = test::MakeOutput(37, 9, 4, 8, 0);
  REQUIRE(conv->ConvertRows(img.view, banded.view(), 3, 5).ok());
  for (uint32_t y = 0; y < 9; ++y) {
    const bool inside = y >= 3 && y < 5;
    for (size_t i = 0; i < 37 * 4; ++i) {
      REQUIRE(banded.Row(y)[i] == (inside ? whole.Row(y)[i] : test::GuardedOutput::kGuard));
    }
  }
  REQUIRE(conv->ConvertRows(img.view, banded.view(), 0, 3).ok());
  REQUIRE(conv->ConvertRows(img.view, banded.view(), 5, 9).ok());
  REQUIRE(conv->ConvertRows(img.view, banded.view(), 9, 9).ok());  // an empty band is fine
  CHECK(banded.storage == whole.storage);
}

}  // namespace
}  // namespace pixconv
