// Per-channel sample statistics for `pixconv info`: the finite min/max of each channel (R, G,
// B, A in memory order for color models; Y, U, V for pixel formats). The library's ScanSamples
// covers all channels together; here each channel's samples are first gathered into a
// one-channel image of the same datatype and scanned by ScanSamples, so every datatype (F16
// included) is read by the library's own code.
#pragma once

#include <string>
#include <vector>

#include "pixconv/convert.h"
#include "pixconv/layout.h"

namespace pixconv::cli {

struct ChannelStats {
  std::string name;  // "R", "Y", ...
  SampleStats stats;
};

Result<std::vector<ChannelStats>> ScanChannels(const ImageView& view);

}  // namespace pixconv::cli
