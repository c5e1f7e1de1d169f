#include "choices.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace pixconv::fuzz {

Delta DeltaFromByte(uint8_t b) { return Delta{static_cast<Delta::Kind>(b >> 6), uint64_t{b} & 63}; }

uint8_t DeltaToByte(const Delta& d) {
  return static_cast<uint8_t>((d.kind << 6) | (d.amount & 63));
}

Delta ReadDelta(ByteReader& in) {
  Delta d = DeltaFromByte(in.U8());
  if (d.kind == Delta::kAbsolute) d.amount = in.U64();
  return d;
}

void WriteDelta(const Delta& d, ByteWriter& out) {
  out.U8(static_cast<uint8_t>(d.kind << 6 | (d.kind == Delta::kAbsolute ? 0 : d.amount & 63)));
  if (d.kind == Delta::kAbsolute) out.U64(d.amount);
}

size_t ResolveStride(const Delta& d, size_t row_bytes) {
  switch (d.kind) {
    case Delta::kExact: return 0;
    case Delta::kMore: return row_bytes + d.amount;
    case Delta::kLess: return row_bytes > d.amount ? row_bytes - d.amount - 1 : 0;
    case Delta::kAbsolute: return static_cast<size_t>(d.amount);
  }
  return 0;
}

size_t ResolveLength(const Delta& d, std::optional<size_t> needed, size_t cap) {
  // Beyond a page past what is needed (or a page, when nothing can be), a longer buffer tests
  // nothing new; it only costs time to allocate and fill.
  const uint64_t slack = 4096;
  if (!needed) cap = std::min<size_t>(cap, slack);
  if (needed && cap > slack && *needed < cap - slack) cap = *needed + slack;
  uint64_t length = d.amount;
  if (needed && d.kind != Delta::kAbsolute) {
    const uint64_t n = *needed;
    switch (d.kind) {
      case Delta::kExact: length = n; break;
      case Delta::kMore: length = n + d.amount; break;
      case Delta::kLess: length = n > d.amount ? n - d.amount - 1 : 0; break;
      case Delta::kAbsolute: break;
    }
  }
  return static_cast<size_t>(length < cap ? length : cap);
}

double InterestingDouble(uint8_t index) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  const double values[kInterestingDoubles] = {
      0.0,         1.0,   255.0,         65535.0,     -1.0,
      0.5,         -0.0,  -32768.0,      32767.0,     4294967295.0,
      4.0e9,       1e-300, 9.007199254740993e15, -9.2e18, 1.8446744073709552e19,
      1e300,       kInf,  -kInf,         std::numeric_limits<double>::quiet_NaN(), 100.0};
  return values[index % kInterestingDoubles];
}

double ReadDouble(ByteReader& in) {
  const uint8_t s = in.U8();
  return s < ByteReader::kRawNumber ? InterestingDouble(s) : in.F64();
}

void WriteDouble(double d, ByteWriter& out) {
  for (uint8_t i = 0; i < kInterestingDoubles; ++i) {
    const double v = InterestingDouble(i);
    if (std::memcmp(&v, &d, sizeof d) == 0) return out.U8(i);
  }
  out.U8(ByteReader::kRawNumber);
  out.F64(d);
}

}  // namespace pixconv::fuzz
