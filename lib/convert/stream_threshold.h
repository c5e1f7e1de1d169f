// Internal: from which output size conversions write with non-temporal stores
// (row_loop-inl.h, OutputStreamer).
#pragma once

#include <cstddef>
#include <cstdint>

#include "pixconv/convert.h"

namespace pixconv::internal {

// Outputs of at least this many bytes are streamed: they skip the read-for-ownership of
// every destination line and do not evict the rest of the cache. Half of the last-level
// cache this core shares (Linux sysfs, read once), within [4 MiB, 64 MiB]; 16 MiB where the
// size is unknown. Below it, input and output of a frame stay in the shared cache together, and
// there streaming is slower: with a 32 MiB L3, 1080p NV12 -> RGBA8 (3 + 8 MB) runs at 2.0x
// libyuv's speed into a cached destination and at 0.75x streamed (the threshold used to be a
// fixed 4 MiB); every 1080p YUV format is 1.4x-2.0x cached against 0.35x-0.8x streamed
// (bench/convert, medians of 5, one run each). Above it the frame does not fit anyway, and
// streaming is what lets a 4K conversion keep up with memcpy.
size_t StreamMinOutputBytes();

// Whether a width x height output of type `to` is streamed (the planners' one rule).
inline bool StreamsOutput(uint32_t width, uint32_t height, OutputType to) {
  return uint64_t{width} * height * BytesPerPixel(to) >= StreamMinOutputBytes();
}

// Tests lower the threshold so that streamed frames stay small and fast to check; the
// streaming code paths do not depend on the frame size. 0 restores the default.
void SetStreamMinOutputBytesForTest(size_t bytes);

class ScopedStreamThresholdForTest {
 public:
  explicit ScopedStreamThresholdForTest(size_t bytes) { SetStreamMinOutputBytesForTest(bytes); }
  ~ScopedStreamThresholdForTest() { SetStreamMinOutputBytesForTest(0); }
  ScopedStreamThresholdForTest(const ScopedStreamThresholdForTest&) = delete;
  ScopedStreamThresholdForTest& operator=(const ScopedStreamThresholdForTest&) = delete;
};

}  // namespace pixconv::internal
