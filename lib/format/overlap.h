// Whether two sets of image rows share a byte: two planes of one source view, a destination
// and a source plane, or a decoder's destination and the encoded input.
//
// Exact, from the rows themselves: planes whose rows interleave without sharing a byte (U and
// V rows alternating in one buffer, each with a stride of two rows) do not overlap. The common
// case, address spans that do not intersect, costs two comparisons; otherwise rows with equal
// strides are decided in O(1), and other rows by a merge of the two sorted row lists that
// skips ahead by division, so its steps are bounded by how often the two lists alternate
// (at most rows(a) + rows(b)).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace pixconv::internal {

// `rows` rows of `row_bytes` bytes, the first at address `begin`, `stride` bytes apart.
// Requires stride >= row_bytes >= 1 (so the rows are disjoint and in address order) and no
// overflow in stride * (rows - 1) + row_bytes: a validated plane or destination.
struct RowSet {
  uintptr_t begin = 0;
  size_t stride = 0;
  size_t row_bytes = 0;
  uint32_t rows = 0;
};

// A row of one set and a row of the other that share a byte.
struct RowPair {
  uint32_t a = 0;
  uint32_t b = 0;
};

// A pair of rows that share a byte, or nullopt when no byte is in both sets.
std::optional<RowPair> FindOverlap(const RowSet& a, const RowSet& b);

}  // namespace pixconv::internal
