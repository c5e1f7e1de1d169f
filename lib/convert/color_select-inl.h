// Which color-model kernel runs a ColorKernelKey on this target: the exact kernels where the
// planner chose them, otherwise the general kernel with the normalizer that keeps the
// datatype's precision. Instantiated per sample width by color_rows_*.cc.
#if defined(PIXCONV_CONVERT_COLOR_SELECT_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_COLOR_SELECT_INL_H_
#undef PIXCONV_CONVERT_COLOR_SELECT_INL_H_
#else
#define PIXCONV_CONVERT_COLOR_SELECT_INL_H_
#endif

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "convert/color_exact-inl.h"
#include "convert/color_plan.h"
#include "convert/color_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Picks K<channels, swap, f32>::Run for a key. L has no R/B to swap.
template <template <size_t, bool, bool> class K>
internal::ColorRowFn PickLayout(const internal::ColorKernelKey& key) {
  const bool f32 = key.out == OutputType::RGBAF32;
  switch (key.channels) {
    case 1:
      return f32 ? &K<1, false, true>::Run : &K<1, false, false>::Run;
    case 3:
      if (key.swap_rb) return f32 ? &K<3, true, true>::Run : &K<3, true, false>::Run;
      return f32 ? &K<3, false, true>::Run : &K<3, false, false>::Run;
    case 4:
      if (key.swap_rb) return f32 ? &K<4, true, true>::Run : &K<4, true, false>::Run;
      return f32 ? &K<4, false, true>::Run : &K<4, false, false>::Run;
    default:
      return nullptr;
  }
}

// The exact kernels have no RGBAF32 form; these adapters keep PickLayout uniform.
template <size_t kC, bool kSwapRB, bool kF32>
struct ExactU8 : ExactU8Kernel::K<kC, kSwapRB, false> {};
template <size_t kC, bool kSwapRB, bool kF32>
struct ExactU16 : ExactU16Kernel::K<kC, kSwapRB, false> {};

template <typename T>
internal::ColorRowFn PickSample(const internal::ColorKernelKey& key) {
  if constexpr (std::is_same_v<T, uint8_t>) {
    if (key.kernel == internal::ColorKernel::kExactU8) {
      return key.out == OutputType::RGBA8 ? PickLayout<ExactU8>(key) : nullptr;
    }
  }
  if constexpr (std::is_same_v<T, uint16_t>) {
    if (key.kernel == internal::ColorKernel::kExactU16) {
      return key.out == OutputType::RGBA8 ? PickLayout<ExactU16>(key) : nullptr;
    }
  }
  if constexpr (std::is_same_v<T, float>) {
    if (key.wide_math) return PickLayout<GeneralKernel<WideNorm<float>>::template K>(key);
  }
  if constexpr (sizeof(StorageT<T>) <= 2 || std::is_same_v<T, float>) {
    return PickLayout<GeneralKernel<NarrowNorm<T>>::template K>(key);
  } else if constexpr (std::is_same_v<T, uint32_t> || std::is_same_v<T, int32_t>) {
    return PickLayout<GeneralKernel<Int32Norm<T>>::template K>(key);
  } else {
    return PickLayout<GeneralKernel<WideNorm<T>>::template K>(key);
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_COLOR_SELECT_INL_H_
