// Reading a fuzzer's input as a sequence of small choices, and writing those choices back
// (the seed generator and the round-trip tests use the writer).
//
// A reader never fails: past the end of the input every byte reads as 0, so a short input is
// still a complete, valid case (the fuzzer's mutations shrink inputs all the time). Every
// Read* has a Write* that produces bytes it reads back as the same value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace pixconv::fuzz {

class ByteReader {
 public:
  ByteReader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  uint8_t U8() { return pos_ < size_ ? data_[pos_++] : 0; }
  uint32_t U32() { return static_cast<uint32_t>(Le(4)); }
  uint64_t U64() { return Le(8); }
  double F64() {
    const uint64_t bits = U64();
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  }

  // A value from `table` most of the time, or any raw byte: an enum that is valid often
  // enough to reach the kernels, and invalid (unknown values) sometimes.
  template <typename Enum, size_t N>
  Enum Choice(const Enum (&table)[N]) {
    const uint8_t s = U8();
    if (s < kRawEnum) return table[s % N];
    return static_cast<Enum>(U8());
  }

  // A count or dimension: a small value (< limit) from one byte, or any 32-bit value.
  uint32_t Small(uint32_t limit) {
    const uint8_t s = U8();
    if (s < kRawNumber) return s % limit;
    return U32();
  }

  // What is left, e.g. the sample bytes of an image.
  std::span<const uint8_t> Rest() {
    const std::span<const uint8_t> rest(data_ + pos_, size_ - pos_);
    pos_ = size_;
    return rest;
  }
  size_t position() const { return pos_; }

  static constexpr uint8_t kRawEnum = 0xE0;
  static constexpr uint8_t kRawNumber = 0xF0;

 private:
  uint64_t Le(int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= uint64_t{U8()} << (8 * i);
    return v;
  }

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

class ByteWriter {
 public:
  void U8(uint8_t v) { bytes_.push_back(v); }
  void U32(uint32_t v) { Le(v, 4); }
  void U64(uint64_t v) { Le(v, 8); }
  void F64(double d) {
    uint64_t bits;
    std::memcpy(&bits, &d, sizeof d);
    U64(bits);
  }
  template <typename Enum, size_t N>
  void Choice(const Enum (&table)[N], Enum value) {
    static_assert(N <= ByteReader::kRawEnum);
    for (size_t i = 0; i < N; ++i) {
      if (table[i] == value) return U8(static_cast<uint8_t>(i));
    }
    U8(ByteReader::kRawEnum);
    U8(static_cast<uint8_t>(value));
  }
  void Small(uint32_t limit, uint32_t value) {
    if (value < limit && value < ByteReader::kRawNumber) return U8(static_cast<uint8_t>(value));
    U8(ByteReader::kRawNumber);
    U32(value);
  }
  void Bytes(std::span<const uint8_t> b) { bytes_.insert(bytes_.end(), b.begin(), b.end()); }

  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  void Le(uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) bytes_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  std::vector<uint8_t> bytes_;
};

}  // namespace pixconv::fuzz
