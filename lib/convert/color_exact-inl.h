// The exact integer kernels of lib/README.md section 4: U8 with range [0, 255] (the output
// bytes are the input bytes, rearranged) and U16 with range [0, 65535] to RGBA8 (integer
// rounding), with nothing else to do.
#if defined(PIXCONV_CONVERT_COLOR_EXACT_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_COLOR_EXACT_INL_H_
#undef PIXCONV_CONVERT_COLOR_EXACT_INL_H_
#else
#define PIXCONV_CONVERT_COLOR_EXACT_INL_H_
#endif

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "convert/byte_shuffle-inl.h"
#include "convert/color_normalize-inl.h"
#include "convert/color_plan.h"
#include "convert/row_loop-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// U8 with range [0, 255] and nothing else to do: the output bytes are the input bytes,
// rearranged (byte_shuffle-inl.h on x86, interleaved loads and stores elsewhere).
struct ExactU8Kernel {
  template <size_t kC, bool kSwapRB, bool kF32>
  struct K {
    static_assert(!kF32, "the exact U8 kernel writes RGBA8 only");
    static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& p) {
      const hn::ScalableTag<uint8_t> d;
      if constexpr (kC == 4 && !kSwapRB) {
        if (!p.stream) {
          std::memcpy(dst, src, width * 4);
          return;
        }
        ForEachBlock(width, hn::Lanes(d), 4, 4, src, dst,
                     [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                       for (size_t i = 0; i < 4; ++i) {
                         hn::StoreU(hn::LoadU(d, in + i * hn::Lanes(d)), d, out + i * hn::Lanes(d));
                       }
                     }, true);
      } else {
#if PIXCONV_HAVE_BYTE_SHUFFLE
        ForEachBlock(width, kShuffleBlockPixels, kC, 4, src, dst,
                     [](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                           ShuffleBlockToRgba<kC, kSwapRB>(in, out);
                         },
                     p.stream);
#else
        using V = hn::Vec<decltype(d)>;
        const V opaque = hn::Set(d, 255);
        ForEachBlock(width, hn::Lanes(d), kC, 4, src, dst,
                     [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                         PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                       V c0 = opaque, c1 = opaque, c2 = opaque, c3 = opaque;
                       LoadChannels<kC>(d, in, c0, c1, c2, c3);
                       if constexpr (kC == 1) {
                         hn::StoreInterleaved4(c0, c0, c0, opaque, d, out);
                       } else {
                         // c3 is alpha, or still opaque for RGB / BGR.
                         hn::StoreInterleaved4(kSwapRB ? c2 : c0, c1, kSwapRB ? c0 : c2, c3, d,
                                               out);
                       }
                     }, p.stream);
#endif
      }
    }
  };
};

// U16 with range [0, 65535] to RGBA8: floor(v / 257 + 0.5) == (v * 65281 + 2^23) >> 24 for
// every v in [0, 65535] (checked exhaustively in tests/convert), in 32-bit lanes.
struct ExactU16Kernel {
  template <size_t kC, bool kSwapRB, bool kF32>
  struct K {
    static_assert(!kF32, "the exact U16 kernel writes RGBA8 only");
    static void Run(const uint8_t* HWY_RESTRICT src, uint8_t* HWY_RESTRICT dst, size_t width,
                    const internal::ColorRowParams& p) {
      const hn::ScalableTag<uint32_t> d32;
      const hn::Rebind<uint16_t, decltype(d32)> d16;
      const hn::Rebind<uint8_t, decltype(d32)> d8;
      const hn::RebindToSigned<decltype(d32)> di32;
      using V8 = hn::Vec<decltype(d8)>;
      const auto mul = hn::Set(d32, 65281u);
      const auto round = hn::Set(d32, 1u << 23);
      const V8 opaque = hn::Set(d8, 255);
      auto to8 = [&](hn::Vec<decltype(d16)> v) HWY_ATTR {
        const auto q = hn::ShiftRight<24>(hn::Add(hn::Mul(hn::PromoteTo(d32, v), mul), round));
        return hn::DemoteTo(d8, hn::BitCast(di32, q));
      };
      ForEachBlock(width, hn::Lanes(d32), kC * 2, 4, src, dst,
                   [&](const uint8_t* HWY_RESTRICT in, uint8_t* HWY_RESTRICT out)
                       PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                     auto r0 = hn::Zero(d16), r1 = r0, r2 = r0, r3 = r0;
                     LoadChannels<kC>(d16, in, r0, r1, r2, r3);
                     if constexpr (kC == 1) {
                       const V8 l = to8(r0);
                       hn::StoreInterleaved4(l, l, l, opaque, d8, out);
                     } else {
                       const V8 r = to8(kSwapRB ? r2 : r0);
                       const V8 g = to8(r1);
                       const V8 b = to8(kSwapRB ? r0 : r2);
                       const V8 a = (kC == 4) ? to8(r3) : opaque;
                       hn::StoreInterleaved4(r, g, b, a, d8, out);
                     }
                   }, p.stream);
    }
  };
};

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_COLOR_EXACT_INL_H_
