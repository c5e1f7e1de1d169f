// Conformance of the colormap and segmentation kernels with the double-precision reference
// (lib/README.md section 4), on every SIMD target: every datatype x colormap x output x range
// mode x channel order over the data profiles (edge values included), and class ids through
// tables of several sizes; plus the errors these options can give.
#include <doctest/doctest.h>

#include <cmath>
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

constexpr Colormap kAllColormaps[] = {Colormap::Grayscale, Colormap::Inferno,  Colormap::Magma,
                                      Colormap::Plasma,    Colormap::Turbo,    Colormap::Viridis,
                                      Colormap::CyanToYellow, Colormap::Spectral, Colormap::Twilight};

// Converts on the current target and compares every sample with the reference; returns the
// largest difference.
double CheckAgainstReference(const ImageView& src, const ConvertOptions& o) {
  const uint32_t w = src.format.width, h = src.format.height;
  const bool f32 = o.to == OutputType::RGBAF32;
  const ref::RefPlan plan = ref::ReferencePlan(src, o);
  std::vector<uint8_t> want8;
  std::vector<float> want32;
  if (f32) {
    want32 = ref::ExpectedRgbaF32(src, o);
  } else {
    want8 = ref::ExpectedRgba8(src, o);
  }
  double worst = 0.0;
  test::ForEachTarget([&](const char*) {
    test::GuardedOutput out = test::MakeOutput(w, h, BytesPerPixel(o.to), 8, 1);
    Result<Converter> conv = Converter::Create(src, o);
    REQUIRE_MESSAGE(conv.ok(), conv.status().ToString());
    CHECK(conv->output_is_srgb() == plan.output_srgb);
    CHECK(conv->input_is_srgb());
    if (!o.segmentation) {
      CHECK(conv->range_lo() == plan.lo);
      CHECK(conv->range_hi() == plan.hi);
    }
    const Status s = conv->ConvertAll(src, out.view());
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    REQUIRE(out.GuardsIntact());
    const double tolerance = f32 ? 4e-6 : 1.0;
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
        const double diff = std::fabs(got - want);
        if (!(diff <= tolerance)) {
          FAIL_CHECK(Describe(src.format) << " colormap " << static_cast<int>(o.colormap) << " segmentation "
                                          << o.segmentation << " to " << static_cast<int>(o.to)
                                          << " range " << static_cast<int>(o.range) << " [" << plan.lo << ", "
                                          << plan.hi << "] order " << static_cast<int>(o.order)
                                          << " pixel " << i / 4 << "," << y << " channel " << i % 4
                                          << ": got " << got << ", want " << want << " (sample "
                                          << ref::ReadSample(src, i / 4, y, 0) << ")");
          return;
        }
        worst = std::fmax(worst, diff);
      }
    }
  });
  return worst;
}

void RunColormaps(ChannelDatatype t) {
  std::mt19937_64 rng(77 + static_cast<int>(t));
  double worst8 = 0, worst32 = 0;
  for (test::Profile p : test::kAllProfiles) {
    const uint32_t w = 1 + static_cast<uint32_t>(rng() % 70);
    test::TestImage img = test::MakeColorImage(t, ColorModel::L, w, 2, p, rng, rng() % 2 ? 3 : 0, rng() % 4);
    const ref::RefStats stats = ref::ReferenceStats(img.view);
    double lo = stats.finite ? stats.min : 0.0, hi = stats.finite ? stats.max : 1.0;
    if (lo == hi) hi = lo + std::fmax(1.0, std::fabs(lo) * 1e-9);
    int n = 0;
    for (Colormap map : kAllColormaps) {
      for (RangeMode range : {RangeMode::Auto, RangeMode::Depth, RangeMode::Explicit}) {
        for (OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
          ConvertOptions o;
          o.colormap = map;
          o.range = range;
          o.range_lo = (n % 2) ? hi : lo;  // inverted for every other case
          o.range_hi = (n % 2) ? lo : hi;
          o.to = to;
          o.order = (n % 3 == 0) ? ChannelOrder::BGRA : ChannelOrder::RGBA;
          o.input_transfer = (n % 5 == 0) ? InputTransfer::Linear : InputTransfer::Srgb;  // ignored
          o.output_transfer = (n % 7 == 0) ? OutputTransfer::Linear : OutputTransfer::Default;
          o.premultiply = n % 4 == 0;
          ++n;
          const double worst = CheckAgainstReference(img.view, o);
          (to == OutputType::RGBA8 ? worst8 : worst32) =
              std::fmax(to == OutputType::RGBA8 ? worst8 : worst32, worst);
        }
      }
    }
  }
  MESSAGE(Name(t) << " colormaps on [" << test::TargetList() << "]: max |error| RGBA8 " << worst8
                  << ", RGBAF32 " << worst32);
}

TEST_CASE("colormap conformance, every datatype") {
  for (ChannelDatatype t : kAllDatatypes) RunColormaps(t);
}

// Every U16 value with range [0, 65535] through every map: the RGBA8 kernels round t to a
// table entry, so this sweeps t densely for the steepest stretch of each map.
// Under emulation every 7th value and 65535: still 2 or 3 values per entry of the 4096.
TEST_CASE("colormap sweep over every U16 value") {
  const uint32_t step = test::Emulated() ? 7 : 1;
  if (step != 1) MESSAGE("emulated: the sweep takes every " << step << "th U16 value and 65535");
  std::vector<uint16_t> v;
  for (uint32_t i = 0; i < 65536; i += step) v.push_back(static_cast<uint16_t>(i));
  if (v.back() != 65535) v.push_back(65535);
  const uint32_t w = 256, h = static_cast<uint32_t>((v.size() + w - 1) / w);
  v.resize(size_t{w} * h, 65535);
  Result<ImageView> src = MakeImageView(ImageFormat::Color(w, h, ColorModel::L, ChannelDatatype::U16),
                                        v.data(), v.size() * 2);
  REQUIRE(src.ok());
  for (Colormap map : kAllColormaps) {
    for (OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
      for (OutputTransfer transfer : {OutputTransfer::Default, OutputTransfer::Linear}) {
        if (to == OutputType::RGBAF32 && transfer == OutputTransfer::Linear) continue;  // the same
        ConvertOptions o;
        o.colormap = map;
        o.range = RangeMode::Datatype;
        o.to = to;
        o.output_transfer = transfer;  // linear RGBA8: the table holds decoded colors
        CheckAgainstReference(*src, o);
      }
    }
  }
}

// A table of `count` colors with varied alpha.
std::vector<uint8_t> MakeTable(size_t count, std::mt19937_64& rng) {
  std::vector<uint8_t> table(count * 4);
  for (uint8_t& b : table) b = static_cast<uint8_t>(rng());
  return table;
}

TEST_CASE("segmentation conformance, every datatype") {
  std::mt19937_64 rng(99);
  for (ChannelDatatype t : kAllDatatypes) {
    double worst8 = 0, worst32 = 0;
    int n = 0;
    for (test::Profile p : {test::Profile::kByte, test::Profile::kWide, test::Profile::kSpecial,
                            test::Profile::kUnit}) {
      const uint32_t w = 1 + static_cast<uint32_t>(rng() % 70);
      test::TestImage img = test::MakeColorImage(t, ColorModel::L, w, 2, p, rng, rng() % 2 ? 3 : 0, rng() % 4);
      for (size_t count : {size_t{0}, size_t{7}, size_t{300}}) {
        const std::vector<uint8_t> table = MakeTable(count, rng);
        for (OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
          ConvertOptions o;
          o.segmentation = true;
          o.class_colors = {table.data(), count};
          o.to = to;
          o.order = (n % 3 == 0) ? ChannelOrder::BGRA : ChannelOrder::RGBA;
          o.premultiply = n % 2 == 0;
          o.output_transfer = (n % 5 == 0) ? OutputTransfer::Srgb : OutputTransfer::Default;
          ++n;
          const double worst = CheckAgainstReference(img.view, o);
          (to == OutputType::RGBA8 ? worst8 : worst32) =
              std::fmax(to == OutputType::RGBA8 ? worst8 : worst32, worst);
        }
      }
    }
    MESSAGE(Name(t) << " segmentation: max |error| RGBA8 " << worst8 << ", RGBAF32 " << worst32);
  }
}

// Float ids at the rounding edges and the invalid ones, against hand-picked expectations.
TEST_CASE("segmentation rounds float ids to nearest, ties to even; invalid ids are transparent") {
  const std::vector<float> ids = {0.4f,  -0.4f, 0.5f,     1.5f,      2.5f,     65535.4f, 65535.6f,
                                  -0.6f, NAN,   INFINITY, -INFINITY, 65536.0f, 1.0f,     2.0f};
  const uint8_t table[3 * 4] = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};
  Result<ImageView> src = MakeImageView(
      ImageFormat::Color(static_cast<uint32_t>(ids.size()), 1, ColorModel::L, ChannelDatatype::F32),
      ids.data(), ids.size() * sizeof(float));
  REQUIRE(src.ok());
  ConvertOptions o;
  o.segmentation = true;
  o.class_colors = {table, 3};
  uint8_t auto65535[4];
  AutoClassColor(65535, auto65535);
  const uint8_t* id0 = table;
  const uint8_t* id1 = table + 4;
  const uint8_t* id2 = table + 8;
  const uint8_t* want[] = {id0, id0, id0, id2, id2, auto65535, kInvalidClassColor,
                           kInvalidClassColor, kInvalidClassColor, kInvalidClassColor,
                           kInvalidClassColor, kInvalidClassColor, id1, id2};
  test::ForEachTarget([&](const char*) {
    std::vector<uint8_t> out(ids.size() * 4, 0xEE);
    REQUIRE(Convert(*src, {out.data(), out.size()}, o).ok());
    for (size_t i = 0; i < ids.size(); ++i) {
      CAPTURE(i);
      for (int c = 0; c < 4; ++c) CHECK(out[i * 4 + c] == want[i][c]);
    }
  });
}

TEST_CASE("AutoClassColor matches the reference") {
  for (uint32_t id = 0; id < 65536; id += 13) {
    const ref::RefPixel p = ref::AutoClassColorSrgb(id);
    uint8_t got[4];
    AutoClassColor(static_cast<uint16_t>(id), got);
    CAPTURE(id);
    CHECK(got[0] == ref::QuantizeU8(p.r));
    CHECK(got[1] == ref::QuantizeU8(p.g));
    CHECK(got[2] == ref::QuantizeU8(p.b));
    CHECK(got[3] == 255);
  }
}

TEST_CASE("every id 0..65535 through an empty table is Rerun's automatic color") {
  std::vector<uint16_t> ids(65536);
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<uint16_t>(i);
  Result<ImageView> src = MakeImageView(ImageFormat::Color(256, 256, ColorModel::L, ChannelDatatype::U16),
                                        ids.data(), ids.size() * 2);
  REQUIRE(src.ok());
  ConvertOptions o;
  o.segmentation = true;
  test::ForEachTarget([&](const char*) {
    std::vector<uint8_t> out(ids.size() * 4);
    REQUIRE(Convert(*src, {out.data(), out.size()}, o).ok());
    int bad = 0;
    for (uint32_t id = 0; id < 65536; ++id) {
      uint8_t want[4];
      AutoClassColor(static_cast<uint16_t>(id), want);
      for (int c = 0; c < 4; ++c) {
        if (std::abs(out[id * 4 + c] - want[c]) > 1 && bad++ < 5) {
          FAIL_CHECK("id " << id << " channel " << c << ": got " << int{out[id * 4 + c]} << ", want "
                           << int{want[c]});
        }
      }
    }
  });
}

TEST_CASE("colormap and segmentation errors") {
  std::vector<uint8_t> rgb(4 * 4 * 3);
  std::vector<uint8_t> out(4 * 4 * 16);
  Result<ImageView> rgb_view =
      MakeImageView(ImageFormat::Color(4, 4, ColorModel::RGB, ChannelDatatype::U8), rgb.data(), rgb.size());
  Result<ImageView> l_view =
      MakeImageView(ImageFormat::Color(4, 4, ColorModel::L, ChannelDatatype::U8), rgb.data(), 16);
  Result<ImageView> nv12 = MakeImageView(ImageFormat::Pixel(4, 4, PixelFormat::NV12), rgb.data(), 24);
  REQUIRE(rgb_view.ok());
  REQUIRE(l_view.ok());
  REQUIRE(nv12.ok());
  ConvertOptions cmap;
  cmap.colormap = Colormap::Turbo;
  ConvertOptions seg;
  seg.segmentation = true;
  for (const ConvertOptions& o : {cmap, seg}) {
    Status s = Convert(*rgb_view, {out.data(), out.size()}, o);
    CHECK(s.code() == StatusCode::kInvalidArgument);
    CHECK(s.message().find("needs an L image") != std::string::npos);
    CHECK(Convert(*nv12, {out.data(), out.size()}, o).code() == StatusCode::kInvalidArgument);
  }
  ConvertOptions both = cmap;
  both.segmentation = true;
  CHECK(Convert(*l_view, {out.data(), out.size()}, both).code() == StatusCode::kInvalidArgument);
  ConvertOptions unknown;
  unknown.colormap = static_cast<Colormap>(10);
  CHECK(Convert(*l_view, {out.data(), out.size()}, unknown).code() == StatusCode::kUnknownEnum);
  ConvertOptions null_table = seg;
  null_table.class_colors = {nullptr, 3};
  CHECK(Convert(*l_view, {out.data(), out.size()}, null_table).code() == StatusCode::kInvalidArgument);
  ConvertOptions huge_table = seg;
  huge_table.class_colors = {rgb.data(), kMaxClassColors + 1};
  CHECK(Convert(*l_view, {out.data(), out.size()}, huge_table).code() == StatusCode::kInvalidArgument);
  // The converter keeps its own copy of the table: the caller's may change afterwards.
  std::vector<uint8_t> table = {1, 2, 3, 4};
  ConvertOptions own = seg;
  own.class_colors = {table.data(), 1};
  Result<Converter> conv = Converter::Create(*l_view, own);
  REQUIRE(conv.ok());
  table.assign(4, 0);
  REQUIRE(conv->ConvertAll(*l_view, {out.data(), 64}).ok());
  CHECK(out[0] == 1);
  CHECK(out[3] == 4);
}

}  // namespace
}  // namespace pixconv
