// Internal: per-sample tables for 8-bit color-model images (U8, I8) to RGBAF32 and RGBA8.
//
// An 8-bit sample has 256 values, so everything the float kernel does to one sample (normalize,
// clamp, sRGB curve) is a function of its byte. A converter whose kernel would run that math
// per sample runs it once per byte value instead, into a table, and converts the image by
// looking every sample up. The vector lookup needs 256-entry byte permutes (AVX-512 VBMI: two
// vpermi2b of 128 entries per byte of the float, four bytes per float), so it exists on the
// AVX3_DL target only; AVX2, SSE4 and SSSE3 look floats up one load at a time, to RGBAF32
// only (sample_table_rows.cc); elsewhere the planned kernel runs as before. A lookup of 64
// samples costs about 27 vector ops where the polynomial path spends about 64. RGBA8 output
// needs one byte per sample:
// three ops per 64 samples, where the float path converts, clamps, quantizes and packs
// (the exact U8 kernels, which only move bytes, stay as they are).
//
// The table is built by the planned kernel itself (on pixels whose channels all hold the same
// byte), so both paths give the same bits (tests/convert/sample_table_test.cc, on every target).
#pragma once

#include <cstdint>

#include "convert/color_plan.h"
#include "convert/converter_impl.h"
#include "pixconv/convert.h"

namespace pixconv::internal {

// What the planned kernel makes of each of the 256 byte values. RGBAF32: color[k][v] is byte
// k (little-endian) of the float for byte value v (alpha takes no transfer curve; the AVX3_DL
// kernels compute it as the planned kernel does), and pixel[v] the whole output pixel of an
// input pixel whose samples all hold v (the scalar-load kernels take color and alpha from
// it). RGBA8: color8[v] and alpha8[v] are the output bytes.
struct alignas(64) SampleTable {
  float pixel[256][4];
  uint8_t color[4][256];
  uint8_t color8[256];
  uint8_t alpha8[256];
};

// The table kernel for a datatype (U8 or I8), layout and output (nullptr where the dispatched
// target has none): `channels` 1, 3 or 4, `swap_rb` as in ColorKernelKey.
ColorRowFn SelectSampleTableRow(ChannelDatatype t, int channels, bool swap_rb, OutputType out,
                                const char** target_name);

// Switches a planned general conversion (impl->color_row and color_params set) of a U8 or I8
// color-model image without premultiply to a sample table, when the target has the table
// kernel and the image has at least kSampleTableMinPixels pixels (building the table converts
// 256 pixels). To RGBAF32 only where the planned kernel runs an sRGB curve: without one it
// costs a few ops per sample, fewer than a lookup. Returns whether it did.
bool UseSampleTable(const ConvertOptions& opts, const ColorKernelKey& key, Converter::Impl* impl);

inline constexpr uint64_t kSampleTableMinPixels = 4096;

}  // namespace pixconv::internal
