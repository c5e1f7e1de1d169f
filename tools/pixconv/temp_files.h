// Temporary output files that must not outlive the process: each is registered while it
// exists, and SIGINT, SIGTERM or SIGHUP removes every registered file before the process dies
// of the signal, so an interrupted batch leaves no truncated NAME.pixconv-tmp-PID behind.
#pragma once

#include <string>

namespace pixconv::cli {

// Installs the signal handlers (once; later calls do nothing).
void InstallTempFileCleanup();

// Registers `path` for removal on a signal. Returns a slot for UnregisterTempFile, or -1 when
// every slot is taken or the path is too long (the file is then only removed normally).
int RegisterTempFile(const std::string& path);
void UnregisterTempFile(int slot);

}  // namespace pixconv::cli
