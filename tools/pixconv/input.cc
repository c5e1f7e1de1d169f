#include "input.h"

#include <utility>

#include "file_io.h"
#include "raw_input.h"

namespace pixconv::cli {
namespace {

Status UsageProblem() { return Status(StatusCode::kInvalidArgument, ""); }

}  // namespace

std::string InputKind(const InputImage& image) {
  return image.codec == Codec::Unknown ? "raw" : std::string(Name(image.codec));
}

Status ReadInput(const std::string& path, const RawFormatArgs& raw, InputImage* image,
                 UsageError* usage) {
  Result<std::vector<uint8_t>> file = ReadFile(path);
  if (!file.ok()) return file.status();
  image->storage = std::move(file).value();
  image->file_bytes = image->storage.size();
  image->codec = DetectCodec(image->storage.data(), image->storage.size());
  if (image->codec != Codec::Unknown && raw.AnyGiven()) {
    *usage = UsageError{
        path + " is a " + InputKind(*image) + " file, whose header gives its size and format",
        "drop --size, --color-model, --datatype, --pixel-format and --stride for "
        "PNG and JPEG input"};
    return UsageProblem();
  }
  return Status::Ok();
}

Status ViewInput(const std::string& path, const RawFormatArgs& raw, InputImage* image,
                 UsageError* usage) {
  if (image->codec != Codec::Unknown) {
    Result<DecodedImage> decoded = Decode(image->storage.data(), image->storage.size());
    if (!decoded.ok())
      return Status(decoded.status().code(), path + ": " + decoded.status().message());
    image->storage = std::move(decoded->pixels);
    Result<ImageView> view =
        MakeImageView(decoded->format, image->storage.data(), image->storage.size());
    if (!view.ok()) return view.status();
    image->view = *view;
    return Status::Ok();
  }
  ImageFormat format;
  if (!RawFormatFromArgs(raw, path, &format, usage)) return UsageProblem();
  Result<ImageView> view = MakeRawView(format, raw, image->storage, path);
  if (!view.ok()) return view.status();
  image->view = *view;
  return Status::Ok();
}

}  // namespace pixconv::cli
