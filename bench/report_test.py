#!/usr/bin/python3
"""Tests bench/report.py and bench/protocol on the fixtures in bench/testdata/: two runs in
Google Benchmark's JSON format (report_dispatched.json on AVX3_DL, report_avx2.json pinned to
AVX2) with hand-picked times, so every ratio below is known; and a stand-in convert_bench that
answers --pixconv_list_targets and writes those fixtures, so the protocol runs without a real
benchmark or the peers. Exits 77 (skipped) without matplotlib.

    /usr/bin/python3 bench/report_test.py
"""
import json
import os
import shlex
import stat
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "testdata")
DISPATCHED = os.path.join(DATA, "report_dispatched.json")
PINNED = os.path.join(DATA, "report_avx2.json")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr)
    check(result.returncode == 0, f"{shlex.join(command)} exited with {result.returncode}")
    return result.stdout


def table_rows(text):
    """(row, size, target) -> the Markdown table's cells."""
    rows = {}
    for line in text.splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows[(cells[0].strip("`"), cells[1], cells[2])] = cells
    return rows


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


HD, UHD = "1920x1080", "3840x2160"
# (row, size, target): pixconv min, median, fastest peer, its min, ratio min, ratio median,
# memcpy min, % of bound. Bound: memcpy's 8 (RGBA8) or 32 (RGBAF32) bytes per pixel in its
# minimum; a row moves I+O bytes per pixel, 2I+O with range:auto.
EXPECTED = {
    # OpenCV is the fastest peer by minimum (2.5 ms, libyuv 3.0), though not by median (4.0,
    # libyuv 3.3): the median ratio is OpenCV's median over pixconv's, 4.0 / 2.2.
    ("yuv/NV12->RGBA8", HD, "AVX3_DL"):
        ["2.000", "2.200", "`opencv/cvtColor_YUV2RGBA_NV12`", "2.500", "1.25", "1.82", "1.000",
         "34%"],  # 5.5 / 8 * 1.0 ms over 2.0 ms
    ("yuv/NV12->RGBA8", HD, "AVX2"):
        ["2.400", "2.500", "`libyuv/NV12ToABGR`", "3.000", "1.25", "1.20", "1.000", "29%"],
    ("yuv/NV12->RGBA8", UHD, "AVX3_DL"):
        ["8.000", "8.400", "`libyuv/NV12ToABGR`", "12.00", "1.50", "1.43", "4.000", "34%"],
    # J400ToARGB's label names two counterparts.
    ("color/L_U8->RGBA8/range:datatype", HD, "AVX3_DL"):
        ["0.500", "0.600", "`libyuv/J400ToARGB`", "1.000", "2.00", "1.67", "1.000", "125%"],
    ("yuv/Y8_FullRange->RGBA8", HD, "AVX3_DL"):
        ["0.400", "0.450", "`libyuv/J400ToARGB`", "1.000", "2.50", "2.22", "1.000", "156%"],
    # range:auto: no peer; the scan reads the input once more: bound (2 * 2 + 4) / 8 * 1.0 ms
    # = 1.0 ms over 1.0 ms.
    ("color/L_U16->RGBA8/range:auto", HD, "AVX3_DL"):
        ["1.000", "1.100", "-", "-", "-", "-", "1.000", "100%"],
    # U8 skips the scan: (1 + 4) / 8 * 1.0 ms = 0.625 ms over 0.8 ms.
    ("color/L_U8->RGBA8/range:auto", HD, "AVX3_DL"):
        ["0.800", "0.900", "-", "-", "-", "-", "1.000", "78%"],
    # convertTo pairs with the transfer:none row only.
    ("color/RGBA_U16->RGBAF32/range:datatype/transfer:none", HD, "AVX3_DL"):
        ["3.000", "3.200", "`opencv/convertTo_16UC4->32FC4`", "6.000", "2.00", "1.97", "4.000",
         "100%"],
    ("color/RGBA_U16->RGBAF32/range:datatype", HD, "AVX3_DL"):
        ["3.100", "3.300", "-", "-", "-", "-", "4.000", "97%"],
}


def test_report(tmp):
    out = os.path.join(tmp, "report")
    printed = run([sys.executable, os.path.join(HERE, "report.py"), "-o", out, DISPATCHED,
                   PINNED])
    rows = table_rows(printed)
    for key, cells in EXPECTED.items():
        check(key in rows, f"no table row {key}")
        if key in rows:
            check(rows[key][3:11] == cells, f"{key}: {rows[key][3:11]} != {cells}")
            # No twins in these runs: no compute bound, the memory bound binds.
            check([rows[key][11], rows[key][13], rows[key][14]] == ["-", "memory", cells[-1]],
                  f"{key}: compute bound columns {rows[key][11:]}")
    check(len(rows) == len(EXPECTED), f"{len(rows)} table rows, expected {len(EXPECTED)}: "
                                      f"{sorted(rows)}")
    # Sizes in order, then convert_bench's row order (family_index: the fixture lists its rows
    # backwards, as an interleaved run may), then the runs in the order given.
    keys = list(rows)
    check([k[0] for k in keys if k[2] == "AVX3_DL" and k[1] == HD] ==
          ["color/L_U8->RGBA8/range:datatype", "color/L_U8->RGBA8/range:auto",
           "color/L_U16->RGBA8/range:auto", "color/RGBA_U16->RGBAF32/range:datatype",
           "color/RGBA_U16->RGBAF32/range:datatype/transfer:none", "yuv/NV12->RGBA8",
           "yuv/Y8_FullRange->RGBA8"], f"rows out of convert_bench's order: {keys}")
    check(keys.index(("yuv/NV12->RGBA8", HD, "AVX2")) == keys.index(
        ("yuv/NV12->RGBA8", HD, "AVX3_DL")) + 1, "the AVX2 row follows the dispatched one")
    check(keys[-1] == ("yuv/NV12->RGBA8", UHD, "AVX3_DL"), "4K rows come last")

    with open(os.path.join(out, "report.md")) as f:
        report = f.read()
    check(table_rows(report) == rows, "report.md holds the printed table")
    for text in ("Fixture CPU 9000", "**AVX3_DL**", "**AVX2**", "2026-12-06T18:00:00",
                 "3 repetitions", "skipped: `color/RGB_F16->RGBA8/range:datatype/1920x1080`"):
        check(text in report, f"report.md lacks {text!r}")
    charts = {"peers_AVX3_DL.png", "peers_AVX2.png", "datatypes_AVX3_DL_1920x1080.png"}
    check(set(os.listdir(out)) == charts | {"report.md"}, f"files: {sorted(os.listdir(out))}")
    for chart in charts:
        path = os.path.join(out, chart)
        size = png_size(path) if os.path.exists(path) else None
        check(size is not None and size[0] >= 600 and size[1] >= 300,
              f"{chart}: not a PNG of a readable size ({size})")
        check(f"]({chart})" in report, f"report.md does not show {chart}")

    bare = os.path.join(tmp, "bare")
    run([sys.executable, os.path.join(HERE, "report.py"), "--quiet", "--no-charts", "-o", bare,
         DISPATCHED])
    check(os.listdir(bare) == ["report.md"], f"--no-charts wrote {os.listdir(bare)}")


FAKE_BENCH = """#!/bin/sh
# A stand-in convert_bench: lists targets, or logs its arguments and writes a fixture.
if [ "$1" = --pixconv_list_targets ]; then echo "$FAKE_TARGETS"; exit 0; fi
printf '%s\\n' "$*" >> "$FAKE_LOG"
fixture=$FAKE_DISPATCHED
for arg; do
  case $arg in
    --pixconv_target=AVX2) fixture=$FAKE_PINNED ;;
    --benchmark_out=*) out=${arg#--benchmark_out=} ;;
  esac
done
cp "$fixture" "$out"
"""


def test_protocol(tmp):
    build = os.path.join(tmp, "build")
    os.makedirs(os.path.join(build, "bench"))
    bench = os.path.join(build, "bench", "convert_bench")
    with open(bench, "w") as f:
        f.write(FAKE_BENCH)
    os.chmod(bench, os.stat(bench).st_mode | stat.S_IXUSR)

    for targets, expected_runs in (("AVX3_DL, AVX3, AVX2, SSE4, SSSE3, SCALAR", 2),
                                   ("AVX2, SSE4, SSSE3, SCALAR", 1)):
        out = os.path.join(tmp, f"protocol{expected_runs}")
        log = os.path.join(tmp, f"args{expected_runs}.txt")
        env = dict(os.environ, FAKE_TARGETS=targets, FAKE_LOG=log, FAKE_DISPATCHED=DISPATCHED,
                   FAKE_PINNED=PINNED)
        result = subprocess.run(
            [sys.executable, os.path.join(HERE, "protocol"), "--build", build, "--out", out,
             "--repetitions", "3", "--filter", "^yuv/NV12", "--", "--benchmark_min_time=0.01"],
            capture_output=True, text=True, env=env)
        check(result.returncode == 0, f"protocol exited with {result.returncode}: "
                                      f"{result.stdout}{result.stderr}")
        with open(log) as f:
            calls = [line.split() for line in f]
        check(len(calls) == expected_runs, f"{targets}: {len(calls)} runs, not {expected_runs}")
        for args in calls:
            for flag in ("--benchmark_enable_random_interleaving=true",
                         "--benchmark_repetitions=3", "--benchmark_out_format=json",
                         "--benchmark_filter=^memcpy/out:|(^yuv/NV12)|(^(libyuv|opencv|swscale)/)",
                         "--benchmark_min_time=0.01"):
                check(flag in args, f"{targets}: {flag} missing from {args}")
            check(any(a.startswith("--benchmark_context=cpu_model=") for a in args),
                  f"{targets}: no cpu_model context in {args}")
        check(["--pixconv_target=AVX2" in args for args in calls] ==
              [False, True][:expected_runs], f"{targets}: AVX2 pinned in the wrong runs")
        expected_files = {"convert_dispatched.json", "convert_dispatched.txt", "report.md"}
        if expected_runs == 2:
            expected_files |= {"convert_AVX2.json", "convert_AVX2.txt", "peers_AVX2.png"}
        files = set(os.listdir(out)) if os.path.isdir(out) else set()
        check(expected_files <= files, f"{targets}: {sorted(expected_files - files)} missing")
        rows = table_rows(result.stdout)
        check(("yuv/NV12->RGBA8", HD, "AVX2") in rows or expected_runs == 1,
              f"{targets}: the protocol did not print the AVX2 rows")
        check(rows.get(("yuv/NV12->RGBA8", HD, "AVX3_DL"), [""] * 9)[7:9] == ["1.25", "1.82"],
              f"{targets}: the protocol printed no ratios")


def main():
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        print("matplotlib is not installed (python3-matplotlib): skipped")
        return 77
    for path in (DISPATCHED, PINNED):
        with open(path) as f:
            json.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        test_report(tmp)
        test_protocol(tmp)
    print(f"{len(failures)} failures" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
