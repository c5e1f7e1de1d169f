// Conversion of any image in the model to display-ready RGBA8 or RGBA f32.
// Semantics: lib/README.md section 3; accuracy: section 4.
//
//   auto view = pixconv::MakeImageView(format, bytes, size);           // validate once
//   std::vector<uint8_t> rgba(4 * w * h);
//   pixconv::Status s = pixconv::Convert(*view, {rgba.data(), rgba.size()});
//
// A Converter separates planning (range scan, kernel choice: once per image) from running
// (any band of rows, from any thread), so a caller can split a frame across its own pool.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "pixconv/export.h"
#include "pixconv/layout.h"
#include "pixconv/status.h"

namespace pixconv {

// Each enum is followed by the list of all its values, which validation and the name tables
// go by: a value added to an enum goes into its list too.
enum class OutputType : uint8_t { RGBA8 = 0, RGBAF32 = 1 };
inline constexpr OutputType kAllOutputTypes[] = {OutputType::RGBA8, OutputType::RGBAF32};
enum class ChannelOrder : uint8_t { RGBA = 0, BGRA = 1 };
inline constexpr ChannelOrder kAllChannelOrders[] = {ChannelOrder::RGBA, ChannelOrder::BGRA};

// How the sample range [lo, hi] that maps to [0, 1] is chosen (lib/README.md 3.1).
enum class RangeMode : uint8_t { Auto = 0, Datatype = 1, Explicit = 2, Depth = 3 };
inline constexpr RangeMode kAllRangeModes[] = {RangeMode::Auto, RangeMode::Datatype,
                                               RangeMode::Explicit, RangeMode::Depth};

// The transfer curve the input is encoded with. Auto is Rerun's heuristic (lib/README.md 3.5).
enum class InputTransfer : uint8_t { Srgb = 0, Linear = 1, Auto = 2 };
inline constexpr InputTransfer kAllInputTransfers[] = {InputTransfer::Srgb, InputTransfer::Linear,
                                                       InputTransfer::Auto};
// The transfer of the output. Default: sRGB for RGBA8, linear for RGBAF32.
enum class OutputTransfer : uint8_t { Default = 0, Srgb = 1, Linear = 2 };
inline constexpr OutputTransfer kAllOutputTransfers[] = {
    OutputTransfer::Default, OutputTransfer::Srgb, OutputTransfer::Linear};

// YUV overrides; Default takes the pixel format's own matrix / range (lib/README.md section 1).
enum class YuvMatrix : uint8_t { Default = 0, Bt601 = 1, Bt709 = 2, Bt2020 = 3 };
inline constexpr YuvMatrix kAllYuvMatrices[] = {YuvMatrix::Default, YuvMatrix::Bt601,
                                                YuvMatrix::Bt709, YuvMatrix::Bt2020};
enum class YuvRange : uint8_t { Default = 0, Limited = 1, Full = 2 };
inline constexpr YuvRange kAllYuvRanges[] = {YuvRange::Default, YuvRange::Limited,
                                             YuvRange::Full};
enum class ChromaFilter : uint8_t { Nearest = 0, Bilinear = 1 };
inline constexpr ChromaFilter kAllChromaFilters[] = {ChromaFilter::Nearest,
                                                     ChromaFilter::Bilinear};

// Colormaps for L images (Rerun's numbering; polynomials: lib/README.md 8). The
// normalized sample t (lib/README.md 3.1-3.2, any range mode) picks an sRGB-encoded color; alpha
// is 1. Depth images in Rerun use RangeMode::Depth with Turbo.
enum class Colormap : uint8_t {
  None = 0, Grayscale = 1, Inferno = 2, Magma = 3, Plasma = 4,
  Turbo = 5, Viridis = 6, CyanToYellow = 7, Spectral = 8, Twilight = 9
};
inline constexpr Colormap kAllColormaps[] = {
    Colormap::None,   Colormap::Grayscale, Colormap::Inferno,      Colormap::Magma,
    Colormap::Plasma, Colormap::Turbo,     Colormap::Viridis,      Colormap::CyanToYellow,
    Colormap::Spectral, Colormap::Twilight};

// A dense table of class colors for segmentation: id i -> rgba[4*i .. 4*i+3] (straight
// alpha, sRGB-encoded), i < count, count <= 65536. The converter copies the table when it is
// created, so the caller's memory need not outlive Converter::Create.
struct ClassColors {
  const uint8_t* rgba = nullptr;
  size_t count = 0;
};

struct ConvertOptions {
  OutputType to = OutputType::RGBA8;
  ChannelOrder order = ChannelOrder::RGBA;
  RangeMode range = RangeMode::Auto;
  double range_lo = 0.0;  // RangeMode::Explicit only; lo != hi, lo > hi inverts
  double range_hi = 1.0;
  InputTransfer input_transfer = InputTransfer::Srgb;
  OutputTransfer output_transfer = OutputTransfer::Default;
  bool premultiply = false;  // RGB *= alpha, after the transfer
  // RGBAF32 only: false keeps normalized values outside [0, 1] (HDR data, a range narrower
  // than the data, YUV footroom and headroom) instead of clamping them: NaN still becomes 0,
  // values saturate at +-FLT_MAX (the output is always finite), and the sRGB curves extend to
  // every real number (lib/README.md 3.2, 3.5). Not for RGBA8, colormaps or segmentation
  // (kInvalidArgument).
  bool clamp = true;
  YuvMatrix yuv_matrix = YuvMatrix::Default;
  YuvRange yuv_range = YuvRange::Default;
  ChromaFilter chroma = ChromaFilter::Nearest;
  // Colormap and segmentation take L images only (other inputs -> kInvalidArgument) and
  // exclude each other. Their colors are sRGB-encoded, so input_transfer does not apply:
  // RGBA8 (sRGB output) gets them as they are, RGBAF32 (linear output) decoded to linear.
  // premultiply and order apply as usual.
  Colormap colormap = Colormap::None;  // L images only
  // L images only: each sample is a class id. Integer samples are the id; float samples are
  // rounded to the nearest integer, ties to even (-0.4 -> 0). An id < class_colors.count
  // takes its table color; any other id in [0, 65535] gets Rerun's automatic color (HSV with
  // h = frac(id * 0.618034), s = 0.85, v = 0.5 in linear RGB, then sRGB-encoded; alpha 1;
  // see AutoClassColor). Negative ids, NaN, +-Inf and ids above 65535 get kInvalidClassColor.
  bool segmentation = false;
  ClassColors class_colors;  // used with segmentation
};

// The largest class color table: ids above 65535 are invalid.
inline constexpr size_t kMaxClassColors = 65536;

// The color of class ids that are negative, NaN, +-Inf or above 65535: transparent black.
inline constexpr uint8_t kInvalidClassColor[4] = {0, 0, 0, 0};

// Rerun's automatic color of a class id, as sRGB-encoded RGBA8 (alpha 255), computed in
// double precision (the segmentation kernels agree with it within 1).
PIXCONV_EXPORT void AutoClassColor(uint16_t id, uint8_t rgba[4]);

// Caller-owned destination: `size` writable bytes, rows `stride` bytes apart (0 = packed,
// i.e. width * bytes per pixel). Any stride >= the packed row works; alignment is not needed.
struct OutputView {
  void* data = nullptr;
  size_t size = 0;
  size_t stride = 0;
};

inline constexpr size_t BytesPerPixel(OutputType t) { return t == OutputType::RGBA8 ? 4 : 16; }

// Bytes a destination of this shape needs (stride 0 = packed). Errors: kBadDimensions,
// kBadStride, kSizeOverflow.
PIXCONV_EXPORT
Result<size_t> OutputSize(uint32_t width, uint32_t height, OutputType type, size_t stride = 0);

// The finite min / max over every sample of every channel (alpha included), NaN and +-Inf
// skipped. `finite` is false when no sample is finite. Pixel formats report their Y plane.
struct SampleStats {
  bool finite = false;
  double min = 0.0;
  double max = 0.0;
};
PIXCONV_EXPORT Result<SampleStats> ScanSamples(const ImageView& src);

// The range lib/README.md 3.1 picks for these stats, datatype and mode.
PIXCONV_EXPORT
void ResolveRange(const SampleStats& stats, ChannelDatatype datatype, const ConvertOptions& opts,
                  double* lo, double* hi);

class PIXCONV_EXPORT Converter {
 public:
  Converter();
  ~Converter();
  Converter(const Converter&);
  Converter& operator=(const Converter&);

  // Validates src and options, scans the samples if the options need it (Auto range, Depth
  // range, Auto input transfer) and picks the row kernel for the best SIMD target of this CPU.
  static Result<Converter> Create(const ImageView& src, const ConvertOptions& opts = {});

  // Converts rows [row_begin, row_end) of src into the same rows of dst. dst describes the
  // whole destination image; other rows are not touched. src must have the format the
  // converter was created for. Bands may run concurrently from different threads.
  Status ConvertRows(const ImageView& src, const OutputView& dst, uint32_t row_begin,
                     uint32_t row_end) const;
  Status ConvertAll(const ImageView& src, const OutputView& dst) const;

  const ImageFormat& format() const;
  const ConvertOptions& options() const;
  double range_lo() const;        // the resolved range (color-model images)
  double range_hi() const;
  bool input_is_srgb() const;     // the resolved transfers
  bool output_is_srgb() const;
  const char* target_name() const;  // the SIMD target that runs the kernels ("AVX2", ...)

  struct Impl;

 private:
  Impl* impl_ = nullptr;
};

// Plans and converts the whole image.
PIXCONV_EXPORT
Status Convert(const ImageView& src, const OutputView& dst, const ConvertOptions& opts = {});

// Converting in row bands over several threads: pixconv/parallel.h.

// Names of the SIMD targets this build compiled and this CPU supports, best first
// ("AVX3", "AVX2", ..., "EMU128"), and the one runtime dispatch picks.
PIXCONV_EXPORT std::string SupportedTargetNames();
PIXCONV_EXPORT const char* BestTargetName();

}  // namespace pixconv
