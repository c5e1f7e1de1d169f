#include "finding.h"

#include <cstdio>
#include <cstdlib>

namespace pixconv::fuzz {

void Finding(const char* file, int line, const char* what) {
  std::fprintf(stderr, "pixconv fuzz finding at %s:%d: expected %s\n", file, line, what);
  std::fflush(stderr);
  std::abort();
}

}  // namespace pixconv::fuzz
