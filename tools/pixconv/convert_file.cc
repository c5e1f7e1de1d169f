#include "convert_file.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "diagnostics.h"
#include "exif.h"
#include "file_io.h"
#include "input.h"
#include "jpeg_writer.h"
#include "names.h"
#include "option_checks.h"
#include "pfm_writer.h"
#include "png_writer.h"
#include "raw_writer.h"
#include "rgba16.h"
#include "text.h"

namespace pixconv::cli {
namespace {

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

const char* KindDescription(OutputKind kind, OutputType to) {
  switch (kind) {
    case OutputKind::kPng:
      return "8-bit RGBA PNG";
    case OutputKind::kPng16:
      return "16-bit RGBA PNG";
    case OutputKind::kPfm:
      return "float RGB PFM";
    case OutputKind::kRaw:
      return to == OutputType::RGBA8 ? "raw RGBA8" : "raw RGBA f32";
    case OutputKind::kJpeg:
      return "8-bit RGB JPEG";
  }
  return "";
}

std::string Printf(const char* format, auto... args) {
  char buffer[1024];
  std::snprintf(buffer, sizeof(buffer), format, args...);
  return buffer;
}

std::string Details(const ConvertJob& job, const InputImage& input, const Converter& converter,
                    size_t output_bytes) {
  const ImageFormat& f = converter.format();
  std::string s = Printf("input:     %s: %s, %s file of %zu bytes\n", job.input.c_str(),
                         Describe(f).c_str(), InputKind(input).c_str(), input.file_bytes);
  if (f.pixel_format) {
    s += Printf("yuv:       %s\n", YuvDescription(converter).c_str());
  } else {
    s += Printf("range:     [%s, %s] (%s)\n", FormatNumber(converter.range_lo()).c_str(),
                FormatNumber(converter.range_hi()).c_str(),
                RangeModeName(converter.options().range));
  }
  if (converter.options().colormap != Colormap::None) {
    s += Printf("colormap:  %s\n", std::string(Name(converter.options().colormap)).c_str());
  }
  if (converter.options().segmentation) {
    s += Printf("classes:   %zu colors from the table, automatic colors above\n",
                converter.options().class_colors.count);
  }
  s += Printf("transfer:  %s in, %s out%s%s\n", converter.input_is_srgb() ? "sRGB" : "linear",
              converter.output_is_srgb() ? "sRGB" : "linear",
              converter.options().premultiply ? ", premultiplied alpha" : "",
              converter.options().clamp ? "" : ", unclamped");
  s += Printf("simd:      %s\n", converter.target_name());
  s += Printf("output:    %s, %s %ux%u %s (%zu bytes of pixels)\n", job.output.c_str(),
              KindDescription(job.kind, converter.options().to), f.width, f.height,
              converter.options().order == ChannelOrder::BGRA ? "BGRA order" : "RGBA order",
              output_bytes);
  return s;
}

// `size` is the output's: the input's, turned by --auto-orient.
Status Write(FILE* out, const CommandLine& cl, OutputKind kind, const std::vector<uint8_t>& pixels,
             const ImageFormat& size, const Converter& converter) {
  const ImageFormat& f = size;
  const int png_level = cl.png_level;
  const auto* floats = reinterpret_cast<const float*>(pixels.data());
  switch (kind) {
    case OutputKind::kPng:
      return WritePng(out, pixels.data(), f.width, f.height, size_t{f.width} * 4, 8,
                      converter.output_is_srgb(), png_level);
    case OutputKind::kPng16: {
      const std::vector<uint8_t> big_endian =
          QuantizeToBigEndian16(floats, pixels.size() / sizeof(float));
      return WritePng(out, big_endian.data(), f.width, f.height, size_t{f.width} * 8, 16,
                      converter.output_is_srgb(), png_level);
    }
    case OutputKind::kPfm:
      return WritePfm(out, floats, f.width, f.height);
    case OutputKind::kRaw:
      return WriteRaw(out, pixels, converter.options().to);
    case OutputKind::kJpeg:
      return WriteJpeg(out, pixels.data(), f.width, f.height, cl.jpeg_quality);
  }
  return Status::Ok();
}

// Test hook, for tests/cli only: PIXCONV_TEST_COMMIT_DELAY_MS keeps each finished output in
// its temporary file that long before it is moved into place, so a test can interrupt a batch
// while temporary files exist.
void TestCommitDelay() {
  static const long delay_ms = [] {
    const char* value = std::getenv("PIXCONV_TEST_COMMIT_DELAY_MS");
    return value ? std::strtol(value, nullptr, 10) : 0L;
  }();
  if (delay_ms > 0) usleep(static_cast<useconds_t>(delay_ms) * 1000);
}

}  // namespace

Status ConvertFile(const CommandLine& cl, const ConvertJob& job, ConvertReport* report,
                   UsageError* usage) {
  InputImage input;
  Status status = ReadInput(job.input, cl, &input);
  if (status.ok()) status = ViewInput(job.input, cl, &input, usage);
  if (!status.ok()) return status;
  WarnAboutOptionsNotApplying(cl, job.input, input);

  ConvertOptions options = OptionsFor(job.kind, cl.options);
  // A decoded file's samples mean what its format says (16-bit white is 65535).
  if (input.codec != Codec::Unknown && !cl.range_given) options.range = RangeMode::Datatype;
  Result<Converter> converter = Converter::Create(input.view, options);
  if (!converter.ok())
    return Status(converter.status().code(), job.input + ": " + converter.status().message());
  const ImageFormat& f = input.view.format;
  Result<size_t> output_size = OutputSize(f.width, f.height, options.to);
  if (!output_size.ok()) return output_size.status();
  // The buffer is f32-aligned for the float writers (vector storage comes from operator new).
  std::vector<uint8_t> pixels(*output_size);
  status = converter->ConvertAll(input.view, OutputView{pixels.data(), pixels.size(), 0});
  if (!status.ok()) return Status(status.code(), job.input + ": " + status.message());
  ImageFormat shown = f;  // what is written: f, or f turned upright by --auto-orient
  if (cl.auto_orient && input.codec == Codec::Jpeg) {
    const int orientation = input.orientation.value_or(1);
    pixels = ApplyOrientation(pixels, f.width, f.height, BytesPerPixel(options.to), orientation);
    if (SwapsAxes(orientation)) std::swap(shown.width, shown.height);
  }
  if (job.kind == OutputKind::kJpeg && HasTransparency(pixels.data(), pixels.size() / 4)) {
    Warn(job.output + ": JPEG has no alpha channel; the image's transparency is dropped");
  }

  OutputFile out;
  status = out.Open(job.output);
  if (status.ok()) status = Write(out.stream(), cl, job.kind, pixels, shown, *converter);
  if (status.ok()) TestCommitDelay();
  if (status.ok()) status = out.Commit();
  if (!status.ok()) {
    const std::string name = job.output == kStdio ? "stdout" : job.output;
    return Status(status.code(), name + ": " + status.message());
  }

  report->line = (job.input == kStdio ? "stdin" : job.input) + " -> " +
                 (job.output == kStdio ? "stdout" : job.output) + ": " + Describe(f) + " (" +
                 InputKind(input) + ") to " + KindDescription(job.kind, options.to);
  if (cl.verbose) report->details = Details(job, input, *converter, pixels.size());
  return Status::Ok();
}

}  // namespace pixconv::cli
