// Internal, for tests and benchmarks only: the process-wide switches that steer the library
// onto a path it would not take by itself. Each is a relaxed atomic, defined next to the state
// it sets; none may change while a conversion runs on another thread. Each Scoped* class sets
// its switch for the lifetime of the object (a test's scope) and then restores the default.
// (SIMD targets are pinned with Highway's own hwy::SetSupportedTargetsForTest.)
#pragma once

#include <cstddef>
#include <cstdint>

namespace pixconv::internal {

// Checked size arithmetic (format/checked_math.h): makes every checked size above `limit` an
// overflow, so UINT32_MAX simulates a 32-bit size_t; 0 restores SIZE_MAX.
void SetSizeLimitForTest(size_t limit);

// Non-temporal output stores (convert/stream_threshold.h): outputs of at least `bytes` are
// streamed, without the trials of LargeOutputStores, so streamed frames stay small and fast
// to check (the streaming code paths do not depend on the frame size); 0 restores the
// threshold from the cache size and the trials' verdict.
void SetStreamMinOutputBytesForTest(size_t bytes);
// The threshold of a machine whose last-level cache holds `bytes`, with the trials of
// LargeOutputStores as on a real machine (so tests under emulation can take the trials' paths
// with frames of a few MiB, not 64); 0 restores the cache size from sysfs.
void SetLastLevelCacheBytesForTest(size_t bytes);
// Forgets the trials of LargeOutputStores (convert/stream_threshold.h) and their verdict.
void ResetStreamTrialsForTest();

// Sample tables of 8-bit color-model images (convert/sample_table.h): forced on or off, to check
// both paths on images of any size; kAuto is the planner's own choice.
enum class SampleTablePolicy { kAuto, kAlways, kNever };
void SetSampleTablePolicyForTest(SampleTablePolicy policy);
// How many converters have switched to a sample table so far (tests tell by it that the table
// ran where the target name stays the same).
uint64_t SampleTablesChosenForTest();

// Value tables of colormaps and segmentation (convert/value_table.h): forced on or off, to
// check both paths on images of any size; kAuto is the planner's own choice.
enum class ValueTablePolicy { kAuto, kAlways, kNever };
void SetValueTablePolicyForTest(ValueTablePolicy policy);

class ScopedSizeLimitForTest {
 public:
  explicit ScopedSizeLimitForTest(size_t limit) { SetSizeLimitForTest(limit); }
  ~ScopedSizeLimitForTest() { SetSizeLimitForTest(0); }
  ScopedSizeLimitForTest(const ScopedSizeLimitForTest&) = delete;
  ScopedSizeLimitForTest& operator=(const ScopedSizeLimitForTest&) = delete;
};

class ScopedStreamThresholdForTest {
 public:
  explicit ScopedStreamThresholdForTest(size_t bytes) { SetStreamMinOutputBytesForTest(bytes); }
  ~ScopedStreamThresholdForTest() { SetStreamMinOutputBytesForTest(0); }
  ScopedStreamThresholdForTest(const ScopedStreamThresholdForTest&) = delete;
  ScopedStreamThresholdForTest& operator=(const ScopedStreamThresholdForTest&) = delete;
};

class ScopedLastLevelCacheForTest {
 public:
  explicit ScopedLastLevelCacheForTest(size_t bytes) { SetLastLevelCacheBytesForTest(bytes); }
  ~ScopedLastLevelCacheForTest() { SetLastLevelCacheBytesForTest(0); }
  ScopedLastLevelCacheForTest(const ScopedLastLevelCacheForTest&) = delete;
  ScopedLastLevelCacheForTest& operator=(const ScopedLastLevelCacheForTest&) = delete;
};

class ScopedSampleTablePolicyForTest {
 public:
  explicit ScopedSampleTablePolicyForTest(SampleTablePolicy p) { SetSampleTablePolicyForTest(p); }
  ~ScopedSampleTablePolicyForTest() { SetSampleTablePolicyForTest(SampleTablePolicy::kAuto); }
  ScopedSampleTablePolicyForTest(const ScopedSampleTablePolicyForTest&) = delete;
  ScopedSampleTablePolicyForTest& operator=(const ScopedSampleTablePolicyForTest&) = delete;
};

class ScopedValueTablePolicyForTest {
 public:
  explicit ScopedValueTablePolicyForTest(ValueTablePolicy p) { SetValueTablePolicyForTest(p); }
  ~ScopedValueTablePolicyForTest() { SetValueTablePolicyForTest(ValueTablePolicy::kAuto); }
  ScopedValueTablePolicyForTest(const ScopedValueTablePolicyForTest&) = delete;
  ScopedValueTablePolicyForTest& operator=(const ScopedValueTablePolicyForTest&) = delete;
};

}  // namespace pixconv::internal
