// Value tables (lib/convert/value_table.h): a colormap or segmentation of 8/16-bit samples
// to RGBA8 may run as one table lookup per pixel, the table built by the planned kernel. On
// every target, the table path must give exactly the bytes of the planned kernel (which
// colormap_conformance_test checks against the reference) for every datatype, map, range
// mode (values beyond the range on both sides, inverted and empty ranges), channel order and
// transfer, also for streamed outputs, padded strides and row bands; and the spans must be
// the ones documented.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <vector>

#include "convert/value_table.h"
#include "pixconv/convert.h"
#include "support/targets.h"
#include "test_hooks.h"
#include "test_images.h"

namespace pixconv {
namespace {

using internal::ScopedValueTablePolicyForTest;
using internal::ValueTablePolicy;

constexpr ChannelDatatype kTableTypes[] = {ChannelDatatype::U8, ChannelDatatype::I8,
                                           ChannelDatatype::U16, ChannelDatatype::I16};

// The frame converted under a policy (test::ConvertInBands).
std::vector<uint8_t> ConvertUnder(ValueTablePolicy policy, const ImageView& src,
                                  const ConvertOptions& o) {
  ScopedValueTablePolicyForTest scoped(policy);
  return test::ConvertInBands(src, o);
}

void CheckSameBytes(const ImageView& src, const ConvertOptions& o) {
  test::ForEachTarget([&](const char* target) {
    const std::vector<uint8_t> planned = ConvertUnder(ValueTablePolicy::kNever, src, o);
    const std::vector<uint8_t> table = ConvertUnder(ValueTablePolicy::kAlways, src, o);
    for (size_t i = 0; i < planned.size(); ++i) {
      if (planned[i] != table[i]) {
        FAIL_CHECK(target << " " << Describe(src.format) << " colormap "
                          << static_cast<int>(o.colormap) << " segmentation " << o.segmentation << " range "
                          << static_cast<int>(o.range) << " [" << o.range_lo << ", " << o.range_hi
                          << "] pixel " << i / 4 << " channel " << i % 4 << ": table "
                          << int{table[i]} << ", planned kernel " << int{planned[i]});
        return;
      }
    }
  });
}

TEST_CASE("value table spans") {
  int32_t first = 0, last = 0;
  // Class ids: the whole datatype.
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::U16, true, 0, 0, &first, &last));
  CHECK(first == 0);
  CHECK(last == 65535);
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::I8, true, 0, 0, &first, &last));
  CHECK(first == -128);
  CHECK(last == 127);
  // A colormap: the range and one value either side, within the datatype.
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::U16, false, 100.5, 4095, &first, &last));
  CHECK(first == 99);
  CHECK(last == 4096);
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::I16, false, 50, -20.25, &first, &last));  // inverted
  CHECK(first == -22);
  CHECK(last == 51);
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::U16, false, 0, 0, &first, &last));  // all-zero depth
  CHECK(first == 0);
  CHECK(last == 1);
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::U8, false, 1e6, 2e6, &first, &last));  // above the type
  CHECK(first == 255);
  CHECK(last == 255);
  REQUIRE(internal::ValueTableSpan(ChannelDatatype::I16, false, -1e9, 1e9, &first, &last));
  CHECK(first == -32768);
  CHECK(last == 32767);
  for (ChannelDatatype t : {ChannelDatatype::U32, ChannelDatatype::I64, ChannelDatatype::F16,
                            ChannelDatatype::F32, ChannelDatatype::F64}) {
    CHECK_FALSE(internal::ValueTableSpan(t, false, 0, 1, &first, &last));
  }
}

TEST_CASE("colormaps through a value table give the planned kernel's bytes") {
  std::mt19937_64 rng(5);
  const Colormap maps[] = {Colormap::Turbo, Colormap::Grayscale, Colormap::Spectral, Colormap::Twilight};
  int n = 0;
  for (ChannelDatatype t : kTableTypes) {
    for (test::Profile p : {test::Profile::kWide, test::Profile::kByte, test::Profile::kConstant}) {
      const uint32_t w = 1 + static_cast<uint32_t>(rng() % 70);
      const test::TestImage img = test::MakeColorImage(t, ColorModel::L, w, 5, p, rng, rng() % 2 ? 3 : 0, rng() % 4);
      for (Colormap map : maps) {
        for (RangeMode range : {RangeMode::Auto, RangeMode::Depth, RangeMode::Explicit}) {
          ConvertOptions o;
          o.colormap = map;
          o.range = range;
          // A range inside the data, so samples lie beyond both ends; inverted every other case.
          o.range_lo = (n % 2) ? 100.0 : -7.5;
          o.range_hi = (n % 2) ? -7.5 : 100.0;
          o.order = (n % 3 == 0) ? ChannelOrder::BGRA : ChannelOrder::RGBA;
          o.output_transfer = (n % 4 == 0) ? OutputTransfer::Linear : OutputTransfer::Default;
          ++n;
          CheckSameBytes(img.view, o);
        }
      }
    }
  }
}

TEST_CASE("class colors through a value table give the planned kernel's bytes") {
  std::mt19937_64 rng(6);
  std::vector<uint8_t> colors(300 * 4);
  for (uint8_t& b : colors) b = static_cast<uint8_t>(rng());
  int n = 0;
  for (ChannelDatatype t : kTableTypes) {
    for (test::Profile p : {test::Profile::kWide, test::Profile::kByte}) {
      const uint32_t w = 1 + static_cast<uint32_t>(rng() % 70);
      const test::TestImage img = test::MakeColorImage(t, ColorModel::L, w, 4, p, rng, 0, rng() % 4);
      for (size_t count : {size_t{0}, size_t{7}, size_t{300}}) {
        ConvertOptions o;
        o.segmentation = true;
        o.class_colors = {colors.data(), count};
        o.order = (n % 3 == 0) ? ChannelOrder::BGRA : ChannelOrder::RGBA;
        o.premultiply = n % 2 == 0;
        o.output_transfer = (n % 5 == 0) ? OutputTransfer::Linear : OutputTransfer::Default;
        ++n;
        CheckSameBytes(img.view, o);
      }
    }
  }
}

TEST_CASE("value tables with streamed outputs and on frames that choose them by themselves") {
  // 1283 x 60 U16 pixels: a depth span of 4097 values is under half the pixels, so the
  // default policy takes the table; the lowered threshold streams the frame.
  internal::ScopedStreamThresholdForTest lowered(size_t{256} << 10);
  std::mt19937_64 rng(7);
  const uint32_t w = 1283, h = 60;
  test::TestImage img = test::MakeColorImage(ChannelDatatype::U16, ColorModel::L, w, h,
                                             test::Profile::kWide, rng, 0, 2);
  ConvertOptions o;
  o.colormap = Colormap::Turbo;
  o.range = RangeMode::Explicit;
  o.range_lo = 0;
  o.range_hi = 4095;
  CheckSameBytes(img.view, o);
  test::ForEachTarget([&](const char*) {
    const std::vector<uint8_t> planned = ConvertUnder(ValueTablePolicy::kNever, img.view, o);
    const std::vector<uint8_t> chosen = ConvertUnder(ValueTablePolicy::kAuto, img.view, o);
    CHECK(planned == chosen);
  });
}

}  // namespace
}  // namespace pixconv
