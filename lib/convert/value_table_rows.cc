// Per-target value-table row kernels (value_table.h): 8/16-bit integer samples, widened to
// 32-bit lanes, clamped into the table's span and offset to its start, then one gather of
// the output pixel per lane. The table holds finished RGBA8 pixels in the output's order.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "convert/value_table_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include <cstddef>
#include <cstdint>

#include "convert/color_plan.h"
#include "convert/row_loop-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

template <typename T>
void ValueTableRow(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                   const internal::ColorRowParams& p) {
  const hn::ScalableTag<int32_t> di;
  const hn::RebindToUnsigned<decltype(di)> du;
  const hn::Rebind<T, decltype(di)> dt;
  const auto first = hn::Set(di, p.table_first);
  const auto last = hn::Set(di, p.table_last);
  const uint32_t* HWY_RESTRICT table = p.value_table;
  ForEachBlock(width, hn::Lanes(di), sizeof(T), 4, src, dst,
               [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                   PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                 const auto v = hn::PromoteTo(di, hn::LoadU(dt, reinterpret_cast<const T*>(in)));
                 const auto index = hn::Sub(hn::Min(hn::Max(v, first), last), first);
                 hn::StoreU(hn::GatherIndex(du, table, index), du, reinterpret_cast<uint32_t*>(out));
               }, p.stream);
}

internal::ColorRowFn PickValueTableRow(ChannelDatatype t, const char** target) {
  *target = hwy::TargetName(HWY_TARGET);
  switch (t) {
    case ChannelDatatype::U8: return &ValueTableRow<uint8_t>;
    case ChannelDatatype::I8: return &ValueTableRow<int8_t>;
    case ChannelDatatype::U16: return &ValueTableRow<uint16_t>;
    case ChannelDatatype::I16: return &ValueTableRow<int16_t>;
    default: return nullptr;
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::internal {

HWY_EXPORT(PickValueTableRow);

ColorRowFn SelectValueTableRow(ChannelDatatype t, const char** target_name) {
  return HWY_DYNAMIC_DISPATCH(PickValueTableRow)(t, target_name);
}

}  // namespace pixconv::internal
#endif  // HWY_ONCE
