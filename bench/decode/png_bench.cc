// PNG decoding on the PNG corpus (png_corpus.h): pixconv to RGBA8 and to the input model,
// libpng and libspng to RGBA8, and libdeflate inflating the same IDAT stream alone (the floor
// any decoder pays), in one binary so the ratios are meaningful. Interleave repetitions:
//
//   png_decode_bench --benchmark_repetitions=9 --benchmark_enable_random_interleaving=true
//                    --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <libdeflate.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "peers.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "png_corpus.h"

namespace pixconv::bench {
namespace {

constexpr size_t kPixels = size_t{1920} * 1080;

using DecodeFn = std::function<bool(std::vector<uint8_t>* out)>;

void Register(const std::string& name, size_t out_bytes, DecodeFn decode) {
  benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& state) {
    std::vector<uint8_t> out(out_bytes);
    for (auto _ : state) {
      if (!decode(&out)) {
        state.SkipWithError("decode failed");
        break;
      }
      benchmark::DoNotOptimize(out.data());
      benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPixels));
  })->Unit(benchmark::kMillisecond);
}

size_t InflatedSize(const std::vector<uint8_t>& stream) {
  libdeflate_decompressor* d = libdeflate_alloc_decompressor();
  std::vector<uint8_t> out(kPixels * 8 + 2 * 1080 * 8);
  size_t actual = 0;
  const bool ok = libdeflate_zlib_decompress(d, stream.data(), stream.size(), out.data(),
                                             out.size(), &actual) == LIBDEFLATE_SUCCESS;
  libdeflate_free_decompressor(d);
  return ok ? actual : 0;
}

int Run(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  static const std::vector<CorpusPng> corpus =
      MakePngCorpus(PIXCONV_TESTDATA_DIR "/libjpeg-turbo/testorig.ppm");
  if (corpus.empty()) {
    std::fprintf(stderr, "png_decode_bench: cannot read testorig.ppm\n");
    return 1;
  }
  static std::vector<std::vector<uint8_t>> streams;
  for (const CorpusPng& png : corpus) streams.push_back(IdatStream(png.file));

  for (size_t i = 0; i < corpus.size(); ++i) {
    const CorpusPng* png = &corpus[i];
    const std::vector<uint8_t>* stream = &streams[i];
    const std::string& n = png->name;
    if (png->file.empty()) {
      std::fprintf(stderr, "png_decode_bench: encoding %s failed\n", n.c_str());
      return 1;
    }
    benchmark::AddCustomContext(n + " bytes", std::to_string(png->file.size()));
    const size_t inflated = InflatedSize(*stream);
    benchmark::AddCustomContext(n + " inflated bytes", std::to_string(inflated));

    // 16-bit files to RGBA8 the way the peers reduce them: 0..65535 onto 0..255.
    ConvertOptions options;
    options.range = RangeMode::Datatype;
    Register(n + "/pixconv_rgba8", kPixels * 4, [png, options](std::vector<uint8_t>* out) {
      return DecodeAndConvertInto(png->file.data(), png->file.size(), {out->data(), out->size()},
                                  options)
          .ok();
    });
    Register(n + "/pixconv_model", png->model_bytes, [png](std::vector<uint8_t>* out) {
      return DecodeInto(png->file.data(), png->file.size(), {out->data(), out->size()}).ok();
    });
    Register(n + "/libpng_rgba8", kPixels * 4, [png](std::vector<uint8_t>* out) {
      return LibpngToRgba(png->file, out->data());
    });
#ifdef PIXCONV_HAVE_SPNG
    Register(n + "/spng_rgba8", kPixels * 4, [png](std::vector<uint8_t>* out) {
      return SpngToRgba(png->file, out->data(), out->size());
    });
#endif
    Register(n + "/inflate_only", inflated, [stream, inflated](std::vector<uint8_t>* out) {
      // Allocated per call, as a decoder does.
      libdeflate_decompressor* d = libdeflate_alloc_decompressor();
      const bool ok = libdeflate_zlib_decompress(d, stream->data(), stream->size(), out->data(),
                                                 inflated, nullptr) == LIBDEFLATE_SUCCESS;
      libdeflate_free_decompressor(d);
      return ok;
    });
  }
  benchmark::AddCustomContext("pixconv SIMD target", BestTargetName());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace pixconv::bench

int main(int argc, char** argv) { return pixconv::bench::Run(argc, argv); }
