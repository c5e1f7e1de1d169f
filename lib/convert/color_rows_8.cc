// Per-target instantiation of the color-model row kernels for 8-bit samples
// (U8, I8).
// The kernels: color_rows-inl.h, color_exact-inl.h; the choice: color_select-inl.h.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/color_rows_8.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include "convert/color_select-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

internal::ColorRowFn PickColorRow8(const internal::ColorKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.datatype) {
    case ChannelDatatype::U8:
      return PickSample<uint8_t>(key);
    case ChannelDatatype::I8:
      return PickSample<int8_t>(key);
    default:
      return nullptr;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickColorRow8);

ColorRowFn SelectColorRow8(const ColorKernelKey& key, const char** target) {
  return HWY_DYNAMIC_DISPATCH(PickColorRow8)(key, target);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
