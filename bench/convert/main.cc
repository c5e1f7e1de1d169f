// convert_bench: pixconv conversions, memcpy baselines and peer libraries in one binary, so
// that ratios taken within one run are meaningful (lib/README.md 7).
//
// Rows (single threaded but for parallel/, 1920x1080 and 3840x2160):
//   memcpy/out:<RGBA8|RGBAF32>/<WxH>                         copy of the output's size
//   noise/memcpy:<RGBA8|RGBAF32>/<WxH>                       the same copy again (the run's
//                                                            noise: bench/report.py)
//   color/<Model>_<Type>-><RGBA8|RGBAF32>/range:<datatype|auto>[/transfer:none]/<WxH>
//   yuv/<PixelFormat>-><RGBA8|RGBAF32>/<WxH>
//   colormap/L_<U16|F32>-><RGBA8|RGBAF32>/turbo/range:<depth|explicit>/1920x1080
//   segmentation/L_U16-><RGBA8|RGBAF32>/classes:256/1920x1080   (colormap_bench.cc)
//   parallel/<NV12|RGB_U8|L_U16>->RGBA8/<threads|pool>:<1|2>/3840x2160  row bands, N threads
//                                                            (wall-clock rates; parallel_bench.cc)
//   libyuv/<Function>[:<YuvConstants>]/<WxH>                 when libyuv is installed
//   opencv/<cvtColor_CODE|convertTo_TYPE->32FC4>/<WxH>       when OpenCV is installed
//   swscale/<src>->rgba[:<matrix>:<range>]/<WxH>             when swscale is installed
// pixconv rows are labelled with the SIMD target that ran; peer rows with their pixconv
// counterpart ("vs color/RGB_U8->RGBA8 (same bytes)"). The mapping, and where a peer does
// different work, is explained at the top of each peers_*.cc.
//
// How to run the suite and read its rates (ratios to memcpy and to the peers, minimum and
// median times, per-CPU against wall-clock seconds): bench/README.md.
//
// pixconv flags (anywhere on the command line; removed before Google Benchmark parses it):
//   --pixconv_list_targets   print the SIMD targets this build and CPU support, and exit
//   --pixconv_target=NAME    pin runtime dispatch to one of them: the portable one (SCALAR or
//                            EMU128, by Highway version) as a baseline, AVX2 on an AVX-512
//                            machine, ...
//   --pixconv_stream_min_bytes=N  stream outputs of at least N bytes, always, instead of the
//                            default (half the shared last-level cache, and only where the
//                            trials found streaming faster; stream_threshold.h): to measure
//                            where streaming pays on a machine. 1 streams every frame; a
//                            number above every frame's size streams none.
//   --pixconv_sizes=WxH[,WxH...]  run every row at these frame sizes instead of 1920x1080 and
//                            3840x2160; e.g. 640x360 (0.9 MB of RGBA8 output) stays in a 2 MiB
//                            L2, so pixconv and the peers compare on arithmetic, not memory.
//                            Widths and heights are even (the YUV rows need whole 2x2 blocks).
//
// Inputs are synthetic (gradient + noise in a realistic range per datatype, see
// bench_util.h), generated once per input outside the timed loops; at most one input and one
// output buffer are alive at a time, so the 4K RGBA/F64 input (265 MB) exists only while
// its rows run.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "hwy/targets.h"
#include "pixconv/convert.h"
#include "register.h"
#include "test_hooks.h"

namespace {

constexpr std::string_view kListTargetsFlag = "--pixconv_list_targets";
constexpr std::string_view kTargetFlag = "--pixconv_target=";
constexpr std::string_view kStreamFlag = "--pixconv_stream_min_bytes=";
constexpr std::string_view kSizesFlag = "--pixconv_sizes=";

// "640x360,1920x1080" -> sizes; false on anything else (empty, odd or zero dimensions, or
// frames over 2^28 pixels, which the benchmark buffers would not hold).
bool ParseSizes(std::string_view text, std::vector<pixconv_bench::Size>* sizes) {
  sizes->clear();
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string item(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    unsigned long width = 0, height = 0;
    char tail = 0;
    if (std::sscanf(item.c_str(), "%lux%lu%c", &width, &height, &tail) != 2) return false;
    if (width == 0 || height == 0 || width % 2 != 0 || height % 2 != 0) return false;
    if (width > 65536 || height > 65536 || width * height > (1ul << 28)) return false;
    sizes->push_back({static_cast<uint32_t>(width), static_cast<uint32_t>(height)});
  }
  return !sizes->empty();
}

// Pins Highway's runtime dispatch (and so every pixconv kernel) to the target named `name`.
bool PinTarget(std::string_view name) {
  for (const int64_t target : hwy::SupportedAndGeneratedTargets()) {
    if (name == hwy::TargetName(target)) {
      hwy::SetSupportedTargetsForTest(target);
      return true;
    }
  }
  return false;
}

// Handles and removes the pixconv flags. Returns false when main should exit with `*code`.
bool ParsePixconvFlags(int* argc, char** argv, int* code) {
  int kept = 1;
  for (int i = 1; i < *argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == kListTargetsFlag) {
      std::printf("%s\n", pixconv::SupportedTargetNames().c_str());
      *code = 0;
      return false;
    }
    if (arg.substr(0, kTargetFlag.size()) == kTargetFlag) {
      const std::string_view name = arg.substr(kTargetFlag.size());
      if (!PinTarget(name)) {
        std::fprintf(stderr, "unknown or unsupported target '%.*s'; supported: %s\n",
                     static_cast<int>(name.size()), name.data(),
                     pixconv::SupportedTargetNames().c_str());
        *code = 1;
        return false;
      }
      continue;
    }
    if (arg.substr(0, kStreamFlag.size()) == kStreamFlag) {
      const std::string value(arg.substr(kStreamFlag.size()));
      char* end = nullptr;
      const unsigned long long bytes = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || bytes == 0) {
        std::fprintf(stderr, "%s needs a positive byte count\n", kStreamFlag.data());
        *code = 1;
        return false;
      }
      pixconv::internal::SetStreamMinOutputBytesForTest(static_cast<size_t>(bytes));
      continue;
    }
    if (arg.substr(0, kSizesFlag.size()) == kSizesFlag) {
      std::vector<pixconv_bench::Size> sizes;
      if (!ParseSizes(arg.substr(kSizesFlag.size()), &sizes)) {
        std::fprintf(stderr, "%s needs even WxH sizes separated by commas, e.g. %s\n",
                     kSizesFlag.data(), "640x360,1920x1080");
        *code = 1;
        return false;
      }
      pixconv_bench::SetBenchSizes(std::move(sizes));
      continue;
    }
    argv[kept++] = argv[i];
  }
  *argc = kept;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int code = 0;
  if (!ParsePixconvFlags(&argc, argv, &code)) return code;

  namespace pb = pixconv_bench;
  pb::RegisterMemcpyBenchmarks();
  pb::RegisterColorBenchmarks();
  pb::RegisterYuvBenchmarks();
  pb::RegisterColormapBenchmarks();
  pb::RegisterParallelBenchmarks();
  std::string peers;
#ifdef PIXCONV_HAVE_LIBYUV
  peers += std::string(peers.empty() ? "" : ", ") + pb::RegisterLibyuvBenchmarks();
#endif
#ifdef PIXCONV_HAVE_OPENCV
  peers += std::string(peers.empty() ? "" : ", ") + pb::RegisterOpenCvBenchmarks();
#endif
#ifdef PIXCONV_HAVE_SWSCALE
  peers += std::string(peers.empty() ? "" : ", ") + pb::RegisterSwscaleBenchmarks();
#endif

  benchmark::AddCustomContext("pixconv_target", pixconv::BestTargetName());
  benchmark::AddCustomContext("pixconv_supported_targets", pixconv::SupportedTargetNames());
  benchmark::AddCustomContext("peers", peers.empty() ? "none built" : peers);

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
