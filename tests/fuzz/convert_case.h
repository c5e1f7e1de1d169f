// One input of the convert fuzzer, parsed: the image format (unknown enum values included),
// how the source memory is laid out, every ConvertOptions field, the destination, and which
// of the conversion entry points to run. The bytes after the fixed fields are the samples.
//
// ParseConvertCase reads any bytes; WriteConvertCase writes a case so that it parses back to
// the same case (the seed generator builds its inputs this way; a test checks the pair agrees).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "choices.h"
#include "fuzz_bytes.h"
#include "pixconv/convert.h"
#include "pixconv/layout.h"

namespace pixconv::fuzz {

// How the source planes are handed to the library.
enum class SourceKind : uint8_t {
  kContiguous = 0,  // one buffer, MakeImageView with per-plane strides
  kPlanar = 1,      // one exactly sized buffer per plane, MakePlanarView
  kHandBuilt = 2,   // an ImageView filled in directly (any plane count): Convert must Validate it
};

// Which parallel entry point runs after Convert and Converter::ConvertRows.
enum class RunnerKind : uint8_t {
  kNone = 0,
  kInline = 1,        // ConvertWithRunner on a runner that runs the tasks in reverse order
  kSkipsOne = 2,      // ConvertWithRunner on a runner that never runs its last task
  kParallel = 3,      // ConvertParallel on pixconv's pool
};

enum class ClassColorsKind : uint8_t { kNone = 0, kTable = 1, kNullTable = 2 };

struct ConvertCase {
  ImageFormat format;
  SourceKind source = SourceKind::kContiguous;
  int8_t num_planes = 0;          // kHandBuilt only
  std::array<Delta, kMaxPlanes> strides{};  // per plane, relative to the packed row
  std::array<Delta, kMaxPlanes> lengths{};  // kContiguous: [0] is the buffer; else per plane
  ConvertOptions options;                   // class_colors is set by the target from:
  ClassColorsKind class_colors = ClassColorsKind::kNone;
  uint32_t class_count = 0;
  Delta dst_stride;                         // relative to width * bytes per output pixel
  Delta dst_length;                         // relative to OutputSize
  uint32_t row_begin = 0;                   // the band Converter::ConvertRows converts
  uint32_t row_end = 0;
  RunnerKind runner = RunnerKind::kNone;
  uint32_t bands = 1;                       // ConvertWithRunner
  uint8_t threads = 1;                      // ConvertParallel, 0..3 (0 = hardware concurrency)
  uint8_t target = 0;                       // SIMD target index; past the list = dispatch's own
  uint8_t fill = 0;                         // what the destination holds before a call
  std::vector<uint8_t> samples;             // cycled to fill the source planes
};

ConvertCase ParseConvertCase(const uint8_t* data, size_t size);
std::vector<uint8_t> WriteConvertCase(const ConvertCase& c);

}  // namespace pixconv::fuzz
