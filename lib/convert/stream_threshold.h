// Internal: from which output size conversions write with non-temporal stores
// (row_loop-inl.h, OutputStreamer).
#pragma once

#include <cstddef>
#include <cstdint>

#include "pixconv/convert.h"
#include "pixconv/model.h"

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

// Which trials a large output takes part in: outputs of one type from inputs of one size per
// pixel and of one family (YUV or channel data) share them. Whether streaming pays depends on
// what else the conversion moves (whether its input still fits in the cache beside a streamed
// output) and on how much arithmetic hides the stores, so one kind of conversion must not
// decide for another. A YUV conversion's matrix can hide stores that a channel conversion
// from as many bytes a pixel (YUY2 and L U16 both read 2) leaves bare.
struct LargeOutputKind {
  OutputType to = OutputType::RGBA8;
  uint32_t input_half_bytes = 0;  // input bytes per pixel, in halves (4:2:0 YUV: 3)
  bool yuv = false;               // a YUV pixel format, not a color model's channels
};
LargeOutputKind LargeOutputKindOf(const ImageFormat& format, OutputType to);

// How large outputs are written on this machine. Whether non-temporal stores beat ordinary
// ones past the cache depends on the memory system, not only on the cache size: on some
// machines ordinary stores move more bytes per second although they read every destination
// line first. So the conversions measure it, for each LargeOutputKind apart. Until there
// is a verdict, bands of a large output are trials, in pairs written the same way: two with
// ordinary stores, two streamed, and so on. Only the second band of a pair is timed (per
// output byte): ordinary stores leave dirty lines in the cache whose write-back the next band
// pays, so a band is timed after one that left the cache as it will be in steady use. A round
// is kStreamTrials timed bands of each way; when one way's minimum time per byte beats the
// other's by more than kStreamMargin, that way is the verdict for the life of the process.
// Otherwise the round is a tie and another one follows: a conversion bound by arithmetic times
// both ways alike, within noise, and must not decide for the memory-bound ones after it. Trials
// during ties cost nothing, since both ways are then equally fast. A threshold set for a test
// or a benchmark (SetStreamMinOutputBytesForTest) streams without trials.
enum class LargeOutputStores : uint8_t { kStreamed, kCached };
inline constexpr int kStreamTrials = 4;
inline constexpr double kStreamMargin = 1.1;

// How to write the next band of a large output of kind `kind`, and whether to time it.
struct LargeOutputBand {
  LargeOutputStores stores = LargeOutputStores::kCached;
  bool timed = false;  // a trial band to time and report with RecordStreamTrial
};
LargeOutputBand NextLargeOutputBand(const LargeOutputKind& kind);
// Records a timed trial band of an output of kind `kind`: its seconds per output byte.
void RecordStreamTrial(const LargeOutputKind& kind, LargeOutputStores stores,
                       double seconds_per_byte);
// The verdict for outputs of kind `kind`: kStreamed or kCached, or false while trials run;
// kStreamed where a threshold is set for a test, which streams without trials.
bool LargeOutputVerdict(const LargeOutputKind& kind, LargeOutputStores* stores);

}  // namespace pixconv::internal
