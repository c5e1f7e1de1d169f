// The help texts of `pixconv --help`, `pixconv convert --help` and `pixconv info --help`.
#pragma once

#include <string>

#include "args.h"

namespace pixconv::cli {

// The help for a topic (Command::kHelp = the overview).
std::string HelpText(Command topic);

// "pixconv 0.2.0" plus the SIMD targets of this build and CPU.
std::string VersionText();

}  // namespace pixconv::cli
