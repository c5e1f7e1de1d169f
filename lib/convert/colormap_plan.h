// Internal: the colormaps of lib/README.md 8 as data for the row kernels.
#pragma once

#include <cstddef>
#include <cstdint>

#include "pixconv/convert.h"

namespace pixconv::internal {

// Every colormap of the spec is a polynomial of degree <= 6 per channel, clamped to [0, 1]:
// the 7-term maps as given, Turbo's dot products expanded (c0..c5 from its (1, t, t^2, t^3)
// and (t^4, t^5) vectors), Grayscale (t) and CyanToYellow (u = 2t - 1 multiplied out) as
// exact low-degree polynomials. One kernel shape then serves all nine maps, with the
// coefficients as data instead of nine instantiations per datatype and target.
// coeff[channel][k] multiplies t^k. The RGBAF32 kernels evaluate it in double: the
// coefficients reach |388| (Spectral), so Horner in float cancels to errors near 2e-5,
// beyond the 4e-6 RGBAF32 contract.
struct ColormapPoly {
  double coeff[3][7];
};

// The polynomial of a colormap; nullptr for Colormap::None and values outside the enum.
const ColormapPoly* FindColormap(Colormap c);

// RGBA8 output goes through a table instead: entry i is the colormap at t = i / 4095,
// evaluated in double, decoded to linear when the output is linear (`linear`), quantized, and
// packed as one little-endian 32-bit pixel in the output's channel order (alpha 255). The kernel rounds t to the nearest entry, |dt| <= 1.2e-4, which
// moves a channel by < 0.2 of a step for slopes below 6 (the steepest of these maps is about
// 5), so the result stays within 1 of the reference; a gather per pixel then replaces three
// degree-6 polynomials and the quantization, which made the kernel compute-bound at under a
// fifth of memcpy speed (tests/convert checks every U16 value on every map and target).
inline constexpr size_t kColormapLutSize = 4096;
void FillColormapLut(const ColormapPoly& poly, bool bgra, bool linear, uint32_t* lut);

// The table of a colormap (not None) for an output order and encoding, built on first use
// and kept for the life of the process (9 maps x 2 orders x 2 encodings x 16 KiB at most).
// Building one costs about 120 us, a tenth of a 1080p conversion, which every Converter used
// to pay; the tables are immutable once built, so converters on any thread share them.
const uint32_t* ColormapLut(Colormap c, bool bgra, bool linear);

}  // namespace pixconv::internal
