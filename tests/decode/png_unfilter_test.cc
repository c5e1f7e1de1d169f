// The unfilter kernels (lib/decode/png_unfilter.h) against a plain reading of the PNG
// specification, on every SIMD target: random bytes under sequences of filter types (runs of
// Paeth rows among them, which go to the block kernels), every bpp, rows of 1 to 70 pixels and
// some wider; and the byte-lane Paeth step on every triple of bytes.
#include <doctest/doctest.h>

#include <cstdlib>
#include <cstring>
#include <vector>

#include "decode/png_unfilter.h"
#include "support/targets.h"

namespace pixconv::decode_test {
namespace {

using decode_internal::RowUnfilter;

int Paeth(int a, int b, int c) {
  const int p = a + b - c;
  const int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

// Unfilters `rows` (each a filter byte, then `bytes` bytes) in place, byte by byte.
void ReferenceUnfilter(std::vector<uint8_t>& rows, size_t bytes, size_t height, size_t bpp) {
  std::vector<uint8_t> zeros(bytes, 0);
  const uint8_t* prev = zeros.data();
  for (size_t y = 0; y < height; ++y) {
    uint8_t* row = rows.data() + y * (bytes + 1) + 1;
    const uint8_t filter = row[-1];
    for (size_t i = 0; i < bytes; ++i) {
      const int a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
      const int predictor = filter == 1   ? a
                            : filter == 2 ? b
                            : filter == 3 ? (a + b) / 2
                            : filter == 4 ? Paeth(a, b, c)
                                          : 0;
      row[i] = static_cast<uint8_t>(row[i] + predictor);
    }
    prev = row;
  }
}

// The decoder's loop (png_fast.cc): RowUnfilter over the rows, zeros above the first.
bool RunUnfilter(std::vector<uint8_t>& rows, size_t bytes, size_t height, int bpp) {
  RowUnfilter unfilter;
  REQUIRE(unfilter.Init(bpp, bytes));
  std::vector<uint8_t> zeros(bytes + 16, 0);
  const uint8_t* prev = zeros.data();
  uint8_t* row = rows.data();
  for (size_t y = 0; y < height;) {
    const size_t n = unfilter.Run(row, prev, bytes, height - y);
    if (n == 0) return false;
    REQUIRE(n <= height - y);
    y += n;
    row += n * (bytes + 1);
    prev = row - bytes;
  }
  return true;
}

// The kinds of filter sequence, for each row: all Paeth, Paeth runs broken by other types,
// any type, all Average, Average runs broken by other types.
constexpr int kSequenceKinds = 5;
std::vector<uint8_t> FilterSequence(int kind, size_t height, uint32_t& state) {
  std::vector<uint8_t> filters(height);
  for (uint8_t& f : filters) {
    state = state * 1664525u + 1013904223u;
    const uint32_t r = state >> 24;
    const uint8_t other = static_cast<uint8_t>(r % 5);
    if (kind == 0) f = 4;
    else if (kind == 1) f = r % 5 == 0 ? static_cast<uint8_t>(r % 4) : 4;
    else if (kind == 2) f = other;
    else if (kind == 3) f = 3;
    else f = r % 5 == 0 && other != 3 ? other : 3;
  }
  return filters;
}

// Random bytes under each kind of filter sequence, unfiltered by RowUnfilter and by the
// reference, which must agree.
void CheckUnfilter(int bpp, size_t pixels, size_t height, uint32_t& state) {
  for (int kind = 0; kind < kSequenceKinds; ++kind) {
    const size_t bytes = pixels * static_cast<size_t>(bpp);
    std::vector<uint8_t> rows((bytes + 1) * height + 16);
    for (uint8_t& v : rows) {
      state = state * 1664525u + 1013904223u;
      v = static_cast<uint8_t>(state >> 24);
    }
    const std::vector<uint8_t> filters = FilterSequence(kind, height, state);
    for (size_t y = 0; y < height; ++y) rows[y * (bytes + 1)] = filters[y];
    std::vector<uint8_t> expected = rows;
    ReferenceUnfilter(expected, bytes, height, static_cast<size_t>(bpp));
    CAPTURE(bpp);
    CAPTURE(pixels);
    CAPTURE(height);
    CAPTURE(kind);
    REQUIRE(RunUnfilter(rows, bytes, height, bpp));
    // The bytes after the last row are slack the kernels may rewrite, unchanged.
    CHECK(rows == expected);
  }
}

TEST_CASE("unfilter: every filter and bpp, rows of 1 to 70 pixels, on every SIMD target") {
  test::ForEachTarget([](const char*) {
    uint32_t state = 12345;
    for (const int bpp : {1, 2, 3, 4, 6, 8}) {
      for (size_t pixels = 1; pixels <= 70; ++pixels) {
        for (const size_t height : {1, 2, 3, 4, 5, 7, 8, 9, 17}) {
          CheckUnfilter(bpp, pixels, height, state);
        }
      }
    }
  });
}

// The wide blocks (png_wide_blocks.cc) unfilter rows partly in place from 72 pixels on (2-byte
// pixels, 16 rows) or 40 (4-byte pixels, 8 rows; 3-byte pixels 43): rows around those widths,
// and blocks cut short by the image's end or by other filter types.
TEST_CASE("unfilter: wider rows and taller runs of Average and Paeth rows, on every target") {
  test::ForEachTarget([](const char*) {
    uint32_t state = 54321;
    for (const int bpp : {1, 2, 3, 4}) {
      for (const size_t pixels :
           {39, 40, 41, 42, 43, 44, 47, 48, 50, 51, 71, 72, 73, 79, 80, 81, 87, 88, 95, 128, 131,
            200, 257}) {
        for (const size_t height : {2, 7, 8, 9, 15, 16, 17, 33}) {
          CheckUnfilter(bpp, pixels, height, state);
        }
      }
    }
  });
}

// PaethSumBytes (png_paeth-inl.h) on every (a, b, c), against the specification's predictor.
TEST_CASE("unfilter: the byte-lane Paeth step on every triple of bytes, on every SIMD target") {
  constexpr size_t kTriples = size_t{1} << 24;
  std::vector<uint8_t> x(kTriples), a(kTriples), b(kTriples), c(kTriples), expected(kTriples);
  for (size_t i = 0; i < kTriples; ++i) {
    a[i] = static_cast<uint8_t>(i >> 16);
    b[i] = static_cast<uint8_t>(i >> 8);
    c[i] = static_cast<uint8_t>(i);
    x[i] = static_cast<uint8_t>(i * 2654435761u >> 24);  // so that the sum wraps too
    expected[i] = static_cast<uint8_t>(x[i] + Paeth(a[i], b[i], c[i]));
  }
  test::ForEachTarget([&](const char* target) {
    if (std::strcmp(target, "SCALAR") == 0) return;
    std::vector<uint8_t> out(kTriples);
    decode_internal::PaethBytesForTest(x.data(), a.data(), b.data(), c.data(), out.data(),
                                       kTriples);
    size_t wrong = 0, first = kTriples;
    for (size_t i = 0; i < kTriples; ++i) {
      if (out[i] != expected[i]) {
        if (wrong++ == 0) first = i;
      }
    }
    CAPTURE(first);
    CHECK(wrong == 0);
  });
}

TEST_CASE("unfilter: a filter type above 4 stops at its row, inside a run of Paeth rows too") {
  test::ForEachTarget([](const char*) {
    for (const int bpp : {1, 2, 3, 4}) {
      for (size_t bad = 0; bad < 9; ++bad) {
        const size_t bytes = 5 * static_cast<size_t>(bpp), height = 9;
        std::vector<uint8_t> rows((bytes + 1) * height + 16, 7);
        for (size_t y = 0; y < height; ++y) rows[y * (bytes + 1)] = y == bad ? 5 : 4;
        CAPTURE(bpp);
        CAPTURE(bad);
        CHECK(!RunUnfilter(rows, bytes, height, bpp));
      }
    }
  });
}

}  // namespace
}  // namespace pixconv::decode_test
