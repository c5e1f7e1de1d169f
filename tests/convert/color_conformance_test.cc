// Conformance of the color-model kernels with the double-precision reference (lib/README.md
// section 4), on every SIMD target: every datatype x color model x output x range mode x
// transfer x premultiply x channel order, over data profiles that drive each Auto rule and
// carry the edge values (NaN, +-Inf, integer min/max, denormals, F16 specials).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "reference.h"
#include "support/targets.h"
#include "test_images.h"

namespace pixconv {
namespace {

using test::Profile;

// The option combinations of the matrix: range mode x transfer pairs x premultiply x order.
std::vector<ConvertOptions> OptionMatrix(const ImageView& src, OutputType to) {
  struct TransferPair {
    InputTransfer in;
    OutputTransfer out;
  };
  const TransferPair transfers[] = {{InputTransfer::Srgb, OutputTransfer::Default},
                                    {InputTransfer::Linear, OutputTransfer::Default},
                                    {InputTransfer::Auto, OutputTransfer::Srgb},
                                    {InputTransfer::Srgb, OutputTransfer::Linear}};
  // An explicit range inside the data (inverted for half the cases): from the reference's
  // own stats, so Explicit gets exercised where the samples actually are.
  const ref::RefStats stats = ref::ReferenceStats(src);
  double lo = stats.finite ? stats.min : 0.0, hi = stats.finite ? stats.max : 1.0;
  if (lo == hi) hi = lo + std::fmax(1.0, std::fabs(lo) * 1e-9);
  const double e_lo = lo + (hi - lo) * 0.25, e_hi = lo + (hi - lo) * 0.75;

  std::vector<ConvertOptions> all;
  for (RangeMode range : {RangeMode::Auto, RangeMode::Datatype, RangeMode::Explicit, RangeMode::Depth}) {
    for (const TransferPair& tp : transfers) {
      for (bool premultiply : {false, true}) {
        for (ChannelOrder order : {ChannelOrder::RGBA, ChannelOrder::BGRA}) {
          ConvertOptions o;
          o.to = to;
          o.range = range;
          o.range_lo = (all.size() % 2) ? e_hi : e_lo;
          o.range_hi = (all.size() % 2) ? e_lo : e_hi;
          o.input_transfer = tp.in;
          o.output_transfer = tp.out;
          o.premultiply = premultiply;
          o.order = order;
          all.push_back(o);
        }
      }
    }
  }
  // RGBAF32 that keeps values outside [0, 1]: each range mode x transfer once, premultiply
  // and order alternating. The Explicit range lies inside the data, so samples fall on both
  // sides of it; NaN and +-Inf come with the profiles.
  if (to == OutputType::RGBAF32) {
    const size_t clamped = all.size();
    for (size_t i = 0; i < clamped; i += 4) {
      ConvertOptions o = all[i + (i / 4) % 4];
      o.clamp = false;
      all.push_back(o);
    }
  }
  return all;
}

std::string Describe(const ImageView& src, const ConvertOptions& o, Profile p) {
  char buf[288];
  std::snprintf(buf, sizeof(buf), "%s profile=%s to=%s clamp=%d range=%d [%g,%g] in=%d out=%d premul=%d order=%d",
                pixconv::Describe(src.format).c_str(), test::ProfileName(p).c_str(),
                o.to == OutputType::RGBA8 ? "RGBA8" : "RGBAF32", o.clamp, static_cast<int>(o.range),
                o.range_lo, o.range_hi, static_cast<int>(o.input_transfer),
                static_cast<int>(o.output_transfer), o.premultiply, static_cast<int>(o.order));
  return buf;
}

// lib/README.md section 4: exact for U8 with [0,255] and U16 with [0,65535] when the transfer does
// not change (for U16 also without premultiply, which multiplies two normalized values).
bool MustBeExact(const ImageView& src, const ConvertOptions& o, const ref::RefPlan& plan) {
  if (plan.input_srgb != plan.output_srgb) return false;
  const ChannelDatatype t = src.format.datatype;
  if (t == ChannelDatatype::U8) return plan.lo == 0.0 && plan.hi == 255.0;
  if (t == ChannelDatatype::U16) {
    return plan.lo == 0.0 && plan.hi == 65535.0 && !(o.premultiply && HasAlpha(src.format.color_model));
  }
  return false;
}

// Runs one conversion on the current target and compares with the expected values.
// Returns the largest difference seen.
double CheckOne(const ImageView& src, const ConvertOptions& o, Profile p, const ref::RefPlan& plan,
                const std::vector<uint8_t>& want8, const std::vector<float>& want32,
                const std::vector<float>& straight32) {
  const uint32_t w = src.format.width, h = src.format.height;
  const bool f32 = o.to == OutputType::RGBAF32;
  test::GuardedOutput out = test::MakeOutput(w, h, BytesPerPixel(o.to), 12, 3);
  Result<Converter> conv = Converter::Create(src, o);
  REQUIRE_MESSAGE(conv.ok(), conv.status().ToString());
  CHECK(conv->range_lo() == plan.lo);
  CHECK(conv->range_hi() == plan.hi);
  CHECK(conv->input_is_srgb() == plan.input_srgb);
  CHECK(conv->output_is_srgb() == plan.output_srgb);
  const Status s = conv->ConvertAll(src, out.view());
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  REQUIRE(out.GuardsIntact());
  const double tolerance = f32 ? 4e-6 : (MustBeExact(src, o, plan) ? 0.0 : 1.0);
  double worst = 0.0;
  for (uint32_t y = 0; y < h; ++y) {
    for (uint32_t i = 0; i < w * 4; ++i) {
      const size_t k = size_t{y} * w * 4 + i;
      double got, want;
      if (f32) {
        float g;
        std::memcpy(&g, out.Row(y) + i * 4, 4);
        got = g;
        want = want32[k];
      } else {
        got = out.Row(y)[i];
        want = want8[k];
      }
      // Unclamped values may be far above 1: the contract's 4e-6 is relative there, and a
      // premultiplied color carries its factors' errors: 4e-6 max(1, |c|) max(1, |a|).
      double bound = o.clamp ? tolerance : tolerance * std::fmax(1.0, std::fabs(want));
      if (!o.clamp && !straight32.empty() && i % 4 != 3) {
        const size_t alpha = k - i % 4 + 3;
        bound = tolerance * std::fmax(1.0, std::fabs(straight32[k])) *
                std::fmax(1.0, std::fabs(straight32[alpha]));
      }
      const double diff = std::fabs(got - want);
      if (!(diff <= bound)) {  // also catches NaN and infinite output
        FAIL_CHECK(Describe(src, o, p) << " pixel " << (i / 4) << "," << y << " channel " << (i % 4)
                                       << ": got " << got << ", want " << want);
        return diff;
      }
      worst = std::fmax(worst, o.clamp ? diff : diff / std::fmax(1.0, std::fabs(want)));
    }
  }
  return worst;
}

void RunMatrix(ChannelDatatype t) {
  std::mt19937_64 rng(1234 + static_cast<int>(t));
  double worst8 = 0, worst32 = 0;
  int cases = 0;
  for (ColorModel m : kAllColorModels) {
    for (Profile p : test::kAllProfiles) {
      // Widths vary with the case so that, across the matrix, every tail length occurs.
      const uint32_t w = 1 + static_cast<uint32_t>(rng() % 70);
      const uint32_t h = 1 + 2 * static_cast<uint32_t>(rng() % 2);
      test::TestImage img = test::MakeColorImage(t, m, w, h, p, rng, rng() % 2 ? 5 : 0, rng() % 4);
      for (OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
        for (const ConvertOptions& o : OptionMatrix(img.view, to)) {
          const ref::RefPlan plan = ref::ReferencePlan(img.view, o);
          std::vector<uint8_t> want8;
          std::vector<float> want32, straight32;
          if (to == OutputType::RGBA8) {
            want8 = ref::ExpectedRgba8(img.view, o);
          } else {
            want32 = ref::ExpectedRgbaF32(img.view, o);
            if (!o.clamp && o.premultiply) {
              ConvertOptions straight = o;
              straight.premultiply = false;
              straight32 = ref::ExpectedRgbaF32(img.view, straight);
            }
          }
          test::ForEachTarget([&](const char*) {
            const double worst = CheckOne(img.view, o, p, plan, want8, want32, straight32);
            (to == OutputType::RGBA8 ? worst8 : worst32) =
                std::fmax(to == OutputType::RGBA8 ? worst8 : worst32, worst);
            ++cases;
          });
        }
      }
    }
  }
  MESSAGE(Name(t) << ": " << cases << " conversions on targets [" << test::TargetList()
                  << "], max |error| RGBA8 " << worst8 << ", RGBAF32 " << worst32);
}

TEST_CASE("conformance U8") { RunMatrix(ChannelDatatype::U8); }
TEST_CASE("conformance I8") { RunMatrix(ChannelDatatype::I8); }
TEST_CASE("conformance U16") { RunMatrix(ChannelDatatype::U16); }
TEST_CASE("conformance I16") { RunMatrix(ChannelDatatype::I16); }
TEST_CASE("conformance U32") { RunMatrix(ChannelDatatype::U32); }
TEST_CASE("conformance I32") { RunMatrix(ChannelDatatype::I32); }
TEST_CASE("conformance U64") { RunMatrix(ChannelDatatype::U64); }
TEST_CASE("conformance I64") { RunMatrix(ChannelDatatype::I64); }
TEST_CASE("conformance F16") { RunMatrix(ChannelDatatype::F16); }
TEST_CASE("conformance F32") { RunMatrix(ChannelDatatype::F32); }
TEST_CASE("conformance F64") { RunMatrix(ChannelDatatype::F64); }

}  // namespace
}  // namespace pixconv
