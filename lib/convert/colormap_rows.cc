// Per-target instantiation of the colormap row kernels (colormap_rows-inl.h) for every
// datatype of an L image.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/colormap_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include "convert/colormap_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {

internal::ColorRowFn PickColormapRow(const internal::ColorKernelKey& key, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (key.datatype) {
    case ChannelDatatype::U8: return PickColormapSample<uint8_t>(key);
    case ChannelDatatype::I8: return PickColormapSample<int8_t>(key);
    case ChannelDatatype::U16: return PickColormapSample<uint16_t>(key);
    case ChannelDatatype::I16: return PickColormapSample<int16_t>(key);
    case ChannelDatatype::U32: return PickColormapSample<uint32_t>(key);
    case ChannelDatatype::I32: return PickColormapSample<int32_t>(key);
    case ChannelDatatype::U64: return PickColormapSample<uint64_t>(key);
    case ChannelDatatype::I64: return PickColormapSample<int64_t>(key);
    case ChannelDatatype::F16: return PickColormapSample<hwy::float16_t>(key);
    case ChannelDatatype::F32: return PickColormapSample<float>(key);
    case ChannelDatatype::F64: return PickColormapSample<double>(key);
  }
  return nullptr;
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickColormapRow);

ColorRowFn SelectColormapRow(const ColorKernelKey& key, const char** target) {
  return HWY_DYNAMIC_DISPATCH(PickColormapRow)(key, target);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
