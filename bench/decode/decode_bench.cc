// Decoding 1920x1080 JPEG and PNG files to RGBA8: pixconv against plain libjpeg-turbo
// (libjpeg API and TurboJPEG), plain libpng and libspng, in one binary so the ratios are
// meaningful. The files are generated at start-up from a photo-like synthetic frame:
//   jpeg_420_q90  baseline JPEG, YCbCr 4:2:0, quality 90
//   png_rgb8, png_rgba8, png_rgb16  PNG with libpng's default compression and filters
// Reported: items/s = pixels; bytes/s = encoded bytes read + decoded bytes written.
//
//   decode_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bench_images.h"
#include "peers.h"
#include "pixconv/convert.h"
#include "pixconv/decode.h"

namespace pixconv::bench {
namespace {

constexpr uint32_t kWidth = 1920;
constexpr uint32_t kHeight = 1080;
constexpr size_t kPixels = size_t{kWidth} * kHeight;

// One decode into `out` (sized for the decoder's output); false on failure.
using DecodeFn = std::function<bool(const std::vector<uint8_t>& file, std::vector<uint8_t>* out)>;

void Register(const std::string& name, const std::vector<uint8_t>* file, size_t out_bytes,
              DecodeFn decode) {
  benchmark::RegisterBenchmark(name.c_str(), [=](benchmark::State& state) {
    std::vector<uint8_t> out(out_bytes);
    for (auto _ : state) {
      if (!decode(*file, &out)) {
        state.SkipWithError("decode failed");
        break;
      }
      benchmark::DoNotOptimize(out.data());
      benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * kPixels));
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * (file->size() + out_bytes)));
  })->Unit(benchmark::kMillisecond);
}

DecodeFn PixconvToRgba8(const ConvertOptions& options) {
  return [options](const std::vector<uint8_t>& file, std::vector<uint8_t>* out) {
    return DecodeAndConvertInto(file.data(), file.size(), {out->data(), out->size()}, options)
        .ok();
  };
}

bool PixconvDecode(const std::vector<uint8_t>& file, std::vector<uint8_t>* out) {
  return DecodeInto(file.data(), file.size(), {out->data(), out->size()}).ok();
}

// Sample-for-sample agreement of pixconv's RGBA8 with a peer's, as context for the timings.
size_t CountDifferences(const std::vector<uint8_t>& file, const ConvertOptions& options,
                        const DecodeFn& peer) {
  std::vector<uint8_t> ours(kPixels * 4), theirs(kPixels * 4);
  if (!PixconvToRgba8(options)(file, &ours) || !peer(file, &theirs)) return ours.size();
  size_t differences = 0;
  for (size_t i = 0; i < ours.size(); ++i) differences += ours[i] != theirs[i];
  return differences;
}

struct Input {
  std::string name;
  std::vector<uint8_t> file;
  ConvertOptions options;  // how pixconv converts it to RGBA8
  bool is_jpeg = false;
  size_t model_bytes = 0;  // Decode's output (the input model)
};

int Run(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  // 16-bit PNG to RGBA8 the way libpng and libspng reduce it: 0..65535 onto 0..255 (the
  // default Auto range would stretch this image's own min..max instead).
  ConvertOptions datatype_range;
  datatype_range.range = RangeMode::Datatype;
  const std::vector<uint8_t> rgb8 = PhotoLikeImage(kWidth, kHeight, 3, false);
  std::vector<Input> inputs = {
      {"jpeg_420_q90", EncodeJpeg420(rgb8, kWidth, kHeight, 90), {}, true, kPixels * 3},
      {"png_rgb8", EncodePng(rgb8, kWidth, kHeight, 3, 8), {}, false, kPixels * 3},
      {"png_rgba8", EncodePng(PhotoLikeImage(kWidth, kHeight, 4, false), kWidth, kHeight, 4, 8),
       {}, false, kPixels * 4},
      {"png_rgb16", EncodePng(PhotoLikeImage(kWidth, kHeight, 3, true), kWidth, kHeight, 3, 16),
       datatype_range, false, kPixels * 6},
  };

  const DecodeFn libjpeg = [](const std::vector<uint8_t>& f, std::vector<uint8_t>* out) {
    return LibjpegToRgba(f, out->data());
  };
  const DecodeFn libpng = [](const std::vector<uint8_t>& f, std::vector<uint8_t>* out) {
    return LibpngToRgba(f, out->data());
  };
#ifdef PIXCONV_HAVE_TURBOJPEG
  static TurboJpegDecoder turbojpeg;
  const DecodeFn tj = [](const std::vector<uint8_t>& f, std::vector<uint8_t>* out) {
    return turbojpeg.ToRgba(f, kWidth, kHeight, out->data());
  };
#endif
#ifdef PIXCONV_HAVE_SPNG
  const DecodeFn spng = [](const std::vector<uint8_t>& f, std::vector<uint8_t>* out) {
    return SpngToRgba(f, out->data(), out->size());
  };
#endif

  for (const Input& input : inputs) {
    if (input.file.empty()) {
      std::fprintf(stderr, "decode_bench: encoding %s failed\n", input.name.c_str());
      return 1;
    }
    const std::string& n = input.name;
    benchmark::AddCustomContext(n + " bytes", std::to_string(input.file.size()));
    const DecodeFn& reference = input.is_jpeg ? libjpeg : libpng;
    benchmark::AddCustomContext(
        n + " samples differing from " + (input.is_jpeg ? "libjpeg" : "libpng"),
        std::to_string(CountDifferences(input.file, input.options, reference)));

    Register(n + "/pixconv_rgba8", &input.file, kPixels * 4, PixconvToRgba8(input.options));
    Register(n + "/pixconv_decode_model", &input.file, input.model_bytes, PixconvDecode);
    if (input.is_jpeg) {
      Register(n + "/libjpeg_rgba8", &input.file, kPixels * 4, libjpeg);
#ifdef PIXCONV_HAVE_TURBOJPEG
      Register(n + "/turbojpeg_rgba8", &input.file, kPixels * 4, tj);
#endif
    } else {
      Register(n + "/libpng_rgba8", &input.file, kPixels * 4, libpng);
#ifdef PIXCONV_HAVE_SPNG
      Register(n + "/spng_rgba8", &input.file, kPixels * 4, spng);
#endif
    }
  }
  benchmark::AddCustomContext("pixconv SIMD target", BestTargetName());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace
}  // namespace pixconv::bench

int main(int argc, char** argv) { return pixconv::bench::Run(argc, argv); }
