// libFuzzer entry point of the convert fuzzer; the target itself is FuzzConvert (targets.h).
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pixconv::fuzz::FuzzConvert(data, size);
  return 0;
}
