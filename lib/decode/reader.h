// The interface between the public decode API (decode.cc) and one codec (jpeg.cc, png.cc).
//
// A reader is opened on the encoded bytes, which parses the header only; the caller then
// checks the limits and sizes the destination from info() before any pixel memory exists,
// and calls Read() once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>

#include "pixconv/convert.h"
#include "pixconv/decode.h"
#include "pixconv/status.h"

namespace pixconv::decode_internal {

// What the codec writes into each destination row.
enum class RowLayout : uint8_t {
  kModel,  // info().format: the input model (L, RGB or RGBA; U8 or native-order U16)
  // 4 bytes per pixel R, G, B, A (alpha 255 where the file has none); 16-bit PNG samples
  // rounded to round(v * 255 / 65535), what Convert gives them with the datatype range
  kRgba8,
  kBgra8,  // 4 bytes per pixel B, G, R, A, as kRgba8
};

// A destination the caller has validated: height rows of the layout's packed row bytes,
// `stride` bytes apart, all writable.
struct RowTarget {
  uint8_t* data = nullptr;
  size_t stride = 0;
  RowLayout layout = RowLayout::kModel;
};

class CodecReader {
 public:
  virtual ~CodecReader() = default;
  virtual const ImageInfo& info() const = 0;
  // Decodes every row into `target`. Call at most once.
  virtual Status Read(const RowTarget& target) = 0;
};

// True when the codec writes RGBA8 / BGRA8 (RowLayout::kRgba8, kBgra8) itself for a file of
// format `f` converted with `o` (Auto range already resolved for a decoded file), byte for
// byte what Convert writes from the input model; else the decode goes through the model.
bool CodecWritesRgba8(const ImageFormat& f, const ConvertOptions& o);

// Parse the header of data[0, size), which must stay alive and unchanged until the reader is
// destroyed. The limit on pixels is the caller's job; Open only reads the header.
Result<std::unique_ptr<CodecReader>> OpenJpeg(const uint8_t* data, size_t size,
                                              const DecodeOptions& options);
// PNG: the fast decoder (png_fast.cc), which hands any file it does not accept, or cannot
// finish, to libpng (png.cc).
Result<std::unique_ptr<CodecReader>> OpenPng(const uint8_t* data, size_t size);
// The fast decoder alone: kUnsupported ("PNG: left to libpng") from Open or Read for the
// files OpenPng hands to libpng. For the tests and the differential fuzzer.
Result<std::unique_ptr<CodecReader>> OpenPngFastOnly(const uint8_t* data, size_t size);
// PNG through libpng alone: the reference the tests and the differential fuzzer compare with.
Result<std::unique_ptr<CodecReader>> OpenPngWithLibpng(const uint8_t* data, size_t size);

}  // namespace pixconv::decode_internal
