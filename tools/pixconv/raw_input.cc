#include "raw_input.h"

#include "diagnostics.h"
#include "text.h"

namespace pixconv::cli {
namespace {

const char* FormatOptions(const ImageFormat& f) {
  return f.pixel_format ? "--size, --pixel-format and --stride"
                        : "--size, --color-model, --datatype and --stride";
}

}  // namespace

std::string FormatAt(const ImageFormat& f) {
  const std::string name =
      f.pixel_format ? std::string(Name(*f.pixel_format))
                     : std::string(Name(f.color_model)) + "/" + std::string(Name(f.datatype));
  return name + " at " + std::to_string(f.width) + "x" + std::to_string(f.height);
}

bool RawFormatFromArgs(const RawFormatArgs& args, const std::string& path,
                       const std::vector<uint8_t>& file, ImageFormat* format, UsageError* error) {
  if (!args.width || !args.height) {
    *error = UsageError{(path == "-" ? std::string("stdin") : path) +
                            " is not a PNG or JPEG file (it starts with " +
                            HexPrefix(file.data(), file.size()) +
                            "), so it is read as raw samples, which needs --size",
                        "give --size WxH and --color-model M --datatype T (e.g. --size 640x480 "
                        "--color-model rgb --datatype u16) or --pixel-format NAME (e.g. nv12)"};
    return false;
  }
  if (args.pixel_format) {
    *format = ImageFormat::Pixel(*args.width, *args.height, *args.pixel_format);
  } else {
    *format =
        ImageFormat::Color(*args.width, *args.height, args.color_model.value_or(ColorModel::L),
                           args.datatype.value_or(ChannelDatatype::U8));
  }
  // One --stride value serves every plane; more than the format has planes is a mistake.
  const Result<FormatLayout> layout = ComputeLayout(*format);
  if (layout.ok() && args.stride_values > 1 &&
      args.stride_values > static_cast<size_t>(layout->num_planes)) {
    *error = UsageError{"--stride gives " + std::to_string(args.stride_values) + " values, but " +
                            Describe(*format) + " has " + std::to_string(layout->num_planes) +
                            (layout->num_planes == 1 ? " plane" : " planes"),
                        "give one stride per plane, or one value for every plane"};
    return false;
  }
  return true;
}

Result<ImageView> MakeRawView(const ImageFormat& format, const RawFormatArgs& args,
                              const std::vector<uint8_t>& file, const std::string& path) {
  const std::array<size_t, kMaxPlanes> strides =
      args.strides.value_or(std::array<size_t, kMaxPlanes>{});
  Result<size_t> needed = BufferSize(format, strides);
  if (!needed.ok()) {
    // A stride shorter than a row, or sizes beyond size_t: the library's message says which.
    return Status(needed.status().code(),
                  needed.status().message() + "; check " + FormatOptions(format));
  }
  const std::string stride_note = args.strides ? " with the given --stride" : "";
  if (file.size() < *needed) {
    return Status(StatusCode::kBufferTooSmall,
                  path + ": " + FormatAt(format) + stride_note + " needs " +
                      std::to_string(*needed) + " bytes, file has " + std::to_string(file.size()) +
                      "; check " + FormatOptions(format) + ", or whether the file is truncated");
  }
  if (file.size() > *needed) {
    Warn(path + ": " + FormatAt(format) + stride_note + " uses " + std::to_string(*needed) +
         " bytes, file has " + std::to_string(file.size()) + "; the last " +
         std::to_string(file.size() - *needed) + " bytes are ignored (check " +
         FormatOptions(format) + " if that is not expected)");
  }
  return MakeImageView(format, file.data(), file.size(), strides);
}

}  // namespace pixconv::cli
