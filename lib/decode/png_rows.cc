// Highway kernels for the hottest row expansion: RGB8 to RGBA8 with opaque alpha.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "decode/png_rows.cc"
#include "hwy/foreach_target.h"  // IWYU pragma: keep

#include "decode/png_expand.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::decode_internal::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void Rgb8ToRgba8Row(const uint8_t* src, size_t pixels, uint8_t* dst) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto opaque = hn::Set(d, 255);
  size_t i = 0;
  for (; i + lanes <= pixels; i += lanes) {
    hn::Vec<decltype(d)> r, g, b;
    hn::LoadInterleaved3(d, src + 3 * i, r, g, b);
    hn::StoreInterleaved4(r, g, b, opaque, d, dst + 4 * i);
  }
  for (; i < pixels; ++i) {
    dst[4 * i] = src[3 * i];
    dst[4 * i + 1] = src[3 * i + 1];
    dst[4 * i + 2] = src[3 * i + 2];
    dst[4 * i + 3] = 255;
  }
}

}  // namespace pixconv::decode_internal::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace pixconv::decode_internal {

HWY_EXPORT(Rgb8ToRgba8Row);

void Rgb8ToRgba8(const uint8_t* src, size_t pixels, uint8_t* dst) {
  HWY_DYNAMIC_DISPATCH(Rgb8ToRgba8Row)(src, pixels, dst);
}

}  // namespace pixconv::decode_internal
#endif  // HWY_ONCE
