#include "batch_plan.h"

#include <filesystem>
#include <map>
#include <system_error>

#include "file_io.h"

namespace pixconv::cli {
namespace {

// `-o DIR/` always means a directory, and so does an existing directory without the slash,
// with one input or many (as cp and mv read it).
bool IsDirectoryOutput(const std::string& output) {
  if (output == kStdio) return false;
  if (output.ends_with('/')) return true;
  std::error_code ec;
  return std::filesystem::is_directory(output, ec);
}

}  // namespace

bool PlanJobs(const CommandLine& cl, BatchPlan* plan, UsageError* error) {
  const size_t n = cl.inputs.size();
  const bool to_directory = IsDirectoryOutput(cl.output);
  if (n > 1 && !to_directory) {
    *error = UsageError{
        std::to_string(n) + " inputs need an output directory, but -o " + cl.output +
            (cl.output == kStdio ? " is stdout" : " is a file name"),
        "end -o with a slash to write one file per input there, e.g. -o out/ (it is created "
        "if missing)"};
    return false;
  }
  OutputKind kind;
  const bool named = !to_directory && cl.output != kStdio;
  if (!ResolveOutputKind(cl, cl.output, named, &kind, error)) return false;

  plan->jobs.clear();
  plan->directory.clear();
  if (!to_directory) {
    plan->jobs.push_back(ConvertJob{cl.inputs[0], cl.output, kind});
    return true;
  }
  plan->directory = cl.output;
  std::map<std::string, std::string> writer_of;  // output -> the input that writes it
  for (const std::string& input : cl.inputs) {
    if (input == kStdio) {
      *error = UsageError{"stdin (-) has no name to give its output in " + cl.output,
                          "convert stdin alone: pixconv convert - [options] -o OUT.png"};
      return false;
    }
    const std::filesystem::path name = std::filesystem::path(input).stem();
    const std::string output =
        (std::filesystem::path(cl.output) / name).string() + "." + Extension(kind);
    const auto [it, inserted] = writer_of.emplace(output, input);
    if (!inserted) {
      *error = UsageError{it->second + " and " + input + " would both write " + output,
                          "convert one of them in a separate run, or rename it"};
      return false;
    }
    plan->jobs.push_back(ConvertJob{input, output, kind});
  }
  return true;
}

}  // namespace pixconv::cli
