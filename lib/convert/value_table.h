// Internal: per-value pixel tables for L images of 8/16-bit integers to RGBA8 through a
// colormap or class colors, where each output pixel depends on its sample alone.
//
// Such a converter runs its planned kernel once over every sample value the image can
// distinguish (at most 65536), into a table of output pixels, and then converts the image by
// one gather per pixel: clamp the sample into the table's span, look up its pixel. A colormap
// kernel normalizes each sample in float and gathers from the colormap's table (RGBA8); the
// segmentation kernel computes Rerun's automatic color for ids outside the caller's table;
// both cost more per pixel than the lookup (bench/convert: colormap/, segmentation/). The
// table is built by the same kernel the image would have run, so both paths give the same
// bytes (tests/convert runs the conformance tests through both).
#pragma once

#include <cstddef>
#include <cstdint>

#include "convert/color_plan.h"
#include "convert/converter_impl.h"
#include "pixconv/convert.h"

namespace pixconv::internal {

// The table kernel for an 8/16-bit integer datatype (nullptr for the others): dst pixel =
// value_table[clamp(v, table_first, table_last) - table_first].
ColorRowFn SelectValueTableRow(ChannelDatatype t, const char** target_name);

// The sample values [*first, *last] whose pixels can differ, for an 8/16-bit integer
// datatype (false for the others); every value outside maps as the nearer end does. Class
// ids: the whole datatype. A colormap with range [lo, hi]: the range with one value of margin
// either side. Below the range t clamps to one constant and above it to another (also for
// the empty [0, 0] of an all-zero depth map, and for lo > hi), so the values beyond the
// margins share the margins' pixels.
bool ValueTableSpan(ChannelDatatype t, bool segmentation, double lo, double hi, int32_t* first,
                    int32_t* last);

// Switches a planned colormap or segmentation conversion of an L image (impl->color_row and
// color_params set) to a value table when that is cheaper: an 8/16-bit integer datatype,
// RGBA8 output, and a span of distinct values no larger than half the image's pixels (the
// table is then built in at most half the time the planned kernel takes for the image).
// Returns whether it did.
bool UseValueTable(const ConvertOptions& opts, Converter::Impl* impl);

}  // namespace pixconv::internal
