// What the YUV row kernels (yuv_rows_fixed.cc, yuv_rows_float.cc) and their driver, lane-order
// and loader headers share: the kernel families (YuvKind), their dispatch, a unit's vectors.

#if defined(PIXCONV_CONVERT_YUV_ROWS_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_YUV_ROWS_INL_H_
#undef PIXCONV_CONVERT_YUV_ROWS_INL_H_
#else
#define PIXCONV_CONVERT_YUV_ROWS_INL_H_
#endif

#include <cstdint>

#include "convert/yuv_plan.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Row kernel families. 4:2:0 and 4:2:2 planar rows are alike (RunYuvRows picks the rows).
enum class YuvKind { kPlanarSub, kPlanar444, kNv12, kYuy2, kY8 };

inline YuvKind KindOf(internal::YuvLayout layout) {
  switch (layout) {
    case internal::YuvLayout::kPlanar420:
    case internal::YuvLayout::kPlanar422:
      return YuvKind::kPlanarSub;
    case internal::YuvLayout::kPlanar444:
      return YuvKind::kPlanar444;
    case internal::YuvLayout::kNv12:
      return YuvKind::kNv12;
    case internal::YuvLayout::kYuy2:
      return YuvKind::kYuy2;
    case internal::YuvLayout::kY8:
      return YuvKind::kY8;
  }
  return YuvKind::kY8;
}

// A unit is 2 * Lanes(int16) pixels, held as two int16 vectors "lo" and "hi" (their lane
// orders: yuv_lane_order-inl.h).
using D16 = hn::ScalableTag<int16_t>;
using V16 = hn::Vec<D16>;
using DU16 = hn::RebindToUnsigned<D16>;

// Picks Pick<kind, bilinear>::Get(key). Kinds without subsampled chroma ignore the filter.
template <template <YuvKind, bool> class Pick>
internal::YuvRowFn PickKind(const internal::YuvKernelKey& key) {
  const bool b = key.bilinear;
  switch (KindOf(key.layout)) {
    case YuvKind::kPlanarSub:
      return b ? Pick<YuvKind::kPlanarSub, true>::Get(key)
               : Pick<YuvKind::kPlanarSub, false>::Get(key);
    case YuvKind::kPlanar444:
      return Pick<YuvKind::kPlanar444, false>::Get(key);
    case YuvKind::kNv12:
      return b ? Pick<YuvKind::kNv12, true>::Get(key) : Pick<YuvKind::kNv12, false>::Get(key);
    case YuvKind::kYuy2:
      return b ? Pick<YuvKind::kYuy2, true>::Get(key) : Pick<YuvKind::kYuy2, false>::Get(key);
    case YuvKind::kY8:
      return Pick<YuvKind::kY8, false>::Get(key);
  }
  return nullptr;
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_YUV_ROWS_INL_H_
