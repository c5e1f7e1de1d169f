// The YUV row driver: ForEachUnit walks the luma and chroma rows of each unit, like ForEachBlock
// (row_loop-inl.h) walks one input row, with the same streaming and never outside the rows.

#if defined(PIXCONV_CONVERT_YUV_ROW_LOOP_INL_H_) == defined(HWY_TARGET_TOGGLE)
#ifdef PIXCONV_CONVERT_YUV_ROW_LOOP_INL_H_
#undef PIXCONV_CONVERT_YUV_ROW_LOOP_INL_H_
#else
#define PIXCONV_CONVERT_YUV_ROW_LOOP_INL_H_
#endif

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "convert/row_loop-inl.h"
#include "convert/yuv_plan.h"
#include "convert/yuv_rows-inl.h"
#include "hwy/highway.h"

HWY_BEFORE_NAMESPACE();
namespace pixconv::HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// One plane row as a unit sees it. Rows are indexed like YuvRowPtrs: y, c0, c1, c0_far, c1_far.
//   per2: bytes per two pixels (planar luma 2, YUY2 4, 4:2:x chroma 1, 4:4:4 chroma 2, NV12 2);
//   pairs: the row holds ceil(w/2) whole pixel pairs (chroma, YUY2) rather than w pixels;
//   lookahead: bytes a unit reads past its own pixels (bilinear: the next chroma sample);
//   sample: bytes of one chroma sample, replicated to pad a tail (the edge clamp of the
//     bilinear filter); 0 pads with zeros (luma).
struct PlaneGeom {
  bool used;
  size_t per2;
  bool pairs;
  size_t lookahead;
  size_t sample;
};

template <YuvKind kK, bool kBilinear>
constexpr PlaneGeom GeomOf(int plane) {
  constexpr PlaneGeom kUnused{false, 0, false, 0, 0};
  const size_t ahead = kBilinear ? 1 : 0;
  switch (kK) {
    case YuvKind::kPlanarSub:
      if (plane == 0) return {true, 2, false, 0, 0};
      if (plane >= 3 && !kBilinear) return kUnused;
      return {true, 1, true, ahead, 1};
    case YuvKind::kPlanar444:
      if (plane == 0) return {true, 2, false, 0, 0};
      if (plane >= 3) return kUnused;
      return {true, 2, false, 0, 1};
    case YuvKind::kNv12:
      if (plane == 0) return {true, 2, false, 0, 0};
      if (plane == 1 || (plane == 3 && kBilinear)) return {true, 2, true, 2 * ahead, 2};
      return kUnused;
    case YuvKind::kYuy2:
      if (plane == 0) return {true, 4, true, 4 * ahead, 4};
      return kUnused;
    case YuvKind::kY8:
      if (plane == 0) return {true, 2, false, 0, 0};
      return kUnused;
  }
  return kUnused;
}

inline const uint8_t*& RowAt(internal::YuvRowPtrs& rows, int plane) {
  switch (plane) {
    case 0:
      return rows.y;
    case 1:
      return rows.c0;
    case 2:
      return rows.c1;
    case 3:
      return rows.c0_far;
    default:
      return rows.c1_far;
  }
}

// The most pixels one unit covers on any target (2 * Lanes(int16) = vector bytes; the scalar
// target's unit is 2 pixels).
inline constexpr size_t kMaxUnitPixels = HWY_MAX_BYTES;
static_assert(kMaxUnitPixels >= 2, "a unit is at least one pixel pair");
// The most bytes one unit reads from a plane: YUY2, 2 bytes per pixel plus a pair ahead.
inline constexpr size_t kMaxUnitPlaneBytes = 2 * kMaxUnitPixels + 4;

// Calls unit(rows, out) for units of `n` pixels (n even) that together cover `width` pixels;
// rows are advanced to the unit's first pixel (always even) and out is where its out_bpp * n
// bytes go. Units that read and write inside the caller's rows run on them directly; they may
// overlap (a pixel converts the same wherever its unit starts):
//   - when the destination is not vector-aligned but an even pixel count gets it there, a
//     first unit at 0 converts that head and the others start aligned (a store straddling two
//     cache lines costs about a third more on x86; malloc'd buffers are often 16 bytes off);
//   - with `stream`, the aligned units that fill whole chunks write through an OutputStreamer
//     (non-temporal stores, row_loop-inl.h);
//   - the last unit that fits ends the row when it covers pixels its predecessors did not.
// What remains (narrow rows, and the last pixels when bilinear chroma reads a sample past the
// row end) runs through zero- or edge-padded stack copies of the planes and a stack output,
// of which only the row's pixels are copied out.
// Not ForEachBlock (row_loop-inl.h) with a policy for the planes: one schedule would not serve
// both. Its blocks never overlap and its partial blocks run through the cached call site, so
// each of its many color kernels is inlined twice; units overlap, so that padded copies of up
// to five planes are needed only at the row end, through a third call site.
template <YuvKind kK, bool kBilinear, class Unit>
HWY_INLINE void ForEachUnit(const internal::YuvRowPtrs& rows, size_t width, size_t n,
                            size_t out_bpp, uint8_t* HWY_RESTRICT dst, const Unit& unit,
                            bool stream = false) {
  // A local copy: stores through dst (bytes) could alias the caller's struct, so the compiler
  // would reload its pointers for every unit.
  const internal::YuvRowPtrs base = rows;
  const size_t half = width / 2 + width % 2;
  size_t row_bytes[5] = {};
  // The last even pixel at which a unit fits, or -1.
  ptrdiff_t last = static_cast<ptrdiff_t>(width) - static_cast<ptrdiff_t>(n);
  for (int p = 0; p < 5; ++p) {
    const PlaneGeom g = GeomOf<kK, kBilinear>(p);
    if (!g.used) continue;
    row_bytes[p] = g.pairs ? g.per2 * half : g.per2 * width / 2;
    const ptrdiff_t room =
        static_cast<ptrdiff_t>(row_bytes[p]) - static_cast<ptrdiff_t>(g.per2 * n / 2 + g.lookahead);
    last = room < 0 ? -1 : std::min(last, 2 * room / static_cast<ptrdiff_t>(g.per2));
  }
  if (last > 0) last &= ~ptrdiff_t{1};
  // Field by field with constant geometry: a loop over RowAt's references kept the struct in
  // memory, with a store, two read-modify-writes and two reloads per unit.
  auto advance = [&](size_t x) PIXCONV_ALWAYS_INLINE_LAMBDA {
    constexpr PlaneGeom g0 = GeomOf<kK, kBilinear>(0), g1 = GeomOf<kK, kBilinear>(1),
                        g2 = GeomOf<kK, kBilinear>(2), g3 = GeomOf<kK, kBilinear>(3),
                        g4 = GeomOf<kK, kBilinear>(4);
    internal::YuvRowPtrs at;  // unused planes keep the caller's pointers, never read
    at.y = g0.used ? base.y + g0.per2 * x / 2 : base.y;
    at.c0 = g1.used ? base.c0 + g1.per2 * x / 2 : base.c0;
    at.c1 = g2.used ? base.c1 + g2.per2 * x / 2 : base.c1;
    at.c0_far = g3.used ? base.c0_far + g3.per2 * x / 2 : base.c0_far;
    at.c1_far = g4.used ? base.c1_far + g4.per2 * x / 2 : base.c1_far;
    return at;
  };

  size_t done = 0;  // pixels [0, done) are converted
  if (last >= 0) {
    const size_t vector_bytes = hn::Lanes(hn::ScalableTag<uint8_t>());
    const size_t misaligned =
        (vector_bytes - reinterpret_cast<uintptr_t>(dst) % vector_bytes) % vector_bytes;
    const size_t head = misaligned % (2 * out_bpp) == 0 ? misaligned / out_bpp : 0;
    const size_t end = static_cast<size_t>(last);
    // Unit positions come in runs [x, stop], n apart: 0 (the head); then, with `stream`, whole
    // chunks from the first aligned position on through the streamer; then head + k n (or on
    // from the streamed chunks) up to `last`; then `last` itself. Each run is a tight loop, so
    // the next position is not decided after every unit (about 25 scalar instructions).
    const size_t chunk = kStreamChunkBytes / out_bpp;  // pixels, a multiple of n
    size_t x = 0, stop = 0;
    int run = 0;  // 0: the head unit, 1: the cached middle, 2: the unit at `last`
    for (;;) {
      for (;;) {
        unit(advance(x), dst + x * out_bpp);  // the one cached call site: the unit inlines here
        if (x >= stop) break;
        x += n;
      }
      done = std::max(done, x + n);
      if (run == 0) {
        run = 1;
        size_t next = head != 0 ? head : n;
        if (stream && misaligned == head * out_bpp && next + chunk - n <= end) {
          OutputStreamer out;
          for (; next + chunk - n <= end; next += chunk) {
            out.Chunk(dst + next * out_bpp, n * out_bpp,
                      [&, next](size_t i, uint8_t* HWY_RESTRICT o)
                          PIXCONV_ALWAYS_INLINE_LAMBDA HWY_ATTR {
                            unit(advance(next + i * n), o);
                          });
          }
          out.Finish();
          done = std::max(done, next);
        }
        if (next <= end) {
          x = next;
          stop = next + (end - next) / n * n;
          continue;
        }
      }
      if (run == 1 && end + n > done) {
        run = 2;
        x = stop = end;
        continue;
      }
      break;
    }
  }

  alignas(64) uint8_t in[5][kMaxUnitPlaneBytes];
  alignas(64) uint8_t out[kMaxUnitPixels * 16];
  for (size_t x = done; x < width; x += n) {
    internal::YuvRowPtrs at = advance(x);
    for (int p = 0; p < 5; ++p) {
      const PlaneGeom g = GeomOf<kK, kBilinear>(p);
      if (!g.used) continue;
      const size_t have = row_bytes[p] - g.per2 * x / 2;  // >= one sample, as x < width
      const size_t need = g.per2 * n / 2 + g.lookahead;
      const size_t copied = std::min(have, need);
      uint8_t* to = in[p];
      std::memcpy(to, RowAt(at, p), copied);
      if (g.sample == 0) {
        std::memset(to + copied, 0, need - copied);
      } else {
        for (size_t b = copied; b < need; ++b) to[b] = to[b - g.sample];
      }
      RowAt(at, p) = to;
    }
    unit(at, out);
    std::memcpy(dst + x * out_bpp, out, std::min(n, width - x) * out_bpp);
  }
}

}  // namespace pixconv::HWY_NAMESPACE
HWY_AFTER_NAMESPACE();

#endif  // PIXCONV_CONVERT_YUV_ROW_LOOP_INL_H_
