// The C++ side of the Python tests and benchmark: converts a raw image file with the C++ API
// and writes the output bytes, so pytest can check that pixconv.convert gives the same bytes.
// With repeat=N it also times N conversions (plan + run, as one Python call does) and prints
// the fastest and the median time per call in nanoseconds.
//
//   reference_convert IN OUT w=640 h=480 [pf=26 | model=4 type=8] [to=0 order=0 range=0
//     lo=0 hi=1 it=0 ot=0 premul=0 clamp=1 matrix=0 yrange=0 chroma=0 cmap=0 seg=0 colors=FILE
//     threads=1 repeat=0]
//
// Enums are given as their numbers (Rerun's for pf/model/type, pixconv's otherwise).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/parallel.h"

namespace {

std::vector<uint8_t> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "reference_convert: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Fail("usage: reference_convert IN OUT key=value...");
  pixconv::ImageFormat format;
  pixconv::ConvertOptions o;
  std::vector<uint8_t> colors;
  unsigned threads = 1;
  long repeat = 0;
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    const size_t eq = arg.find('=');
    if (eq == std::string::npos) return Fail("expected key=value, got " + arg);
    const std::string key = arg.substr(0, eq);
    const std::string value = arg.substr(eq + 1);
    const double v = std::strtod(value.c_str(), nullptr);
    const auto u8 = static_cast<uint8_t>(v);
    if (key == "w") format.width = static_cast<uint32_t>(v);
    else if (key == "h") format.height = static_cast<uint32_t>(v);
    else if (key == "pf") format.pixel_format = static_cast<pixconv::PixelFormat>(u8);
    else if (key == "model") format.color_model = static_cast<pixconv::ColorModel>(u8);
    else if (key == "type") format.datatype = static_cast<pixconv::ChannelDatatype>(u8);
    else if (key == "to") o.to = static_cast<pixconv::OutputType>(u8);
    else if (key == "order") o.order = static_cast<pixconv::ChannelOrder>(u8);
    else if (key == "range") o.range = static_cast<pixconv::RangeMode>(u8);
    else if (key == "lo") o.range_lo = v;
    else if (key == "hi") o.range_hi = v;
    else if (key == "it") o.input_transfer = static_cast<pixconv::InputTransfer>(u8);
    else if (key == "ot") o.output_transfer = static_cast<pixconv::OutputTransfer>(u8);
    else if (key == "premul") o.premultiply = v != 0;
    else if (key == "clamp") o.clamp = v != 0;
    else if (key == "matrix") o.yuv_matrix = static_cast<pixconv::YuvMatrix>(u8);
    else if (key == "yrange") o.yuv_range = static_cast<pixconv::YuvRange>(u8);
    else if (key == "chroma") o.chroma = static_cast<pixconv::ChromaFilter>(u8);
    else if (key == "cmap") o.colormap = static_cast<pixconv::Colormap>(u8);
    else if (key == "seg") o.segmentation = v != 0;
    else if (key == "colors") colors = ReadFile(value);
    else if (key == "threads") threads = static_cast<unsigned>(v);
    else if (key == "repeat") repeat = static_cast<long>(v);
    else return Fail("unknown key " + key);
  }
  o.class_colors = {colors.data(), colors.size() / 4};

  const std::vector<uint8_t> input = ReadFile(argv[1]);
  pixconv::Result<pixconv::ImageView> view =
      pixconv::MakeImageView(format, input.data(), input.size());
  if (!view.ok()) return Fail(view.status().ToString());
  pixconv::Result<size_t> size = pixconv::OutputSize(format.width, format.height, o.to);
  if (!size.ok()) return Fail(size.status().ToString());
  std::vector<uint8_t> output(*size);
  const pixconv::OutputView dst{output.data(), output.size(), 0};
  auto run = [&] {
    return threads == 1 ? pixconv::Convert(*view, dst, o)
                        : pixconv::ConvertParallel(*view, dst, o, threads);
  };
  const pixconv::Status status = run();
  if (!status.ok()) return Fail(status.ToString());

  if (repeat > 0) {
    std::vector<double> ns;
    for (long r = 0; r < repeat; ++r) {
      const auto start = std::chrono::steady_clock::now();
      if (!run().ok()) return Fail("a timed conversion failed");
      ns.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() -
                                                            start).count());
    }
    std::sort(ns.begin(), ns.end());
    std::printf("%.0f %.0f\n", ns.front(), ns[ns.size() / 2]);
  }
  std::ofstream out(argv[2], std::ios::binary);
  out.write(reinterpret_cast<const char*>(output.data()), static_cast<std::streamsize>(output.size()));
  return out ? 0 : Fail(std::string("cannot write ") + argv[2]);
}
