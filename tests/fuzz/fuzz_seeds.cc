// Writes the seed corpora (seed_corpus.h) as files: DIR/decode/, DIR/convert/, DIR/cli_args/,
// DIR/png_diff/, one file per seed, for a libFuzzer run (tests/fuzz/run.sh). Usage: fuzz_seeds DIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <vector>

#include "seed_corpus.h"

namespace {

bool WriteAll(const std::filesystem::path& dir, const std::vector<pixconv::fuzz::Seed>& seeds) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::fprintf(stderr, "fuzz_seeds: cannot create %s: %s\n", dir.c_str(), ec.message().c_str());
    return false;
  }
  for (const pixconv::fuzz::Seed& seed : seeds) {
    std::ofstream out(dir / seed.name, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(seed.bytes.data()),
              static_cast<std::streamsize>(seed.bytes.size()));
    if (!out) {
      std::fprintf(stderr, "fuzz_seeds: cannot write %s\n", (dir / seed.name).c_str());
      return false;
    }
  }
  std::printf("fuzz_seeds: %zu seeds in %s\n", seeds.size(), dir.c_str());
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds DIR\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  const bool ok = WriteAll(dir / "decode", pixconv::fuzz::DecodeSeeds()) &&
                  WriteAll(dir / "convert", pixconv::fuzz::ConvertSeeds()) &&
                  WriteAll(dir / "cli_args", pixconv::fuzz::CliArgsSeeds()) &&
                  WriteAll(dir / "png_diff", pixconv::fuzz::PngDiffSeeds());
  return ok ? 0 : 1;
}
