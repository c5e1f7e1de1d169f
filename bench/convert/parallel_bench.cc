// Multi-core rows: 3840x2160 NV12, RGB U8 and L U16 -> RGBA8 split into row bands with
// pixconv::ConvertParallel (pixconv's shared pool) on 1 and 2 threads, and on a caller-owned
// ThreadPool through ConvertWithRunner (the path a viewer with its own pool takes).
//
// Name: parallel/<NV12|RGB_U8|L_U16>->RGBA8/<threads:N | pool:N>/3840x2160; the label is the
// SIMD target. parallel/memcpy/out:RGBA8/pool:N/3840x2160 copies a 4K RGBA8 frame in N bands
// on the same kind of pool: the memory bandwidth N threads get on this machine, the ceiling
// of a memory-bound conversion's speed-up (bytes/s of a conversion row over this row's).
// Rates are per wall-clock second (UseRealTime): CPU time would add up the threads' time and
// hide the speed-up. threads:2 over threads:1 (medians of one run) is the speed-up; on a
// shared machine it is bounded by what the other processes leave free (report the load).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>

#include "bench_util.h"
#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/parallel.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::ChannelDatatype;
using pixconv::ColorModel;
using pixconv::PixelFormat;

constexpr Size k4K = {3840, 2160};

// Which parallel entry point a row times.
enum class Path { kConvertParallel, kCallerPool };

// NV12 when `yuv`, else a color-model image of `model` and `type`.
struct Input {
  std::string name;
  bool yuv;
  ColorModel model;
  ChannelDatatype type;
};

void BM_Parallel(benchmark::State& state, const Input& input, Path path, unsigned threads) {
  const pixconv::ImageFormat format =
      input.yuv ? pixconv::ImageFormat::Pixel(k4K.width, k4K.height, PixelFormat::NV12)
                : pixconv::ImageFormat::Color(k4K.width, k4K.height, input.model, input.type);
  const Buffer& src =
      input.yuv ? YuvImage(PixelFormat::NV12, k4K) : ColorImage(input.model, input.type, k4K);
  const size_t out_bytes = k4K.pixels() * 4;
  const Buffer& dst = OutputBuffer(out_bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");
  const auto view = pixconv::MakeImageView(format, src.data(), src.size());
  if (!view.ok()) return Skip(state, view.status().ToString());
  const pixconv::OutputView out{dst.data(), dst.size(), 0};
  const pixconv::ConvertOptions opts;

  // The pool lives across iterations, as a viewer's pool lives across frames.
  std::unique_ptr<pixconv::ThreadPool> pool;
  if (path == Path::kCallerPool) pool = std::make_unique<pixconv::ThreadPool>(threads);
  auto run = [&]() {
    return path == Path::kConvertParallel
               ? pixconv::ConvertParallel(*view, out, opts, threads)
               : pixconv::ConvertWithRunner(*view, out, opts, pool->runner(), 4 * threads);
  };
  {
    const auto converter = pixconv::Converter::Create(*view, opts);
    if (!converter.ok()) return Skip(state, converter.status().ToString());
    state.SetLabel(converter->target_name());
    // Untimed: starts the shared pool; an error becomes a skipped row.
    const pixconv::Status status = run();
    if (!status.ok()) return Skip(state, status.ToString());
  }
  for (auto _ : state) {
    const pixconv::Status status = run();
    if (!status.ok()) {
      Skip(state, status.ToString());
      break;
    }
    benchmark::ClobberMemory();
  }
  ReportThroughput(state, k4K, src.size(), out_bytes);
}

// memcpy of the 4K RGBA8 output size in `threads` bands on a ThreadPool; bytes N + N.
void BM_ParallelMemcpy(benchmark::State& state, unsigned threads) {
  const size_t bytes = k4K.pixels() * 4;
  const Buffer& src = CachedBuffer(Slot::kInput, "memcpy/" + std::to_string(bytes), bytes,
                                   [](uint8_t* data, size_t n) { std::memset(data, 0x5A, n); });
  const Buffer& dst = OutputBuffer(bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");
  struct Copy {
    const uint8_t* from;
    uint8_t* to;
    size_t band;  // bytes per band, a multiple of 64; the last band takes the rest
    size_t total;
    uint32_t bands;
  };
  const size_t band = (bytes / threads + 63) / 64 * 64;
  Copy copy{src.data(), dst.data(), band, bytes, threads};
  pixconv::ThreadPool pool(threads);
  const pixconv::TaskRunner runner = pool.runner();
  const pixconv::TaskFn task = [](void* data, uint32_t i) {
    const Copy& c = *static_cast<const Copy*>(data);
    const size_t begin = std::min(c.total, size_t{i} * c.band);
    const size_t end = i + 1 == c.bands ? c.total : std::min(c.total, begin + c.band);
    std::memcpy(c.to + begin, c.from + begin, end - begin);
  };
  runner.run(runner.runner_data, threads, task, &copy);  // untimed: starts the workers
  for (auto _ : state) {
    runner.run(runner.runner_data, threads, task, &copy);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  ReportThroughput(state, k4K, bytes, bytes);
}

}  // namespace

void RegisterParallelBenchmarks() {
  for (const unsigned threads : {1u, 2u}) {
    benchmark::RegisterBenchmark(
        ("parallel/memcpy/out:RGBA8/pool:" + std::to_string(threads) + "/" + SizeName(k4K)).c_str(),
        BM_ParallelMemcpy, threads)
        ->Unit(benchmark::kMicrosecond)
        ->UseRealTime();
  }
  // L_U16 (a depth image) has the default Auto range: its sample scan runs in bands too.
  static const Input kInputs[] = {
      {"NV12", true, ColorModel::L, ChannelDatatype::U8},
      {"RGB_U8", false, ColorModel::RGB, ChannelDatatype::U8},
      {"L_U16", false, ColorModel::L, ChannelDatatype::U16},
  };
  for (const Input& input : kInputs) {
    for (const unsigned threads : {1u, 2u}) {
      const std::string prefix = "parallel/" + input.name + "->RGBA8/";
      const std::string suffix = std::to_string(threads) + "/" + SizeName(k4K);
      benchmark::RegisterBenchmark((prefix + "threads:" + suffix).c_str(), BM_Parallel, input,
                                   Path::kConvertParallel, threads)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime();
      benchmark::RegisterBenchmark((prefix + "pool:" + suffix).c_str(), BM_Parallel, input,
                                   Path::kCallerPool, threads)
          ->Unit(benchmark::kMicrosecond)
          ->UseRealTime();
    }
  }
}

}  // namespace pixconv_bench
