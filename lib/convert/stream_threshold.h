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
// there streaming is slower (bench/README.md, notes on performance). Above it the frame does
// not fit anyway, and streaming is what lets a 4K conversion keep up with memcpy.
size_t StreamMinOutputBytes();

// Whether a width x height output of type `to` is large enough to stream (the planners' one
// rule); LargeOutputStores() says whether this machine does.
inline bool StreamsOutput(uint32_t width, uint32_t height, OutputType to) {
  return uint64_t{width} * height * BytesPerPixel(to) >= StreamMinOutputBytes();
}

// How large outputs are written on this machine. Whether non-temporal stores beat ordinary
// ones past the cache is a property of the memory system, not of the cache size: on some
// machines ordinary stores move more bytes per second although they read every destination
// line first. So the conversions measure it, for RGBA8 and RGBAF32 outputs apart. Until there
// is a verdict, a band of a large output is a trial: half its rows are written each way, each
// half timed per output byte (ConvertRows, converter.cc). After kStreamTrials trials the way
// with the lower minimum time per byte is kept for the life of the process. A threshold set
// for a test or a benchmark (SetStreamMinOutputBytesForTest) streams without trials.
enum class LargeOutputStores : uint8_t {
  kTrialStreamedFirst,  // a trial whose first half streams
  kTrialCachedFirst,    // a trial whose first half takes ordinary stores
  kStreamed,
  kCached,
};
inline constexpr int kStreamTrials = 4;

// The way to write the next band of a large output of type `to` (trials alternate which half
// streams first).
LargeOutputStores NextLargeOutputStores(OutputType to);
// Records one trial of an output of type `to`: the seconds per output byte of its streamed
// and of its cached half.
void RecordStreamTrial(OutputType to, double streamed, double cached);

}  // namespace pixconv::internal
