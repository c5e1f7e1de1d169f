// pixconv convert: load, plan, convert, write. The command line is checked against the output
// kind before any file is touched, so a usage error never costs a read or leaves a file.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>
#include <vector>

#include "class_colors_file.h"
#include "commands.h"
#include "diagnostics.h"
#include "file_io.h"
#include "input.h"
#include "png_writer.h"
#include "raw_writer.h"
#include "target_select.h"
#include "text.h"

namespace pixconv::cli {
namespace {

enum class OutputKind { kPng, kRaw };

bool OutputKindFromPath(const std::string& path, OutputKind* kind) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "png") {
    *kind = OutputKind::kPng;
    return true;
  }
  if (ext == "rgba" || ext == "raw") {
    *kind = OutputKind::kRaw;
    return true;
  }
  return false;
}

bool CheckOutputOptions(const CommandLine& cl, OutputKind* kind, UsageError* error) {
  if (!OutputKindFromPath(cl.output, kind)) {
    *error = UsageError{"cannot tell the output kind from '" + cl.output + "'",
                        "end -o with .png (8-bit RGBA PNG), or .rgba / .raw (the raw RGBA8 or "
                        "RGBA f32 buffer)"};
    return false;
  }
  if (*kind == OutputKind::kPng && cl.options.to == OutputType::RGBAF32) {
    *error = UsageError{"a PNG holds 8-bit samples, so --to rgbaf32 cannot be written as .png",
                        "write the floats with -o OUT.rgba, or drop --to rgbaf32"};
    return false;
  }
  if (*kind == OutputKind::kPng && cl.options.order == ChannelOrder::BGRA) {
    *error = UsageError{"a PNG stores RGBA, so --order bgra would swap red and blue in it",
                        "use --order bgra with -o OUT.rgba or OUT.raw"};
    return false;
  }
  return true;
}

std::string YuvDescription(const Converter& converter) {
  const PixelFormat f = *converter.format().pixel_format;
  const ConvertOptions& o = converter.options();
  const char* matrix = o.yuv_matrix == YuvMatrix::Bt601    ? "BT.601"
                       : o.yuv_matrix == YuvMatrix::Bt709  ? "BT.709"
                       : o.yuv_matrix == YuvMatrix::Bt2020 ? "BT.2020"
                       : IsBt601(f)                        ? "BT.601"
                                                           : "BT.709";
  const bool limited =
      o.yuv_range == YuvRange::Default ? IsLimitedRange(f) : o.yuv_range == YuvRange::Limited;
  const bool subsampled = f != PixelFormat::Y_U_V24_LimitedRange &&
                          f != PixelFormat::Y_U_V24_FullRange && f != PixelFormat::Y8_FullRange &&
                          f != PixelFormat::Y8_LimitedRange;
  std::string s = std::string(matrix) + (limited ? ", limited range" : ", full range");
  if (subsampled)
    s += o.chroma == ChromaFilter::Bilinear ? ", bilinear chroma" : ", nearest chroma";
  return s;
}

void PrintSummary(const CommandLine& cl, const InputImage& input, const Converter& converter,
                  size_t output_bytes) {
  const ImageFormat& f = converter.format();
  std::printf("input:     %s: %s, %s file of %zu bytes\n", cl.input.c_str(), Describe(f).c_str(),
              InputKind(input).c_str(), input.file_bytes);
  if (f.pixel_format) {
    std::printf("yuv:       %s\n", YuvDescription(converter).c_str());
  } else {
    std::printf("range:     [%s, %s] (%s)\n", FormatNumber(converter.range_lo()).c_str(),
                FormatNumber(converter.range_hi()).c_str(),
                RangeModeName(converter.options().range));
  }
  if (converter.options().colormap != Colormap::None) {
    std::printf("colormap:  %s\n", std::string(Name(converter.options().colormap)).c_str());
  }
  if (converter.options().segmentation) {
    std::printf("classes:   %zu colors from the table, automatic colors above\n",
                converter.options().class_colors.count);
  }
  std::printf("transfer:  %s in, %s out%s\n", converter.input_is_srgb() ? "sRGB" : "linear",
              converter.output_is_srgb() ? "sRGB" : "linear",
              converter.options().premultiply ? ", premultiplied alpha" : "");
  std::printf("simd:      %s\n", converter.target_name());
  std::printf("output:    %s, %s %ux%u %s (%zu bytes of pixels)\n", cl.output.c_str(),
              converter.options().to == OutputType::RGBA8 ? "RGBA8" : "RGBA f32", f.width, f.height,
              converter.options().order == ChannelOrder::BGRA ? "BGRA order" : "RGBA order",
              output_bytes);
}

}  // namespace

int RunConvert(const CommandLine& cl) {
  OutputKind kind;
  UsageError usage;
  if (!CheckOutputOptions(cl, &kind, &usage)) return ReportUsageError(usage);
  if (!cl.target.empty() && !SelectTarget(cl.target, &usage)) return ReportUsageError(usage);
  Status status = CheckOutputPath(cl.output, cl.force);
  if (!status.ok()) return ReportError(status);

  InputImage input;
  status = ReadInput(cl.input, cl.raw, &input, &usage);
  if (status.ok()) status = ViewInput(cl.input, cl.raw, &input, &usage);
  if (!usage.message.empty()) return ReportUsageError(usage);
  if (!status.ok()) return ReportError(status);

  ConvertOptions options = cl.options;
  std::vector<uint8_t> class_colors;  // must outlive Converter::Create, which copies it
  if (!cl.class_colors_file.empty()) {
    status = ReadClassColors(cl.class_colors_file, &class_colors);
    if (!status.ok()) return ReportError(status);
    options.class_colors = {class_colors.data(), class_colors.size() / 4};
  }
  Result<Converter> converter = Converter::Create(input.view, options);
  if (!converter.ok()) return ReportError(cl.input + ": " + converter.status().message());
  const ImageFormat& f = input.view.format;
  Result<size_t> output_size = OutputSize(f.width, f.height, cl.options.to);
  if (!output_size.ok()) return ReportError(output_size.status());
  std::vector<uint8_t> pixels(*output_size);
  status = converter->ConvertAll(input.view, OutputView{pixels.data(), pixels.size(), 0});
  if (!status.ok()) return ReportError(cl.input + ": " + status.message());

  OutputFile out;
  status = out.Open(cl.output);
  if (!status.ok()) return ReportError(status);
  status = kind == OutputKind::kPng ? WritePng(out.stream(), pixels.data(), f.width, f.height,
                                               size_t{f.width} * BytesPerPixel(cl.options.to),
                                               converter->output_is_srgb())
                                    : WriteRaw(out.stream(), pixels, cl.options.to);
  if (status.ok()) status = out.Commit();
  if (!status.ok()) return ReportError(cl.output + ": " + status.message());

  if (cl.verbose) PrintSummary(cl, input, *converter, pixels.size());
  return kExitOk;
}

}  // namespace pixconv::cli
