// The benchmark's input files, generated at start-up: a photo-like synthetic frame (smooth
// gradients, texture and noise, so the entropy coders see realistic data) encoded with plain
// libjpeg and libpng.
#pragma once

#include <cstdint>
#include <vector>

namespace pixconv::bench {

// width * height * channels samples (8-bit, or 16-bit native order when `sixteen_bit`).
std::vector<uint8_t> PhotoLikeImage(uint32_t width, uint32_t height, int channels,
                                    bool sixteen_bit);

// Baseline JPEG with libjpeg's defaults (YCbCr 4:2:0, standard Huffman tables) at `quality`,
// from 8-bit RGB. Empty on failure.
std::vector<uint8_t> EncodeJpeg420(const std::vector<uint8_t>& rgb, uint32_t width,
                                   uint32_t height, int quality);

// PNG with libpng's default compression and filtering, from 8-bit RGB / RGBA or native-order
// 16-bit RGB samples. Empty on failure.
std::vector<uint8_t> EncodePng(const std::vector<uint8_t>& pixels, uint32_t width,
                               uint32_t height, int channels, int bit_depth);

}  // namespace pixconv::bench
