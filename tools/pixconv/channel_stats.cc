#include "channel_stats.h"

#include <cstring>

namespace pixconv::cli {
namespace {

// Where one channel's samples sit: in plane `plane`, row y holds `count` samples of
// `sample_bytes` bytes, the first at byte `offset`, each `step` bytes after the previous.
struct ChannelLayout {
  std::string name;
  int plane = 0;
  size_t offset = 0;
  size_t step = 1;
  uint32_t count = 0;
  uint32_t rows = 0;
};

std::vector<ChannelLayout> ColorChannels(const ImageFormat& f) {
  const std::string_view model = Name(f.color_model);  // "BGRA": the channels in memory order
  const size_t bytes = static_cast<size_t>(BytesPerSample(f.datatype));
  std::vector<ChannelLayout> channels;
  for (size_t c = 0; c < model.size(); ++c) {
    channels.push_back(
        {std::string(1, model[c]), 0, c * bytes, model.size() * bytes, f.width, f.height});
  }
  return channels;
}

std::vector<ChannelLayout> YuvChannels(const ImageFormat& f, const FormatLayout& layout) {
  const PlaneGeometry& y = layout.planes[0];
  switch (*f.pixel_format) {
    case PixelFormat::NV12: {
      const PlaneGeometry& uv = layout.planes[1];
      const auto pairs = static_cast<uint32_t>(uv.row_bytes / 2);
      return {{"Y", 0, 0, 1, f.width, y.rows},
              {"U", 1, 0, 2, pairs, uv.rows},
              {"V", 1, 1, 2, pairs, uv.rows}};
    }
    case PixelFormat::YUY2: {  // Y0 U Y1 V
      const auto pairs = static_cast<uint32_t>(y.row_bytes / 4);
      return {{"Y", 0, 0, 2, f.width, y.rows},
              {"U", 0, 1, 4, pairs, y.rows},
              {"V", 0, 3, 4, pairs, y.rows}};
    }
    default:
      break;
  }
  static const char* const kNames[] = {"Y", "U", "V"};
  std::vector<ChannelLayout> channels;
  for (int p = 0; p < layout.num_planes; ++p) {
    const PlaneGeometry& g = layout.planes[p];
    channels.push_back({kNames[p], p, 0, 1, static_cast<uint32_t>(g.row_bytes), g.rows});
  }
  return channels;
}

Result<SampleStats> ScanChannel(const ImageView& view, const ChannelLayout& c,
                                ChannelDatatype datatype) {
  const size_t bytes = static_cast<size_t>(BytesPerSample(datatype));
  std::vector<uint8_t> samples(size_t{c.count} * c.rows * bytes);
  uint8_t* out = samples.data();
  for (uint32_t y = 0; y < c.rows; ++y) {
    const uint8_t* row = view.Row(c.plane, y) + c.offset;
    for (uint32_t x = 0; x < c.count; ++x, out += bytes) std::memcpy(out, row + x * c.step, bytes);
  }
  Result<ImageView> one = MakeImageView(
      ImageFormat::Color(c.count, c.rows, ColorModel::L, datatype), samples.data(), samples.size());
  if (!one.ok()) return one.status();
  return ScanSamples(*one);
}

}  // namespace

Result<std::vector<ChannelStats>> ScanChannels(const ImageView& view) {
  const ImageFormat& f = view.format;
  std::vector<ChannelLayout> layouts;
  ChannelDatatype datatype = f.datatype;
  if (f.pixel_format) {
    Result<FormatLayout> layout = ComputeLayout(f);
    if (!layout.ok()) return layout.status();
    layouts = YuvChannels(f, *layout);
    datatype = ChannelDatatype::U8;
  } else {
    layouts = ColorChannels(f);
  }
  std::vector<ChannelStats> result;
  for (const ChannelLayout& c : layouts) {
    Result<SampleStats> stats = ScanChannel(view, c, datatype);
    if (!stats.ok()) return stats.status();
    result.push_back({c.name, *stats});
  }
  return result;
}

}  // namespace pixconv::cli
