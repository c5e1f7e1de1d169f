// One input of the decode fuzzer: an 8-byte header of choices, then the encoded file. The
// header has a fixed size so that the file keeps its place (and its magic bytes) whatever
// the fuzzer does to the header, and a seed is simply a header followed by a real file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "choices.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"

namespace pixconv::fuzz {

inline constexpr size_t kDecodeHeaderBytes = 8;

// Small pixel limits keep decompression bombs cheap: at most 2^18 pixels (512 x 512).
inline constexpr int kMaxPixelsLog2 = 18;

struct DecodeCase {
  uint8_t max_pixels_log2 = kMaxPixelsLog2;  // DecodeOptions::max_pixels = 2^(this % 19)
  uint8_t target = 0;                        // SIMD target choice (target_choice.h), 0..7
  uint8_t max_jpeg_scans = 100;
  Delta dst_stride;                          // both destinations, relative to the packed row
  Delta dst_length;                          // relative to what the destination needs
  ConvertOptions convert;                    // DecodeAndConvert*: no class colors
  std::span<const uint8_t> file;             // the encoded bytes (not owned)

  DecodeOptions decode_options() const;
};

// Any bytes: a header shorter than 8 bytes reads as zeros, and the file is what follows it.
DecodeCase ParseDecodeCase(const uint8_t* data, size_t size);
// The header, then the file. Writes fields as the parser reads them: convert.to, order,
// range, transfers, premultiply, chroma, colormap (0..15), segmentation and the explicit
// range ends (InterestingDouble indexes, found by value) must fit their bit fields.
std::vector<uint8_t> WriteDecodeCase(const DecodeCase& c);

}  // namespace pixconv::fuzz
