// Per-target instantiation of the color-model row kernels for 16-bit samples
// (U16, I16, F16).
// The kernels: color_rows-inl.h, color_exact-inl.h; the choice: color_select-inl.h.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/color_rows_16.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include "convert/color_select-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

internal::ColorRowFn PickColorRow16(const internal::ColorKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.datatype) {
    case ChannelDatatype::U16:
      return PickSample<uint16_t>(key);
    case ChannelDatatype::I16:
      return PickSample<int16_t>(key);
    case ChannelDatatype::F16:
      return PickSample<hwy::float16_t>(key);
    default:
      return nullptr;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickColorRow16);

ColorRowFn SelectColorRow16(const ColorKernelKey& key, const char** target) {
  return HWY_DYNAMIC_DISPATCH(PickColorRow16)(key, target);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
