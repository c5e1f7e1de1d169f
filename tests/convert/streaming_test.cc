// Outputs of at least StreamMinOutputBytes() are written with non-temporal stores through the
// double-buffered path of row_loop-inl.h. On every target, a streamed frame must hold exactly
// the bytes of the same rows converted one at a time as small (cached) images, whatever the
// destination's alignment and stride, and nothing outside the pixels may be touched. Whether
// this machine streams at all is decided by trials, which must convert exactly too.
#include <doctest/doctest.h>

#include <cstring>
#include <optional>
#include <random>
#include <vector>

#include "convert/stream_threshold.h"
#include "pixconv/convert.h"
#include "support/targets.h"
#include "test_hooks.h"
#include "test_images.h"

namespace pixconv {
namespace {

struct StreamCase {
  ColorModel model;
  ChannelDatatype datatype;
  OutputType to;
  Colormap colormap = Colormap::None;
  bool segmentation = false;
};

// Rows converted one by one: each a 1-row image far below the streaming threshold.
std::vector<uint8_t> RowByRow(const ImageView& src, const ConvertOptions& o) {
  const uint32_t w = src.format.width, h = src.format.height;
  const size_t out_row = size_t{w} * BytesPerPixel(o.to);
  std::vector<uint8_t> out(out_row * h);
  for (uint32_t y = 0; y < h; ++y) {
    ImageFormat row = src.format;
    row.height = 1;
    Result<ImageView> view = MakeImageView(row, src.Row(0, y), src.planes[0].stride);
    REQUIRE_MESSAGE(view.ok(), view.status().ToString());
    REQUIRE(Convert(*view, {out.data() + y * out_row, out_row, 0}, o).ok());
  }
  return out;
}

// Streamed frames of a few hundred KiB instead of the default's several MiB: the streaming
// paths are the same whatever the frame size, and small frames keep the test quick.
constexpr size_t kTestThreshold = size_t{256} << 10;

TEST_CASE("the streaming threshold: half the last-level cache, within [4, 64] MiB") {
  const size_t t = internal::StreamMinOutputBytes();
  CHECK(t >= size_t{4} << 20);
  CHECK(t <= size_t{64} << 20);
  {
    internal::ScopedStreamThresholdForTest lowered(kTestThreshold);
    CHECK(internal::StreamMinOutputBytes() == kTestThreshold);
    // The planners' rule: outputs of at least the threshold stream, smaller ones do not.
    CHECK(internal::StreamsOutput(256, 256, OutputType::RGBA8));   // 256 KiB exactly
    CHECK_FALSE(internal::StreamsOutput(256, 255, OutputType::RGBA8));
    CHECK(internal::StreamsOutput(128, 128, OutputType::RGBAF32));  // 256 KiB of f32
    CHECK_FALSE(internal::StreamsOutput(127, 129, OutputType::RGBAF32));
  }
  CHECK(internal::StreamMinOutputBytes() == t);
  // Machines with other caches: half of it, within the bounds.
  const struct {
    size_t cache_mib, threshold_mib;
  } machines[] = {{1, 4}, {8, 4}, {32, 16}, {40, 20}, {128, 64}, {512, 64}};
  for (const auto& m : machines) {
    CAPTURE(m.cache_mib);
    internal::ScopedLastLevelCacheForTest cache(m.cache_mib << 20);
    CHECK(internal::StreamMinOutputBytes() == m.threshold_mib << 20);
  }
  CHECK(internal::StreamMinOutputBytes() == t);
}

TEST_CASE("streamed outputs equal cached ones, at any destination alignment and stride") {
  internal::ScopedStreamThresholdForTest lowered(kTestThreshold);
  const StreamCase cases[] = {
      {ColorModel::L, ChannelDatatype::U8, OutputType::RGBA8},      // exact byte kernel
      {ColorModel::RGB, ChannelDatatype::U8, OutputType::RGBA8},
      {ColorModel::RGBA, ChannelDatatype::U8, OutputType::RGBA8},   // a plain copy
      {ColorModel::BGRA, ChannelDatatype::U8, OutputType::RGBAF32},
      {ColorModel::RGBA, ChannelDatatype::U16, OutputType::RGBAF32},  // samples in memory order
      {ColorModel::RGB, ChannelDatatype::F32, OutputType::RGBA8},
      {ColorModel::BGR, ChannelDatatype::F64, OutputType::RGBAF32},
      {ColorModel::L, ChannelDatatype::U16, OutputType::RGBA8, Colormap::Turbo},
      {ColorModel::L, ChannelDatatype::F32, OutputType::RGBAF32, Colormap::Viridis},
      {ColorModel::L, ChannelDatatype::U16, OutputType::RGBA8, Colormap::None, true},
  };
  std::mt19937_64 rng(11);
  const uint8_t class_colors[8] = {10, 20, 30, 255, 200, 100, 50, 128};
  for (const StreamCase& c : cases) {
    // An odd width, so rows end inside a chunk, and just enough rows to stream.
    const uint32_t w = 1283;
    const size_t out_row = size_t{w} * BytesPerPixel(c.to);
    const uint32_t h = static_cast<uint32_t>(kTestThreshold / out_row + 2);
    test::TestImage img =
        test::MakeColorImage(c.datatype, c.model, w, h, test::Profile::kWide, rng, 0, 1);
    ConvertOptions o;
    o.to = c.to;
    o.range = RangeMode::Datatype;  // the same range for the frame and each of its rows
    o.colormap = c.colormap;
    o.segmentation = c.segmentation;
    o.class_colors = {class_colors, 2};
    CAPTURE(Describe(img.view.format));
    CAPTURE(static_cast<int>(c.to));
    test::ForEachTarget([&](const char*) {
      const std::vector<uint8_t> want = RowByRow(img.view, o);
      // 0: aligned; 4 and 16: aligned after a pixel-sized head; 1: never aligned, so cached.
      for (size_t misalign : {0, 4, 16, 1}) {
        for (size_t extra_stride : {0, 12}) {
          CAPTURE(misalign);
          CAPTURE(extra_stride);
          test::GuardedOutput out = test::MakeOutput(w, h, c.to, extra_stride, misalign);
          REQUIRE(Convert(img.view, out.view(), o).ok());
          REQUIRE(out.GuardsIntact());
          for (uint32_t y = 0; y < h; ++y) {
            REQUIRE_MESSAGE(std::memcmp(out.Row(y), want.data() + y * out_row, out_row) == 0,
                            "row " << y);
          }
        }
      }
    });
  }
}

TEST_CASE("large outputs: the trials keep the faster stores, per kind of output") {
  using Stores = internal::LargeOutputStores;
  // Two kinds of large output, RGBAF32 and RGBA8 from 4 bytes of input per pixel.
  const internal::LargeOutputKind kF32{OutputType::RGBAF32, 8}, k8{OutputType::RGBA8, 8};
  auto band_is = [](const internal::LargeOutputKind& kind, Stores stores, bool timed) {
    const internal::LargeOutputBand band = internal::NextLargeOutputBand(kind);
    return band.stores == stores && band.timed == timed;
  };
  Stores verdict = Stores::kCached;
  internal::ResetStreamTrialsForTest();
  // Pairs of bands written alike, ordinary stores first, the second of each pair timed.
  CHECK(band_is(kF32, Stores::kCached, false));
  CHECK(band_is(kF32, Stores::kCached, true));
  CHECK(band_is(kF32, Stores::kStreamed, false));
  CHECK(band_is(kF32, Stores::kStreamed, true));
  CHECK(band_is(kF32, Stores::kCached, false));
  CHECK(band_is(kF32, Stores::kCached, true));
  // No verdict until each way has kStreamTrials timed bands; then the minima decide:
  // streamed 2e-9, then 1e-9, against cached 1.5e-9.
  for (int i = 0; i < internal::kStreamTrials; ++i) {
    internal::RecordStreamTrial(kF32, Stores::kCached, 1.5e-9);
    CHECK(!internal::LargeOutputVerdict(kF32, &verdict));
  }
  for (int i = 0; i < internal::kStreamTrials - 1; ++i) {
    internal::RecordStreamTrial(kF32, Stores::kStreamed, 2e-9);
    CHECK(!internal::LargeOutputVerdict(kF32, &verdict));
  }
  internal::RecordStreamTrial(kF32, Stores::kStreamed, 1e-9);
  REQUIRE(internal::LargeOutputVerdict(kF32, &verdict));
  CHECK(verdict == Stores::kStreamed);
  CHECK(band_is(kF32, Stores::kStreamed, false));
  CHECK(band_is(kF32, Stores::kStreamed, false));
  // RGBA8 outputs have trials of their own.
  CHECK(!internal::LargeOutputVerdict(k8, &verdict));
  CHECK(band_is(k8, Stores::kCached, false));
  for (int i = 0; i < internal::kStreamTrials; ++i) {
    internal::RecordStreamTrial(k8, Stores::kStreamed, 2e-9);
    internal::RecordStreamTrial(k8, Stores::kCached, 1e-9);
  }
  REQUIRE(internal::LargeOutputVerdict(k8, &verdict));
  CHECK(verdict == Stores::kCached);
  CHECK(band_is(k8, Stores::kCached, false));
  CHECK(band_is(kF32, Stores::kStreamed, false));
  // Inputs of another size per pixel, or YUV inputs of the same size, have trials of their
  // own, to either output type.
  for (const internal::LargeOutputKind& other :
       {internal::LargeOutputKind{OutputType::RGBA8, 6},
        internal::LargeOutputKind{OutputType::RGBAF32, 3},
        internal::LargeOutputKind{OutputType::RGBA8, 8, true},
        internal::LargeOutputKind{OutputType::RGBAF32, 8, true}}) {
    CHECK(!internal::LargeOutputVerdict(other, &verdict));
    CHECK(band_is(other, Stores::kCached, false));
  }
  // A threshold set for a test streams regardless of the verdict.
  {
    internal::ScopedStreamThresholdForTest lowered(kTestThreshold);
    CHECK(band_is(k8, Stores::kStreamed, false));
  }
  CHECK(band_is(k8, Stores::kCached, false));
  internal::ResetStreamTrialsForTest();
  CHECK(!internal::LargeOutputVerdict(k8, &verdict));
  CHECK(band_is(k8, Stores::kCached, false));
  CHECK(band_is(k8, Stores::kCached, true));
  // A way must win by more than kStreamMargin: at 1.08x the round is a tie, at 1.12x the faster
  // way is the verdict, whichever it is.
  static_assert(internal::kStreamMargin > 1.08 && internal::kStreamMargin < 1.12);
  for (const Stores slow : {Stores::kStreamed, Stores::kCached}) {
    const Stores fast = slow == Stores::kStreamed ? Stores::kCached : Stores::kStreamed;
    for (const double slower : {1.08, 1.12}) {
      CAPTURE(static_cast<int>(slow));
      CAPTURE(slower);
      internal::ResetStreamTrialsForTest();
      for (int i = 0; i < internal::kStreamTrials; ++i) {
        internal::RecordStreamTrial(k8, slow, slower * 1e-9);
        internal::RecordStreamTrial(k8, fast, 1e-9);
      }
      const bool decided = internal::LargeOutputVerdict(k8, &verdict);
      CHECK(decided == (slower == 1.12));
      if (decided) CHECK(verdict == fast);
    }
  }
  // After a tie, a round of its own decides: carried over, the tie's minima (1e-9 both ways)
  // would make the next round a tie too.
  internal::ResetStreamTrialsForTest();
  for (int i = 0; i < internal::kStreamTrials; ++i) {
    internal::RecordStreamTrial(k8, Stores::kStreamed, 1e-9);
    internal::RecordStreamTrial(k8, Stores::kCached, 1e-9);
  }
  CHECK(!internal::LargeOutputVerdict(k8, &verdict));
  for (int i = 0; i < internal::kStreamTrials - 1; ++i) {
    internal::RecordStreamTrial(k8, Stores::kStreamed, 2e-9);
    internal::RecordStreamTrial(k8, Stores::kCached, 1.5e-9);
    CHECK(!internal::LargeOutputVerdict(k8, &verdict));
  }
  internal::RecordStreamTrial(k8, Stores::kStreamed, 2e-9);
  CHECK(!internal::LargeOutputVerdict(k8, &verdict));
  internal::RecordStreamTrial(k8, Stores::kCached, 1.5e-9);
  REQUIRE(internal::LargeOutputVerdict(k8, &verdict));
  CHECK(verdict == Stores::kCached);
  // Bands keep their pairs through the rounds: the trials above recorded no bands.
  internal::ResetStreamTrialsForTest();
  CHECK(band_is(k8, Stores::kCached, false));
  CHECK(band_is(k8, Stores::kCached, true));
  for (int i = 0; i < internal::kStreamTrials; ++i) {
    internal::RecordStreamTrial(k8, Stores::kStreamed, 1e-9);
    internal::RecordStreamTrial(k8, Stores::kCached, 1e-9);
  }
  CHECK(band_is(k8, Stores::kStreamed, false));
  CHECK(band_is(k8, Stores::kStreamed, true));
  internal::ResetStreamTrialsForTest();
}

TEST_CASE("large outputs: the kind of trials is the output type, the input bytes per pixel and "
          "the family") {
  const struct {
    ImageFormat format;
    uint32_t half_bytes;
    bool yuv;
  } cases[] = {
      {ImageFormat::Color(64, 4, ColorModel::L, ChannelDatatype::U8), 2, false},
      {ImageFormat::Color(64, 4, ColorModel::RGB, ChannelDatatype::U8), 6, false},
      {ImageFormat::Color(64, 4, ColorModel::RGB, ChannelDatatype::U16), 12, false},
      {ImageFormat::Color(64, 4, ColorModel::RGBA, ChannelDatatype::F64), 64, false},
      {ImageFormat::Pixel(64, 4, PixelFormat::NV12), 3, true},
      {ImageFormat::Pixel(64, 4, PixelFormat::Y_U_V12_FullRange), 3, true},
      {ImageFormat::Pixel(64, 4, PixelFormat::YUY2), 4, true},
      {ImageFormat::Pixel(64, 4, PixelFormat::Y_U_V24_LimitedRange), 6, true},
      {ImageFormat::Pixel(64, 4, PixelFormat::Y8_FullRange), 2, true},
  };
  for (const auto& c : cases) {
    CAPTURE(Describe(c.format));
    for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
      const internal::LargeOutputKind kind = internal::LargeOutputKindOf(c.format, to);
      CHECK(kind.to == to);
      CHECK(kind.input_half_bytes == c.half_bytes);
      CHECK(kind.yuv == c.yuv);
    }
  }
}

TEST_CASE("large outputs: frames converted as trials and after the verdict are exact") {
  // At a real threshold, so the conversions below are the trials themselves, written with
  // ordinary stores and streamed, timed and not. Under emulation, that of a machine with an
  // 8 MiB cache: frames of 4 MiB, not up to 64.
  std::optional<internal::ScopedLastLevelCacheForTest> small_cache;
  if (test::Emulated()) {
    small_cache.emplace(size_t{8} << 20);
    MESSAGE("emulated: the trials run at an 8 MiB cache's threshold, "
            << (internal::StreamMinOutputBytes() >> 20) << " MiB");
  }
  internal::ResetStreamTrialsForTest();
  const uint32_t w = 1021;
  const size_t out_row = size_t{w} * BytesPerPixel(OutputType::RGBAF32);
  const uint32_t h = static_cast<uint32_t>(internal::StreamMinOutputBytes() / out_row + 3);
  std::mt19937_64 rng(12);
  const test::TestImage img = test::MakeColorImage(ChannelDatatype::U8, ColorModel::RGB, w, h,
                                                   test::Profile::kWide, rng, 0, 1);
  ConvertOptions o;
  o.to = OutputType::RGBAF32;
  const internal::LargeOutputKind kind = internal::LargeOutputKindOf(img.view.format, o.to);
  REQUIRE(kind.input_half_bytes == 6);  // RGB U8
  const std::vector<uint8_t> want = RowByRow(img.view, o);
  auto convert_exact = [&] {
    test::GuardedOutput out = test::MakeOutput(w, h, o.to, 0, 0);
    REQUIRE(Convert(img.view, out.view(), o).ok());
    REQUIRE(out.GuardsIntact());
    for (uint32_t y = 0; y < h; ++y) {
      REQUIRE_MESSAGE(std::memcmp(out.Row(y), want.data() + y * out_row, out_row) == 0,
                      "row " << y);
    }
  };
  for (int i = 0; i < 4 * internal::kStreamTrials + 2; ++i) {
    CAPTURE(i);
    convert_exact();
  }
  // Whether those trials reached a verdict depends on their timings (a debug or sanitizer build
  // is bound by arithmetic, and its rounds tie), so each verdict is then set by trials recorded
  // here, and frames converted after it.
  using Stores = internal::LargeOutputStores;
  for (const Stores way : {Stores::kStreamed, Stores::kCached}) {
    CAPTURE(static_cast<int>(way));
    internal::ResetStreamTrialsForTest();
    const Stores other = way == Stores::kStreamed ? Stores::kCached : Stores::kStreamed;
    for (int i = 0; i < internal::kStreamTrials; ++i) {
      internal::RecordStreamTrial(kind, way, 1e-9);
      internal::RecordStreamTrial(kind, other, 2e-9);
    }
    Stores verdict = other;
    REQUIRE(internal::LargeOutputVerdict(kind, &verdict));
    REQUIRE(verdict == way);
    convert_exact();
    convert_exact();
  }
  internal::ResetStreamTrialsForTest();
}

}  // namespace
}  // namespace pixconv
