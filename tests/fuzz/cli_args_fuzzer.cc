// libFuzzer entry point of the cli_args fuzzer; the target itself is FuzzCliArgs (targets.h).
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pixconv::fuzz::FuzzCliArgs(data, size);
  return 0;
}
