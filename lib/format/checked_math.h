// Overflow-checked size arithmetic: every size the library computes from caller input (plane,
// buffer, destination and decoder sizes) goes through these, once per call, never per pixel.
//
// The limit is SIZE_MAX, except in tests that lower it to UINT32_MAX to prove that a build
// with a 32-bit size_t rejects what would not fit it (SetSizeLimitForTest, test_hooks.h), without needing a
// 32-bit toolchain: a size above the limit fails exactly where a 32-bit build would wrap.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace pixconv::internal {

// The largest size the checked helpers return. Relaxed atomic: a plain load on the
// platforms pixconv runs on, and no data race when a test changes it between conversions
// that ran on other threads.
extern std::atomic<size_t> size_limit;

inline size_t SizeLimit() { return size_limit.load(std::memory_order_relaxed); }

// *out = a * b; false on overflow or above SizeLimit().
inline bool CheckedMul(size_t a, size_t b, size_t* out) {
  return !__builtin_mul_overflow(a, b, out) && *out <= SizeLimit();
}
// *out = a + b; false on overflow or above SizeLimit().
inline bool CheckedAdd(size_t a, size_t b, size_t* out) {
  return !__builtin_add_overflow(a, b, out) && *out <= SizeLimit();
}

}  // namespace pixconv::internal
