// The fuzz targets in the normal test suite, in every build (with sanitizers in tools/check's
// clang build): every seed through its target with the outcome it is meant to have, the
// input encodings read back what the seed generator wrote, and every input of a past finding
// (tests/fuzz/regressions/TARGET/) replayed. A target aborts on what it finds wrong, which
// fails this test with the target's message.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "convert_case.h"
#include "decode_case.h"
#include "seed_corpus.h"
#include "targets.h"

namespace pixconv::fuzz {
namespace {

using Target = Outcome (*)(const uint8_t*, size_t);

void RunSeeds(const std::vector<Seed>& seeds, Target target) {
  REQUIRE(!seeds.empty());
  size_t accepted = 0;
  for (const Seed& seed : seeds) {
    CAPTURE(seed.name);
    const Outcome outcome = target(seed.bytes.data(), seed.bytes.size());
    accepted += outcome == Outcome::kAccepted;
    if (seed.expect == Seed::Expect::kAccepted) CHECK(outcome == Outcome::kAccepted);
    if (seed.expect == Seed::Expect::kRejected) CHECK(outcome == Outcome::kRejected);
  }
  MESSAGE(accepted << " of " << seeds.size() << " seeds accepted");
}

std::vector<uint8_t> ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), {});
}

// Sorted, so a failure names the same file on every run.
std::vector<std::filesystem::path> Files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().filename() != "README.md") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("decode seeds: valid files decode, broken and oversized ones are refused") {
  RunSeeds(DecodeSeeds(), &FuzzDecode);
}

TEST_CASE("convert seeds: every layout converts, each refusal is refused") {
  RunSeeds(ConvertSeeds(), &FuzzConvert);
}

TEST_CASE("cli_args seeds: the README's command lines parse, malformed ones do not") {
  RunSeeds(CliArgsSeeds(), &FuzzCliArgs);
}

TEST_CASE("png_diff seeds: the fast PNG decoder agrees with libpng on every seed") {
  RunSeeds(PngDiffSeeds(), &FuzzPngDiff);
}

TEST_CASE("the fuzzers' input encodings read back what the seed generator wrote") {
  for (const Seed& seed : ConvertSeeds()) {
    CAPTURE(seed.name);
    CHECK(WriteConvertCase(ParseConvertCase(seed.bytes.data(), seed.bytes.size())) == seed.bytes);
  }
  for (const Seed& seed : DecodeSeeds()) {
    CAPTURE(seed.name);
    CHECK(WriteDecodeCase(ParseDecodeCase(seed.bytes.data(), seed.bytes.size())) == seed.bytes);
  }
}

TEST_CASE("every target takes empty and truncated inputs") {
  const std::vector<Seed> seeds[] = {DecodeSeeds(), ConvertSeeds(), CliArgsSeeds()};
  const Target targets[] = {&FuzzDecode, &FuzzConvert, &FuzzCliArgs};
  for (int t = 0; t < 3; ++t) {
    targets[t](nullptr, 0);
    // Every prefix of one seed: each field of the encoding cut short in turn.
    const std::vector<uint8_t>& bytes = seeds[t].front().bytes;
    for (size_t n = 1; n < std::min<size_t>(bytes.size(), 64); ++n) targets[t](bytes.data(), n);
  }
}

TEST_CASE("inputs of past findings (tests/fuzz/regressions/) replay without a finding") {
  const std::filesystem::path root = PIXCONV_FUZZ_REGRESSIONS;
  REQUIRE(std::filesystem::is_directory(root));
  const std::pair<const char*, Target> dirs[] = {
      {"decode", &FuzzDecode}, {"convert", &FuzzConvert}, {"cli_args", &FuzzCliArgs},
      {"png_diff", &FuzzPngDiff}};
  size_t replayed = 0;
  for (const auto& [name, target] : dirs) {
    for (const std::filesystem::path& file : Files(root / name)) {
      const std::string input = file.string();
      CAPTURE(input);
      const std::vector<uint8_t> bytes = ReadAll(file);
      target(bytes.data(), bytes.size());
      ++replayed;
    }
  }
  MESSAGE(replayed << " regression inputs replayed");
}

}  // namespace
}  // namespace pixconv::fuzz
