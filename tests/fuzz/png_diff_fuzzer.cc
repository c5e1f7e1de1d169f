// libFuzzer entry point of the differential PNG fuzzer; the target is FuzzPngDiff (targets.h).
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pixconv::fuzz::FuzzPngDiff(data, size);
  return 0;
}
