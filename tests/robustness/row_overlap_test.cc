// The exact row-overlap test behind the overlapping-plane and overlapping-destination errors
// (lib/format/overlap.h), against a brute force over every pair of rows: random row sets in
// a small address range hit every case (disjoint spans, equal and unequal strides,
// interleaved rows that touch or share one byte, one set inside the other's padding).
#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <random>

#include "format/overlap.h"
#include "support/target_list.h"

namespace pixconv::internal {
namespace {

bool RowsShareByte(const RowSet& a, uint32_t i, const RowSet& b, uint32_t j) {
  const uintptr_t a0 = a.begin + uintptr_t{i} * a.stride, b0 = b.begin + uintptr_t{j} * b.stride;
  return a0 < b0 + b.row_bytes && b0 < a0 + a.row_bytes;
}

bool BruteForce(const RowSet& a, const RowSet& b) {
  for (uint32_t i = 0; i < a.rows; ++i) {
    for (uint32_t j = 0; j < b.rows; ++j) {
      if (RowsShareByte(a, i, b, j)) return true;
    }
  }
  return false;
}

RowSet RandomRows(std::mt19937& random, bool same_stride_as_previous, size_t previous_stride) {
  RowSet s;
  s.row_bytes = 1 + random() % 8;
  s.stride = same_stride_as_previous ? previous_stride : s.row_bytes + random() % 9;
  if (s.stride < s.row_bytes) s.row_bytes = s.stride;
  s.rows = random() % 7;  // 0 rows too: an empty set overlaps nothing
  s.begin = 4096 + random() % 64;
  return s;
}

TEST_CASE("FindOverlap agrees with a brute force over every pair of rows") {
  std::mt19937 random(7);
  // A tenth of the random pairs under emulation, where this plain C++ runs 20-60x slower.
  const int trials = test::Emulated() ? 20000 : 200000;
  if (test::Emulated()) MESSAGE("emulated: " << trials << " random pairs of row sets, not 200000");
  int overlapping = 0, disjoint = 0;
  for (int trial = 0; trial < trials; ++trial) {
    const RowSet a = RandomRows(random, false, 0);
    const RowSet b = RandomRows(random, trial % 2 == 0, a.stride);
    const bool expected = BruteForce(a, b);
    const std::optional<RowPair> found = FindOverlap(a, b);
    REQUIRE_MESSAGE(found.has_value() == expected, "a: begin ", a.begin, " stride ", a.stride,
                    " row ", a.row_bytes, " rows ", a.rows, "; b: begin ", b.begin, " stride ",
                    b.stride, " row ", b.row_bytes, " rows ", b.rows);
    if (found) {
      // The rows it names really share a byte.
      REQUIRE(found->a < a.rows);
      REQUIRE(found->b < b.rows);
      REQUIRE(RowsShareByte(a, found->a, b, found->b));
      ++overlapping;
    } else {
      ++disjoint;
    }
  }
  // Both outcomes are well represented, so neither path is tested by accident only.
  CHECK(overlapping > trials / 10);
  CHECK(disjoint > trials / 10);
}

TEST_CASE("FindOverlap: the cases the plane and destination checks rely on") {
  // U and V rows alternating in one buffer: 4-byte rows, stride 8, V starting 4 bytes in.
  const RowSet u{1000, 8, 4, 540};
  RowSet v{1004, 8, 4, 540};
  CHECK_FALSE(FindOverlap(u, v).has_value());
  CHECK_FALSE(FindOverlap(v, u).has_value());
  v.begin = 1003;  // one byte shared with every U row
  REQUIRE(FindOverlap(u, v).has_value());
  CHECK(FindOverlap(u, v)->a == 0);
  CHECK(FindOverlap(u, v)->b == 0);
  // A source plane inside the padding of one destination row: spans intersect, rows don't.
  const RowSet dst{0, 1000, 400, 1080};
  CHECK_FALSE(FindOverlap(dst, RowSet{500 * 1000 + 500, 100, 100, 4}).has_value());
  CHECK(FindOverlap(dst, RowSet{500 * 1000 + 500, 100, 100, 6})->a == 501);  // reaches row 501
  // One row of bytes (an encoded input) against a destination.
  CHECK(FindOverlap(dst, RowSet{999 * 1000 + 399, 1, 1, 1})->a == 999);
  CHECK_FALSE(FindOverlap(dst, RowSet{999 * 1000 + 400, 600, 600, 1}).has_value());
  // Adjacent but not shared: [0, 10) and [10, 20).
  CHECK_FALSE(FindOverlap(RowSet{0, 10, 10, 1}, RowSet{10, 10, 10, 1}).has_value());
}

}  // namespace
}  // namespace pixconv::internal
