// The double-precision scalar reference of lib/README.md section 3: what every SIMD kernel is
// compared with (tolerances: lib/README.md section 4).
//
// Written straight from the spec, one pixel at a time, readable over fast. It shares no code
// with lib/ (not even the model's property helpers): a bug in the library must not be able to
// hide in the reference by being called from both sides. Only the public view types
// (ImageView, ConvertOptions) are shared.
//
//   auto view = pixconv::MakeImageView(format, bytes.data(), bytes.size());
//   std::vector<uint8_t> want = pixconv::ref::ExpectedRgba8(*view, opts);
//
// Colormaps (step 4) and segmentation colors: reference_colormap.cc.
#pragma once

#include <cstdint>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/model.h"

namespace pixconv::ref {

// One output pixel before quantization, always in R, G, B, A order. Nominally in [0, 1].
struct RefPixel {
  double r = 0.0;
  double g = 0.0;
  double b = 0.0;
  double a = 1.0;
};

// ---------------------------------------------------------------------------------------
// Samples (reference_sample.cc)

// The reference's own table of lib/README.md section 1 (independent of model.cc).
int RefBytesPerSample(ChannelDatatype t);
bool RefIsFloat(ChannelDatatype t);
int RefChannelCount(ColorModel m);

// IEEE 754 binary16 -> double, decoded bit by bit: normals, subnormals, +-0, +-Inf, NaN.
double DecodeF16(uint16_t bits);

// Sample `channel` of pixel (x, y) of a color-model image, read from little-endian bytes at
// any alignment, as the nearest double (exact for everything but 64-bit integers beyond
// 2^53). Channel indices are in memory order (a BGR image's channel 0 is blue).
double ReadSample(const ImageView& src, uint32_t x, uint32_t y, int channel);

// lib/README.md 3.2 for one sample: t = (v - lo) / (hi - lo), NaN -> 0, clamped to [0, 1]
// (with `clamp` false: saturated to +-FLT_MAX).
// For integer data v - lo is formed exactly (128-bit integer minus the integer part of lo,
// then the fraction), so a U64 sample near 1.8e19 with a range a few thousand wide still
// comes out right. A degenerate range (hi == lo, e.g. [min-1, max+1] collapsing beyond
// 2^53) follows IEEE arithmetic: v > lo -> 1, otherwise 0.
double NormalizeSample(const ImageView& src, uint32_t x, uint32_t y, int channel, double lo,
                       double hi, bool clamp = true);

// ---------------------------------------------------------------------------------------
// Range and transfer resolution (reference_range.cc)

// The datatype's full range: integers their min/max (as the nearest doubles, so I64 is
// [-2^63, 2^63]); floats [0, 1].
void RefDatatypeRange(ChannelDatatype t, double* lo, double* hi);

// Finite min / max over every sample of every channel, alpha included; NaN and +-Inf
// skipped. `finite` is false when no sample is finite. Color-model images only.
struct RefStats {
  bool finite = false;
  double min = 0.0;
  double max = 0.0;
};
RefStats ReferenceStats(const ImageView& src);

// lib/README.md 3.1, Auto / Datatype / Explicit / Depth. For pixel formats (whose samples the
// YUV path maps itself) this returns [0, 255].
//  - Auto: U8 -> [0,255] without a scan; no finite sample -> the datatype's range; then
//    float data in [0,1] -> [0,1]; else data in [0,255] -> [0,255] (any datatype);
//    else min == max -> [min-1, max+1]; else [min, max].
//  - Depth: [0, finite max]; no finite sample -> [0, the datatype's max].
void ReferenceRange(const ImageView& src, const ConvertOptions& opts, double* lo, double* hi);

// lib/README.md 3.5. Srgb -> true, Linear -> false, Auto -> Rerun's heuristic: sRGB for U8, for
// pixel formats, for integer data whose finite range lies in [0,255] and for float data whose
// finite range lies in [0,1] (no finite sample: the datatype's range, i.e. [0,1]); otherwise
// linear.
bool ReferenceInputIsSrgb(const ImageView& src, const ConvertOptions& opts);
// Default -> sRGB for RGBA8, linear for RGBAF32; Srgb / Linear as given.
bool ReferenceOutputIsSrgb(const ConvertOptions& opts);

// ---------------------------------------------------------------------------------------
// YUV pixel formats (reference_yuv.cc)

// The Y, U, V code values (0..255 scale) that pixel (x, y) sees after chroma upsampling.
// Fractional for Bilinear. Y8 formats have U = V = 128.
//  - Nearest: chroma (x/2, y/2) for 4:2:0 (I420, NV12), (x/2, y) for 4:2:2 (I422, YUY2).
//  - Bilinear: chroma sample (i, j) sits at luma position (2i, 2j + 0.5) for 4:2:0 (MPEG-2 /
//    H.264 "left" siting) and at (2i, j) for 4:2:2. Horizontal weights: even x -> 1 on
//    column x/2; odd x -> 1/2, 1/2 on columns (x-1)/2 and (x+1)/2. Vertical (4:2:0 only):
//    even y = 2k -> 1/4 on row k-1, 3/4 on row k; odd y = 2k+1 -> 3/4 on row k, 1/4 on row
//    k+1. Indices outside the chroma plane clamp to its edge. The product of the two sets
//    of weights is applied to the 8-bit codes, in double, without rounding.
struct RefYuv {
  double y = 0.0;
  double u = 128.0;
  double v = 128.0;
};
RefYuv ReferenceYuvSamples(const ImageView& src, const ConvertOptions& opts, uint32_t x,
                           uint32_t y);

// The format's matrix and range after the overrides in opts (lib/README.md section 1 table).
struct RefYuvParams {
  double kr = 0.2126;
  double kb = 0.0722;
  bool limited = true;
};
RefYuvParams ReferenceYuvParams(PixelFormat format, const ConvertOptions& opts);

// lib/README.md 3 (pixel formats): range formula, then R = y + 2(1-Kr) v, B = y + 2(1-Kb) u,
// G = (y - Kr R - Kb B) / (1 - Kr - Kb) from the unclamped R and B, then RGB clamped to
// [0, 1] (unless `clamp` is false). Alpha 1. The result is sRGB-encoded (before any transfer
// change).
RefPixel YuvToRgb(const RefYuv& yuv, const RefYuvParams& params, bool clamp = true);

// ---------------------------------------------------------------------------------------
// Colormaps and class colors (reference_colormap.cc); colors sRGB-encoded, before step 5.

// The spec's polynomial of `map` at t (clamped to [0, 1] first), each channel clamped to
// [0, 1]; alpha 1. None is treated as Grayscale.
RefPixel ColormapColor(Colormap map, double t);

// Rerun's automatic color of a class id: HSV (h = frac(id * 0.618034), s = 0.85, v = 0.5)
// in linear RGB, then sRGB-encoded; alpha 1.
RefPixel AutoClassColorSrgb(uint32_t id);

// The color of pixel (x, y) of an L image of class ids: the sample rounded to the nearest
// integer (ties to even); NaN, negative and > 65535 -> (0, 0, 0, 0); id < table.count -> the
// table's bytes / 255; otherwise the automatic color.
RefPixel ClassColor(const ImageView& src, const ClassColors& table, uint32_t x, uint32_t y);

// ---------------------------------------------------------------------------------------
// The whole conversion (reference.cc)

// The exact sRGB curves of lib/README.md 3.5, in double, on every real number: odd
// (f(-c) = -f(c)), the power segment continued above 1.
double SrgbToLinear(double c);
double LinearToSrgb(double c);

// Everything resolved once per image.
struct RefPlan {
  double lo = 0.0;  // color-model images only
  double hi = 1.0;
  bool input_srgb = true;
  bool output_srgb = true;
  bool clamp = true;  // ConvertOptions::clamp
};
RefPlan ReferencePlan(const ImageView& src, const ConvertOptions& opts);

// Pixel (x, y) after steps 1-6 (range, normalize, swizzle, transfer, premultiply), in RGBA
// order whatever opts.order says.
RefPixel ReferencePixel(const ImageView& src, const ConvertOptions& opts, const RefPlan& plan,
                        uint32_t x, uint32_t y);

// width * height * 4 doubles: every pixel after steps 1-6, in opts.order (RGBA or BGRA),
// rows packed. The exact real-valued output before quantization. opts.to only matters for
// the Default output transfer.
std::vector<double> ConvertReference(const ImageView& src, const ConvertOptions& opts);

// Step 7. QuantizeU8: floor(x * 255 + 0.5), x clamped to [0, 1] first (only guards the
// cast; steps 1-6 already keep x in [0, 1] up to rounding). QuantizeF32: (float)x.
uint8_t QuantizeU8(double x);
float QuantizeF32(double x);

// The expected packed output (width * height * 4 values, in opts.order). opts.to is
// overridden with the output type each function produces, so the Default output transfer
// follows it (sRGB for RGBA8, linear for RGBAF32).
std::vector<uint8_t> ExpectedRgba8(const ImageView& src, ConvertOptions opts);
std::vector<float> ExpectedRgbaF32(const ImageView& src, ConvertOptions opts);

}  // namespace pixconv::ref
