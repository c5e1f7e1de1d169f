#include "input.h"

#include <utility>

#include "diagnostics.h"
#include "exif.h"
#include "file_io.h"
#include "raw_input.h"
#include "text.h"

namespace pixconv::cli {
namespace {

Status UsageProblem() { return Status(StatusCode::kInvalidArgument, ""); }

std::string DisplayName(const std::string& path) { return path == kStdio ? "stdin" : path; }

// What the first bytes claim. Looser than the library's DetectCodec (FF D8 FF, the whole
// 8-byte PNG signature) so that a damaged header is reported as a damaged file, not read as
// raw samples.
Codec ClaimedCodec(const std::vector<uint8_t>& b) {
  if (b.size() >= 2 && b[0] == 0xFF && b[1] == 0xD8) return Codec::Jpeg;
  if (b.size() >= 4 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return Codec::Png;
  return Codec::Unknown;
}

// The codec a file name promises: .png, .jpg, .jpeg, .jpe (any case).
Codec NamedCodec(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return Codec::Unknown;
  const std::string ext = Lower(path.substr(dot + 1));
  if (ext == "png") return Codec::Png;
  if (ext == "jpg" || ext == "jpeg" || ext == "jpe") return Codec::Jpeg;
  return Codec::Unknown;
}

Status NotA(const std::string& path, Codec codec, const std::vector<uint8_t>& bytes) {
  const char* signature = codec == Codec::Png ? "89 50 4E 47" : "FF D8";
  return Status(StatusCode::kCorruptData,
                DisplayName(path) + ": not a " + std::string(Name(codec)) + " (starts with " +
                    HexPrefix(bytes.data(), bytes.size()) + ", not " + signature + ")");
}

// A header that reads: the file is an image, whatever raw options were given for others.
bool HeaderReads(const std::vector<uint8_t>& bytes) {
  DecodeOptions unlimited;
  unlimited.max_pixels = UINT64_MAX;
  const Result<ImageInfo> info = ReadImageInfo(bytes.data(), bytes.size(), unlimited);
  return info.ok();
}

std::string GivenRawOptions(const CommandLine& cl) {
  std::string list;
  for (const char* o : {"--size", "--color-model", "--datatype", "--pixel-format", "--stride"}) {
    if (cl.Given(o)) list += (list.empty() ? "" : ", ") + std::string(o);
  }
  return list;
}

}  // namespace

std::string InputKind(const InputImage& image) {
  return image.codec == Codec::Unknown ? "raw" : std::string(Name(image.codec));
}

DecodeOptions DecodeOptionsFrom(const CommandLine& cl) {
  DecodeOptions options;
  options.max_pixels = cl.max_pixels;
  return options;
}

Status ExplainDecodeError(const std::string& path, const Status& status) {
  std::string message = status.message();
  const std::string field = " (DecodeOptions::max_pixels)";
  const size_t at = message.find(field);
  if (at != std::string::npos) {
    message.replace(at, field.size(), "; raise it with --max-pixels if the file is trusted");
  }
  return Status(status.code(), DisplayName(path) + ": " + message);
}

Status ReadInput(const std::string& path, const CommandLine& cl, InputImage* image) {
  Result<std::vector<uint8_t>> file = ReadFile(path);
  if (!file.ok()) return file.status();
  image->storage = std::move(file).value();
  image->file_bytes = image->storage.size();
  const std::vector<uint8_t>& bytes = image->storage;
  if (bytes.empty()) {
    return Status(StatusCode::kCorruptData,
                  path == kStdio ? std::string("stdin is empty: no bytes were read")
                                 : path + ": empty file");
  }
  const Codec claimed = ClaimedCodec(bytes);
  switch (cl.input_format) {
    case InputFormatArg::kRaw:
      image->codec = Codec::Unknown;
      return Status::Ok();
    case InputFormatArg::kPng:
    case InputFormatArg::kJpeg: {
      const Codec wanted = cl.input_format == InputFormatArg::kPng ? Codec::Png : Codec::Jpeg;
      if (claimed != wanted) return NotA(path, wanted, bytes);
      image->codec = wanted;
      return Status::Ok();
    }
    case InputFormatArg::kAuto:
      break;
  }
  if (cl.raw.AnyGiven()) {
    // Raw options win, except for a real image among raw files in a batch.
    image->codec = claimed != Codec::Unknown && HeaderReads(bytes) ? claimed : Codec::Unknown;
    if (image->codec != Codec::Unknown) {
      Warn(DisplayName(path) + " is a " + InputKind(*image) + " file, so the raw-input options (" +
           GivenRawOptions(cl) + ") do not apply to it; it is decoded from its header "
           "(--input-format raw reads it as raw samples)");
    }
    return Status::Ok();
  }
  image->codec = claimed;
  const Codec named = NamedCodec(path);
  if (claimed == Codec::Unknown && named != Codec::Unknown) return NotA(path, named, bytes);
  return Status::Ok();
}

Status ViewInput(const std::string& path, const CommandLine& cl, InputImage* image,
                 UsageError* usage) {
  if (image->codec != Codec::Unknown) {
    const std::vector<uint8_t>& bytes = image->storage;
    if (DetectCodec(bytes.data(), bytes.size()) != image->codec) {
      // The first bytes claim the codec, but its signature is broken.
      return Status(StatusCode::kCorruptData,
                    DisplayName(path) + ": damaged " + std::string(Name(image->codec)) +
                        ": the signature is incomplete (starts with " +
                        HexPrefix(bytes.data(), bytes.size()) + ")");
    }
    if (image->codec == Codec::Jpeg) {
      image->orientation = ReadExifOrientation(bytes.data(), bytes.size());
    }
    Result<DecodedImage> decoded = Decode(bytes.data(), bytes.size(), DecodeOptionsFrom(cl));
    if (!decoded.ok()) return ExplainDecodeError(path, decoded.status());
    image->storage = std::move(decoded->pixels);
    Result<ImageView> view =
        MakeImageView(decoded->format, image->storage.data(), image->storage.size());
    if (!view.ok()) return view.status();
    image->view = *view;
    return Status::Ok();
  }
  ImageFormat format;
  if (!RawFormatFromArgs(cl.raw, path, image->storage, &format, usage)) return UsageProblem();
  Result<ImageView> view = MakeRawView(format, cl.raw, image->storage, path);
  if (!view.ok()) return view.status();
  image->view = *view;
  return Status::Ok();
}

}  // namespace pixconv::cli
