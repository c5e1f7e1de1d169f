// Sample tables (lib/convert/sample_table.h): U8 and I8 color-model images to RGBAF32 and
// RGBA8 may run as one table lookup per sample, the table built by the planned kernel. On
// every target, the table path must give exactly the bits of the planned kernel (which
// color_conformance_test checks against the reference) for every color model, channel order,
// range mode (samples beyond both ends of the range, inverted and narrow ranges), transfer
// and width (blocks of 16 and 64 pixels, and the tails), also for streamed outputs, padded
// strides and row bands. The table must actually be chosen where a target has its kernel
// (AVX3_DL: RGBAF32 and RGBA8; AVX2, SSE4, SSSE3: RGBAF32), so that the comparison is not of
// the planned kernel with itself.
#include <doctest/doctest.h>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "hwy/targets.h"
#include "pixconv/convert.h"
#include "support/targets.h"
#include "test_hooks.h"
#include "test_images.h"

namespace pixconv {
namespace {

using internal::SampleTablePolicy;
using internal::ScopedSampleTablePolicyForTest;

constexpr ColorModel kModels[] = {ColorModel::L, ColorModel::RGB, ColorModel::BGR, ColorModel::RGBA,
                                  ColorModel::BGRA};

struct Converted {
  std::vector<uint8_t> rows;  // the frame's output rows (RGBAF32 or RGBA8), packed
  std::string target;         // the converter's target
};

// The frame converted under a policy (test::ConvertInBands).
Converted ConvertUnder(SampleTablePolicy policy, const ImageView& src, const ConvertOptions& o) {
  ScopedSampleTablePolicyForTest scoped(policy);
  Converted c;
  c.rows = test::ConvertInBands(src, o, &c.target);
  return c;
}

const char* OutputName(OutputType to) { return to == OutputType::RGBA8 ? "RGBA8" : "RGBAF32"; }

bool CpuHasAvx3Dl() { return (hwy::SupportedTargets() & HWY_AVX3_DL) != 0; }

// The targets whose RGBAF32 table kernel loads one float per sample (sample_table_rows.cc).
constexpr int64_t kScalarLoadTableTargets[] = {HWY_AVX2, HWY_SSE4, HWY_SSSE3};

bool IsScalarLoadTableTarget(const std::string& target) {
  for (int64_t t : kScalarLoadTableTargets) {
    if (target == hwy::TargetName(t)) return true;
  }
  return false;
}

// Whether the checks ran on a target with a table kernel for `to`.
bool RanTableTarget(OutputType to) {
  if (CpuHasAvx3Dl()) return true;
  if (to != OutputType::RGBAF32) return false;
  for (int64_t t : kScalarLoadTableTargets) {
    if ((hwy::SupportedTargets() & HWY_TARGETS & t) != 0) return true;
  }
  return false;
}

// Returns how many targets ran the table kernel.
int CheckSameBits(const ImageView& src, const ConvertOptions& o) {
  int tabled = 0;
  test::ForEachTarget([&](const char* target) {
    const Converted planned = ConvertUnder(SampleTablePolicy::kNever, src, o);
    const uint64_t chosen_before = internal::SampleTablesChosenForTest();
    const Converted table = ConvertUnder(SampleTablePolicy::kAlways, src, o);
    const bool chosen = internal::SampleTablesChosenForTest() != chosen_before;
    const bool dl = std::string(target) == hwy::TargetName(HWY_AVX3_DL);
    // The AVX3_DL table kernels report their own target, where the converter would otherwise
    // run AVX3; the scalar-load ones run on the target they were picked for. Premultiply (of
    // models with alpha) is not a per-sample function: it keeps the planned kernel everywhere.
    // (So do the exact U8 kernels, which only move bytes.)
    const bool premultiplied = o.premultiply && HasAlpha(src.format.color_model);
    if (!dl || premultiplied) CHECK(table.target == planned.target);
    if (table.target != planned.target) {
      CHECK(table.target == std::string(hwy::TargetName(HWY_AVX3_DL)));
      CHECK(chosen);
    }
    if (IsScalarLoadTableTarget(target)) {
      CHECK(chosen == (o.to == OutputType::RGBAF32 && !premultiplied));
    }
    if (chosen) ++tabled;
    const size_t sample_bytes = o.to == OutputType::RGBAF32 ? 4 : 1;
    for (size_t i = 0; i < planned.rows.size(); i += sample_bytes) {
      if (std::memcmp(&planned.rows[i], &table.rows[i], sample_bytes) != 0) {
        double a = planned.rows[i], b = table.rows[i];
        if (sample_bytes == 4) {
          float fa, fb;
          std::memcpy(&fa, &planned.rows[i], 4);
          std::memcpy(&fb, &table.rows[i], 4);
          a = fa;
          b = fb;
        }
        FAIL_CHECK(target << " " << Describe(src.format) << " to " << OutputName(o.to) << " range "
                          << static_cast<int>(o.range) << " [" << o.range_lo << ", " << o.range_hi
                          << "] order " << static_cast<int>(o.order) << " pixel "
                          << i / (4 * sample_bytes) << " channel " << i / sample_bytes % 4
                          << ": table " << b << ", planned kernel " << a);
        return;
      }
    }
  });
  return tabled;
}

TEST_CASE("8-bit samples through a sample table give the planned kernel's bits") {
  std::mt19937_64 rng(11);
  for (OutputType to : {OutputType::RGBAF32, OutputType::RGBA8}) {
    int n = 0, tabled = 0;
    for (ChannelDatatype t : {ChannelDatatype::U8, ChannelDatatype::I8}) {
      for (ColorModel m : kModels) {
        for (test::Profile p : {test::Profile::kWide, test::Profile::kByte,
                                test::Profile::kConstant}) {
          // Widths across the 16- and 64-pixel blocks and their tails.
          const uint32_t any = 1 + static_cast<uint32_t>(rng() % 200);
          for (uint32_t w : {1u, 15u, 16u, 17u, 63u, 64u, 65u, any}) {
            const test::TestImage img =
                test::MakeColorImage(t, m, w, 3, p, rng, rng() % 2 ? 5 : 0, rng() % 4);
            for (RangeMode range : {RangeMode::Auto, RangeMode::Datatype, RangeMode::Explicit}) {
              ConvertOptions o;
              o.to = to;
              o.range = range;
              // A range inside the data, so samples lie beyond both ends; inverted every
              // third case, narrow (half a step wide) in between.
              o.range_lo = (n % 3 == 0) ? 100.0 : (n % 3 == 1 ? -7.5 : 12.0);
              o.range_hi = (n % 3 == 0) ? -7.5 : (n % 3 == 1 ? 100.0 : 12.5);
              o.order = (n % 2 == 0) ? ChannelOrder::BGRA : ChannelOrder::RGBA;
              o.input_transfer = (n % 5 == 0) ? InputTransfer::Linear : InputTransfer::Srgb;
              o.output_transfer = (n % 7 == 0) ? OutputTransfer::Srgb
                                  : (n % 7 == 1) ? OutputTransfer::Linear
                                                 : OutputTransfer::Default;
              o.premultiply = n % 11 == 0;
              ++n;
              tabled += CheckSameBits(img.view, o);
            }
          }
        }
      }
    }
    MESSAGE(std::string(OutputName(to)) << ": " << n << " conversions on each of the targets ["
                                        << test::TargetList() << "], " << tabled
                                        << " of these runs through the table");
    if (RanTableTarget(to)) {
      CHECK(tabled > 0);
    } else {
      MESSAGE("no target here has a table kernel to " << OutputName(to)
                                                     << ": the table path was not exercised");
    }
  }
}

TEST_CASE("sample tables with streamed outputs and on frames that choose them by themselves") {
  // 1283 x 7 pixels: above kSampleTableMinPixels, so the default policy takes the table (for
  // RGBAF32 because of the default sRGB decode; I8 to RGBA8 always); the lowered threshold
  // streams the frames.
  internal::ScopedStreamThresholdForTest lowered(size_t{16} << 10);
  std::mt19937_64 rng(12);
  const uint32_t w = 1283, h = 7;
  for (OutputType to : {OutputType::RGBAF32, OutputType::RGBA8}) {
    for (ColorModel m : kModels) {
      const ChannelDatatype t = to == OutputType::RGBA8 ? ChannelDatatype::I8 : ChannelDatatype::U8;
      const test::TestImage img = test::MakeColorImage(t, m, w, h, test::Profile::kWide, rng, 0, 3);
      ConvertOptions o;
      o.to = to;
      CheckSameBits(img.view, o);
      test::ForEachTarget([&](const char* target) {
        const Converted planned = ConvertUnder(SampleTablePolicy::kNever, img.view, o);
        const uint64_t chosen_before = internal::SampleTablesChosenForTest();
        const Converted chosen = ConvertUnder(SampleTablePolicy::kAuto, img.view, o);
        CHECK(planned.rows == chosen.rows);
        if (IsScalarLoadTableTarget(target)) {
          CHECK((internal::SampleTablesChosenForTest() != chosen_before) ==
                (to == OutputType::RGBAF32));
        }
        if (std::string(target) == hwy::TargetName(HWY_AVX3_DL)) {
          CHECK(chosen.target == std::string(hwy::TargetName(HWY_AVX3_DL)));
        }
      });
    }
  }
  // Below the threshold, and to RGBAF32 without a curve, the default policy keeps the planned
  // kernel.
  const test::TestImage small =
      test::MakeColorImage(ChannelDatatype::U8, ColorModel::RGB, 40, 40, test::Profile::kWide, rng);
  const test::TestImage large =
      test::MakeColorImage(ChannelDatatype::U8, ColorModel::RGB, 80, 80, test::Profile::kWide, rng);
  ConvertOptions o;
  o.to = OutputType::RGBAF32;
  ConvertOptions no_curve = o;
  no_curve.output_transfer = OutputTransfer::Srgb;
  test::ForEachTarget([&](const char*) {
    const uint64_t chosen_before = internal::SampleTablesChosenForTest();
    CHECK(ConvertUnder(SampleTablePolicy::kAuto, small.view, o).target !=
          std::string(hwy::TargetName(HWY_AVX3_DL)));
    CHECK(ConvertUnder(SampleTablePolicy::kAuto, large.view, no_curve).target !=
          std::string(hwy::TargetName(HWY_AVX3_DL)));
    CHECK(internal::SampleTablesChosenForTest() == chosen_before);
  });
}

}  // namespace
}  // namespace pixconv
