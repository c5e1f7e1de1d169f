#include "test_images.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

namespace pixconv::test {
namespace {

template <typename T>
void Put(std::vector<uint8_t>& out, size_t i, T v) {
  std::memcpy(out.data() + i * sizeof(T), &v, sizeof(T));
}

// Integer samples of type T for a profile.
template <typename T>
void FillInteger(std::vector<uint8_t>& out, size_t count, Profile p, std::mt19937_64& rng) {
  using L = std::numeric_limits<T>;
  using Wide = std::conditional_t<L::is_signed, long long, unsigned long long>;
  std::uniform_int_distribution<Wide> wide(L::min(), L::max());
  auto any = [&](std::mt19937_64& r) { return static_cast<T>(wide(r)); };
  const T constant = any(rng);
  const T high_base = static_cast<T>(L::max() - 1000 < L::max() ? L::max() - 1000 : 0);
  for (size_t i = 0; i < count; ++i) {
    T v{};
    switch (p) {
      case Profile::kUnit: v = static_cast<T>(rng() & 1); break;
      case Profile::kByte:
        v = static_cast<T>(rng() % 256);
        if (sizeof(T) == 1 && L::is_signed) v = static_cast<T>(rng() % 128);
        break;
      case Profile::kConstant: v = constant; break;
      case Profile::kNarrowHigh:
        v = sizeof(T) == 1 ? static_cast<T>(L::max() - static_cast<T>(rng() % 50))
                           : static_cast<T>(high_base + static_cast<T>(rng() % 1001));
        break;
      case Profile::kWide:
      case Profile::kSpecial: {
        const uint64_t pick = rng() % 16;
        v = pick == 0 ? L::min() : pick == 1 ? L::max() : pick == 2 ? T{0} : any(rng);
        break;
      }
    }
    Put<T>(out, i, v);
  }
}

double FloatValue(ChannelDatatype t, Profile p, double constant, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const double max = t == ChannelDatatype::F16 ? 65504.0
                     : t == ChannelDatatype::F32 ? 3.0e38
                                                  : 1.0e300;
  switch (p) {
    case Profile::kUnit: return unit(rng);
    case Profile::kByte: return unit(rng) * 255.0;
    case Profile::kConstant: return constant;
    case Profile::kNarrowHigh: return (t == ChannelDatatype::F16 ? 60000.0 : 1.0e8) + std::floor(unit(rng) * 1000.0);
    case Profile::kWide:
    case Profile::kSpecial: {
      const uint64_t pick = rng() % 16;
      if (pick == 0) return -max;
      if (pick == 1) return max;
      if (pick == 2) return 0.0;
      // Log-uniform magnitudes so both tiny and huge values occur.
      const double mag = std::pow(10.0, unit(rng) * (t == ChannelDatatype::F16 ? 8.0 : 12.0) - 4.0);
      return (rng() & 1) ? mag : -mag;
    }
  }
  return 0.0;
}

// Special values mixed into the kSpecial profile (about one in eight samples).
double SpecialValue(ChannelDatatype t, std::mt19937_64& rng) {
  const double inf = std::numeric_limits<double>::infinity();
  const double denormal = t == ChannelDatatype::F16   ? 5.960464477539063e-08
                          : t == ChannelDatatype::F32 ? 1.0e-40
                                                      : 4.9e-324;
  const double values[] = {std::nan(""), inf, -inf, -0.0, denormal, -denormal, 1.0, 0.5};
  return values[rng() % 8];
}

}  // namespace

std::string ProfileName(Profile p) {
  switch (p) {
    case Profile::kUnit: return "unit";
    case Profile::kByte: return "byte";
    case Profile::kWide: return "wide";
    case Profile::kConstant: return "constant";
    case Profile::kNarrowHigh: return "narrow-high";
    case Profile::kSpecial: return "special";
  }
  return "?";
}

uint16_t HalfBits(float f) {
  uint32_t x;
  std::memcpy(&x, &f, 4);
  const uint32_t sign = (x >> 16) & 0x8000u;
  const uint32_t abs = x & 0x7FFFFFFFu;
  if (abs >= 0x7F800000u) return static_cast<uint16_t>(sign | 0x7C00u | (abs > 0x7F800000u ? 0x200u : 0));
  if (abs >= 0x477FF000u) return static_cast<uint16_t>(sign | 0x7C00u);  // rounds past 65504
  if (abs < 0x33000000u) return static_cast<uint16_t>(sign);              // below half the smallest denormal
  const int exp = static_cast<int>(abs >> 23) - 127;
  uint32_t mant = (abs & 0x7FFFFFu) | 0x800000u;
  int shift = exp < -14 ? (-14 - exp) + 13 : 13;  // denormals shift further
  uint32_t half_mant = mant >> shift;
  const uint32_t rem = mant & ((1u << shift) - 1);
  const uint32_t halfway = 1u << (shift - 1);
  if (rem > halfway || (rem == halfway && (half_mant & 1))) ++half_mant;
  if (exp < -14) return static_cast<uint16_t>(sign | half_mant);  // carries into the exponent
  return static_cast<uint16_t>(sign | ((static_cast<uint32_t>(exp + 15) << 10) + (half_mant - 0x400u)));
}

std::vector<uint8_t> MakeSamples(ChannelDatatype t, Profile p, size_t count, std::mt19937_64& rng) {
  std::vector<uint8_t> out(count * static_cast<size_t>(BytesPerSample(t)));
  switch (t) {
    case ChannelDatatype::U8: FillInteger<uint8_t>(out, count, p, rng); return out;
    case ChannelDatatype::I8: FillInteger<int8_t>(out, count, p, rng); return out;
    case ChannelDatatype::U16: FillInteger<uint16_t>(out, count, p, rng); return out;
    case ChannelDatatype::I16: FillInteger<int16_t>(out, count, p, rng); return out;
    case ChannelDatatype::U32: FillInteger<uint32_t>(out, count, p, rng); return out;
    case ChannelDatatype::I32: FillInteger<int32_t>(out, count, p, rng); return out;
    case ChannelDatatype::U64: FillInteger<uint64_t>(out, count, p, rng); return out;
    case ChannelDatatype::I64: FillInteger<int64_t>(out, count, p, rng); return out;
    case ChannelDatatype::F16: case ChannelDatatype::F32: case ChannelDatatype::F64: break;
  }
  const double constant = FloatValue(t, Profile::kWide, 0.0, rng);
  for (size_t i = 0; i < count; ++i) {
    double v = FloatValue(t, p, constant, rng);
    if (p == Profile::kSpecial && rng() % 8 == 0) v = SpecialValue(t, rng);
    if (t == ChannelDatatype::F16) {
      Put<uint16_t>(out, i, HalfBits(static_cast<float>(v)));
    } else if (t == ChannelDatatype::F32) {
      Put<float>(out, i, static_cast<float>(v));
    } else {
      Put<double>(out, i, v);
    }
  }
  return out;
}

TestImage MakeColorImage(ChannelDatatype t, ColorModel m, uint32_t width, uint32_t height,
                         Profile p, std::mt19937_64& rng, size_t extra_stride, size_t misalign) {
  const ImageFormat format = ImageFormat::Color(width, height, m, t);
  const size_t bpp = static_cast<size_t>(ChannelCount(m)) * static_cast<size_t>(BytesPerSample(t));
  const size_t row = width * bpp;
  const size_t stride = row + extra_stride;
  const size_t plane = stride * (height - 1) + row;
  TestImage img;
  img.storage.assign(misalign + plane, 0xEE);
  const std::vector<uint8_t> samples = MakeSamples(t, p, size_t{width} * height * ChannelCount(m), rng);
  for (uint32_t y = 0; y < height; ++y) {
    std::memcpy(img.storage.data() + misalign + y * stride, samples.data() + y * row, row);
  }
  Result<ImageView> view =
      MakeImageView(format, img.storage.data() + misalign, plane, {extra_stride ? stride : 0, 0, 0});
  img.view = *view;
  return img;
}

std::vector<uint8_t> ConvertInBands(const ImageView& src, const ConvertOptions& o,
                                    std::string* target) {
  const uint32_t w = src.format.width, h = src.format.height;
  GuardedOutput out = MakeOutput(w, h, o.to, 16, 4);
  Result<Converter> conv = Converter::Create(src, o);
  REQUIRE_MESSAGE(conv.ok(), conv.status().ToString());
  const uint32_t mid = h / 2 | 1;
  REQUIRE(conv->ConvertRows(src, out.view(), 0, mid < h ? mid : h).ok());
  if (mid < h) REQUIRE(conv->ConvertRows(src, out.view(), mid, h).ok());
  REQUIRE(out.GuardsIntact());
  if (target != nullptr) *target = conv->target_name();
  const size_t row_bytes = size_t{w} * BytesPerPixel(o.to);
  std::vector<uint8_t> rows(row_bytes * h);
  for (uint32_t y = 0; y < h; ++y) std::memcpy(rows.data() + y * row_bytes, out.Row(y), row_bytes);
  return rows;
}

}  // namespace pixconv::test
