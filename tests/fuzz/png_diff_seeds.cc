// Seeds of the differential PNG fuzzer: PngSuite, valid and invalid, and files of every color
// type, bit depth, filter and interlace from the PNG tests' encoder, as plain PNG bytes.
#include <string>
#include <vector>

#include "decode/decode_test_util.h"
#include "decode/png_encode_util.h"
#include "seed_corpus.h"

namespace pixconv::fuzz {

std::vector<Seed> PngDiffSeeds() {
  std::vector<Seed> seeds;
  for (const std::string& path : decode_test::PngSuiteValid()) {
    seeds.push_back({"suite_" + decode_test::Stem(path) + ".png", decode_test::ReadFile(path),
                     Seed::Expect::kAccepted});
  }
  for (const std::string& path : decode_test::PngSuiteInvalid()) {
    seeds.push_back({"suite_" + decode_test::Stem(path) + ".png", decode_test::ReadFile(path),
                     Seed::Expect::kRejected});
  }
  struct Format {
    int color_type, bit_depth;
  };
  const Format formats[] = {{0, 1}, {0, 4}, {0, 16}, {2, 8}, {2, 16}, {3, 2},
                            {3, 8}, {4, 8}, {4, 16}, {6, 8}, {6, 16}};
  for (const Format& f : formats) {
    for (const bool interlaced : {false, true}) {
      decode_test::TestPngSpec spec;
      spec.width = 19;
      spec.height = 9;
      spec.color_type = f.color_type;
      spec.bit_depth = f.bit_depth;
      spec.interlaced = interlaced;
      spec.trns = f.color_type < 4;
      spec.palette_entries = f.color_type == 3 ? (1 << f.bit_depth) - 1 : 0;
      seeds.push_back({"made_" + std::to_string(f.color_type) + "_" +
                           std::to_string(f.bit_depth) + (interlaced ? "_adam7" : "") + ".png",
                       decode_test::EncodeTestPng(spec, decode_test::TestPngRows(spec, 3)),
                       Seed::Expect::kAccepted});
    }
  }
  // Runs of Average or Paeth rows (alone, or mixed with Sub), wide and tall enough for the
  // block kernels' groups in place and their partial blocks: png_wide_blocks.cc runs 16 rows
  // of 2-byte pixels and 8 of 3- or 4-byte pixels, in place from 72 and 43 pixels on;
  // png_paeth_block.cc takes bpp 1.
  struct Filters {
    int bits;  // PNG_FILTER_* bits
    const char* name;
  };
  const Filters filter_sets[] = {
      {0x80, "paeth"}, {0x90, "paeth_sub"}, {0x40, "average"}, {0x50, "average_sub"}};
  for (const Format& f : {Format{0, 16}, Format{4, 8}, Format{0, 8}, Format{2, 8}, Format{6, 8}}) {
    for (const Filters& filters : filter_sets) {
      decode_test::TestPngSpec spec;
      spec.width = 100;
      spec.height = 35;
      spec.color_type = f.color_type;
      spec.bit_depth = f.bit_depth;
      spec.filters = filters.bits;
      seeds.push_back({"rows_" + std::to_string(f.color_type) + "_" +
                           std::to_string(f.bit_depth) + "_" + filters.name + ".png",
                       decode_test::EncodeTestPng(spec, decode_test::TestPngRows(spec, 5)),
                       Seed::Expect::kAccepted});
    }
  }
  return seeds;
}

}  // namespace pixconv::fuzz
