// Shared pieces of the conversion benchmarks: sizes, buffers, synthetic images, counters.
//
// Every benchmark (pixconv, memcpy and the peers) gets its input and output from the same
// helpers, so rows that are compared read the same bytes and write into the same kind of
// memory (page aligned, pre-faulted).
#pragma once

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/model.h"

namespace pixconv_bench {

struct Size {
  uint32_t width;
  uint32_t height;
  size_t pixels() const { return size_t{width} * height; }
};

// The frame sizes every row runs at. By default Full HD and 4K UHD, the sizes viewers see
// most (lib/README.md 7); convert_bench --pixconv_sizes replaces them before the rows are
// registered, e.g. with a frame whose input and output fit in L2, where a row measures its
// arithmetic instead of the memory system.
const std::vector<Size>& BenchSizes();
void SetBenchSizes(std::vector<Size> sizes);

// "1920x1080": the last component of every benchmark name.
std::string SizeName(Size size);

// "RGBA8" / "RGBAF32".
std::string_view OutputName(pixconv::OutputType type);

// A page-aligned buffer whose pages are written once at creation, so that no page fault
// (first touch) lands inside a timed loop.
class Buffer {
 public:
  Buffer() = default;
  explicit Buffer(size_t size);

  uint8_t* data() const { return data_.get(); }
  size_t size() const { return size_; }

 private:
  struct Free {
    void operator()(uint8_t* p) const;
  };
  std::unique_ptr<uint8_t, Free> data_;
  size_t size_ = 0;
};

// Buffers are cached in two slots, one entry each. Asking a slot for a key it does not hold
// frees the old buffer before allocating the new one, so at most one input (the largest is
// the 265 MB 4K RGBA/F64 image) and one output are alive at any time, while consecutive rows
// over the same input (range modes, output types, peers) generate it only once. Benchmark
// functions run several times per row (iteration-count estimation, repetitions), which is
// why a plain allocation inside each benchmark function would not do.
enum class Slot { kInput = 0, kOutput = 1 };
using FillFn = std::function<void(uint8_t* data, size_t size)>;

// Returns the slot's buffer for `key` (created with `size` bytes and filled by `fill`, or
// left zeroed when `fill` is empty, if the slot held another key). The reference stays valid
// until the next call for the same slot with another key.
const Buffer& CachedBuffer(Slot slot, const std::string& key, size_t size,
                           const FillFn& fill = {});

// A zeroed destination of `size` bytes (the output slot, keyed by size).
const Buffer& OutputBuffer(size_t size);

// Reports bytes/s (bytes read + bytes written per iteration) and items/s (pixels).
void ReportThroughput(benchmark::State& state, Size size, size_t bytes_read,
                      size_t bytes_written);

// For a pixconv row whose output is large enough to stream (lib/convert/stream_threshold.h),
// how this process writes such outputs, as the counter "streamed": 1 streamed, 0 ordinary
// stores, -1 while its trials still run. bench/report.py shows it as the row's stores.
void ReportLargeOutputStores(benchmark::State& state, const pixconv::ImageFormat& format,
                             pixconv::OutputType to, size_t out_bytes);

// Skips the row with `message` (the run goes on with the next row).
void Skip(benchmark::State& state, const std::string& message);

// One untimed pixconv conversion before a timed loop: a failure (e.g. a conversion not
// implemented) skips the row and returns false; success labels the row with the SIMD target
// that ran the kernel.
bool FirstRunOrSkip(benchmark::State& state, const pixconv::ImageView& src,
                    const pixconv::OutputView& dst, const pixconv::ConvertOptions& opts);

// Runs one peer-library row: `call` converts the whole frame `src` into `dst` and returns an
// error message, or an empty string on success. One untimed call first turns a failure into a
// skipped row; the timed loop then repeats the call. Counts src.size() bytes read and
// `out_bytes` written, as the pixconv rows do.
using PeerCall = std::function<std::string(const uint8_t* src, uint8_t* dst)>;
void RunPeer(benchmark::State& state, Size size, const Buffer& src, size_t out_bytes,
             const PeerCall& call);

// ---- Synthetic images --------------------------------------------------------------------

// The sample range the synthetic images of a datatype span: what a real producer of that
// datatype typically emits, not the datatype's full range, so that RangeMode::Auto finds a
// range of its own as it does on real data. U8/I8: the full range; U16: [0, 4095] (a 12-bit
// sensor); I16: [-4096, 4095]; U32/I32 and U64/I64: counts around a million / a billion;
// floats: [0, 1].
void SyntheticRange(pixconv::ChannelDatatype type, double* lo, double* hi);

// Fills a tightly packed color-model image: a smooth per-channel gradient plus +-2% noise,
// mapped into SyntheticRange. Deterministic.
void FillColorImage(pixconv::ColorModel model, pixconv::ChannelDatatype type, Size size,
                    uint8_t* dst);

// Key of the input cache for a color-model image ("RGB_U16/1920x1080").
std::string ColorImageKey(pixconv::ColorModel model, pixconv::ChannelDatatype type, Size size);

// The synthetic color-model image (cached in the input slot) and its packed size.
const Buffer& ColorImage(pixconv::ColorModel model, pixconv::ChannelDatatype type, Size size);

// Plane pointers and strides of a packed pixel-format buffer (lib/README.md section 1 layout:
// planes one after another, rows tight). Unused planes are null.
struct Planes {
  std::array<const uint8_t*, 3> data{};
  std::array<int, 3> stride{};
};
Planes YuvPlanes(pixconv::PixelFormat format, Size size, const uint8_t* buffer);

// Packed size of a pixel-format image (Y8: wh, I420/NV12: 1.5wh, YUY2/I422: 2wh, I444: 3wh).
size_t YuvImageSize(pixconv::PixelFormat format, Size size);

// The synthetic pixel-format image (cached in the input slot): the same gradient + noise as
// the color images, as Y in the format's range and moderately saturated chroma.
const Buffer& YuvImage(pixconv::PixelFormat format, Size size);

}  // namespace pixconv_bench
