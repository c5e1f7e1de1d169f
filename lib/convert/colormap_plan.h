// Internal: the colormaps of shared/spec/colormaps.md as data for the row kernels.
#pragma once

#include "pixconv/convert.h"

namespace pixconv::internal {

// Every colormap of the spec is a polynomial of degree <= 6 per channel, clamped to [0, 1]:
// the 7-term maps as given, Turbo's dot products expanded (c0..c5 from its (1, t, t^2, t^3)
// and (t^4, t^5) vectors), Grayscale (t) and CyanToYellow (u = 2t - 1 multiplied out) as
// exact low-degree polynomials. One kernel shape then serves all nine maps, with the
// coefficients as data instead of nine instantiations per datatype and target.
// coeff[channel][k] multiplies t^k. The double set feeds the RGBAF32 kernels: the
// coefficients reach |388| (Spectral), so Horner in float cancels to errors near 2e-5,
// beyond the 4e-6 RGBAF32 contract; RGBA8 (tolerance 1/255) evaluates the float set.
struct ColormapPoly {
  double coeff[3][7];
  float coeff_f[3][7];
};

// The polynomial of a colormap; nullptr for Colormap::None and values outside the enum.
const ColormapPoly* FindColormap(Colormap c);

}  // namespace pixconv::internal
