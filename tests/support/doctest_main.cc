// doctest's main, shared by every test executable. Prints the SIMD targets the suite runs on,
// so a log shows what was covered.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "support/targets.h"

int main(int argc, char** argv) {
  std::printf("pixconv tests: SIMD targets compiled and supported here: %s\n",
              pixconv::test::TargetList().c_str());
  doctest::Context context(argc, argv);
  return context.run();
}
