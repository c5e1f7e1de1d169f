// doctest's main, shared by every test executable. Prints the SIMD targets the suite runs on,
// so a log shows what was covered.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "support/targets.h"

int main(int argc, char** argv) {
  const std::string targets = pixconv::test::TargetList();
  std::printf("pixconv tests: SIMD targets compiled and supported here: %s%s\n",
              targets.empty() ? "none" : targets.c_str(),
              pixconv::test::Emulated() ? " (emulated: the heaviest sweeps are sampled)" : "");
  if (targets.empty()) {
    const char* only = std::getenv("PIXCONV_TEST_TARGETS");
    std::fprintf(stderr, "pixconv tests: no SIMD target left to run (PIXCONV_TEST_TARGETS=%s)\n",
                 only != nullptr ? only : "");
    return 1;
  }
  doctest::Context context(argc, argv);
  return context.run();
}
