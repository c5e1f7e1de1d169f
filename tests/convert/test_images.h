// Sample data for the conformance tests: images of every datatype and color model filled
// according to a profile that steers the Auto range rules, with edge values mixed in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"
#include "pixconv/model.h"
#include "support/guarded_output.h"

namespace pixconv::test {

enum class Profile {
  kUnit,        // floats in [0, 1]; integers in {0, 1}
  kByte,        // values in [0, 255]
  kWide,        // anywhere in the datatype's range, with its min / max / 0 mixed in
  kConstant,    // one value everywhere (Auto: [v-1, v+1])
  kNarrowHigh,  // a 1000-wide window near the type's max (precision of v - lo)
  kSpecial,     // wide data plus NaN, +-Inf, -0, denormals, F16 specials (floats)
};
inline constexpr Profile kAllProfiles[] = {Profile::kUnit,     Profile::kByte,       Profile::kWide,
                                           Profile::kConstant, Profile::kNarrowHigh, Profile::kSpecial};
std::string ProfileName(Profile p);

// IEEE binary16 bits of a float (round to nearest even; overflow to Inf).
uint16_t HalfBits(float f);

// `count` samples of type t, little-endian, following the profile.
std::vector<uint8_t> MakeSamples(ChannelDatatype t, Profile p, size_t count, std::mt19937_64& rng);

// An image in caller-style memory: packed or with a padded stride, at an odd offset from an
// aligned allocation, with the plane ending exactly at the end of the allocation (so any
// over-read is caught by AddressSanitizer).
struct TestImage {
  std::vector<uint8_t> storage;
  ImageView view;
};
TestImage MakeColorImage(ChannelDatatype t, ColorModel m, uint32_t width, uint32_t height,
                         Profile p, std::mt19937_64& rng, size_t extra_stride = 0,
                         size_t misalign = 0);

// The frame converted by a converter created for it here, in two row bands (the second
// starting on an odd row), into a padded, misaligned destination whose guards must stay
// intact; returns its rows packed and, in *target, the converter's target name.
std::vector<uint8_t> ConvertInBands(const ImageView& src, const ConvertOptions& o,
                                    std::string* target = nullptr);

}  // namespace pixconv::test
