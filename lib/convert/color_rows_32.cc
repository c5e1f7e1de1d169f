// Per-target instantiation of the color-model row kernels for 32-bit samples
// (U32, I32, F32).
// The kernels: color_rows-inl.h, color_exact-inl.h; the choice: color_select-inl.h.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/color_rows_32.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include "convert/color_select-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

internal::ColorRowFn PickColorRow32(const internal::ColorKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.datatype) {
    case ChannelDatatype::U32:
      return PickSample<uint32_t>(key);
    case ChannelDatatype::I32:
      return PickSample<int32_t>(key);
    case ChannelDatatype::F32:
      return PickSample<float>(key);
    default:
      return nullptr;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickColorRow32);

ColorRowFn SelectColorRow32(const ColorKernelKey& key, const char** target) {
  return HWY_DYNAMIC_DISPATCH(PickColorRow32)(key, target);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
