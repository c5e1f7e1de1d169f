// EXIF orientation, as cameras write it: the JPEG's pixels are stored as the sensor saw them,
// and a tag in the APP1 segment says how to turn them for display (values 1..8 of the TIFF
// Orientation tag). `info` reports it; `convert --auto-orient` applies it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace pixconv::cli {

// The Orientation tag (1..8) of a JPEG's EXIF block; nullopt when there is none or it is
// damaged. Reads only within `size` bytes, whatever the file holds.
std::optional<int> ReadExifOrientation(const uint8_t* jpeg, size_t size);

// True for orientations 5..8, which swap width and height.
inline bool SwapsAxes(int orientation) { return orientation >= 5 && orientation <= 8; }

// Turns an image of `width` x `height` packed pixels of `pixel_bytes` each as `orientation`
// says, into an upright one (width and height swapped for 5..8). 1 and unknown values copy.
std::vector<uint8_t> ApplyOrientation(const std::vector<uint8_t>& pixels, uint32_t width,
                                      uint32_t height, size_t pixel_bytes, int orientation);

}  // namespace pixconv::cli
