// pixconv rows for pixel-format (YUV) images: every PixelFormat to RGBA8 and to RGBAF32 with
// the format's default matrix and range and nearest chroma (what Rerun and libyuv do).
//
// Name: yuv/<PixelFormat>-><Output>/<WxH>; the label is the SIMD target.
#include "bench_util.h"
#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::OutputType;
using pixconv::PixelFormat;

void BM_Yuv(benchmark::State& state, PixelFormat format, OutputType to, Size size) {
  const Buffer& src = YuvImage(format, size);
  const size_t out_bytes = size.pixels() * pixconv::BytesPerPixel(to);
  const Buffer& dst = OutputBuffer(out_bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");

  const auto view = pixconv::MakeImageView(
      pixconv::ImageFormat::Pixel(size.width, size.height, format), src.data(), src.size());
  if (!view.ok()) return Skip(state, view.status().ToString());
  const pixconv::OutputView out{dst.data(), dst.size(), 0};
  pixconv::ConvertOptions opts;  // the format's own matrix and range
  opts.to = to;

  if (!FirstRunOrSkip(state, *view, out, opts)) return;

  // Convert() plans and runs, as a caller converting one frame does.
  for (auto _ : state) {
    const pixconv::Status status = pixconv::Convert(*view, out, opts);
    if (!status.ok()) {
      Skip(state, status.ToString());
      break;
    }
    benchmark::ClobberMemory();
  }
  ReportThroughput(state, size, src.size(), out_bytes);
  ReportLargeOutputStores(state, view->format, to, out_bytes);
}

}  // namespace

void RegisterYuvBenchmarks() {
  for (const Size size : BenchSizes()) {
    for (const PixelFormat format : pixconv::kAllPixelFormats) {
      for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
        const std::string name = "yuv/" + std::string(pixconv::Name(format)) + "->" +
                                 std::string(OutputName(to)) + "/" + SizeName(size);
        benchmark::RegisterBenchmark(name.c_str(), BM_Yuv, format, to, size)
            ->Unit(benchmark::kMicrosecond);
      }
    }
  }
}

}  // namespace pixconv_bench
