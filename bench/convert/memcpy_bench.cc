// memcpy baselines: one row per destination size the conversions write (RGBA8 = 4 B/px and
// RGBAF32 = 16 B/px, at each frame size). A conversion cannot beat streaming its output once;
// comparing its bytes_per_second with the memcpy row of the same output size (in the same
// run, so both see the same machine state) tells how close it is to memory speed. Each copy
// also runs under a second name, noise/memcpy:<type>/<WxH>: two rows of the same work, whose
// minima differ only by the run's noise (bench/report.py shows by how much).
#include <cstring>

#include "bench_util.h"
#include "register.h"

namespace pixconv_bench {
namespace {

void BM_Memcpy(benchmark::State& state, size_t bytes, Size size) {
  // A distinct source (the input slot), so the copy reads and writes different memory as a
  // conversion does; bytes counted: N read + N written.
  const Buffer& src = CachedBuffer(Slot::kInput, "memcpy/" + std::to_string(bytes), bytes,
                                   [](uint8_t* data, size_t n) { std::memset(data, 0x5A, n); });
  const Buffer& dst = OutputBuffer(bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");
  for (auto _ : state) {
    std::memcpy(dst.data(), src.data(), bytes);
    benchmark::DoNotOptimize(dst.data());
    benchmark::ClobberMemory();
  }
  ReportThroughput(state, size, bytes, bytes);
}

}  // namespace

void RegisterMemcpyBenchmarks() {
  for (const Size size : BenchSizes()) {
    for (const pixconv::OutputType out : {pixconv::OutputType::RGBA8, pixconv::OutputType::RGBAF32}) {
      const size_t bytes = size.pixels() * pixconv::BytesPerPixel(out);
      const std::string type_size = std::string(OutputName(out)) + "/" + SizeName(size);
      for (const std::string& name : {"memcpy/out:" + type_size, "noise/memcpy:" + type_size}) {
        benchmark::RegisterBenchmark(name.c_str(), BM_Memcpy, bytes, size)
            ->Unit(benchmark::kMicrosecond);
      }
    }
  }
}

}  // namespace pixconv_bench
