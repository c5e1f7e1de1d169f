// Exact overlap of two sets of rows (overlap.h).
#include "format/overlap.h"

#include <algorithm>
#include <utility>

namespace pixconv::internal {
namespace {

// Addresses are compared as integers: the two sets may belong to unrelated objects, where
// comparing pointers is unspecified. Sums cannot wrap for sets that lie in memory.
uintptr_t RowStart(const RowSet& s, uint32_t row) { return s.begin + uintptr_t{row} * s.stride; }
uintptr_t End(const RowSet& s) { return RowStart(s, s.rows - 1) + s.row_bytes; }

// The first row of `s` that ends after `address` (s.rows if none does).
uint32_t FirstRowEndingAfter(const RowSet& s, uintptr_t address) {
  if (address < s.begin + s.row_bytes) return 0;
  const uint64_t row = (address - s.begin - s.row_bytes) / s.stride + 1;
  return static_cast<uint32_t>(std::min<uint64_t>(row, s.rows));
}

// Equal strides s, b starting at or after a: with b.begin - a.begin = q * s + r (0 <= r < s),
// row j of b starts r bytes into the stride of row q + j of a. Row lengths are at most s, so
// row j of b can only meet row q + j of a (when r < a.row_bytes) or row q + j + 1 (when it
// reaches past the end of that stride, r + b.row_bytes > s); the earliest candidate is j = 0.
std::optional<RowPair> SameStride(const RowSet& a, const RowSet& b) {
  const uintptr_t distance = b.begin - a.begin;
  const uintptr_t q = distance / a.stride;
  const uintptr_t r = distance % a.stride;
  if (r < a.row_bytes && q < a.rows) return RowPair{static_cast<uint32_t>(q), 0};
  if (r + b.row_bytes > a.stride && q + 1 < a.rows) return RowPair{static_cast<uint32_t>(q + 1), 0};
  return std::nullopt;
}

// The first row after `row` of `s` that ends after `address`: usually the next one (rows of
// the two lists alternating), found without a division; otherwise skipped to by one.
uint32_t NextRowEndingAfter(const RowSet& s, uint32_t row, uintptr_t address) {
  if (row + 1 >= s.rows || RowStart(s, row + 1) + s.row_bytes > address) return row + 1;
  return FirstRowEndingAfter(s, address);
}

// Walks both sorted lists; a row that ends before the other list's current row is skipped
// together with every row of its list that also ends before it.
std::optional<RowPair> Merge(const RowSet& a, const RowSet& b) {
  uint32_t i = FirstRowEndingAfter(a, b.begin);
  uint32_t j = FirstRowEndingAfter(b, a.begin);
  while (i < a.rows && j < b.rows) {
    const uintptr_t row_a = RowStart(a, i);
    const uintptr_t row_b = RowStart(b, j);
    if (row_a + a.row_bytes <= row_b) {
      i = NextRowEndingAfter(a, i, row_b);
    } else if (row_b + b.row_bytes <= row_a) {
      j = NextRowEndingAfter(b, j, row_a);
    } else {
      return RowPair{i, j};
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<RowPair> FindOverlap(const RowSet& a, const RowSet& b) {
  if (a.rows == 0 || b.rows == 0) return std::nullopt;
  if (End(a) <= b.begin || End(b) <= a.begin) return std::nullopt;  // the usual case
  if (a.stride != b.stride) return Merge(a, b);
  if (a.begin <= b.begin) return SameStride(a, b);
  std::optional<RowPair> swapped = SameStride(b, a);
  if (!swapped) return std::nullopt;
  return RowPair{swapped->b, swapped->a};
}

}  // namespace pixconv::internal
