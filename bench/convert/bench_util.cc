#include "bench_util.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <utility>

#include "convert/stream_threshold.h"
#include "pixconv/layout.h"

namespace pixconv_bench {
namespace {

using pixconv::ChannelDatatype;
using pixconv::ColorModel;
using pixconv::PixelFormat;

constexpr size_t kPageSize = 4096;

// A stateless hash of a sample position: noise that is the same on every run and needs no
// generator state, so rows can be filled in any order.
uint32_t Hash(uint32_t x, uint32_t y, uint32_t c) {
  uint32_t h = x * 0x9E3779B1u ^ (y + 0x7F4A7C15u) * 0x85EBCA77u ^ (c + 1) * 0xC2B2AE3Du;
  h ^= h >> 16;
  h *= 0x7FEB352Du;
  h ^= h >> 15;
  h *= 0x846CA68Bu;
  h ^= h >> 16;
  return h;
}

// The image content in [0, 1]: a smooth gradient that differs per channel (so swizzles and
// chroma are not degenerate) plus +-2% noise (so nothing compresses into a trivial pattern).
double Pattern(uint32_t x, uint32_t y, int channel, Size size) {
  const double gx = static_cast<double>(x) / size.width;
  const double gy = static_cast<double>(y) / size.height;
  double base = 0.0;
  switch (channel) {
    case 0: base = 0.1 + 0.7 * gx + 0.2 * gy; break;
    case 1: base = 0.05 + 0.3 * gx + 0.6 * gy; break;
    case 2: base = 0.95 - 0.45 * (gx + gy); break;
    default: base = 0.7 + 0.3 * gx; break;  // alpha: mostly opaque
  }
  const double noise = static_cast<double>(Hash(x, y, channel) & 0xFFFF) / 65535.0 - 0.5;
  return std::clamp(base + 0.04 * noise, 0.0, 1.0);
}

// IEEE binary16 from a finite float, rounded to nearest even (subnormals included). Written
// out because neither the compiler's _Float16 nor Highway's helpers exist everywhere.
uint16_t HalfFromFloat(float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof(bits));
  const uint16_t sign = static_cast<uint16_t>((bits >> 16) & 0x8000u);
  bits &= 0x7FFFFFFFu;
  if (bits >= 0x477FF000u) return sign | 0x7C00u;  // rounds above 65504: infinity
  if (bits < 0x38800000u) {                         // below 2^-14: a half subnormal or zero
    float magnitude;
    std::memcpy(&magnitude, &bits, sizeof(magnitude));
    return sign | static_cast<uint16_t>(std::lrint(magnitude * 16777216.0f));  // units of 2^-24
  }
  uint32_t h = bits - (112u << 23);  // rebias the exponent from 127 to 15
  h += 0xFFFu + ((h >> 13) & 1u);    // round the 13 dropped mantissa bits to nearest even
  return sign | static_cast<uint16_t>(h >> 13);
}

template <typename T>
void StoreSamples(ColorModel model, ChannelDatatype type, Size size, uint8_t* dst) {
  const int channels = pixconv::ChannelCount(model);
  double lo, hi;
  SyntheticRange(type, &lo, &hi);
  T* out = reinterpret_cast<T*>(dst);
  for (uint32_t y = 0; y < size.height; ++y) {
    for (uint32_t x = 0; x < size.width; ++x) {
      for (int c = 0; c < channels; ++c) {
        const double t = Pattern(x, y, c, size);
        if constexpr (std::is_floating_point_v<T>) {
          *out++ = static_cast<T>(lo + t * (hi - lo));
        } else if constexpr (std::is_same_v<T, uint16_t>) {
          if (type == ChannelDatatype::F16) {
            *out++ = HalfFromFloat(static_cast<float>(lo + t * (hi - lo)));
            continue;
          }
          *out++ = static_cast<T>(std::llround(lo + t * (hi - lo)));
        } else {
          *out++ = static_cast<T>(std::llround(lo + t * (hi - lo)));
        }
      }
    }
  }
}

struct Slots {
  std::string key[2];
  Buffer buffer[2];
};

Slots& TheSlots() {
  static Slots* slots = new Slots();  // never destroyed: benchmarks may run until exit
  return *slots;
}

// Rerun layouts in lib/README.md section 1 (ceil for chroma, tight rows).
pixconv::FormatLayout LayoutOf(PixelFormat format, Size size) {
  auto layout = pixconv::ComputeLayout(pixconv::ImageFormat::Pixel(size.width, size.height, format));
  return layout.ok() ? *layout : pixconv::FormatLayout{};
}

uint8_t Luma(uint32_t x, uint32_t y, Size size, bool limited) {
  const double t = Pattern(x, y, 0, size);
  return static_cast<uint8_t>(std::lround(limited ? 16.0 + 219.0 * t : 255.0 * t));
}

// Chroma around 128 within +-90: valid in both ranges and saturated enough that the matrix
// matters. `channel` 1 is U, 2 is V.
uint8_t Chroma(uint32_t x, uint32_t y, int channel, Size size) {
  const double t = Pattern(x, y, channel, size);
  return static_cast<uint8_t>(std::lround(128.0 + 90.0 * (2.0 * t - 1.0)));
}

void FillYuv(PixelFormat format, Size size, uint8_t* dst) {
  const pixconv::FormatLayout layout = LayoutOf(format, size);
  const bool limited = pixconv::IsLimitedRange(format);
  const uint32_t w = size.width;
  const uint32_t h = size.height;
  uint8_t* plane[3] = {dst, nullptr, nullptr};
  for (int p = 1; p < layout.num_planes; ++p) {
    plane[p] = plane[p - 1] + layout.planes[p - 1].rows * layout.planes[p - 1].row_bytes;
  }
  if (format == PixelFormat::YUY2) {
    const size_t row_bytes = layout.planes[0].row_bytes;
    for (uint32_t y = 0; y < h; ++y) {
      uint8_t* row = plane[0] + y * row_bytes;
      for (uint32_t pair = 0; 2 * pair < w; ++pair) {
        const uint32_t x = 2 * pair;
        row[4 * pair + 0] = Luma(x, y, size, limited);
        row[4 * pair + 1] = Chroma(x, y, 1, size);
        row[4 * pair + 2] = Luma(std::min(x + 1, w - 1), y, size, limited);
        row[4 * pair + 3] = Chroma(x, y, 2, size);
      }
    }
    return;
  }
  for (uint32_t y = 0; y < h; ++y) {
    for (uint32_t x = 0; x < w; ++x) plane[0][size_t{y} * w + x] = Luma(x, y, size, limited);
  }
  if (layout.num_planes < 2) return;  // Y8
  // Chroma sample (cx, cy) sits on luma (cx * w / cw, cy * h / ch).
  const uint32_t chroma_rows = layout.planes[1].rows;
  if (format == PixelFormat::NV12) {
    const size_t pairs = layout.planes[1].row_bytes / 2;
    for (uint32_t cy = 0; cy < chroma_rows; ++cy) {
      for (size_t cx = 0; cx < pairs; ++cx) {
        const uint32_t x = static_cast<uint32_t>(cx * w / pairs);
        const uint32_t y = static_cast<uint32_t>(size_t{cy} * h / chroma_rows);
        plane[1][cy * layout.planes[1].row_bytes + 2 * cx] = Chroma(x, y, 1, size);
        plane[1][cy * layout.planes[1].row_bytes + 2 * cx + 1] = Chroma(x, y, 2, size);
      }
    }
    return;
  }
  const size_t chroma_cols = layout.planes[1].row_bytes;
  for (int p = 1; p <= 2; ++p) {
    for (uint32_t cy = 0; cy < chroma_rows; ++cy) {
      for (size_t cx = 0; cx < chroma_cols; ++cx) {
        const uint32_t x = static_cast<uint32_t>(cx * w / chroma_cols);
        const uint32_t y = static_cast<uint32_t>(size_t{cy} * h / chroma_rows);
        plane[p][cy * chroma_cols + cx] = Chroma(x, y, p, size);
      }
    }
  }
}

std::vector<Size>& MutableBenchSizes() {
  static std::vector<Size> sizes = {{1920, 1080}, {3840, 2160}};
  return sizes;
}

}  // namespace

const std::vector<Size>& BenchSizes() { return MutableBenchSizes(); }

void SetBenchSizes(std::vector<Size> sizes) { MutableBenchSizes() = std::move(sizes); }

std::string SizeName(Size size) {
  return std::to_string(size.width) + "x" + std::to_string(size.height);
}

std::string_view OutputName(pixconv::OutputType type) {
  return type == pixconv::OutputType::RGBA8 ? "RGBA8" : "RGBAF32";
}

Buffer::Buffer(size_t size) : size_(size) {
  // aligned_alloc wants a multiple of the alignment; the tail past `size` is never used.
  const size_t rounded = (std::max<size_t>(size, 1) + kPageSize - 1) / kPageSize * kPageSize;
  data_.reset(static_cast<uint8_t*>(std::aligned_alloc(kPageSize, rounded)));
  if (data_) std::memset(data_.get(), 0, rounded);  // pre-fault every page
}

void Buffer::Free::operator()(uint8_t* p) const { std::free(p); }

const Buffer& CachedBuffer(Slot slot, const std::string& key, size_t size, const FillFn& fill) {
  Slots& slots = TheSlots();
  const int i = static_cast<int>(slot);
  if (slots.key[i] != key || slots.buffer[i].size() != size) {
    slots.buffer[i] = Buffer();  // free first: never hold two large buffers in one slot
    slots.key[i].clear();
    slots.buffer[i] = Buffer(size);
    if (fill && slots.buffer[i].data() != nullptr) fill(slots.buffer[i].data(), size);
    slots.key[i] = key;
  }
  return slots.buffer[i];
}

const Buffer& OutputBuffer(size_t size) {
  return CachedBuffer(Slot::kOutput, "out/" + std::to_string(size), size);
}

void ReportThroughput(benchmark::State& state, Size size, size_t bytes_read,
                      size_t bytes_written) {
  const auto iterations = static_cast<int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<int64_t>(bytes_read + bytes_written));
  state.SetItemsProcessed(iterations * static_cast<int64_t>(size.pixels()));
}

void ReportLargeOutputStores(benchmark::State& state, const pixconv::ImageFormat& format,
                             pixconv::OutputType to, size_t out_bytes) {
  namespace pi = pixconv::internal;
  if (out_bytes < pi::StreamMinOutputBytes()) return;
  pi::LargeOutputStores stores = pi::LargeOutputStores::kCached;
  const bool decided = pi::LargeOutputVerdict(pi::LargeOutputKindOf(format, to), &stores);
  state.counters["streamed"] = !decided ? -1.0 : stores == pi::LargeOutputStores::kStreamed;
}

void Skip(benchmark::State& state, const std::string& message) {
  state.SkipWithError(message.c_str());
}

bool FirstRunOrSkip(benchmark::State& state, const pixconv::ImageView& src,
                    const pixconv::OutputView& dst, const pixconv::ConvertOptions& opts) {
  const auto converter = pixconv::Converter::Create(src, opts);
  if (!converter.ok()) {
    Skip(state, converter.status().ToString());
    return false;
  }
  if (const pixconv::Status status = converter->ConvertAll(src, dst); !status.ok()) {
    Skip(state, status.ToString());
    return false;
  }
  state.SetLabel(converter->target_name());
  return true;
}

void RunPeer(benchmark::State& state, Size size, const Buffer& src, size_t out_bytes,
             const PeerCall& call) {
  const Buffer& dst = OutputBuffer(out_bytes);
  if (src.data() == nullptr || dst.data() == nullptr) return Skip(state, "out of memory");
  if (std::string error = call(src.data(), dst.data()); !error.empty()) {
    return Skip(state, error);
  }
  for (auto _ : state) {
    if (std::string error = call(src.data(), dst.data()); !error.empty()) {
      Skip(state, error);
      break;
    }
    benchmark::ClobberMemory();
  }
  ReportThroughput(state, size, src.size(), out_bytes);
}

void SyntheticRange(ChannelDatatype type, double* lo, double* hi) {
  switch (type) {
    case ChannelDatatype::U8: *lo = 0; *hi = 255; return;
    case ChannelDatatype::I8: *lo = -128; *hi = 127; return;
    case ChannelDatatype::U16: *lo = 0; *hi = 4095; return;
    case ChannelDatatype::I16: *lo = -4096; *hi = 4095; return;
    case ChannelDatatype::U32: *lo = 0; *hi = 1e6; return;
    case ChannelDatatype::I32: *lo = -1e6; *hi = 1e6; return;
    case ChannelDatatype::U64: *lo = 0; *hi = 1e9; return;
    case ChannelDatatype::I64: *lo = -1e9; *hi = 1e9; return;
    default: *lo = 0; *hi = 1; return;  // F16, F32, F64
  }
}

void FillColorImage(ColorModel model, ChannelDatatype type, Size size, uint8_t* dst) {
  switch (type) {
    case ChannelDatatype::U8: return StoreSamples<uint8_t>(model, type, size, dst);
    case ChannelDatatype::I8: return StoreSamples<int8_t>(model, type, size, dst);
    case ChannelDatatype::U16: return StoreSamples<uint16_t>(model, type, size, dst);
    case ChannelDatatype::I16: return StoreSamples<int16_t>(model, type, size, dst);
    case ChannelDatatype::U32: return StoreSamples<uint32_t>(model, type, size, dst);
    case ChannelDatatype::I32: return StoreSamples<int32_t>(model, type, size, dst);
    case ChannelDatatype::U64: return StoreSamples<uint64_t>(model, type, size, dst);
    case ChannelDatatype::I64: return StoreSamples<int64_t>(model, type, size, dst);
    case ChannelDatatype::F16: return StoreSamples<uint16_t>(model, type, size, dst);
    case ChannelDatatype::F32: return StoreSamples<float>(model, type, size, dst);
    case ChannelDatatype::F64: return StoreSamples<double>(model, type, size, dst);
  }
}

std::string ColorImageKey(ColorModel model, ChannelDatatype type, Size size) {
  return std::string(pixconv::Name(model)) + "_" + std::string(pixconv::Name(type)) + "/" +
         SizeName(size);
}

const Buffer& ColorImage(ColorModel model, ChannelDatatype type, Size size) {
  const size_t bytes =
      size.pixels() * pixconv::ChannelCount(model) * pixconv::BytesPerSample(type);
  return CachedBuffer(Slot::kInput, ColorImageKey(model, type, size), bytes,
                      [=](uint8_t* data, size_t) { FillColorImage(model, type, size, data); });
}

Planes YuvPlanes(PixelFormat format, Size size, const uint8_t* buffer) {
  const pixconv::FormatLayout layout = LayoutOf(format, size);
  Planes planes;
  const uint8_t* p = buffer;
  for (int i = 0; i < layout.num_planes; ++i) {
    planes.data[i] = p;
    planes.stride[i] = static_cast<int>(layout.planes[i].row_bytes);
    p += layout.planes[i].rows * layout.planes[i].row_bytes;
  }
  return planes;
}

size_t YuvImageSize(PixelFormat format, Size size) {
  const pixconv::FormatLayout layout = LayoutOf(format, size);
  size_t bytes = 0;
  for (int i = 0; i < layout.num_planes; ++i) {
    bytes += layout.planes[i].rows * layout.planes[i].row_bytes;
  }
  return bytes;
}

const Buffer& YuvImage(PixelFormat format, Size size) {
  return CachedBuffer(Slot::kInput, std::string(pixconv::Name(format)) + "/" + SizeName(size),
                      YuvImageSize(format, size),
                      [=](uint8_t* data, size_t) { FillYuv(format, size, data); });
}

}  // namespace pixconv_bench
