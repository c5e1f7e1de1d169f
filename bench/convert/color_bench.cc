// pixconv rows for color-model images: every ColorModel x ChannelDatatype to RGBA8 and to
// RGBAF32, with RangeMode::Datatype and RangeMode::Auto, at every size.
//
// Name: color/<Model>_<Type>-><Output>/range:<datatype|auto>[/transfer:none]/<WxH>.
// The label is the SIMD target the converter picked.
//
// The Converter is created inside the timed loop for both range modes: for Auto its sample
// scan (a full pass over the input) is part of what a viewer pays per frame; for Datatype
// creation is cheap, and doing the same keeps the two modes comparable.
//
// Default options otherwise, i.e. what a viewer gets: RGBA8 stays sRGB-encoded (no transfer
// curve), RGBAF32 is linear, so the ->RGBAF32 rows include the sRGB decode of RGB. The
// transfer:none rows (RGBAF32 with output_transfer = Srgb, no curve) are the like-for-like
// counterparts of OpenCV's Mat::convertTo rows, which only scale.
#include "bench_util.h"
#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "register.h"

namespace pixconv_bench {
namespace {

using pixconv::ChannelDatatype;
using pixconv::ColorModel;
using pixconv::OutputType;
using pixconv::RangeMode;

struct ColorCase {
  ColorModel model;
  ChannelDatatype type;
  OutputType out;
  RangeMode range;
  pixconv::OutputTransfer transfer;
  Size size;
};

void BM_Color(benchmark::State& state, const ColorCase& c) {
  const pixconv::ImageFormat format =
      pixconv::ImageFormat::Color(c.size.width, c.size.height, c.model, c.type);
  const Buffer& src = ColorImage(c.model, c.type, c.size);
  const size_t out_bytes = c.size.pixels() * pixconv::BytesPerPixel(c.out);
  const Buffer& dst = OutputBuffer(out_bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");

  const auto view = pixconv::MakeImageView(format, src.data(), src.size());
  if (!view.ok()) return Skip(state, view.status().ToString());
  const pixconv::OutputView out{dst.data(), dst.size(), 0};
  pixconv::ConvertOptions opts;
  opts.to = c.out;
  opts.range = c.range;
  opts.output_transfer = c.transfer;

  if (!FirstRunOrSkip(state, *view, out, opts)) return;

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
  ReportThroughput(state, c.size, src.size(), out_bytes);
  ReportLargeOutputStores(state, view->format, c.out, out_bytes);
}

void Register(const ColorCase& c) {
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) on "literal" + std::string&&
  // here.
  std::string name = "color/";
  name += pixconv::Name(c.model);
  name += "_";
  name += pixconv::Name(c.type);
  name += "->";
  name += OutputName(c.out);
  name += c.range == RangeMode::Auto ? "/range:auto" : "/range:datatype";
  if (c.transfer == pixconv::OutputTransfer::Srgb) name += "/transfer:none";
  name += '/';
  name += SizeName(c.size);
  benchmark::RegisterBenchmark(name.c_str(), BM_Color, c)->Unit(benchmark::kMicrosecond);
}

}  // namespace

void RegisterColorBenchmarks() {
  // Rows over the same input are registered next to each other, so the input cache generates
  // each image once.
  for (const Size size : BenchSizes()) {
    for (const ColorModel model : pixconv::kAllColorModels) {
      for (const ChannelDatatype type : pixconv::kAllDatatypes) {
        for (const OutputType out : {OutputType::RGBA8, OutputType::RGBAF32}) {
          for (const RangeMode range : {RangeMode::Datatype, RangeMode::Auto}) {
            Register({model, type, out, range, pixconv::OutputTransfer::Default, size});
          }
        }
        // The counterparts of OpenCV's convertTo rows (4-channel types OpenCV has).
        if (model == ColorModel::RGBA && type != ChannelDatatype::U32 && type != ChannelDatatype::U64 &&
            type != ChannelDatatype::I64) {
          Register({model, type, OutputType::RGBAF32, RangeMode::Datatype,
                    pixconv::OutputTransfer::Srgb, size});
        }
      }
    }
  }
}

}  // namespace pixconv_bench
