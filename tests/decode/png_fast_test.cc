// The fast PNG decoder (lib/decode/png_fast.cc) against libpng, its reference: on PngSuite
// and on files of every color type, bit depth, filter type and interlace, both decoders must
// write the same bytes, in the input model and as RGBA8 / BGRA8; 16-bit files as RGBA8 /
// BGRA8 must also equal libpng's model converted by Convert with the datatype range. The few
// files the fast decoder leaves to libpng are listed, so a file silently falling back is a
// failure.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "decode/reader.h"
#include "decode_test_util.h"
#include "png_encode_util.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "support/targets.h"

namespace pixconv::decode_test {
namespace {

using decode_internal::CodecReader;
using decode_internal::RowLayout;
using decode_internal::RowTarget;

size_t PixelBytes(const ImageInfo& info, RowLayout layout) {
  if (layout != RowLayout::kModel) return 4;
  return static_cast<size_t>(ChannelCount(info.format.color_model)) *
         BytesPerSample(info.format.datatype);
}

// Decodes with `open` into a buffer with a 3-byte gap after each row (a stride), filled with
// 0xA5 so bytes a decoder skips or overruns show up.
Result<std::vector<uint8_t>> ReadWith(
    Result<std::unique_ptr<CodecReader>> (*open)(const uint8_t*, size_t),
    const std::vector<uint8_t>& file, RowLayout layout) {
  Result<std::unique_ptr<CodecReader>> reader = open(file.data(), file.size());
  if (!reader.ok()) return reader.status();
  const ImageInfo& info = reader.value()->info();
  const size_t stride = PixelBytes(info, layout) * info.format.width + 3;
  std::vector<uint8_t> out(stride * info.format.height, 0xA5);
  Status s = reader.value()->Read(RowTarget{out.data(), stride, layout});
  if (!s.ok()) return s;
  return out;
}

// libpng's input model of a 16-bit file converted to RGBA8 / BGRA8 by Convert with the
// datatype range, in ReadWith's buffer (rows 3 bytes apart, the gaps 0xA5): the bytes the
// decoders' own 16-bit to RGBA8 expansion must write.
std::vector<uint8_t> ConvertedModel(const std::vector<uint8_t>& file, RowLayout layout) {
  Result<std::unique_ptr<CodecReader>> reader =
      decode_internal::OpenPngWithLibpng(file.data(), file.size());
  REQUIRE(reader.ok());
  const ImageFormat format = reader.value()->info().format;
  Result<std::vector<uint8_t>> model =
      ReadWith(decode_internal::OpenPngWithLibpng, file, RowLayout::kModel);
  REQUIRE(model.ok());
  const size_t model_stride = PixelBytes(reader.value()->info(), RowLayout::kModel) *
                                  format.width + 3;
  Result<ImageView> view = MakeImageView(format, model->data(), model->size(), {model_stride});
  REQUIRE(view.ok());
  const size_t stride = size_t{4} * format.width + 3;
  std::vector<uint8_t> out(stride * format.height, 0xA5);
  ConvertOptions options;
  options.range = RangeMode::Datatype;
  options.order = layout == RowLayout::kBgra8 ? ChannelOrder::BGRA : ChannelOrder::RGBA;
  REQUIRE(Convert(*view, OutputView{out.data(), out.size(), stride}, options).ok());
  return out;
}

// Compares the fast decoder with libpng on one file; false when the fast one left it to libpng.
bool SameAsLibpng(const std::vector<uint8_t>& file) {
  const std::vector<RowLayout> layouts = {RowLayout::kModel, RowLayout::kRgba8,
                                          RowLayout::kBgra8};
  Result<ImageInfo> info = ReadImageInfo(file.data(), file.size());
  REQUIRE(info.ok());
  for (RowLayout layout : layouts) {
    CAPTURE(static_cast<int>(layout));
    Result<std::vector<uint8_t>> fast = ReadWith(decode_internal::OpenPngFastOnly, file, layout);
    if (!fast.ok()) {
      CHECK(fast.status().message() == "PNG: left to libpng");
      return false;
    }
    Result<std::vector<uint8_t>> libpng =
        ReadWith(decode_internal::OpenPngWithLibpng, file, layout);
    REQUIRE_MESSAGE(libpng.ok(), libpng.status().ToString());
    CHECK(*fast == *libpng);
    if (info->bit_depth == 16 && layout != RowLayout::kModel) {
      CHECK(*fast == ConvertedModel(file, layout));
    }
  }
  return true;
}

TEST_CASE("fast PNG decoder: every valid PngSuite file, as libpng decodes it") {
  // Files with a suggested palette (PLTE in a non-palette image) go to libpng by design.
  std::set<std::string> left_to_libpng;
  for (const std::string& path : PngSuiteValid()) {
    CAPTURE(path);
    if (!SameAsLibpng(ReadFile(path))) left_to_libpng.insert(Stem(path));
  }
  const std::set<std::string> expected = {"pp0n2c16", "pp0n6a08"};
  std::string left;
  for (const std::string& name : left_to_libpng) left += name + " ";
  CAPTURE(left);
  CHECK(left_to_libpng == expected);
}

TEST_CASE("fast PNG decoder: every color type, bit depth, filter and interlace") {
  struct Format {
    int color_type, bit_depth;
  };
  const Format formats[] = {{0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16},
                            {3, 1}, {3, 2}, {3, 4}, {3, 8}, {4, 8}, {4, 16}, {6, 8},
                            {6, 16}};
  // None, Sub, Up, Average, Paeth alone, then libpng's adaptive choice among all five.
  const int filters[] = {0x08, 0x10, 0x20, 0x40, 0x80, 0xF8};
  int files = 0;
  for (const Format& format : formats) {
    for (const bool interlaced : {false, true}) {
      for (const bool trns : {false, true}) {
        if (trns && (format.color_type == 4 || format.color_type == 6)) continue;
        for (const int filter : filters) {
          for (const uint32_t width : {1u, 5u, 37u}) {
            TestPngSpec spec;
            spec.width = width;
            spec.height = 11;
            spec.bit_depth = format.bit_depth;
            spec.color_type = format.color_type;
            spec.interlaced = interlaced;
            spec.filters = filter;
            spec.trns = trns;
            spec.palette_entries = format.color_type == 3 ? (1 << format.bit_depth) - 1 : 0;
            if (spec.palette_entries == 0 && format.color_type == 3) spec.palette_entries = 1;
            CAPTURE(format.color_type);
            CAPTURE(format.bit_depth);
            CAPTURE(interlaced);
            CAPTURE(trns);
            CAPTURE(filter);
            CAPTURE(width);
            const std::vector<uint8_t> file = EncodeTestPng(spec, TestPngRows(spec, width));
            REQUIRE(!file.empty());
            CHECK(SameAsLibpng(file));
            ++files;
          }
        }
      }
    }
  }
  CHECK(files > 500);
}

TEST_CASE("fast PNG decoder: a wide image of every filter on every SIMD target") {
  for (const int64_t target : test::Targets()) {
  const test::ScopedTarget pinned(target);
  const std::string target_name = hwy::TargetName(target);
  CAPTURE(target_name);
  for (const int color_type : {0, 2, 3, 4, 6}) {
    for (const int bit_depth : {8, 16}) {
      for (const int filter : {0x10, 0x20, 0x40, 0x80, 0xF8}) {
        TestPngSpec spec;
        spec.width = 333;
        spec.height = 40;
        spec.color_type = color_type;
        spec.bit_depth = bit_depth;
        spec.filters = filter;
        if (color_type == 3) {
          if (bit_depth == 16) continue;
          spec.palette_entries = 200;
          spec.trns = true;
        }
        CAPTURE(color_type);
        CAPTURE(bit_depth);
        CAPTURE(filter);
        CHECK(SameAsLibpng(EncodeTestPng(spec, TestPngRows(spec, 7))));
      }
    }
  }
  }
}

// The block Paeth kernel (runs of Paeth rows) and the SIMD row expansions (palettes of up to
// 16 entries, 8-bit gray to RGBA8, 16-bit byte order) at every small size, every target.
TEST_CASE("fast PNG decoder: Paeth rows and SIMD expansions, widths 1..70, heights 1..9") {
  struct Format {
    int color_type, bit_depth;
    bool trns;
    int palette_entries;
  };
  const Format formats[] = {{0, 8, false, 0}, {0, 8, true, 0},  {0, 16, false, 0},
                            {4, 8, false, 0}, {2, 8, false, 0}, {6, 8, false, 0},
                            {3, 8, true, 20}, {3, 8, false, 12}, {3, 4, false, 12}};
  std::vector<std::vector<uint8_t>> files;
  for (const Format& format : formats) {
    for (const bool interlaced : {false, true}) {
      for (uint32_t height = 1; height <= 9; ++height) {
        for (uint32_t width = 1; width <= 70; ++width) {
          TestPngSpec spec;
          spec.width = width;
          spec.height = height;
          spec.color_type = format.color_type;
          spec.bit_depth = format.bit_depth;
          spec.interlaced = interlaced;
          spec.trns = format.trns;
          spec.filters = 0x80;
          spec.palette_entries = format.palette_entries;
          std::vector<uint8_t> rows = TestPngRows(spec, width * 16 + height);
          if (format.color_type == 3) {
            // Indices on both sides of 16, where the table lookups stop.
            const uint32_t per_byte = 8 / static_cast<uint32_t>(format.bit_depth);
            const size_t row_bytes = (width + per_byte - 1) / per_byte;
            for (size_t i = 0; i < rows.size(); ++i) {
              const size_t x = i % row_bytes, y = i / row_bytes;
              rows[i] = static_cast<uint8_t>(
                  format.bit_depth == 8 ? (x * 7 + y * 3) % format.palette_entries
                                        : (x * 5 + y) % 11 * 17);
            }
          }
          files.push_back(EncodeTestPng(spec, rows));
          REQUIRE(!files.back().empty());
        }
      }
    }
  }
  test::ForEachTarget([&](const char*) {
    for (size_t i = 0; i < files.size(); ++i) {
      CAPTURE(i);
      CHECK(SameAsLibpng(files[i]));
    }
  });
}

// 16-bit files of every color type, with and without a tRNS key, Adam7 and not, at every small
// size and under every filter type, on every target: RGBA8 / BGRA8 straight from the decoder
// equal libpng's model converted by Convert (SameAsLibpng). Every third pixel of the keyed
// files is the key; the pixels after it differ from it in one sample by 1 (the same 8-bit
// rounding) or in the high byte.
TEST_CASE("fast PNG decoder: 16-bit files to RGBA8, widths 1..70, heights 1..9") {
  struct Format {
    int color_type;
    bool trns;
  };
  const Format formats[] = {{0, false}, {0, true}, {4, false}, {2, false}, {2, true}, {6, false}};
  const int filters[] = {0x08, 0x10, 0x20, 0x40, 0x80, 0xF8};
  std::vector<std::vector<uint8_t>> files;
  for (const Format& format : formats) {
    for (const bool interlaced : {false, true}) {
      for (uint32_t height = 1; height <= 9; ++height) {
        for (uint32_t width = 1; width <= 70; ++width) {
          TestPngSpec spec;
          spec.width = width;
          spec.height = height;
          spec.color_type = format.color_type;
          spec.bit_depth = 16;
          spec.interlaced = interlaced;
          spec.trns = format.trns;
          spec.filters = filters[(width + height) % 6];
          std::vector<uint8_t> rows = TestPngRows(spec, width * 16 + height);
          if (format.trns) {
            // The key of EncodeTestPng: gray 0x5555, RGB 0x5555, 0x7FFF, 0x3333.
            const uint16_t key[3] = {0x5555, 0x7FFF, 0x3333};
            const size_t channels = format.color_type == 0 ? 1 : 3;
            for (size_t p = 0; p < size_t{width} * height; ++p) {
              if (p % 3 == 2) continue;
              uint8_t* sample = rows.data() + 2 * channels * p;
              for (size_t c = 0; c < channels; ++c) {
                uint16_t v = key[c];
                if (p % 3 == 1 && c == p / 3 % channels) {
                  v = static_cast<uint16_t>(p / 3 % 2 ? v + 1 : v ^ 0x100);
                }
                sample[2 * c] = static_cast<uint8_t>(v >> 8);
                sample[2 * c + 1] = static_cast<uint8_t>(v & 0xFF);
              }
            }
          }
          files.push_back(EncodeTestPng(spec, rows));
          REQUIRE(!files.back().empty());
        }
      }
    }
  }
  test::ForEachTarget([&](const char*) {
    for (size_t i = 0; i < files.size(); ++i) {
      CAPTURE(i);
      CHECK(SameAsLibpng(files[i]));
    }
  });
}

// The one documented difference from libpng (the differential fuzzer accepts only this one):
// in a fixed-Huffman block, literal/length symbols 286 and 287 are reserved by RFC 1951.
// zlib rejects them; libdeflate decodes them as length 258, and when the stream's Adler-32
// then matches, the bytes are the encoder's. Here PngSuite's bgbn4a08 with one bit flipped
// turns a symbol 285 into 286: libpng refuses the file, pixconv decodes the original image.
TEST_CASE("fast PNG decoder: reserved fixed-Huffman symbols decode as libdeflate reads them") {
  const std::vector<uint8_t> original = ReadFile(TestdataPath("pngsuite/png/bgbn4a08.png"));
  REQUIRE(original.size() == 140);
  std::vector<uint8_t> flipped = original;
  REQUIRE(flipped[112] == 0x06);
  flipped[112] = 0x07;
  // The IDAT chunk's CRC, recomputed so only the deflate stream differs.
  const uint8_t crc[4] = {0x5F, 0x4E, 0xC9, 0xA7};
  for (int i = 0; i < 4; ++i) flipped[124 + i] = crc[i];

  Result<std::vector<uint8_t>> libpng =
      ReadWith(decode_internal::OpenPngWithLibpng, flipped, RowLayout::kModel);
  REQUIRE(!libpng.ok());
  CHECK(libpng.status().message() == "PNG: IDAT: invalid literal/length code");
  Result<DecodedImage> ours = Decode(flipped.data(), flipped.size());
  Result<DecodedImage> reference = Decode(original.data(), original.size());
  REQUIRE(ours.ok());
  REQUIRE(reference.ok());
  CHECK(ours->pixels == reference->pixels);
}

}  // namespace
}  // namespace pixconv::decode_test
