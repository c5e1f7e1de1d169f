// pixconv rows for depth and segmentation images (L input) at 1920x1080:
//   colormap/L_<U16|F32>-><RGBA8|RGBAF32>/turbo/range:<depth|explicit>/1920x1080
//   segmentation/L_U16-><RGBA8|RGBAF32>/classes:256/1920x1080
// The label is the SIMD target the converter picked. Bytes are counted read + written
// (2 + 4 per pixel for U16 -> RGBA8), so bytes_per_second divided by that of the
// memcpy/out:RGBA8/1920x1080 row of the same run is the fraction of memory speed reached.
//
// As in color_bench.cc the Converter is created inside the timed loop: range:depth includes
// the scan for the finite max (a full pass over the input, what a viewer pays per frame),
// range:explicit is the colormap kernel alone. The depth images are the synthetic U16
// ([0, 4095], a 12-bit sensor) and F32 ([0, 1]) images of bench_util. The segmentation mask
// is 64x64 blocks of ids 0..299 under a 256-color table, so most blocks take table colors
// and the rest Rerun's automatic color, computed per pixel.
#include <string>
#include <vector>

#include "bench_util.h"
#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::ChannelDatatype;
using pixconv::OutputType;

constexpr Size kFullHd = {1920, 1080};

void Run(benchmark::State& state, const Buffer& src, ChannelDatatype type, OutputType out_type,
         const pixconv::ConvertOptions& opts) {
  const pixconv::ImageFormat format =
      pixconv::ImageFormat::Color(kFullHd.width, kFullHd.height, pixconv::ColorModel::L, type);
  const size_t out_bytes = kFullHd.pixels() * pixconv::BytesPerPixel(out_type);
  const Buffer& dst = OutputBuffer(out_bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");
  const auto view = pixconv::MakeImageView(format, src.data(), src.size());
  if (!view.ok()) return Skip(state, view.status().ToString());
  const pixconv::OutputView out{dst.data(), dst.size(), 0};
  {
    const auto converter = pixconv::Converter::Create(*view, opts);
    if (!converter.ok()) return Skip(state, converter.status().ToString());
    const pixconv::Status status = converter->ConvertAll(*view, out);
    if (!status.ok()) return Skip(state, status.ToString());
    state.SetLabel(converter->target_name());
  }
  for (auto _ : state) {
    const auto converter = pixconv::Converter::Create(*view, opts);
    const pixconv::Status status =
        converter.ok() ? converter->ConvertAll(*view, out) : converter.status();
    if (!status.ok()) {
      Skip(state, status.ToString());
      break;
    }
    benchmark::ClobberMemory();
  }
  ReportThroughput(state, kFullHd, src.size(), out_bytes);
}

void BM_Turbo(benchmark::State& state, ChannelDatatype type, OutputType out_type,
              pixconv::RangeMode range) {
  pixconv::ConvertOptions opts;
  opts.to = out_type;
  opts.colormap = pixconv::Colormap::Turbo;
  opts.range = range;
  SyntheticRange(type, &opts.range_lo, &opts.range_hi);
  opts.range_lo = 0.0;
  Run(state, ColorImage(pixconv::ColorModel::L, type, kFullHd), type, out_type, opts);
}

void BM_Segmentation(benchmark::State& state, OutputType out_type) {
  const Buffer& src = CachedBuffer(
      Slot::kInput, "segmentation/L_U16/1920x1080", kFullHd.pixels() * 2, [](uint8_t* data, size_t) {
        for (uint32_t y = 0; y < kFullHd.height; ++y) {
          for (uint32_t x = 0; x < kFullHd.width; ++x) {
            const uint16_t id = static_cast<uint16_t>((x / 64 + (y / 64) * 30) % 300);
            data[(size_t{y} * kFullHd.width + x) * 2] = static_cast<uint8_t>(id);
            data[(size_t{y} * kFullHd.width + x) * 2 + 1] = static_cast<uint8_t>(id >> 8);
          }
        }
      });
  static const std::vector<uint8_t> table = [] {
    std::vector<uint8_t> t(256 * 4);
    for (size_t i = 0; i < t.size(); ++i) t[i] = static_cast<uint8_t>(i * 37 + 11);
    return t;
  }();
  pixconv::ConvertOptions opts;
  opts.to = out_type;
  opts.segmentation = true;
  opts.class_colors = {table.data(), 256};
  Run(state, src, ChannelDatatype::U16, out_type, opts);
}

}  // namespace

void RegisterColormapBenchmarks() {
  for (const ChannelDatatype type : {ChannelDatatype::U16, ChannelDatatype::F32}) {
    for (const OutputType out : {OutputType::RGBA8, OutputType::RGBAF32}) {
      for (const pixconv::RangeMode range : {pixconv::RangeMode::Depth, pixconv::RangeMode::Explicit}) {
        std::string name = "colormap/L_";
        name += pixconv::Name(type);
        name += "->";
        name += OutputName(out);
        name += range == pixconv::RangeMode::Depth ? "/turbo/range:depth/" : "/turbo/range:explicit/";
        name += SizeName(kFullHd);
        benchmark::RegisterBenchmark(name.c_str(), BM_Turbo, type, out, range)
            ->Unit(benchmark::kMicrosecond);
      }
    }
  }
  for (const OutputType out : {OutputType::RGBA8, OutputType::RGBAF32}) {
    std::string name = "segmentation/L_U16->";
    name += OutputName(out);
    name += "/classes:256/";
    name += SizeName(kFullHd);
    benchmark::RegisterBenchmark(name.c_str(), BM_Segmentation, out)->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace pixconv_bench
