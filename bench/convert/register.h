// The benchmark groups of convert_bench. Each Register* call adds its rows, in the order they
// run; main.cc calls them so that the memcpy baselines come first and the peers last.
#pragma once

namespace pixconv_bench {

void RegisterMemcpyBenchmarks();  // memcpy_bench.cc
void RegisterColorBenchmarks();   // color_bench.cc
void RegisterYuvBenchmarks();     // yuv_bench.cc
void RegisterColormapBenchmarks();  // colormap_bench.cc
void RegisterParallelBenchmarks();  // parallel_bench.cc: 1 and 2 threads, 4K

// Peers, compiled only when the library was found (PIXCONV_HAVE_*); each returns a one-line
// version string for the run's context.
const char* RegisterLibyuvBenchmarks();   // peers_libyuv.cc
const char* RegisterOpenCvBenchmarks();   // peers_opencv.cc
const char* RegisterSwscaleBenchmarks();  // peers_swscale.cc

}  // namespace pixconv_bench
