// pixconv formats: every pixel format, color model and datatype the tool reads, with its Rerun
// number, the bytes a raw file of --size (default 1920x1080) needs, and the SIMD target whose
// kernels would convert it here (the planner's choice for a synthetic image of that format).
#include <cstdio>
#include <string>

#include "commands.h"
#include "diagnostics.h"
#include "pixconv/convert.h"
#include "sample_image.h"

namespace pixconv::cli {
namespace {

std::string Bytes(const ImageFormat& format) {
  Result<size_t> size = BufferSize(format);
  return size.ok() ? std::to_string(*size) : "too big";
}

// "AVX2 / AVX2": the targets for RGBA8 and RGBA f32 output. The kernel choice does not depend
// on the size, so a small image answers for any.
std::string Targets(ImageFormat format) {
  format.width = format.height = 16;
  SampleImage image;
  if (!MakeSampleImage(format, &image).ok()) return "?";
  std::string s;
  for (const OutputType to : {OutputType::RGBA8, OutputType::RGBAF32}) {
    ConvertOptions options;
    options.to = to;
    Result<Converter> converter = Converter::Create(image.view, options);
    if (!s.empty()) s += " / ";
    s += converter.ok() ? converter->target_name() : "-";
  }
  return s;
}

}  // namespace

int RunFormats(const CommandLine& cl) {
  const uint32_t w = cl.raw.width.value_or(1920), h = cl.raw.height.value_or(1080);
  std::printf("Pixel formats (--pixel-format; bytes of a %ux%u frame):\n", w, h);
  std::printf("  %-22s %5s %11s  %-7s %-8s %s\n", "name", "rerun", "bytes", "matrix", "range",
              "simd rgba8 / rgbaf32");
  for (const PixelFormat f : kAllPixelFormats) {
    const ImageFormat format = ImageFormat::Pixel(w, h, f);
    const bool y_only = f == PixelFormat::Y8_FullRange || f == PixelFormat::Y8_LimitedRange;
    std::printf("  %-22s %5d %11s  %-7s %-8s %s\n", std::string(Name(f)).c_str(),
                static_cast<int>(f), Bytes(format).c_str(),
                y_only ? "-" : (IsBt601(f) ? "BT.601" : "BT.709"),
                IsLimitedRange(f) ? "limited" : "full", Targets(format).c_str());
  }

  std::printf("\nColor models (--color-model):\n");
  std::printf("  %-6s %5s %8s\n", "name", "rerun", "channels");
  for (const ColorModel m : kAllColorModels) {
    std::printf("  %-6s %5d %8d\n", std::string(Name(m)).c_str(), static_cast<int>(m),
                ChannelCount(m));
  }

  std::printf("\nDatatypes (--datatype; bytes of a %ux%u image per color model):\n", w, h);
  std::printf("  %-4s %5s %4s %11s %11s %11s  %s\n", "name", "rerun", "bits", "L", "RGB/BGR",
              "RGBA/BGRA", "simd rgba8 / rgbaf32 (RGBA)");
  for (const ChannelDatatype t : kAllDatatypes) {
    std::printf("  %-4s %5d %4d %11s %11s %11s  %s\n", std::string(Name(t)).c_str(),
                static_cast<int>(t), BitsPerSample(t),
                Bytes(ImageFormat::Color(w, h, ColorModel::L, t)).c_str(),
                Bytes(ImageFormat::Color(w, h, ColorModel::RGB, t)).c_str(),
                Bytes(ImageFormat::Color(w, h, ColorModel::RGBA, t)).c_str(),
                Targets(ImageFormat::Color(w, h, ColorModel::RGBA, t)).c_str());
  }
  std::printf("\nThis CPU and build: %s (dispatch picks %s).\n", SupportedTargetNames().c_str(),
              BestTargetName());
  return kExitOk;
}

}  // namespace pixconv::cli
