// Per-target instantiation of the color-model row kernels for 64-bit samples
// (U64, I64, F64).
// The kernels: color_rows-inl.h, color_exact-inl.h; the choice: color_select-inl.h.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/color_rows_64.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include "convert/color_select-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

internal::ColorRowFn PickColorRow64(const internal::ColorKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.datatype) {
    case ChannelDatatype::U64:
      return PickSample<uint64_t>(key);
    case ChannelDatatype::I64:
      return PickSample<int64_t>(key);
    case ChannelDatatype::F64:
      return PickSample<double>(key);
    default:
      return nullptr;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickColorRow64);

ColorRowFn SelectColorRow64(const ColorKernelKey& key, const char** target) {
  return HWY_DYNAMIC_DISPATCH(PickColorRow64)(key, target);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
