// Turns `pixconv convert IN... -o OUT` into conversion jobs: one input to a file or stdout, or
// any number of inputs into a directory (`-o DIR/`, or an existing directory), each written as
// DIR/<input name without extension>.<png|pfm|rgba>.
#pragma once

#include <string>
#include <vector>

#include "args.h"
#include "convert_file.h"

namespace pixconv::cli {

struct BatchPlan {
  std::vector<ConvertJob> jobs;
  std::string directory;  // the output directory in batch mode, else empty
};

// Checks the command line (output kind and options, stdin only alone, no two inputs writing
// the same output) without touching any file but to ask whether -o names a directory.
bool PlanJobs(const CommandLine& cl, BatchPlan* plan, UsageError* error);

}  // namespace pixconv::cli
