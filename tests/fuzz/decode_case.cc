// The decode fuzzer's header, byte by byte:
//   0: bits 0-4 max_pixels_log2 (mod 19), bits 5-7 SIMD target choice
//   1: max_jpeg_scans
//   2: destination stride (DeltaFromByte)
//   3: destination length (DeltaFromByte)
//   4: bit 0 to, bit 1 order, bits 2-3 range, bits 4-5 input transfer (3 is unknown),
//      bits 6-7 output transfer (3 is unknown)
//   5: bit 0 premultiply, bit 1 chroma, bits 2-5 colormap (10..15 are unknown), bit 6
//      segmentation
//   6, 7: explicit range lo, hi (InterestingDouble indexes)
#include "decode_case.h"

#include <cstring>

namespace pixconv::fuzz {
namespace {

uint8_t DoubleIndex(double d) {
  for (uint8_t i = 0; i < kInterestingDoubles; ++i) {
    const double v = InterestingDouble(i);
    if (std::memcmp(&v, &d, sizeof d) == 0) return i;
  }
  return 0;
}

}  // namespace

DecodeOptions DecodeCase::decode_options() const {
  DecodeOptions o;
  o.max_pixels = uint64_t{1} << (max_pixels_log2 % (kMaxPixelsLog2 + 1));
  o.max_jpeg_scans = max_jpeg_scans;
  return o;
}

DecodeCase ParseDecodeCase(const uint8_t* data, size_t size) {
  uint8_t h[kDecodeHeaderBytes] = {};
  if (size > 0) std::memcpy(h, data, size < kDecodeHeaderBytes ? size : kDecodeHeaderBytes);
  DecodeCase c;
  c.max_pixels_log2 = static_cast<uint8_t>((h[0] & 31) % (kMaxPixelsLog2 + 1));
  c.target = static_cast<uint8_t>(h[0] >> 5);
  c.max_jpeg_scans = h[1];
  c.dst_stride = DeltaFromByte(h[2]);
  c.dst_length = DeltaFromByte(h[3]);
  ConvertOptions& o = c.convert;
  o.to = static_cast<OutputType>(h[4] & 1);
  o.order = static_cast<ChannelOrder>((h[4] >> 1) & 1);
  o.range = static_cast<RangeMode>((h[4] >> 2) & 3);
  o.input_transfer = static_cast<InputTransfer>((h[4] >> 4) & 3);
  o.output_transfer = static_cast<OutputTransfer>(h[4] >> 6);
  o.premultiply = h[5] & 1;
  o.chroma = static_cast<ChromaFilter>((h[5] >> 1) & 1);
  o.colormap = static_cast<Colormap>((h[5] >> 2) & 15);
  o.segmentation = (h[5] >> 6) & 1;
  o.range_lo = InterestingDouble(h[6]);
  o.range_hi = InterestingDouble(h[7]);
  if (size > kDecodeHeaderBytes) c.file = std::span<const uint8_t>(data + kDecodeHeaderBytes,
                                                                   size - kDecodeHeaderBytes);
  return c;
}

std::vector<uint8_t> WriteDecodeCase(const DecodeCase& c) {
  const ConvertOptions& o = c.convert;
  const uint8_t header[kDecodeHeaderBytes] = {
      static_cast<uint8_t>((c.max_pixels_log2 & 31) | (c.target << 5)),
      c.max_jpeg_scans,
      DeltaToByte(c.dst_stride),
      DeltaToByte(c.dst_length),
      static_cast<uint8_t>(static_cast<int>(o.to) | static_cast<int>(o.order) << 1 |
                           static_cast<int>(o.range) << 2 |
                           static_cast<int>(o.input_transfer) << 4 |
                           static_cast<int>(o.output_transfer) << 6),
      static_cast<uint8_t>((o.premultiply ? 1 : 0) | static_cast<int>(o.chroma) << 1 |
                           static_cast<int>(o.colormap) << 2 | (o.segmentation ? 1 : 0) << 6),
      DoubleIndex(o.range_lo),
      DoubleIndex(o.range_hi),
  };
  std::vector<uint8_t> bytes(header, header + kDecodeHeaderBytes);
  bytes.resize(kDecodeHeaderBytes + c.file.size());
  if (!c.file.empty()) std::memcpy(bytes.data() + kDecodeHeaderBytes, c.file.data(), c.file.size());
  return bytes;
}

}  // namespace pixconv::fuzz
