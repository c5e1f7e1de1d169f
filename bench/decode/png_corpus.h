// The PNG benchmark corpus: six 1920x1080 files that look like what a viewer receives,
// generated deterministically from the repository's testorig.ppm (tests/data/libjpeg-turbo)
// and encoded with libpng's default filters and compression.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pixconv::bench {

struct CorpusPng {
  std::string name;
  std::vector<uint8_t> file;
  int bit_depth = 8;  // of the samples (palette: of the indices)
  size_t model_bytes = 0;  // the decoded input model
};

// photo_rgb8, photo_rgba8, depth_l16, mask_palette8, screen_rgb8, photo_rgb8_adam7. Empty
// when the source image cannot be read.
std::vector<CorpusPng> MakePngCorpus(const std::string& testorig_ppm);

// The concatenated IDAT data of a PNG (its zlib stream).
std::vector<uint8_t> IdatStream(const std::vector<uint8_t>& png);

}  // namespace pixconv::bench
