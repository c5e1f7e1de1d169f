#!/usr/bin/env bash
# Batch-conversion speed-up of `pixconv convert --jobs N`: converts COUNT (default
# 200) 1920x1080 JPEGs to PNGs in one directory with --jobs 1 and --jobs JOBS (default 2),
# REPS (default 3) times each, alternating, and prints every time, the medians and the ratio.
# Not part of `meson test`: it takes minutes and its figure depends on the machine's load.
#
#   bench/cli/batch_bench.sh [PIXCONV]         (default build/tools/pixconv)
#   COUNT=200 JOBS=2 REPS=3 FORMAT=png bench/cli/batch_bench.sh
#
# The JPEGs are made once per run from a synthetic frame (smooth gradients plus texture, so
# they compress like photographs, ~0.3-0.5 MB each) with python3 and cjpeg
# (apt-get install libjpeg-turbo-progs). Everything is written under a temporary directory in
# $TMPDIR (or /tmp) that is removed at the end.
set -euo pipefail

PIXCONV=${1:-build/tools/pixconv}
COUNT=${COUNT:-200}
JOBS=${JOBS:-2}
REPS=${REPS:-3}
FORMAT=${FORMAT:-png}
[ -x "$PIXCONV" ] || { echo "no pixconv binary at $PIXCONV (build it: ninja -C build)" >&2; exit 2; }
command -v cjpeg > /dev/null || { echo "needs cjpeg: apt-get install libjpeg-turbo-progs" >&2; exit 2; }
command -v python3 > /dev/null || { echo "needs python3 to draw the test frame" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/pixconv-batch-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

# One 1920x1080 frame as a binary PPM: gradients and a texture of sines, deterministic.
python3 - "$work/frame.ppm" <<'PY'
import math, sys
w, h = 1920, 1080
rows = []
for y in range(h):
    row = bytearray(3 * w)
    sy = math.sin(y * 0.05)
    for x in range(w):
        t = 32 * math.sin(x * 0.031 + sy * 3)
        row[3 * x] = int(255 * x / w * 0.8 + t + 20) & 0xFF
        row[3 * x + 1] = int(255 * y / h * 0.8 + t + 20) & 0xFF
        row[3 * x + 2] = int(128 + t * 2 + 40 * sy) & 0xFF
    rows.append(bytes(row))
with open(sys.argv[1], "wb") as f:
    f.write(b"P6\n%d %d\n255\n" % (w, h))
    f.write(b"".join(rows))
PY
cjpeg -quality 90 -outfile "$work/frame.jpg" "$work/frame.ppm"
mkdir "$work/in"
for i in $(seq -w 1 "$COUNT"); do cp "$work/frame.jpg" "$work/in/frame$i.jpg"; done
echo "inputs: $COUNT JPEGs of 1920x1080, $(stat -c %s "$work/frame.jpg") bytes each; output .$FORMAT"
echo "cores: $(nproc); load before: $(uptime | sed 's/.*load average: //')"

run() {  # run JOBS -> prints the seconds
  rm -rf "$work/out"
  local start end
  start=$(date +%s.%N)
  "$PIXCONV" convert "$work"/in/*.jpg -o "$work/out/" --output-format "$FORMAT" --jobs "$1" --quiet
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

t1=() tn=()
for r in $(seq 1 "$REPS"); do  # alternate, so a change in load hits both alike
  t1+=("$(run 1)")
  tn+=("$(run "$JOBS")")
  printf 'rep %d: --jobs 1 %.2f s, --jobs %d %.2f s\n' "$r" "${t1[-1]}" "$JOBS" "${tn[-1]}"
done
m1=$(median "${t1[@]}")
mn=$(median "${tn[@]}")
printf 'median: --jobs 1 %.2f s (%.1f files/s), --jobs %d %.2f s (%.1f files/s)\n' \
  "$m1" "$(echo "$COUNT / $m1" | bc -l)" "$JOBS" "$mn" "$(echo "$COUNT / $mn" | bc -l)"
printf 'speed-up --jobs %d / --jobs 1: %.2fx\n' "$JOBS" "$(echo "$m1 / $mn" | bc -l)"
echo "load after: $(uptime | sed 's/.*load average: //')"
