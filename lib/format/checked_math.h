// Overflow-checked size arithmetic for layout computations.
#pragma once

#include <cstddef>

namespace pixconv::internal {

// *out = a * b; false on overflow.
inline bool CheckedMul(size_t a, size_t b, size_t* out) { return !__builtin_mul_overflow(a, b, out); }
// *out = a + b; false on overflow.
inline bool CheckedAdd(size_t a, size_t b, size_t* out) { return !__builtin_add_overflow(a, b, out); }

}  // namespace pixconv::internal
