// Options that do not apply to one input (a YUV option for an RGB image, --range for YUV) are
// never silently ignored: a warning names them, since in a batch they may be meant for the
// other inputs. (Options that contradict an input are usage errors where they are found, e.g.
// --stride with more values than planes in raw_input.h.)
#pragma once

#include <string>

#include "args.h"
#include "input.h"

namespace pixconv::cli {

// Call after ViewInput; warns on stderr.
void WarnAboutOptionsNotApplying(const CommandLine& cl, const std::string& path,
                                 const InputImage& input);

}  // namespace pixconv::cli
