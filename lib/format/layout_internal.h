// Internal: plane names for messages, the rows of a plane, and the check that a destination
// shares no byte with its source (used by Converter::ConvertRows and the decoders).
#pragma once

#include <string_view>

#include "format/overlap.h"
#include "pixconv/layout.h"

namespace pixconv::internal {

// "Y plane", "U plane", "V plane", "UV plane", or "image" for a format of one plane.
const char* PlaneName(const ImageFormat& format, int p);

// The rows of plane p of a view whose plane p passed Validate's size and stride checks.
RowSet PlaneRows(const ImageView& view, const FormatLayout& layout, int p);

// The rows of a contiguous byte range (encoded input): one row of `size` bytes.
RowSet ByteRange(const void* data, size_t size);

// kInvalidArgument if a row of `dst` shares a byte with a plane of the validated view `src`:
// "<what> for NV12 1920x1080 overlaps the Y plane (destination row 0 shares bytes with ...)".
Status CheckDestinationOverlap(const ImageView& src, const RowSet& dst, std::string_view what);

}  // namespace pixconv::internal
