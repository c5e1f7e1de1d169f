// pixconv: the command-line front end of the library. Usage: pixconv --help.
#include <cstdio>

#include "args.h"
#include "commands.h"
#include "diagnostics.h"
#include "usage.h"

namespace cli = pixconv::cli;

int main(int argc, char** argv) {
  cli::CommandLine cl;
  cli::UsageError usage;
  if (!cli::ParseCommandLine(argc, argv, &cl, &usage)) return cli::ReportUsageError(usage);
  switch (cl.command) {
    case cli::Command::kHelp:
      std::fputs(cli::HelpText(cl.help_topic).c_str(), stdout);
      return cli::kExitOk;
    case cli::Command::kVersion:
      std::fputs(cli::VersionText().c_str(), stdout);
      return cli::kExitOk;
    case cli::Command::kConvert:
      return cli::RunConvert(cl);
    case cli::Command::kInfo:
      return cli::RunInfo(cl);
    case cli::Command::kFormats:
      return cli::RunFormats(cl);
    case cli::Command::kBench:
      return cli::RunBench(cl);
  }
  return cli::kExitError;
}
