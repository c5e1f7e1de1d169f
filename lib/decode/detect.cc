// Format detection by signature: the first bytes of the data, never a file name.
#include <cstring>
#include <string_view>

#include "pixconv/decode.h"

namespace pixconv {

Codec DetectCodec(const void* data, size_t size) {
  // JPEG: SOI (FF D8) followed by the first marker's FF. PNG: its 8-byte signature.
  static constexpr unsigned char kJpeg[] = {0xFF, 0xD8, 0xFF};
  static constexpr unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (data == nullptr) return Codec::Unknown;
  if (size >= sizeof(kJpeg) && std::memcmp(data, kJpeg, sizeof(kJpeg)) == 0) return Codec::Jpeg;
  if (size >= sizeof(kPng) && std::memcmp(data, kPng, sizeof(kPng)) == 0) return Codec::Png;
  return Codec::Unknown;
}

std::string_view Name(Codec codec) {
  switch (codec) {
    case Codec::Jpeg: return "JPEG";
    case Codec::Png: return "PNG";
    case Codec::Unknown: break;
  }
  return "unknown";
}

}  // namespace pixconv
