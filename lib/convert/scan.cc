// The finite min / max over every sample of an image (lib/README.md 3.1, RangeMode::Auto and
// Depth), in SIMD for every datatype. Integers are scanned in their own type (exact, also for
// 64-bit values) and converted to double once at the end; floats skip NaN and +-Inf.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/scan.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "convert/f16-inl.h"
#include "hwy/highway.h"
#include "pixconv/convert.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <typename T>
T LoadScalar(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}

// The vector loops keep four independent min / max pairs and fold them at the end, so that
// no vector waits for the previous one's min and max (a latency chain that would hold the
// scan well below memory speed). The pairs are named locals: SVE vectors can not be array
// elements. Four vectors per iteration, then single vectors, then scalars.

// The vector part of a scan: folds the whole vectors of samples [0, n) into vmin / vmax
// (lane-wise, by `fold(v, vmin, vmax)`) and returns how many samples it consumed; the caller
// reduces the lanes and scans the remaining scalars. `load(i)` loads the vector at sample i.
template <class D, class Load, class Fold>
HWY_INLINE size_t FoldVectors(D d, size_t n, const Load& load, const Fold& fold,
                              hn::Vec<D>& vmin, hn::Vec<D>& vmax) {
  const size_t lanes = hn::Lanes(d);
  hn::Vec<D> min0 = vmin, min1 = vmin, min2 = vmin, min3 = vmin;
  hn::Vec<D> max0 = vmax, max1 = vmax, max2 = vmax, max3 = vmax;
  size_t i = 0;
  for (; i + 4 * lanes <= n; i += 4 * lanes) {
    fold(load(i), min0, max0);
    fold(load(i + lanes), min1, max1);
    fold(load(i + 2 * lanes), min2, max2);
    fold(load(i + 3 * lanes), min3, max3);
  }
  for (; i + lanes <= n; i += lanes) fold(load(i), min0, max0);
  vmin = hn::Min(hn::Min(min0, min1), hn::Min(min2, min3));
  vmax = hn::Max(hn::Max(max0, max1), hn::Max(max2, max3));
  return i;
}

// Min / max of `n` integer samples at p, folded into *lo / *hi.
template <typename T>
void ScanIntegers(const uint8_t* HWY_RESTRICT p, size_t n, T* lo, T* hi) {
  const hn::ScalableTag<T> d;
  const size_t lanes = hn::Lanes(d);
  const T* HWY_RESTRICT samples = reinterpret_cast<const T*>(p);
  auto load = [&](size_t i) HWY_ATTR { return hn::LoadU(d, samples + i); };
  auto fold = [](hn::Vec<decltype(d)> v, hn::Vec<decltype(d)>& a, hn::Vec<decltype(d)>& b)
                  HWY_ATTR {
                    a = hn::Min(a, v);
                    b = hn::Max(b, v);
                  };
  auto vmin = hn::Set(d, *lo);
  auto vmax = hn::Set(d, *hi);
  size_t i = FoldVectors(d, n, load, fold, vmin, vmax);
  HWY_ALIGN T mins[hn::MaxLanes(d)];
  HWY_ALIGN T maxs[hn::MaxLanes(d)];
  hn::Store(vmin, d, mins);
  hn::Store(vmax, d, maxs);
  T mn = *lo, mx = *hi;
  for (size_t k = 0; k < lanes; ++k) {
    mn = std::min(mn, mins[k]);
    mx = std::max(mx, maxs[k]);
  }
  for (; i < n; ++i) {
    const T v = LoadScalar<T>(p + i * sizeof(T));
    mn = std::min(mn, v);
    mx = std::max(mx, v);
  }
  *lo = mn;
  *hi = mx;
}

// Finite min / max of `n` float samples (F16 via promotion to float), folded into *lo / *hi
// (+inf / -inf while nothing finite was seen).
template <typename T>
void ScanFloats(const uint8_t* HWY_RESTRICT p, size_t n, double* lo, double* hi) {
  using F = std::conditional_t<std::is_same_v<T, double>, double, float>;
  const hn::ScalableTag<F> df;
  const size_t lanes = hn::Lanes(df);
  const auto inf = hn::Set(df, std::numeric_limits<F>::infinity());
  const auto neg_inf = hn::Neg(inf);
  auto vmin = inf;
  auto vmax = neg_inf;
  auto load = [&](size_t i) HWY_ATTR {
    if constexpr (std::is_same_v<T, hwy::float16_t>) {
      const hn::Rebind<uint16_t, decltype(df)> du16;
      return F16BitsToFloat(df, hn::LoadU(du16, reinterpret_cast<const uint16_t*>(p + i * 2)));
    } else {
      return hn::LoadU(df, reinterpret_cast<const F*>(p + i * sizeof(F)));
    }
  };
  // Folds the finite lanes of v into the accumulators a <= b.
#if HWY_ARCH_X86 && HWY_TARGET != HWY_EMU128 && HWY_TARGET != HWY_SCALAR
  // x86 min / max return their second operand when either is NaN (Highway's Min and Max are
  // minps / maxps), so NaN lanes leave an accumulator as it is; v * 0 + v turns +-Inf into
  // NaN as well and keeps every finite v exactly. One FMA instead of IsFinite's integer
  // test and two blends. The NaN / Inf scan tests run on every target.
  const auto zero = hn::Zero(df);
  auto fold = [&](hn::Vec<decltype(df)> v, hn::Vec<decltype(df)>& a, hn::Vec<decltype(df)>& b)
                  HWY_ATTR {
                    const auto finite_or_nan = hn::MulAdd(v, zero, v);
                    a = hn::Min(finite_or_nan, a);
                    b = hn::Max(finite_or_nan, b);
                  };
#else
  auto fold = [&](hn::Vec<decltype(df)> v, hn::Vec<decltype(df)>& a, hn::Vec<decltype(df)>& b)
                  HWY_ATTR {
                    const auto finite = hn::IsFinite(v);
                    a = hn::Min(a, hn::IfThenElse(finite, v, inf));
                    b = hn::Max(b, hn::IfThenElse(finite, v, neg_inf));
                  };
#endif
  size_t i = FoldVectors(df, n, load, fold, vmin, vmax);
  HWY_ALIGN F mins[hn::MaxLanes(df)];
  HWY_ALIGN F maxs[hn::MaxLanes(df)];
  hn::Store(vmin, df, mins);
  hn::Store(vmax, df, maxs);
  double mn = *lo, mx = *hi;
  for (size_t k = 0; k < lanes; ++k) {
    mn = std::min(mn, static_cast<double>(mins[k]));
    mx = std::max(mx, static_cast<double>(maxs[k]));
  }
  for (; i < n; ++i) {
    double v;
    if constexpr (std::is_same_v<T, hwy::float16_t>) {
      // The scalar tail goes through the same vector promotion, one lane at a time.
      const hn::CappedTag<float, 1> d1;
      const hn::Rebind<uint16_t, decltype(d1)> du1;
      v = hn::GetLane(F16BitsToFloat(d1, hn::Set(du1, LoadScalar<uint16_t>(p + i * 2))));
    } else {
      v = LoadScalar<T>(p + i * sizeof(T));
    }
    if (std::isfinite(v)) {
      mn = std::min(mn, v);
      mx = std::max(mx, v);
    }
  }
  *lo = mn;
  *hi = mx;
}

template <typename T>
SampleStats ScanTyped(const ImageView& view) {
  const PlaneView& plane = view.planes[0];
  const size_t row_bytes = view.format.pixel_format
                               ? view.format.width
                               : size_t{view.format.width} *
                                     static_cast<size_t>(ChannelCount(view.format.color_model)) *
                                     sizeof(T);
  const size_t n = row_bytes / sizeof(T);
  SampleStats stats;
  if constexpr (std::is_integral_v<T>) {
    T lo = std::numeric_limits<T>::max();
    T hi = std::numeric_limits<T>::lowest();
    for (uint32_t y = 0; y < view.format.height; ++y) {
      ScanIntegers<T>(plane.data + size_t{y} * plane.stride, n, &lo, &hi);
    }
    stats.finite = true;
    stats.min = static_cast<double>(lo);
    stats.max = static_cast<double>(hi);
  } else {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (uint32_t y = 0; y < view.format.height; ++y) {
      ScanFloats<T>(plane.data + size_t{y} * plane.stride, n, &lo, &hi);
    }
    stats.finite = lo <= hi;
    stats.min = stats.finite ? lo : 0.0;
    stats.max = stats.finite ? hi : 0.0;
  }
  return stats;
}

SampleStats ScanView(const ImageView& view) {
  if (view.format.pixel_format) return ScanTyped<uint8_t>(view);
  switch (view.format.datatype) {
    case ChannelDatatype::U8: return ScanTyped<uint8_t>(view);
    case ChannelDatatype::I8: return ScanTyped<int8_t>(view);
    case ChannelDatatype::U16: return ScanTyped<uint16_t>(view);
    case ChannelDatatype::I16: return ScanTyped<int16_t>(view);
    case ChannelDatatype::U32: return ScanTyped<uint32_t>(view);
    case ChannelDatatype::I32: return ScanTyped<int32_t>(view);
    case ChannelDatatype::U64: return ScanTyped<uint64_t>(view);
    case ChannelDatatype::I64: return ScanTyped<int64_t>(view);
    case ChannelDatatype::F16: return ScanTyped<hwy::float16_t>(view);
    case ChannelDatatype::F32: return ScanTyped<float>(view);
    case ChannelDatatype::F64: return ScanTyped<double>(view);
  }
  return SampleStats{};
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv {

HWY_EXPORT(ScanView);

Result<SampleStats> ScanSamples(const ImageView& src) {
  PIXCONV_RETURN_IF_ERROR(Validate(src));
  return HWY_DYNAMIC_DISPATCH(ScanView)(src);
}

}  // namespace pixconv
#endif  // HWY_ONCE
