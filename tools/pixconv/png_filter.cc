// The writer's filter kernels, compiled for every Highway target. Filtering, unlike
// unfiltering, reads only the original rows, so every filter is one vector loop.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "pixconv/png_filter.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstdlib>

#include "hwy/highway.h"
#include "pixconv/png_filter.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::cli::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

int ScalarPredictor(int filter, int a, int b, int c) {
  switch (filter) {
    case 1: return a;
    case 2: return b;
    case 3: return (a + b) >> 1;
    case 4: {
      const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
      if (pa <= pb && pa <= pc) return a;
      return pb <= pc ? b : c;
    }
    default: return 0;
  }
}

// Sum of |int8(out[i])|.
uint64_t SignedMagnitudeSum(const uint8_t* out, size_t bytes) {
  const hn::ScalableTag<uint8_t> d;
  const hn::RebindToSigned<decltype(d)> di;
  const hn::Repartition<uint64_t, decltype(d)> d64;
  const size_t lanes = hn::Lanes(d);
  auto sums = hn::Zero(d64);
  size_t i = 0;
  for (; i + lanes <= bytes; i += lanes) {
    const auto magnitude = hn::BitCast(d, hn::Abs(hn::BitCast(di, hn::LoadU(d, out + i))));
    sums = hn::Add(sums, hn::SumsOf8(magnitude));
  }
  uint64_t sum = hn::GetLane(hn::SumOfLanes(d64, sums));
  for (; i < bytes; ++i) sum += static_cast<uint64_t>(std::abs(static_cast<int8_t>(out[i])));
  return sum;
}

uint64_t FilterRow(int filter, int bpp, const uint8_t* row, const uint8_t* prev, size_t bytes,
                   uint8_t* out) {
  const size_t first = static_cast<size_t>(bpp) < bytes ? static_cast<size_t>(bpp) : bytes;
  for (size_t i = 0; i < first; ++i) {
    out[i] = static_cast<uint8_t>(row[i] - ScalarPredictor(filter, 0, prev[i], 0));
  }
  // Full vectors from `first` on, over 16-bit lanes (Paeth needs 10 bits); a = row[i - bpp].
  const hn::ScalableTag<int16_t> dw;
  const hn::Rebind<uint8_t, decltype(dw)> d8;
  const size_t lanes = hn::Lanes(dw);
  size_t i = first;
  for (; filter != 0 && i + lanes <= bytes; i += lanes) {
    const auto x = hn::LoadU(d8, row + i);
    const auto a8 = hn::LoadU(d8, row + i - bpp);
    const auto b8 = hn::LoadU(d8, prev + i);
    hn::Vec<decltype(d8)> predictor;
    if (filter == 1) {
      predictor = a8;
    } else if (filter == 2) {
      predictor = b8;
    } else if (filter == 3) {
      // floor((a + b) / 2) without overflow (Highway 1.0.3's AverageRound of bytes wraps at
      // 256 on SVE).
      predictor = hn::Add(hn::And(a8, b8), hn::ShiftRight<1>(hn::Xor(a8, b8)));
    } else {
      const auto a = hn::PromoteTo(dw, a8);
      const auto b = hn::PromoteTo(dw, b8);
      const auto c = hn::PromoteTo(dw, hn::LoadU(d8, prev + i - bpp));
      const auto bc = hn::Sub(b, c);
      const auto ac = hn::Sub(a, c);
      const auto pa = hn::Abs(bc);
      const auto pb = hn::Abs(ac);
      const auto pc = hn::Abs(hn::Add(ac, bc));
      const auto not_a = hn::Or(hn::Lt(pb, pa), hn::Lt(pc, pa));
      const auto b_or_c = hn::IfThenElse(hn::Lt(pc, pb), c, b);
      predictor = hn::DemoteTo(d8, hn::IfThenElse(not_a, b_or_c, a));
    }
    hn::StoreU(hn::Sub(x, predictor), d8, out + i);
  }
  for (; i < bytes; ++i) {
    const int a = row[i - bpp], b = prev[i], c = prev[i - bpp];
    out[i] = static_cast<uint8_t>(row[i] - ScalarPredictor(filter, a, b, c));
  }
  return SignedMagnitudeSum(out, bytes);
}

}  // namespace pixconv::cli::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::cli {

HWY_EXPORT(FilterRow);

uint64_t FilterPngRow(int filter, int bpp, const uint8_t* row, const uint8_t* prev, size_t bytes,
                      uint8_t* out) {
  return HWY_DYNAMIC_DISPATCH(FilterRow)(filter, bpp, row, prev, bytes, out);
}

}  // namespace pixconv::cli
#endif  // HWY_ONCE
