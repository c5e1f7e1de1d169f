// Batch conversion: the jobs of a plan run on --jobs worker threads, one file per worker at a
// time (each file converts single-threaded, so files scale with cores without oversubscribing),
// with a progress bar, errors as they happen, and a summary.
#pragma once

#include "args.h"
#include "batch_plan.h"

namespace pixconv::cli {

// The number of workers: --jobs, else one per core; never more than there are files.
unsigned WorkerCount(unsigned jobs_option, size_t files);

// Runs every job of `plan` (a failed file does not stop the others) and returns the exit
// status: 0 when all succeeded, else 1, whatever the reason a file failed (one raw file
// without --size is a problem of that file, not of the command line).
int RunBatch(const CommandLine& cl, const BatchPlan& plan, bool show_progress);

}  // namespace pixconv::cli
