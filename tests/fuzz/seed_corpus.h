// The seed corpora of the three fuzzers, built from the shared test data and small generated
// inputs (nothing downloaded, nothing committed): fuzz_seeds writes them to a directory for a
// fuzzer run, and replay_test runs each one through its target in the normal test suite.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "targets.h"

namespace pixconv::fuzz {

struct Seed {
  std::string name;  // a file name: letters, digits, '-', '_' and '.'
  std::vector<uint8_t> bytes;
  // What the target must say (a seed corpus that misses the code behind the checks fuzzes
  // only the checks); kAny where it depends on the build (e.g. which SIMD targets exist).
  enum class Expect { kAccepted, kRejected, kAny };
  Expect expect = Expect::kAny;
};

// PngSuite and libjpeg-turbo's files from the shared test data, plus JPEGs encoded here in
// the variants the corpora lack (progressive, grayscale, CMYK, arithmetic, restarts) and a
// few header-only bombs, each behind a decode header (decode_case.h).
std::vector<Seed> DecodeSeeds();
// Every layout of the model with a spread of sources, options, destinations and entry
// points, and a few inputs that must be refused.
std::vector<Seed> ConvertSeeds();
// The command lines of the README and pixconv --help, and a few malformed ones.
std::vector<Seed> CliArgsSeeds();
// PngSuite and encoded PNGs of every color type and depth, as plain files (png_diff_seeds.cc).
std::vector<Seed> PngDiffSeeds();

}  // namespace pixconv::fuzz
