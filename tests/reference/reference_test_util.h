// Small builders for the reference's own tests: images from literal sample lists.
#pragma once

#include <doctest/doctest.h>

#include <array>
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "pixconv/layout.h"
#include "pixconv/model.h"

namespace pixconv::ref::testing {

template <size_t N>
struct UnsignedOfSize;
template <>
struct UnsignedOfSize<1> {
  using type = uint8_t;
};
template <>
struct UnsignedOfSize<2> {
  using type = uint16_t;
};
template <>
struct UnsignedOfSize<4> {
  using type = uint32_t;
};
template <>
struct UnsignedOfSize<8> {
  using type = uint64_t;
};

// The little-endian bytes of `values`, written byte by byte (independent of the host).
template <typename T>
std::vector<uint8_t> LittleEndian(std::initializer_list<T> values) {
  std::vector<uint8_t> bytes;
  for (T value : values) {
    const uint64_t bits = std::bit_cast<typename UnsignedOfSize<sizeof(T)>::type>(value);
    for (size_t i = 0; i < sizeof(T); ++i) bytes.push_back(uint8_t(bits >> (8 * i)));
  }
  return bytes;
}

// A validated view of `bytes` (which must outlive it); fails the test if the view is invalid.
inline ImageView View(const ImageFormat& format, const std::vector<uint8_t>& bytes,
                      const std::array<size_t, kMaxPlanes>& strides = {}) {
  Result<ImageView> view = MakeImageView(format, bytes.data(), bytes.size(), strides);
  REQUIRE_MESSAGE(view.ok(), view.status().ToString());
  return *view;
}

// A 1-row L image of the given samples.
template <typename T>
struct LineImage {
  LineImage(ChannelDatatype t, std::initializer_list<T> values)
      : bytes(LittleEndian(values)),
        view(View(ImageFormat::Color(uint32_t(values.size()), 1, ColorModel::L, t), bytes)) {}
  LineImage(const LineImage&) = delete;  // view points into bytes
  LineImage& operator=(const LineImage&) = delete;
  std::vector<uint8_t> bytes;
  ImageView view;
};

}  // namespace pixconv::ref::testing
