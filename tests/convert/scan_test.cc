// The range scan (ScanSamples, lib/convert/scan.cc) against the reference's ReferenceStats on
// every target: every datatype, row lengths across the unrolled vector loop, the single-vector
// loop and the scalar tail, NaN and +-Inf anywhere, padded strides whose padding holds values
// that would change the result if the scan read them.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "reference.h"
#include "support/targets.h"
#include "test_images.h"

namespace pixconv {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// Writes v as one little-endian sample of type t.
void WriteSample(ChannelDatatype t, double v, uint8_t* dst) {
  auto put = [dst](auto x) { std::memcpy(dst, &x, sizeof(x)); };
  switch (t) {
    case ChannelDatatype::U8: return put(static_cast<uint8_t>(v));
    case ChannelDatatype::I8: return put(static_cast<int8_t>(v));
    case ChannelDatatype::U16: return put(static_cast<uint16_t>(v));
    case ChannelDatatype::I16: return put(static_cast<int16_t>(v));
    case ChannelDatatype::U32: return put(static_cast<uint32_t>(v));
    case ChannelDatatype::I32: return put(static_cast<int32_t>(v));
    case ChannelDatatype::U64: return put(static_cast<uint64_t>(v));
    case ChannelDatatype::I64: return put(static_cast<int64_t>(v));
    case ChannelDatatype::F16: return put(test::HalfBits(static_cast<float>(v)));
    case ChannelDatatype::F32: return put(static_cast<float>(v));
    case ChannelDatatype::F64: return put(v);
  }
}

// Values the data never reaches: a scan that reads the padding, or mishandles a lane, moves
// its min or max onto them. Integers: the data lies in [40, 120], which every type (I8
// included) represents; writing a value outside the type would be undefined behaviour.
double PaddingLow(ChannelDatatype t) { return IsFloat(t) ? -30000.0 : 1.0; }
double PaddingHigh(ChannelDatatype t) { return IsFloat(t) ? 30000.0 : 126.0; }

struct Case {
  uint32_t width, height;
  ColorModel model;
  size_t extra_stride;
  int specials;  // floats: how many NaN / +-Inf samples to plant
  bool all_special;
};

// Builds the image, scans it on every target and compares with the reference.
void CheckScan(ChannelDatatype t, const Case& c, std::mt19937_64& rng) {
  const size_t bps = static_cast<size_t>(BytesPerSample(t));
  const size_t channels = static_cast<size_t>(ChannelCount(c.model));
  const size_t row = size_t{c.width} * channels * bps;
  const size_t stride = row + c.extra_stride * bps;
  const size_t plane = stride * (c.height - 1) + row;
  std::vector<uint8_t> bytes(plane + 3);
  uint8_t* base = bytes.data() + 3;  // unaligned
  std::uniform_real_distribution<double> value(-1000.0, 1000.0);
  std::uniform_int_distribution<int> integer(40, 120);
  const size_t per_row = size_t{c.width} * channels;
  for (uint32_t y = 0; y < c.height; ++y) {
    uint8_t* r = base + y * stride;
    for (size_t i = 0; i < per_row; ++i) {
      double v = IsFloat(t) ? value(rng) : integer(rng);
      if (t == ChannelDatatype::F16) v = std::round(v);  // exact in half precision
      if (c.all_special) v = (i % 3 == 0) ? kNaN : (i % 3 == 1 ? kInf : -kInf);
      WriteSample(t, v, r + i * bps);
    }
    for (size_t i = row; y + 1 < c.height && i < stride; i += bps) {
      WriteSample(t, (i / bps) % 2 ? PaddingHigh(t) : PaddingLow(t), r + i);
    }
  }
  if (IsFloat(t) && !c.all_special) {
    std::uniform_int_distribution<size_t> where(0, size_t{c.height} * per_row - 1);
    for (int k = 0; k < c.specials; ++k) {
      const size_t s = where(rng);
      const double special = k % 3 == 0 ? kNaN : (k % 3 == 1 ? kInf : -kInf);
      WriteSample(t, special, base + (s / per_row) * stride + (s % per_row) * bps);
    }
  }
  const ImageView view = *MakeImageView(ImageFormat::Color(c.width, c.height, c.model, t), base,
                                        plane, {c.extra_stride ? stride : 0, 0, 0});
  const ref::RefStats want = ref::ReferenceStats(view);
  test::ForEachTarget([&](const char*) {
    const Result<SampleStats> got = ScanSamples(view);
    REQUIRE(got.ok());
    CAPTURE(c.width);
    CAPTURE(c.height);
    CAPTURE(c.extra_stride);
    REQUIRE(got->finite == want.finite);
    if (want.finite) {
      CHECK(got->min == want.min);
      CHECK(got->max == want.max);
    }
  });
}

TEST_CASE("ScanSamples matches the reference on every target, datatype and row length") {
  std::mt19937_64 rng(11);
  std::vector<uint32_t> widths;
  for (uint32_t w = 1; w <= 70; ++w) widths.push_back(w);
  for (uint32_t w : {127u, 128u, 129u, 255u, 256u, 257u, 300u, 1031u}) widths.push_back(w);
  for (ChannelDatatype t : kAllDatatypes) {
    const std::string type_name(Name(t));
    CAPTURE(type_name);
    for (uint32_t w : widths) {
      for (ColorModel m : {ColorModel::L, ColorModel::RGB, ColorModel::RGBA}) {
        const Case c{w, w % 2 ? 3u : 2u, m, w % 3 == 0 ? 0u : 5u, 1 + static_cast<int>(w % 9), false};
        CheckScan(t, c, rng);
      }
    }
  }
}

TEST_CASE("ScanSamples: planted extremes in every position of a row, and rows of NaN / +-Inf") {
  std::mt19937_64 rng(12);
  // The unrolled loop keeps several accumulators: a unique min and max in each position of a
  // 300-sample row must reach the result from whichever accumulator and lane saw it.
  for (ChannelDatatype t : kAllDatatypes) {
    const std::string type_name(Name(t));
    CAPTURE(type_name);
    const size_t bps = static_cast<size_t>(BytesPerSample(t));
    const uint32_t w = 300;
    std::vector<uint8_t> bytes(w * bps);
    for (uint32_t pos = 0; pos < w; pos += IsFloat(t) ? 1 : 3) {
      for (uint32_t i = 0; i < w; ++i) WriteSample(t, 100.0, bytes.data() + i * bps);
      WriteSample(t, IsFloat(t) ? -7.0 : 41.0, bytes.data() + pos * bps);
      WriteSample(t, IsFloat(t) ? 900.0 : 119.0, bytes.data() + ((pos * 7 + 13) % w) * bps);
      if (IsFloat(t)) WriteSample(t, kInf, bytes.data() + ((pos * 5 + 1) % w) * bps);
      const ImageView view = *MakeImageView(ImageFormat::Color(w, 1, ColorModel::L, t),
                                            bytes.data(), bytes.size());
      const ref::RefStats want = ref::ReferenceStats(view);
      test::ForEachTarget([&](const char*) {
        CAPTURE(pos);
        const Result<SampleStats> got = ScanSamples(view);
        REQUIRE(got.ok());
        REQUIRE(got->finite);
        CHECK(got->min == want.min);
        CHECK(got->max == want.max);
      });
    }
  }
  for (ChannelDatatype t : {ChannelDatatype::F16, ChannelDatatype::F32, ChannelDatatype::F64}) {
    for (uint32_t w : {1u, 17u, 64u, 300u}) {
      CheckScan(t, Case{w, 2, ColorModel::L, 3, 0, true}, rng);
    }
  }
}

}  // namespace
}  // namespace pixconv
