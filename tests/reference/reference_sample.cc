// Reading samples of color-model images and normalizing them (lib/README.md 1 and 3.2).
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "reference.h"

namespace pixconv::ref {
namespace {

// 128-bit integers hold every 64-bit sample and every integer part of a range bound below
// 2^100 exactly, so v - lo needs no rounding before the final conversion to double.
__extension__ typedef __int128 Int128;

// The raw bits of one sample, assembled from little-endian bytes one at a time: independent
// of the host's byte order and of the pointer's alignment.
uint64_t ReadLittleEndian(const uint8_t* p, int bytes) {
  uint64_t bits = 0;
  for (int i = 0; i < bytes; ++i) bits |= uint64_t{p[i]} << (8 * i);
  return bits;
}

const uint8_t* SamplePointer(const ImageView& src, uint32_t x, uint32_t y, int channel) {
  const ChannelDatatype t = src.format.datatype;
  const size_t index =
      size_t{x} * size_t(RefChannelCount(src.format.color_model)) + size_t(channel);
  return src.Row(0, y) + index * size_t(RefBytesPerSample(t));
}

bool IsSigned(ChannelDatatype t) {
  return t == ChannelDatatype::I8 || t == ChannelDatatype::I16 || t == ChannelDatatype::I32 ||
         t == ChannelDatatype::I64;
}

// An integer sample, sign-extended from its width.
Int128 ReadInteger(const ImageView& src, uint32_t x, uint32_t y, int channel) {
  const ChannelDatatype t = src.format.datatype;
  const int bytes = RefBytesPerSample(t);
  const uint64_t bits = ReadLittleEndian(SamplePointer(src, x, y, channel), bytes);
  if (!IsSigned(t)) return Int128(bits);
  const int shift = 64 - 8 * bytes;
  // Two's complement: move the sign bit to bit 63, reinterpret, shift back arithmetically.
  return Int128(static_cast<int64_t>(bits << shift) >> shift);
}

double ReadFloat(const ImageView& src, uint32_t x, uint32_t y, int channel) {
  const ChannelDatatype t = src.format.datatype;
  const uint64_t bits = ReadLittleEndian(SamplePointer(src, x, y, channel), RefBytesPerSample(t));
  switch (t) {
    case ChannelDatatype::F16:
      return DecodeF16(static_cast<uint16_t>(bits));
    case ChannelDatatype::F32: {
      const uint32_t b32 = static_cast<uint32_t>(bits);
      float f;
      std::memcpy(&f, &b32, sizeof(f));
      return double(f);
    }
    default: {
      double d;
      std::memcpy(&d, &bits, sizeof(d));
      return d;
    }
  }
}

// v - lo for an integer v, with a single rounding for any finite lo below 2^100 in
// magnitude: the integer part of lo is subtracted in 128-bit arithmetic, its fraction in
// double afterwards. (Rounding v to double first would turn 1.8e19 + 1000 into 1.8e19.)
double IntegerMinus(Int128 v, double lo) {
  if (!std::isfinite(lo) || std::fabs(lo) >= 0x1p100) return static_cast<double>(v) - lo;
  const double lo_floor = std::floor(lo);
  const double lo_fraction = lo - lo_floor;  // in [0, 1)
  const Int128 difference = v - static_cast<Int128>(lo_floor);
  return static_cast<double>(difference) - lo_fraction;
}

}  // namespace

int RefBytesPerSample(ChannelDatatype t) {
  switch (t) {
    case ChannelDatatype::U8:
    case ChannelDatatype::I8:
      return 1;
    case ChannelDatatype::U16:
    case ChannelDatatype::I16:
    case ChannelDatatype::F16:
      return 2;
    case ChannelDatatype::U32:
    case ChannelDatatype::I32:
    case ChannelDatatype::F32:
      return 4;
    case ChannelDatatype::U64:
    case ChannelDatatype::I64:
    case ChannelDatatype::F64:
      return 8;
  }
  return 0;
}

bool RefIsFloat(ChannelDatatype t) {
  return t == ChannelDatatype::F16 || t == ChannelDatatype::F32 || t == ChannelDatatype::F64;
}

int RefChannelCount(ColorModel m) {
  switch (m) {
    case ColorModel::L:
      return 1;
    case ColorModel::RGB:
    case ColorModel::BGR:
      return 3;
    case ColorModel::RGBA:
    case ColorModel::BGRA:
      return 4;
  }
  return 0;
}

double DecodeF16(uint16_t bits) {
  const bool negative = (bits & 0x8000) != 0;
  const int exponent = (bits >> 10) & 0x1F;
  const int mantissa = bits & 0x3FF;
  double magnitude;
  if (exponent == 0) {
    magnitude = std::ldexp(double(mantissa), -24);  // zero or subnormal: m * 2^-24
  } else if (exponent == 31) {
    magnitude = mantissa == 0 ? std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::quiet_NaN();
  } else {
    magnitude = std::ldexp(double(1024 + mantissa), exponent - 25);  // 1.m * 2^(e-15)
  }
  return negative ? -magnitude : magnitude;
}

double ReadSample(const ImageView& src, uint32_t x, uint32_t y, int channel) {
  if (RefIsFloat(src.format.datatype)) return ReadFloat(src, x, y, channel);
  return static_cast<double>(ReadInteger(src, x, y, channel));
}

double NormalizeSample(const ImageView& src, uint32_t x, uint32_t y, int channel, double lo,
                       double hi, bool clamp) {
  const double difference = RefIsFloat(src.format.datatype)
                                ? ReadFloat(src, x, y, channel) - lo
                                : IntegerMinus(ReadInteger(src, x, y, channel), lo);
  const double t = difference / (hi - lo);
  if (std::isnan(t)) return 0.0;
  if (!clamp) return std::fmin(std::fmax(t, -double{FLT_MAX}), double{FLT_MAX});
  return std::fmin(std::fmax(t, 0.0), 1.0);
}

}  // namespace pixconv::ref
