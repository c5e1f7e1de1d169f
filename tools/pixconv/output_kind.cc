#include "output_kind.h"

#include <algorithm>
#include <cctype>

namespace pixconv::cli {
namespace {

bool KindFromExtension(const std::string& path, OutputKind* kind) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == "png") {
    *kind = OutputKind::kPng;
  } else if (ext == "pfm") {
    *kind = OutputKind::kPfm;
  } else if (ext == "rgba" || ext == "raw") {
    *kind = OutputKind::kRaw;
  } else {
    return false;
  }
  return true;
}

bool CheckOptionsFit(const CommandLine& cl, OutputKind kind, UsageError* error) {
  const bool png = kind == OutputKind::kPng || kind == OutputKind::kPng16;
  if (png && !cl.rgba16 && cl.options.to == OutputType::RGBAF32) {
    *error =
        UsageError{"a PNG holds 8 or 16-bit samples, so --to rgbaf32 cannot be written as .png",
                   "write the floats with -o OUT.rgba or OUT.pfm, or use --to rgba16 for "
                   "a 16-bit PNG"};
    return false;
  }
  if (cl.rgba16 && !png) {
    *error = UsageError{"--to rgba16 writes a 16-bit PNG, so the output must be .png",
                        "use -o OUT.png (or --output-format png), or --to rgbaf32 for floats"};
    return false;
  }
  if ((png || kind == OutputKind::kPfm) && cl.options.order == ChannelOrder::BGRA) {
    *error = UsageError{std::string("a ") + (png ? "PNG" : "PFM") +
                            " stores RGB(A), so --order bgra would swap red and blue in it",
                        "use --order bgra with -o OUT.rgba or OUT.raw"};
    return false;
  }
  return true;
}

}  // namespace

const char* Extension(OutputKind kind) {
  switch (kind) {
    case OutputKind::kPfm:
      return "pfm";
    case OutputKind::kRaw:
      return "rgba";
    default:
      return "png";
  }
}

bool ResolveOutputKind(const CommandLine& cl, const std::string& path, bool name_has_extension,
                       OutputKind* kind, UsageError* error) {
  switch (cl.output_kind) {
    case OutputKindArg::kPng:
      *kind = OutputKind::kPng;
      break;
    case OutputKindArg::kPfm:
      *kind = OutputKind::kPfm;
      break;
    case OutputKindArg::kRaw:
      *kind = OutputKind::kRaw;
      break;
    case OutputKindArg::kFromName:
      if (!name_has_extension) {
        *kind = OutputKind::kPng;
      } else if (!KindFromExtension(path, kind)) {
        *error = UsageError{"cannot tell the output kind from '" + path + "'",
                            "end -o with .png (RGBA PNG), .pfm (float RGB), or .rgba / .raw "
                            "(the raw RGBA8 or RGBA f32 buffer), or give --output-format"};
        return false;
      }
      break;
  }
  if (*kind == OutputKind::kPng && cl.rgba16) *kind = OutputKind::kPng16;
  return CheckOptionsFit(cl, *kind, error);
}

ConvertOptions OptionsFor(OutputKind kind, const ConvertOptions& options) {
  ConvertOptions o = options;
  if (kind == OutputKind::kPfm || kind == OutputKind::kPng16) o.to = OutputType::RGBAF32;
  if (kind == OutputKind::kPng16 && o.output_transfer == OutputTransfer::Default) {
    o.output_transfer = OutputTransfer::Srgb;
  }
  return o;
}

}  // namespace pixconv::cli
