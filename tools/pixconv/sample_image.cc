#include "sample_image.h"

#include <cstring>

namespace pixconv::cli {
namespace {

// xorshift64: fast, deterministic, and good enough to defeat any data-dependent shortcut.
struct Random {
  uint64_t state = 0x9E3779B97F4A7C15ull;
  uint64_t Next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

template <typename T>
void Store(uint8_t* p, T value) {
  std::memcpy(p, &value, sizeof(T));  // native order = little-endian on the supported hosts
}

void FillSample(ChannelDatatype t, Random* random, uint8_t* p) {
  switch (t) {
    case ChannelDatatype::F16:  // a half in [0, 1): exponent below 15
      Store(p, static_cast<uint16_t>(random->Next() % 0x3C00));
      break;
    case ChannelDatatype::F32:
      Store(p, static_cast<float>(random->Unit()));
      break;
    case ChannelDatatype::F64:
      Store(p, random->Unit());
      break;
    default: {
      const uint64_t bits = random->Next();
      std::memcpy(p, &bits, static_cast<size_t>(BytesPerSample(t)));
      break;
    }
  }
}

}  // namespace

Status MakeSampleImage(const ImageFormat& format, SampleImage* image) {
  Result<size_t> size = BufferSize(format);
  if (!size.ok()) return size.status();
  image->bytes.assign(*size, 0);
  const ChannelDatatype t = format.pixel_format ? ChannelDatatype::U8 : format.datatype;
  const auto step = static_cast<size_t>(BytesPerSample(t));
  Random random;
  for (size_t i = 0; i + step <= image->bytes.size(); i += step) {
    FillSample(t, &random, image->bytes.data() + i);
  }
  Result<ImageView> view = MakeImageView(format, image->bytes.data(), image->bytes.size());
  if (!view.ok()) return view.status();
  image->view = *view;
  return Status::Ok();
}

}  // namespace pixconv::cli
