#include "output_kind.h"

#include "text.h"

namespace pixconv::cli {
namespace {

bool KindFromExtension(const std::string& path, OutputKind* kind) {
  const size_t dot = path.rfind('.');
  const size_t slash = path.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return false;
  const std::string ext = Lower(path.substr(dot + 1));
  if (ext == "png") {
    *kind = OutputKind::kPng;
  } else if (ext == "pfm") {
    *kind = OutputKind::kPfm;
  } else if (ext == "rgba" || ext == "raw") {
    *kind = OutputKind::kRaw;
  } else if (ext == "jpg" || ext == "jpeg" || ext == "jpe") {
    *kind = OutputKind::kJpeg;
  } else {
    return false;
  }
  return true;
}

const char* KindName(OutputKind kind) {
  switch (kind) {
    case OutputKind::kPng:
    case OutputKind::kPng16:
      return "PNG";
    case OutputKind::kPfm:
      return "PFM";
    case OutputKind::kRaw:
      return "raw";
    case OutputKind::kJpeg:
      return "JPEG";
  }
  return "";
}

bool CheckOptionsFit(const CommandLine& cl, OutputKind kind, UsageError* error) {
  const bool png = kind == OutputKind::kPng || kind == OutputKind::kPng16;
  if (kind == OutputKind::kJpeg && cl.options.to != OutputType::RGBA8) {
    *error = UsageError{"a JPEG holds 8-bit samples, so --to " +
                            std::string(cl.rgba16 ? "rgba16" : "rgbaf32") +
                            " cannot be written as JPEG",
                        "use --to rgba8 (the default) for JPEG, or write .png / .pfm / .rgba"};
    return false;
  }
  if (kind == OutputKind::kJpeg && cl.options.order == ChannelOrder::BGRA) {
    *error = UsageError{"a JPEG stores RGB, so --order bgra would swap red and blue in it",
                        "use --order bgra with -o OUT.rgba or OUT.raw"};
    return false;
  }
  if (png && cl.options.premultiply) {
    *error = UsageError{"a PNG stores straight (not premultiplied) alpha, so --premultiply "
                        "cannot be written as .png",
                        "use --premultiply with -o OUT.rgba or OUT.raw"};
    return false;
  }
  const bool floats = kind == OutputKind::kPfm ||
                      (kind == OutputKind::kRaw && cl.options.to == OutputType::RGBAF32);
  if (!cl.options.clamp && !floats) {
    *error = UsageError{"--no-clamp keeps values outside [0, 1], which only float output holds, "
                        "and this output is " + std::string(KindName(kind)) +
                            (kind == OutputKind::kRaw ? " RGBA8" : ""),
                        "write -o OUT.pfm, or add --to rgbaf32 for a raw .rgba buffer"};
    return false;
  }
  if (!cl.options.clamp && (cl.options.colormap != Colormap::None || cl.options.segmentation)) {
    *error = UsageError{std::string("--no-clamp does not apply to ") +
                            (cl.options.segmentation ? "--segmentation" : "--colormap") +
                            ": its colors always lie in [0, 1]",
                        "drop --no-clamp"};
    return false;
  }
  if (cl.Given("--quality") && kind != OutputKind::kJpeg) {
    *error = UsageError{"--quality applies to JPEG output only, and this output is " +
                            std::string(KindName(kind)),
                        "drop --quality, or write -o OUT.jpg"};
    return false;
  }
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
    case OutputKind::kJpeg:
      return "jpg";
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
    case OutputKindArg::kJpeg:
      *kind = OutputKind::kJpeg;
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
  OutputKind named;
  if (cl.output_kind != OutputKindArg::kFromName && name_has_extension &&
      KindFromExtension(path, &named) && KindName(named) != std::string(KindName(*kind))) {
    *error = UsageError{"--output-format asks for " + std::string(KindName(*kind)) + ", but -o " +
                            path + " names a " + KindName(named) + " file",
                        "drop --output-format, or give -o a name that matches it"};
    return false;
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
