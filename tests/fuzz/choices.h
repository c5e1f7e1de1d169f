// Choices the fuzz targets share: buffer lengths and row strides relative to what the library
// says is needed, and the enum tables a choice picks from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz_bytes.h"
#include "pixconv/convert.h"

namespace pixconv::fuzz {

// A length or stride relative to a reference value (the packed row, the bytes needed):
// exactly it, `amount` more, `amount + 1` less (saturating at 0), or `amount` itself.
// Most of the time the result is one the library should accept, and near its edge.
struct Delta {
  enum Kind : uint8_t { kExact = 0, kMore = 1, kLess = 2, kAbsolute = 3 };
  Kind kind = kExact;
  uint64_t amount = 0;
};

// One byte: the kind in the top 2 bits, an amount of 0..63 in the rest.
Delta DeltaFromByte(uint8_t b);
uint8_t DeltaToByte(const Delta& d);  // amount must be < 64

// The same, with any 64-bit amount for kAbsolute (huge strides, sizes that overflow).
Delta ReadDelta(ByteReader& in);
void WriteDelta(const Delta& d, ByteWriter& out);

// A row stride: kExact is 0 (packed rows), the others are relative to the packed row bytes.
size_t ResolveStride(const Delta& d, size_t row_bytes);

// A buffer length relative to `needed` (when the library could compute it), at most `cap`
// so that a huge image claimed by the input costs no memory: it just gets a short buffer.
// Lengths far beyond `needed` (or any length, when it is unknown) are cut to 4 KiB past it.
size_t ResolveLength(const Delta& d, std::optional<size_t> needed, size_t cap);

inline constexpr OutputType kOutputTypes[] = {OutputType::RGBA8, OutputType::RGBAF32};
inline constexpr ChannelOrder kChannelOrders[] = {ChannelOrder::RGBA, ChannelOrder::BGRA};
inline constexpr RangeMode kRangeModes[] = {RangeMode::Auto, RangeMode::Datatype,
                                            RangeMode::Explicit, RangeMode::Depth};
inline constexpr InputTransfer kInputTransfers[] = {InputTransfer::Srgb, InputTransfer::Linear,
                                                    InputTransfer::Auto};
inline constexpr OutputTransfer kOutputTransfers[] = {
    OutputTransfer::Default, OutputTransfer::Srgb, OutputTransfer::Linear};
inline constexpr YuvMatrix kYuvMatrices[] = {YuvMatrix::Default, YuvMatrix::Bt601,
                                             YuvMatrix::Bt709, YuvMatrix::Bt2020};
inline constexpr YuvRange kYuvRanges[] = {YuvRange::Default, YuvRange::Limited, YuvRange::Full};
inline constexpr ChromaFilter kChromaFilters[] = {ChromaFilter::Nearest, ChromaFilter::Bilinear};
inline constexpr Colormap kColormaps[] = {
    Colormap::None,    Colormap::Grayscale, Colormap::Inferno,      Colormap::Magma,
    Colormap::Plasma,  Colormap::Turbo,     Colormap::Viridis,      Colormap::CyanToYellow,
    Colormap::Spectral, Colormap::Twilight};

// Range ends worth trying: the usual ones, datatype limits, values where float precision runs
// out, and the non-finite ones an explicit range must reject.
double InterestingDouble(uint8_t index);
inline constexpr uint8_t kInterestingDoubles = 20;

// A double: one of the interesting ones from one byte, or any 64-bit pattern.
double ReadDouble(ByteReader& in);
void WriteDouble(double d, ByteWriter& out);

}  // namespace pixconv::fuzz
