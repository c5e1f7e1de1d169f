// The byte layout of a convert fuzzer input. Parse and Write list the fields in the same
// order; keep them in step (convert_case_test checks that Write(Parse(Write(c))) == Write(c)).
#include "convert_case.h"

namespace pixconv::fuzz {

// Widths up to 239 cover several vectors of every target plus a tail; heights stay small so
// an iteration stays fast (tall images come from the raw 32-bit form).
constexpr uint32_t kWidthLimit = 240;
constexpr uint32_t kHeightLimit = 40;
constexpr uint32_t kRowLimit = 48;
constexpr uint32_t kBandLimit = 64;
constexpr uint32_t kClassLimit = 240;

ConvertCase ParseConvertCase(const uint8_t* data, size_t size) {
  ByteReader in(data, size);
  ConvertCase c;
  ImageFormat& f = c.format;
  const bool has_pixel_format = in.U8() & 1;
  const PixelFormat pixel_format = in.Choice(kAllPixelFormats);
  if (has_pixel_format) f.pixel_format = pixel_format;
  f.color_model = in.Choice(kAllColorModels);
  f.datatype = in.Choice(kAllDatatypes);
  f.width = in.Small(kWidthLimit);
  f.height = in.Small(kHeightLimit);

  c.source = static_cast<SourceKind>(in.U8() % 3);
  c.num_planes = static_cast<int8_t>(in.U8());
  for (Delta& d : c.strides) d = ReadDelta(in);
  for (Delta& d : c.lengths) d = ReadDelta(in);

  ConvertOptions& o = c.options;
  o.to = in.Choice(kOutputTypes);
  o.order = in.Choice(kChannelOrders);
  o.range = in.Choice(kRangeModes);
  o.range_lo = ReadDouble(in);
  o.range_hi = ReadDouble(in);
  o.input_transfer = in.Choice(kInputTransfers);
  o.output_transfer = in.Choice(kOutputTransfers);
  o.premultiply = in.U8() & 1;
  o.yuv_matrix = in.Choice(kYuvMatrices);
  o.yuv_range = in.Choice(kYuvRanges);
  o.chroma = in.Choice(kChromaFilters);
  o.colormap = in.Choice(kColormaps);
  o.segmentation = in.U8() & 1;
  c.class_colors = static_cast<ClassColorsKind>(in.U8() % 3);
  c.class_count = in.Small(kClassLimit);

  c.dst_stride = ReadDelta(in);
  c.dst_length = ReadDelta(in);
  c.row_begin = in.Small(kRowLimit);
  c.row_end = in.Small(kRowLimit);
  c.runner = static_cast<RunnerKind>(in.U8() % 4);
  c.bands = in.Small(kBandLimit);
  c.threads = in.U8() % 4;
  c.target = in.U8();
  c.fill = in.U8();
  const std::span<const uint8_t> rest = in.Rest();
  c.samples.assign(rest.begin(), rest.end());
  return c;
}

std::vector<uint8_t> WriteConvertCase(const ConvertCase& c) {
  ByteWriter out;
  const ImageFormat& f = c.format;
  out.U8(f.pixel_format ? 1 : 0);
  out.Choice(kAllPixelFormats, f.pixel_format.value_or(kAllPixelFormats[0]));
  out.Choice(kAllColorModels, f.color_model);
  out.Choice(kAllDatatypes, f.datatype);
  out.Small(kWidthLimit, f.width);
  out.Small(kHeightLimit, f.height);

  out.U8(static_cast<uint8_t>(c.source));
  out.U8(static_cast<uint8_t>(c.num_planes));
  for (const Delta& d : c.strides) WriteDelta(d, out);
  for (const Delta& d : c.lengths) WriteDelta(d, out);

  const ConvertOptions& o = c.options;
  out.Choice(kOutputTypes, o.to);
  out.Choice(kChannelOrders, o.order);
  out.Choice(kRangeModes, o.range);
  WriteDouble(o.range_lo, out);
  WriteDouble(o.range_hi, out);
  out.Choice(kInputTransfers, o.input_transfer);
  out.Choice(kOutputTransfers, o.output_transfer);
  out.U8(o.premultiply ? 1 : 0);
  out.Choice(kYuvMatrices, o.yuv_matrix);
  out.Choice(kYuvRanges, o.yuv_range);
  out.Choice(kChromaFilters, o.chroma);
  out.Choice(kColormaps, o.colormap);
  out.U8(o.segmentation ? 1 : 0);
  out.U8(static_cast<uint8_t>(c.class_colors));
  out.Small(kClassLimit, c.class_count);

  WriteDelta(c.dst_stride, out);
  WriteDelta(c.dst_length, out);
  out.Small(kRowLimit, c.row_begin);
  out.Small(kRowLimit, c.row_end);
  out.U8(static_cast<uint8_t>(c.runner));
  out.Small(kBandLimit, c.bands);
  out.U8(c.threads);
  out.U8(c.target);
  out.U8(c.fill);
  out.Bytes(c.samples);
  return out.bytes();
}

}  // namespace pixconv::fuzz
