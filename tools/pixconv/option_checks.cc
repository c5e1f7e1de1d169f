#include "option_checks.h"

#include "diagnostics.h"
#include "file_io.h"

namespace pixconv::cli {
namespace {

std::string Given(const CommandLine& cl, std::initializer_list<const char*> options) {
  std::string list;
  for (const char* o : options) {
    if (cl.Given(o)) list += (list.empty() ? "" : ", ") + std::string(o);
  }
  return list;
}

}  // namespace

void WarnAboutOptionsNotApplying(const CommandLine& cl, const std::string& path,
                                 const InputImage& input) {
  const ImageFormat& f = input.view.format;
  const std::string name = (path == kStdio ? std::string("stdin") : path) + " (" +
                           Describe(f) + ", " + InputKind(input) + ")";
  if (!f.pixel_format) {
    const std::string yuv = Given(cl, {"--matrix", "--yuv-range", "--chroma"});
    if (!yuv.empty()) {
      Warn(name + " is not YUV, so " + yuv + (yuv.find(',') == std::string::npos ? " is" : " are") +
           " ignored for it (they apply to --pixel-format input)");
    }
  } else if (cl.Given("--range")) {
    Warn(name + " is YUV, so --range is ignored for it (it maps the samples of color-model "
                "input)");
  }
}

}  // namespace pixconv::cli
