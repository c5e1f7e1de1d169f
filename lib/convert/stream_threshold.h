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

// Whether a width x height output of type `to` is streamed (the planners' one rule).
inline bool StreamsOutput(uint32_t width, uint32_t height, OutputType to) {
  return uint64_t{width} * height * BytesPerPixel(to) >= StreamMinOutputBytes();
}

}  // namespace pixconv::internal
