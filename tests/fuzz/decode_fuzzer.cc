// libFuzzer entry point of the decode fuzzer; the target itself is FuzzDecode (targets.h).
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pixconv::fuzz::FuzzDecode(data, size);
  return 0;
}
