// Hand-computed cases that pin the reference to lib/README.md section 3 (color-model images, the
// sRGB curves, quantization). YUV cases: reference_yuv_test.cc.
#include "reference.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "reference_test_util.h"

namespace pixconv::ref {
namespace {

using testing::LineImage;
using testing::LittleEndian;
using testing::View;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
constexpr float kInff = std::numeric_limits<float>::infinity();

// Options under which steps 1-6 reduce to step 1-3: no transfer change, no premultiply.
ConvertOptions NoTransfer(RangeMode range = RangeMode::Auto) {
  ConvertOptions opts;
  opts.to = OutputType::RGBAF32;
  opts.input_transfer = InputTransfer::Linear;
  opts.output_transfer = OutputTransfer::Linear;
  opts.range = range;
  return opts;
}

ConvertOptions ExplicitRange(double lo, double hi) {
  ConvertOptions opts = NoTransfer(RangeMode::Explicit);
  opts.range_lo = lo;
  opts.range_hi = hi;
  return opts;
}

// The normalized value t of every pixel of an L image (its red channel; L expands to t,t,t).
std::vector<double> NormalizedL(const ImageView& src, const ConvertOptions& opts) {
  const std::vector<double> out = ConvertReference(src, opts);
  std::vector<double> t;
  for (size_t i = 0; i < out.size(); i += 4) t.push_back(out[i]);
  return t;
}

struct Range {
  double lo, hi;
};
Range RangeOf(const ImageView& src, const ConvertOptions& opts) {
  Range r{};
  ReferenceRange(src, opts, &r.lo, &r.hi);
  return r;
}

void CheckRange(const ImageView& src, const ConvertOptions& opts, double lo, double hi) {
  const Range r = RangeOf(src, opts);
  CHECK(r.lo == lo);
  CHECK(r.hi == hi);
}

// ---------------------------------------------------------------------------------------
// Range rules (lib/README.md 3.1), one by one.

// Every U8 image lies in [0,255], so the U8 rule agrees with the [0,255] rule; what it pins
// is that no other rule (min == max in particular) comes first.
TEST_CASE("Auto range: U8 is always [0,255], even when the data would pick another rule") {
  LineImage<uint8_t> narrow(ChannelDatatype::U8, {10, 20});
  CheckRange(narrow.view, {}, 0, 255);
  LineImage<uint8_t> uniform(ChannelDatatype::U8, {7, 7});  // would be [6,8] for U16
  CheckRange(uniform.view, {}, 0, 255);
  CHECK(ExpectedRgba8(narrow.view, {}) == std::vector<uint8_t>{10, 10, 10, 255, 20, 20, 20, 255});
}

TEST_CASE("Auto range: float data inside [0,1] maps to [0,1]") {
  LineImage<float> inside(ChannelDatatype::F32, {0.25f, 0.75f});
  CheckRange(inside.view, {}, 0, 1);
  LineImage<double> edges(ChannelDatatype::F64, {0.0, 1.0});  // both ends inclusive
  CheckRange(edges.view, {}, 0, 1);
  CHECK(NormalizedL(inside.view, NoTransfer()) == std::vector<double>{0.25, 0.75});
}

TEST_CASE("Auto range: data inside [0,255] maps to [0,255], for any datatype") {
  LineImage<uint16_t> u16(ChannelDatatype::U16, {3, 200});
  CheckRange(u16.view, {}, 0, 255);
  LineImage<int32_t> i32(ChannelDatatype::I32, {0, 255});
  CheckRange(i32.view, {}, 0, 255);
  LineImage<float> f32(ChannelDatatype::F32, {0.5f, 2.0f});  // float above 1: not [0,1]
  CheckRange(f32.view, {}, 0, 255);
  CHECK(NormalizedL(u16.view, NoTransfer()) == std::vector<double>{3.0 / 255, 200.0 / 255});
}

TEST_CASE("Auto range: a uniform image gets [min-1, max+1]") {
  LineImage<uint16_t> u16(ChannelDatatype::U16, {1000, 1000});
  CheckRange(u16.view, {}, 999, 1001);
  CHECK(NormalizedL(u16.view, NoTransfer()) == std::vector<double>{0.5, 0.5});
  LineImage<int16_t> negative(ChannelDatatype::I16, {-5});
  CheckRange(negative.view, {}, -6, -4);
}

TEST_CASE("Auto range: otherwise [min, max]") {
  LineImage<int16_t> i16(ChannelDatatype::I16, {-100, 300, 100});
  CheckRange(i16.view, {}, -100, 300);
  CHECK(NormalizedL(i16.view, NoTransfer()) == std::vector<double>{0.0, 1.0, 0.5});
  LineImage<uint16_t> u16(ChannelDatatype::U16, {0, 256});  // just past the 255 rule
  CheckRange(u16.view, {}, 0, 256);
}

TEST_CASE("Auto range: NaN and +-Inf are skipped by the scan, then map to 0 / 1 / 0") {
  LineImage<float> f32(ChannelDatatype::F32, {kNaNf, kInff, -kInff, -2.0f, 300.0f});
  CheckRange(f32.view, {}, -2, 300);
  CHECK(NormalizedL(f32.view, NoTransfer()) == std::vector<double>{0.0, 1.0, 0.0, 0.0, 1.0});
}

TEST_CASE("Auto range: the scan covers every channel, alpha included") {
  const std::vector<uint8_t> bytes = LittleEndian<uint16_t>({10, 20, 30, 1000});
  const ImageView view =
      View(ImageFormat::Color(1, 1, ColorModel::RGBA, ChannelDatatype::U16), bytes);
  CheckRange(view, {}, 10, 1000);  // without alpha it would be [0,255]
}

TEST_CASE("Auto range: no finite sample falls back to the datatype's range") {
  LineImage<float> f32(ChannelDatatype::F32, {kNaNf, kInff});
  CheckRange(f32.view, {}, 0, 1);
  LineImage<uint16_t> f16(ChannelDatatype::F16, {0x7E00, 0xFC00});  // NaN, -Inf
  CheckRange(f16.view, {}, 0, 1);
}

TEST_CASE("Depth range is [0, finite max]") {
  LineImage<uint16_t> u16(ChannelDatatype::U16, {100, 4000});
  CheckRange(u16.view, NoTransfer(RangeMode::Depth), 0, 4000);
  CHECK(NormalizedL(u16.view, NoTransfer(RangeMode::Depth)) ==
        std::vector<double>{100.0 / 4000, 1.0});
  LineImage<float> f32(ChannelDatatype::F32, {1.5f, kInff, kNaNf, 3.0f});
  CheckRange(f32.view, NoTransfer(RangeMode::Depth), 0, 3);
  LineImage<uint8_t> u8(ChannelDatatype::U8, {10, 20});  // the U8 rule is Auto's only
  CheckRange(u8.view, NoTransfer(RangeMode::Depth), 0, 20);
}

TEST_CASE("Datatype range: integers their full range, floats [0,1]") {
  struct Case {
    ChannelDatatype t;
    double lo, hi;
  };
  const Case cases[] = {
      {ChannelDatatype::U8, 0, 255},
      {ChannelDatatype::I8, -128, 127},
      {ChannelDatatype::U16, 0, 65535},
      {ChannelDatatype::I16, -32768, 32767},
      {ChannelDatatype::U32, 0, 4294967295.0},
      {ChannelDatatype::I32, -2147483648.0, 2147483647.0},
      {ChannelDatatype::U64, 0, 18446744073709551616.0},  // 2^64 - 1 rounds to 2^64
      {ChannelDatatype::I64, -9223372036854775808.0, 9223372036854775808.0},
      {ChannelDatatype::F16, 0, 1},
      {ChannelDatatype::F32, 0, 1},
      {ChannelDatatype::F64, 0, 1},
  };
  for (const Case& c : cases) {
    CAPTURE(static_cast<int>(c.t));
    double lo = -1, hi = -1;
    RefDatatypeRange(c.t, &lo, &hi);
    CHECK(lo == c.lo);
    CHECK(hi == c.hi);
  }
  LineImage<int16_t> i16(ChannelDatatype::I16, {-32768, 32767});
  CHECK(NormalizedL(i16.view, NoTransfer(RangeMode::Datatype)) == std::vector<double>{0.0, 1.0});
}

TEST_CASE("Explicit range is used as given; lo > hi inverts") {
  LineImage<uint8_t> u8(ChannelDatatype::U8, {100, 150, 200, 250});
  CheckRange(u8.view, ExplicitRange(200, 100), 200, 100);
  CHECK(NormalizedL(u8.view, ExplicitRange(200, 100)) == std::vector<double>{1.0, 0.5, 0.0, 0.0});
  CHECK(NormalizedL(u8.view, ExplicitRange(100, 200)) == std::vector<double>{0.0, 0.5, 1.0, 1.0});
}

TEST_CASE("Normalize clamps to [0,1] and maps NaN to 0") {
  LineImage<float> f32(ChannelDatatype::F32, {-0.5f, 1.5f, kNaNf, 0.25f});
  CHECK(NormalizedL(f32.view, NoTransfer(RangeMode::Datatype)) ==
        std::vector<double>{0.0, 1.0, 0.0, 0.25});
}

// ---------------------------------------------------------------------------------------
// Samples: every width, signedness, F16, and v - lo without precision loss.

TEST_CASE("Integer samples are read sign-extended from little-endian bytes") {
  LineImage<int8_t> i8(ChannelDatatype::I8, {-128, -1, 127});
  CHECK(ReadSample(i8.view, 0, 0, 0) == -128);
  CHECK(ReadSample(i8.view, 1, 0, 0) == -1);
  CHECK(ReadSample(i8.view, 2, 0, 0) == 127);
  LineImage<int32_t> i32(ChannelDatatype::I32, {-2147483647 - 1, 0x12345678});
  CHECK(ReadSample(i32.view, 0, 0, 0) == -2147483648.0);
  CHECK(ReadSample(i32.view, 1, 0, 0) == 305419896.0);
  LineImage<uint32_t> u32(ChannelDatatype::U32, {0xFFFFFFFFu});
  CHECK(ReadSample(u32.view, 0, 0, 0) == 4294967295.0);
  // Byte order: 0x0102 stored as 02 01.
  const std::vector<uint8_t> bytes = {0x02, 0x01};
  const ImageView u16 = View(ImageFormat::Color(1, 1, ColorModel::L, ChannelDatatype::U16), bytes);
  CHECK(ReadSample(u16, 0, 0, 0) == 258.0);
}

TEST_CASE("F16 is decoded bit by bit: normals, subnormals, zeros, infinities, NaN") {
  CHECK(DecodeF16(0x3C00) == 1.0);
  CHECK(DecodeF16(0xC000) == -2.0);
  CHECK(DecodeF16(0x3555) == 0.333251953125);           // 1.0101010101b * 2^-2
  CHECK(DecodeF16(0x7BFF) == 65504.0);                  // largest finite
  CHECK(DecodeF16(0x0400) == std::ldexp(1.0, -14));     // smallest normal
  CHECK(DecodeF16(0x0001) == std::ldexp(1.0, -24));     // smallest subnormal
  CHECK(DecodeF16(0x03FF) == std::ldexp(1023.0, -24));  // largest subnormal
  CHECK(DecodeF16(0x0000) == 0.0);
  CHECK(std::signbit(DecodeF16(0x8000)));
  CHECK(DecodeF16(0x7C00) == kInf);
  CHECK(DecodeF16(0xFC00) == -kInf);
  CHECK(std::isnan(DecodeF16(0x7E00)));
  CHECK(std::isnan(DecodeF16(0x7C01)));  // signalling NaN pattern, still NaN
}

TEST_CASE("F16 images: specials through the range rules and normalization") {
  // +Inf, NaN, 65504, smallest subnormal, -Inf, 1.0
  LineImage<uint16_t> f16(ChannelDatatype::F16, {0x7C00, 0x7E00, 0x7BFF, 0x0001, 0xFC00, 0x3C00});
  CHECK(NormalizedL(f16.view, NoTransfer(RangeMode::Datatype)) ==
        std::vector<double>{1.0, 0.0, 1.0, std::ldexp(1.0, -24), 0.0, 1.0});
  CheckRange(f16.view, {}, std::ldexp(1.0, -24), 65504.0);  // finite min / max
}

TEST_CASE("U32 near 4e9 with a 1000-wide explicit range keeps full precision") {
  // In float, 4000000250 would read as 4000000256 and t would be off by 0.006.
  LineImage<uint32_t> u32(ChannelDatatype::U32,
                          {4000000000u, 4000000250u, 4000001000u, 3999999999u, 4294967295u});
  CHECK(NormalizedL(u32.view, ExplicitRange(4e9, 4e9 + 1000)) ==
        std::vector<double>{0.0, 0.25, 1.0, 0.0, 1.0});
  // A fractional bound: the integer part is subtracted exactly, then the fraction.
  CHECK(NormalizedL(u32.view, ExplicitRange(4e9 + 0.5, 4e9 + 1000.5)) ==
        std::vector<double>{0.0, 249.5 / 1000, 999.5 / 1000, 0.0, 1.0});
  LineImage<int16_t> i16(ChannelDatatype::I16, {0, -10});
  CHECK(NormalizedL(i16.view, ExplicitRange(-10.5, 9.5)) ==
        std::vector<double>{10.5 / 20, 0.5 / 20});
}

TEST_CASE("U64 near 1.8e19 with a narrow range is subtracted exactly") {
  // Doubles are 2048 apart at 1.8e19, so a range bound can only be that precise; the
  // samples between are not doubles at all and must be subtracted as integers.
  const uint64_t lo = 18000000000000000000u;  // a double exactly
  LineImage<uint64_t> u64(ChannelDatatype::U64,
                          {lo, lo + 1, lo + 1000, lo + 2047, lo - 1, 18446744073709551615u});
  CHECK(NormalizedL(u64.view, ExplicitRange(1.8e19, 1.8e19 + 2048)) ==
        std::vector<double>{0.0, 1.0 / 2048, 1000.0 / 2048, 2047.0 / 2048, 0.0, 1.0});
  // Auto picks [min, max] = [lo, lo + 4096] (both doubles) from the data.
  LineImage<uint64_t> auto_range(ChannelDatatype::U64, {lo, lo + 4096, lo + 1000});
  CheckRange(auto_range.view, {}, 1.8e19, 1.8e19 + 4096);
  CHECK(NormalizedL(auto_range.view, NoTransfer()) == std::vector<double>{0.0, 1.0, 1000.0 / 4096});
}

TEST_CASE("I64 near its minimum with a narrow range is subtracted exactly") {
  const int64_t min = std::numeric_limits<int64_t>::min();
  LineImage<int64_t> i64(ChannelDatatype::I64, {min, min + 1000, min + 2048});
  CHECK(NormalizedL(i64.view, ExplicitRange(-0x1p63, -0x1p63 + 2048)) ==
        std::vector<double>{0.0, 1000.0 / 2048, 1.0});
}

TEST_CASE("I64 and U64 extremes in Datatype mode") {
  const int64_t min = std::numeric_limits<int64_t>::min();
  const int64_t max = std::numeric_limits<int64_t>::max();
  // Range [-2^63, 2^63]: 0 sits exactly in the middle; max - lo = 2^64 - 1 rounds to 2^64.
  LineImage<int64_t> i64(ChannelDatatype::I64, {min, max, 0});
  CHECK(NormalizedL(i64.view, NoTransfer(RangeMode::Datatype)) ==
        std::vector<double>{0.0, 1.0, 0.5});
  LineImage<uint64_t> u64(ChannelDatatype::U64, {0, 0x8000000000000000u, 0xFFFFFFFFFFFFFFFFu});
  CHECK(NormalizedL(u64.view, NoTransfer(RangeMode::Datatype)) ==
        std::vector<double>{0.0, 0.5, 1.0});
}

TEST_CASE("Samples are read at any alignment and through padded row strides") {
  // A 2x2 RGB/F32 image starting one byte into the buffer, rows 29 bytes apart (24 used).
  const std::vector<float> values = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f,
                                     0.7f, 0.8f, 0.9f, 1.0f, 0.0f, 0.25f};
  std::vector<uint8_t> bytes(1 + 29 + 24, 0xEE);
  for (int row = 0; row < 2; ++row) {
    for (int i = 0; i < 6; ++i) {
      const std::vector<uint8_t> le = LittleEndian<float>({values[size_t(row * 6 + i)]});
      std::copy(le.begin(), le.end(), bytes.begin() + 1 + row * 29 + i * 4);
    }
  }
  const ImageFormat format = ImageFormat::Color(2, 2, ColorModel::RGB, ChannelDatatype::F32);
  Result<ImageView> view = MakeImageView(format, bytes.data() + 1, bytes.size() - 1, {29});
  REQUIRE(view.ok());
  for (uint32_t y = 0; y < 2; ++y) {
    for (uint32_t x = 0; x < 2; ++x) {
      for (int c = 0; c < 3; ++c) {
        CHECK(ReadSample(*view, x, y, c) == double(values[y * 6 + x * 3 + uint32_t(c)]));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Transfer (lib/README.md 3.5).

TEST_CASE("sRGB curves at their breakpoints and at 0, 1/2 and 1") {
  // Decode: linear segment up to and including 0.04045.
  CHECK(SrgbToLinear(0.0) == 0.0);
  CHECK(SrgbToLinear(0.04045) == doctest::Approx(0.0031308049535603713).epsilon(1e-13));   // /12.92
  CHECK(SrgbToLinear(0.0404501) == doctest::Approx(0.003130815155192346).epsilon(1e-13));  // power
  CHECK(SrgbToLinear(0.5) ==
        doctest::Approx(0.21404114048223255).epsilon(1e-13));  // (0.555/1.055)^2.4
  CHECK(SrgbToLinear(1.0) == doctest::Approx(1.0).epsilon(1e-15));
  // Encode: linear segment up to and including 0.0031308 (the power branch there would give
  // 0.04044990748).
  CHECK(LinearToSrgb(0.0) == 0.0);
  CHECK(LinearToSrgb(0.0031308) == doctest::Approx(0.040449936).epsilon(1e-13));  // 12.92 c
  CHECK(LinearToSrgb(0.5) ==
        doctest::Approx(0.7353569830524495).epsilon(1e-13));  // 1.055 c^(1/2.4) - 0.055
  CHECK(LinearToSrgb(1.0) == doctest::Approx(1.0).epsilon(1e-15));
  // The two segments meet to within 3e-9 (decode) and 3e-8 (encode): the branch matters at
  // the tolerances above.
}

TEST_CASE("Input transfer Auto follows Rerun's heuristic") {
  ConvertOptions automatic;
  automatic.input_transfer = InputTransfer::Auto;
  LineImage<uint8_t> u8(ChannelDatatype::U8, {0, 1});
  CHECK(ReferenceInputIsSrgb(u8.view, automatic));
  LineImage<uint16_t> u16_255(ChannelDatatype::U16, {0, 255});
  CHECK(ReferenceInputIsSrgb(u16_255.view, automatic));
  LineImage<uint16_t> u16_256(ChannelDatatype::U16, {0, 256});
  CHECK_FALSE(ReferenceInputIsSrgb(u16_256.view, automatic));
  LineImage<int16_t> negative(ChannelDatatype::I16, {-1, 5});
  CHECK_FALSE(ReferenceInputIsSrgb(negative.view, automatic));
  LineImage<float> f32_unit(ChannelDatatype::F32, {0.0f, 1.0f, kNaNf});
  CHECK(ReferenceInputIsSrgb(f32_unit.view, automatic));
  LineImage<float> f32_255(ChannelDatatype::F32, {0.0f, 2.0f});  // [0,255] counts for integers only
  CHECK_FALSE(ReferenceInputIsSrgb(f32_255.view, automatic));
  LineImage<float> f32_nan(ChannelDatatype::F32, {kNaNf});  // no finite sample: [0,1]
  CHECK(ReferenceInputIsSrgb(f32_nan.view, automatic));
  // Explicit choices ignore the data.
  ConvertOptions srgb, linear;
  srgb.input_transfer = InputTransfer::Srgb;
  linear.input_transfer = InputTransfer::Linear;
  CHECK(ReferenceInputIsSrgb(u16_256.view, srgb));
  CHECK_FALSE(ReferenceInputIsSrgb(u8.view, linear));
}

TEST_CASE("Output transfer Default is sRGB for RGBA8 and linear for RGBAF32") {
  ConvertOptions opts;
  opts.to = OutputType::RGBA8;
  CHECK(ReferenceOutputIsSrgb(opts));
  opts.to = OutputType::RGBAF32;
  CHECK_FALSE(ReferenceOutputIsSrgb(opts));
  opts.output_transfer = OutputTransfer::Srgb;
  CHECK(ReferenceOutputIsSrgb(opts));
  opts.to = OutputType::RGBA8;
  opts.output_transfer = OutputTransfer::Linear;
  CHECK_FALSE(ReferenceOutputIsSrgb(opts));
}

TEST_CASE("sRGB input to linear F32 decodes RGB and leaves alpha alone") {
  const std::vector<uint8_t> bytes = {128, 64, 200, 128, 10, 0, 255, 255};
  const ImageView view =
      View(ImageFormat::Color(2, 1, ColorModel::RGBA, ChannelDatatype::U8), bytes);
  const std::vector<float> out = ExpectedRgbaF32(view, {});
  REQUIRE(out.size() == 8);
  CHECK(out[0] == doctest::Approx(0.21586050011389926).epsilon(1e-7));  // ((c+0.055)/1.055)^2.4
  CHECK(out[1] == doctest::Approx(0.05126945837404324).epsilon(1e-7));
  CHECK(out[2] == doctest::Approx(0.5775804404296506).epsilon(1e-7));
  CHECK(out[3] == float(128.0 / 255.0));                                 // alpha is not decoded
  CHECK(out[4] == doctest::Approx(0.003035269835488375).epsilon(1e-7));  // (10/255) / 12.92
  CHECK(out[5] == 0.0f);
  CHECK(out[6] == 1.0f);
  CHECK(out[7] == 1.0f);
}

TEST_CASE("Linear input to RGBA8 encodes RGB") {
  // U16 [0,1000] under Auto: range [0,1000], transfer linear (max > 255), output sRGB.
  LineImage<uint16_t> u16(ChannelDatatype::U16, {0, 1000, 500});
  ConvertOptions opts;
  opts.input_transfer = InputTransfer::Auto;
  // encode(0.5) = 0.73535698 -> 187.516 -> 188.
  CHECK(ExpectedRgba8(u16.view, opts) ==
        std::vector<uint8_t>{0, 0, 0, 255, 255, 255, 255, 255, 188, 188, 188, 255});
}

// ---------------------------------------------------------------------------------------
// Swizzle, premultiply, order, quantize.

TEST_CASE("BGR and BGRA inputs are swizzled to RGB order") {
  const std::vector<uint8_t> bgr = {10, 20, 30};
  CHECK(ExpectedRgba8(View(ImageFormat::Color(1, 1, ColorModel::BGR, ChannelDatatype::U8), bgr),
                      {}) == std::vector<uint8_t>{30, 20, 10, 255});
  const std::vector<uint8_t> bgra = {10, 20, 30, 40};
  CHECK(ExpectedRgba8(View(ImageFormat::Color(1, 1, ColorModel::BGRA, ChannelDatatype::U8), bgra),
                      {}) == std::vector<uint8_t>{30, 20, 10, 40});
}

TEST_CASE("L expands to (t, t, t) with alpha 1; RGB gets alpha 1") {
  LineImage<uint8_t> l8(ChannelDatatype::U8, {77});
  CHECK(ExpectedRgba8(l8.view, {}) == std::vector<uint8_t>{77, 77, 77, 255});
  LineImage<uint16_t> l16(ChannelDatatype::U16, {65535, 0});
  CHECK(ExpectedRgba8(l16.view, NoTransfer(RangeMode::Datatype)) ==
        std::vector<uint8_t>{255, 255, 255, 255, 0, 0, 0, 255});
  const std::vector<uint8_t> rgb = LittleEndian<uint16_t>({0, 65535, 0});
  const ImageView view = View(ImageFormat::Color(1, 1, ColorModel::RGB, ChannelDatatype::U16), rgb);
  CHECK(ConvertReference(view, NoTransfer(RangeMode::Datatype)) ==
        std::vector<double>{0.0, 1.0, 0.0, 1.0});
}

TEST_CASE("Premultiply multiplies RGB by alpha after the transfer") {
  const std::vector<uint8_t> bytes = {255, 128, 0, 128};
  const ImageView view =
      View(ImageFormat::Color(1, 1, ColorModel::RGBA, ChannelDatatype::U8), bytes);
  ConvertOptions opts;
  opts.premultiply = true;
  // RGBA8, sRGB in and out: 255*(128/255) = 128; 128*(128/255) = 64.25 -> 64.
  CHECK(ExpectedRgba8(view, opts) == std::vector<uint8_t>{128, 64, 0, 128});
  // RGBAF32, linear out: the decoded value is multiplied, not the encoded one.
  const std::vector<float> f = ExpectedRgbaF32(view, opts);
  CHECK(f[0] == float(128.0 / 255.0));
  CHECK(f[1] == doctest::Approx(0.1083535059395259).epsilon(1e-7));  // decode(128/255) * 128/255
  CHECK(f[2] == 0.0f);
  CHECK(f[3] == float(128.0 / 255.0));
}

TEST_CASE("BGRA output order swaps R and B in the output") {
  const std::vector<uint8_t> rgb = {10, 20, 30};
  ConvertOptions bgra;
  bgra.order = ChannelOrder::BGRA;
  CHECK(ExpectedRgba8(View(ImageFormat::Color(1, 1, ColorModel::RGB, ChannelDatatype::U8), rgb),
                      bgra) == std::vector<uint8_t>{30, 20, 10, 255});
  // BGRA in, BGRA out: the bytes come through unchanged.
  const std::vector<uint8_t> in = {10, 20, 30, 40};
  CHECK(ExpectedRgba8(View(ImageFormat::Color(1, 1, ColorModel::BGRA, ChannelDatatype::U8), in),
                      bgra) == in);
}

TEST_CASE("Quantize: RGBA8 rounds half up, RGBAF32 narrows") {
  CHECK(QuantizeU8(0.0) == 0);
  CHECK(QuantizeU8(1.0) == 255);
  CHECK(QuantizeU8(0.9999999999999999) == 255);  // encode(1) in double
  CHECK(QuantizeU8(0.5 / 255) == 1);             // x*255 + 0.5 = 1 exactly
  CHECK(QuantizeU8(0.49 / 255) == 0);
  CHECK(QuantizeU8(187.516 / 255) == 188);
  CHECK(QuantizeU8(kNaN) == 0);
  CHECK(QuantizeF32(0.1) == 0.1f);
}

TEST_CASE("U8 with range [0,255] and no transfer change is exact for every value") {
  std::vector<uint8_t> bytes(256);
  for (int i = 0; i < 256; ++i) bytes[size_t(i)] = uint8_t(i);
  const ImageView view =
      View(ImageFormat::Color(256, 1, ColorModel::L, ChannelDatatype::U8), bytes);
  const std::vector<uint8_t> out = ExpectedRgba8(view, {});
  for (int i = 0; i < 256; ++i) CHECK(out[size_t(i) * 4] == i);
}

}  // namespace
}  // namespace pixconv::ref
