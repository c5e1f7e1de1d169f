#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time: writes the seed corpora, then fuzzes from the
# seeds and the corpus of earlier runs, adding new inputs to that corpus. Exits non-zero on a
# finding (crash, sanitizer report, PIXCONV_FUZZ_CHECK, timeout or out-of-memory); the input
# is saved under WORK/NAME/crashes/.
#
#   run.sh NAME FUZZER FUZZ_SEEDS WORK SECONDS [libFuzzer flags...]
#
# NAME is decode, convert, cli_args or png_diff; FUZZER and FUZZ_SEEDS are the built programs
# (build-asan/tests/fuzz/NAME_fuzzer, build-asan/tests/fuzz/fuzz_seeds).
set -euo pipefail

if [ "$#" -lt 5 ]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
name=$1 fuzzer=$2 seeds_program=$3 work=$4 seconds=$5
shift 5

mkdir -p "$work/seeds" "$work/$name/corpus" "$work/$name/crashes"
"$seeds_program" "$work/seeds" >/dev/null

flags=(
  -max_total_time="$seconds"
  -timeout=30          # seconds for one input: a hang is a finding too
  -rss_limit_mb=2560   # above the targets' own caps (a few MiB per buffer): a leak or bomb
  -max_len=262144      # the largest seed is ~32 KB; room to grow, none to waste time in
  -print_final_stats=1
  -error_exitcode=1    # libFuzzer's default, 77, is what meson test counts as a skip
  -timeout_exitcode=1
  -artifact_prefix="$work/$name/crashes/"
)
# The CLI's raw-input code warns on stderr about files longer than the format needs, on
# nearly every input. libFuzzer keeps its own and the sanitizers' reports on a copy of stderr.
if [ "$name" = cli_args ]; then flags+=(-close_fd_mask=2); fi

exec "$fuzzer" "${flags[@]}" "$@" "$work/$name/corpus" "$work/seeds/$name"
