// What the fuzz targets do when an input breaks a promise of the API that no sanitizer can
// see (an OK conversion that wrote outside its rows, two calls documented to agree that do
// not): print what was expected and abort, so libFuzzer saves the input as a crash and a
// replayed regression fails its test.
#pragma once

namespace pixconv::fuzz {

[[noreturn]] void Finding(const char* file, int line, const char* what);

}  // namespace pixconv::fuzz

#define PIXCONV_FUZZ_CHECK(condition)                                          \
  do {                                                                         \
    if (!(condition)) ::pixconv::fuzz::Finding(__FILE__, __LINE__, #condition); \
  } while (0)
