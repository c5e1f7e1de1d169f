#include "batch.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "diagnostics.h"
#include "progress.h"

namespace pixconv::cli {

unsigned WorkerCount(unsigned jobs_option, size_t files) {
  unsigned n = jobs_option != 0 ? jobs_option : std::max(1u, std::thread::hardware_concurrency());
  if (files < n) n = static_cast<unsigned>(std::max<size_t>(files, 1));
  return n;
}

int RunBatch(const CommandLine& cl, const BatchPlan& plan, bool show_progress) {
  const size_t total = plan.jobs.size();
  const unsigned workers = WorkerCount(cl.jobs, total);
  Progress progress(total, show_progress);
  std::atomic<size_t> next{0};
  std::atomic<size_t> failed{0};

  auto work = [&] {
    for (size_t i = next++; i < total; i = next++) {
      const ConvertJob& job = plan.jobs[i];
      ConvertReport report;
      UsageError usage;
      const Status status = ConvertFile(cl, job, &report, &usage);
      if (!usage.message.empty()) {
        ++failed;
        progress.Print("pixconv: usage error: " + job.input + ": " + usage.message +
                       "\nhint: " + usage.hint);
      } else if (!status.ok()) {
        ++failed;
        progress.Print("pixconv: error: " + status.message());
      } else if (!report.details.empty()) {
        std::fputs((report.details + "\n").c_str(), stdout);  // one call: lines stay together
      }
      progress.Advance();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < workers; ++t) threads.emplace_back(work);
  work();  // the main thread is a worker too
  for (std::thread& t : threads) t.join();
  progress.Finish();

  const size_t bad = failed.load();
  if (show_progress) {
    char summary[256];
    std::snprintf(summary, sizeof(summary), "converted %zu of %zu files to %s in %.2f s (%u jobs)",
                  total - bad, total, plan.directory.c_str(), progress.Seconds(), workers);
    std::fprintf(stderr, "%s\n", summary);
  }
  if (bad == 0) return kExitOk;
  ReportError(std::to_string(bad) + " of " + std::to_string(total) +
              " files failed; the others were converted");
  return kExitError;
}

}  // namespace pixconv::cli
