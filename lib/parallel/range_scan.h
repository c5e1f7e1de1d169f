// Internal: the sample scan of a data-dependent range (Auto, Depth), split into row bands.
#pragma once

#include <cstdint>

#include "pixconv/convert.h"
#include "pixconv/parallel.h"

namespace pixconv::internal {

// If planning `src` with `opts` needs a scan of every sample (Auto range for data other than
// U8, Depth range), scans in `bands` row bands as tasks of `runner`, merges the bands' min /
// max, and returns `opts` with that range made explicit, so that Converter::Create plans the
// range a whole-image scan finds without scanning again on one thread. Otherwise, and
// whenever the shortcut does not apply (an Auto input transfer, which also depends on the
// scan; a range that Explicit does not accept, such as an empty Depth range [0, 0] or a span
// beyond DBL_MAX; an invalid view), returns `opts` unchanged and Create scans as usual.
ConvertOptions ResolveRangeInBands(const ImageView& src, const ConvertOptions& opts,
                                   const TaskRunner& runner, uint32_t bands);

}  // namespace pixconv::internal
