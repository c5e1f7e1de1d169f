// Overflow-checked size arithmetic: every size the library computes from caller input (plane,
// buffer, destination and decoder sizes) goes through these, once per call, never per pixel.
//
// The limit is SIZE_MAX, except in tests that lower it to UINT32_MAX to prove that a build
// with a 32-bit size_t rejects what would not fit it (SetSizeLimitForTest), without needing a
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

// Tests only: makes every checked size above `limit` an overflow (UINT32_MAX simulates a
// 32-bit size_t); 0 restores SIZE_MAX. Like hwy::SetSupportedTargetsForTest, it is global:
// no conversion may be running on another thread while it changes.
void SetSizeLimitForTest(size_t limit);

// Sets the limit for the lifetime of the object (a test's scope), then restores SIZE_MAX.
class ScopedSizeLimitForTest {
 public:
  explicit ScopedSizeLimitForTest(size_t limit) { SetSizeLimitForTest(limit); }
  ~ScopedSizeLimitForTest() { SetSizeLimitForTest(0); }
  ScopedSizeLimitForTest(const ScopedSizeLimitForTest&) = delete;
  ScopedSizeLimitForTest& operator=(const ScopedSizeLimitForTest&) = delete;
};

}  // namespace pixconv::internal
