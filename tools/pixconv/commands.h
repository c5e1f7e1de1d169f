// The subcommands. Each returns the process exit status and has reported any problem.
#pragma once

#include "args.h"

namespace pixconv::cli {

int RunConvert(const CommandLine& cl);
int RunInfo(const CommandLine& cl);
int RunFormats(const CommandLine& cl);
int RunBench(const CommandLine& cl);

}  // namespace pixconv::cli
