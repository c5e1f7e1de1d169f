// Plane layout, buffer sizes and validated views of caller-owned image memory.
//
// Every size is computed with overflow checks; every view is validated before a kernel sees
// it, so a kernel can trust its row pointers. Buffers and strides need no alignment.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "pixconv/export.h"
#include "pixconv/model.h"
#include "pixconv/status.h"

namespace pixconv {

// Largest accepted width or height. Larger values are rejected as kBadDimensions before any
// size arithmetic (a camera frame of 2^24 columns is a corrupt header, not an image).
inline constexpr uint32_t kMaxDimension = 1u << 24;
inline constexpr int kMaxPlanes = 3;

// The packed geometry of one plane: `rows` rows of `row_bytes` bytes each.
struct PlaneGeometry {
  uint32_t rows = 0;
  size_t row_bytes = 0;
};

// Plane 0 is Y (or the single interleaved plane); 1 and 2 are U and V (NV12: 1 is UV).
struct FormatLayout {
  int num_planes = 0;
  std::array<PlaneGeometry, kMaxPlanes> planes{};
};

// Checks the enums and dimensions and computes the packed planes.
// Errors: kUnknownEnum, kBadDimensions, kSizeOverflow.
PIXCONV_EXPORT Result<FormatLayout> ComputeLayout(const ImageFormat& format);

// Bytes a plane occupies with the given row stride (0 = packed): stride*(rows-1) + row_bytes,
// the last row needs no padding. Errors: kBadStride, kSizeOverflow.
PIXCONV_EXPORT Result<size_t> PlaneSize(const PlaneGeometry& plane, size_t stride);

// Bytes of a contiguous buffer holding every plane one after another. Each plane but the last
// occupies stride*rows bytes (so plane k+1 starts at a multiple of plane k's stride), the last
// one PlaneSize(). With no strides this is the packed size of lib/README.md section 1.
PIXCONV_EXPORT
Result<size_t> BufferSize(const ImageFormat& format, const std::array<size_t, kMaxPlanes>& strides = {});

// One plane of caller memory: `size` readable bytes at `data`, rows `stride` bytes apart.
struct PlaneView {
  const uint8_t* data = nullptr;
  size_t size = 0;
  size_t stride = 0;  // resolved: never 0 in a validated view
};

// A validated image: its format and one view per plane. Build it with MakeImageView or
// MakePlanarView; a hand-built view must pass Validate before use.
struct ImageView {
  ImageFormat format;
  int num_planes = 0;
  std::array<PlaneView, kMaxPlanes> planes{};

  // Start of row y of plane p (no bounds check; the view was validated).
  const uint8_t* Row(int p, uint32_t y) const { return planes[p].data + size_t{y} * planes[p].stride; }
};

// A view over one contiguous buffer (planes in order, see BufferSize). strides[p] = 0 means
// packed rows. A buffer longer than needed is accepted and its tail ignored (Rerun's I444 size
// bug); a shorter one is rejected with a message that names both sizes.
PIXCONV_EXPORT
Result<ImageView> MakeImageView(const ImageFormat& format, const void* data, size_t size,
                                const std::array<size_t, kMaxPlanes>& strides = {});

// A view over separately allocated planes (as video decoders hand them out). Unused planes
// (index >= the format's plane count) are ignored. Each PlaneView's stride may be 0 (packed).
PIXCONV_EXPORT
Result<ImageView> MakePlanarView(const ImageFormat& format,
                                 const std::array<PlaneView, kMaxPlanes>& planes);

// Re-checks a view: known enums, dimensions, plane count, non-null data, stride >= row bytes,
// size >= PlaneSize for every plane.
PIXCONV_EXPORT Status Validate(const ImageView& view);

// "NV12 1920x1080" or "RGB/U16 640x480": how errors and the CLI name a format.
PIXCONV_EXPORT std::string Describe(const ImageFormat& format);

}  // namespace pixconv
