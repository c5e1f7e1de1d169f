// pixconv convert: plan the jobs, refuse what cannot work before touching any file, then run
// one conversion, or a batch on worker threads.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>

#include <vector>

#include "batch.h"
#include "batch_plan.h"
#include "class_colors_file.h"
#include "commands.h"
#include "convert_file.h"
#include "diagnostics.h"
#include "file_io.h"
#include "target_select.h"

namespace pixconv::cli {
namespace {

// Progress and "what was done" lines: for people at a terminal, or asked for with --progress.
bool ShowStatus(const CommandLine& cl) {
  return !cl.quiet && (cl.progress || isatty(STDERR_FILENO) == 1);
}

int RunOne(const CommandLine& cl, const ConvertJob& job) {
  ConvertReport report;
  UsageError usage;
  const Status status = ConvertFile(cl, job, &report, &usage);
  if (!usage.message.empty()) return ReportUsageError(usage);
  if (!status.ok()) return ReportError(status);
  // The details go to stdout, unless the image does.
  if (!report.details.empty()) {
    std::fputs(report.details.c_str(), job.output == kStdio ? stderr : stdout);
  }
  if (ShowStatus(cl)) std::fprintf(stderr, "%s\n", report.line.c_str());
  return kExitOk;
}

// --skip-existing: drops the jobs whose output exists (a stream such as /dev/null is always
// written). Returns how many were dropped.
size_t SkipExisting(BatchPlan* plan) {
  const size_t before = plan->jobs.size();
  std::erase_if(plan->jobs, [](const ConvertJob& job) {
    return !IsStreamOutput(job.output) && OutputExists(job.output);
  });
  return before - plan->jobs.size();
}

}  // namespace

int RunConvert(const CommandLine& command_line) {
  CommandLine cl = command_line;
  BatchPlan plan;
  UsageError usage;
  if (!PlanJobs(cl, &plan, &usage)) return ReportUsageError(usage);
  if (cl.output == kStdio && isatty(STDOUT_FILENO) == 1) {
    return ReportUsageError(UsageError{"refusing to write image data to a terminal",
                                       "redirect stdout (> out.png) or pipe it (| ...)"});
  }
  if (!cl.target.empty() && !SelectTarget(cl.target, &usage)) return ReportUsageError(usage);
  if (cl.skip_existing) {
    const size_t skipped = SkipExisting(&plan);
    if (skipped > 0 && !cl.quiet) {
      std::fprintf(stderr, "pixconv: skipped %zu of %zu files whose output exists "
                   "(--skip-existing)\n", skipped, skipped + plan.jobs.size());
    }
    if (plan.jobs.empty()) return kExitOk;
  }
  // Every refusal to overwrite comes before any work, so a batch never stops half-way for it.
  for (const ConvertJob& job : plan.jobs) {
    const Status status = CheckOutputPath(job.output, cl.force);
    if (!status.ok()) return ReportError(status);
  }
  // The --class-colors table is read once and shared by every job (Converter::Create copies
  // it, so it only has to outlive the conversions below).
  std::vector<uint8_t> class_colors;
  if (!cl.class_colors_file.empty()) {
    const Status status = ReadClassColors(cl.class_colors_file, &class_colors);
    if (!status.ok()) return ReportError(status);
    cl.options.class_colors = {class_colors.data(), class_colors.size() / 4};
  }
  if (plan.directory.empty()) return RunOne(cl, plan.jobs[0]);

  std::error_code ec;
  std::filesystem::create_directories(plan.directory, ec);
  if (ec)
    return ReportError("cannot create the output directory " + plan.directory + ": " +
                       ec.message());
  return RunBatch(cl, plan, ShowStatus(cl));
}

}  // namespace pixconv::cli
