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
    ("color/L_U16->RGBA8/range:auto", HD, "AVX3"):
        ["1.000", "1.100", "-", "-", "-", "-", "1.000", "100%"],
    # U8 skips the scan: (1 + 4) / 8 * 1.0 ms = 0.625 ms over 0.8 ms.
    ("color/L_U8->RGBA8/range:auto", HD, "AVX3_DL"):
        ["0.800", "0.900", "-", "-", "-", "-", "1.000", "78%"],
    # convertTo pairs with the transfer:none row only.
    ("color/RGBA_U16->RGBAF32/range:datatype/transfer:none", HD, "AVX3"):
        ["3.000", "3.200", "`opencv/convertTo_16UC4->32FC4`", "6.000", "2.00", "1.97", "4.000",
         "100%"],
    ("color/RGBA_U16->RGBAF32/range:datatype", HD, "AVX3"):
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
    # The stores column: the 4K NV12 row streamed; the 1080p RGBAF32 row's first repetition ran
    # during the trials, the next two with ordinary stores; no counter, no stores.
    stores = {key: cells[15] for key, cells in rows.items()}
    check(stores[("yuv/NV12->RGBA8", UHD, "AVX3_DL")] == "streamed", f"stores {stores}")
    check(stores[("color/RGBA_U16->RGBAF32/range:datatype", HD, "AVX3")] ==
          "trials then cached", f"stores {stores}")
    check(sum(v == "-" for v in stores.values()) == len(stores) - 2, f"stores {stores}")
    check(len(rows) == len(EXPECTED), f"{len(rows)} table rows, expected {len(EXPECTED)}: "
                                      f"{sorted(rows)}")
    # Sizes in order, then convert_bench's row order (family_index: the fixture lists its rows
    # backwards, as an interleaved run may), then the runs in the order given.
    keys = list(rows)
    check([k[0] for k in keys if k[2] != "AVX2" and k[1] == HD] ==
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
    # The Target column is each row's own (its label); the run's line counts them.
    check(("color/RGBA_U16->RGBAF32/range:datatype", HD, "AVX3") in rows and
          ("yuv/NV12->RGBA8", HD, "AVX3_DL") in rows, f"rows' targets: {sorted(rows)}")
    for text in ("Fixture CPU 9000", "**AVX3_DL**", "**AVX2**", "2026-12-06T18:00:00",
                 "rows by the target their kernels ran (the table's Target column): AVX3 3, "
                 "AVX3_DL 5",
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


# A run with twins at the compute size 192x108 (a 100th of 1920x1080's pixels, a 400th of
# 3840x2160's): row -> (minimum ms, input bytes per pixel, output bytes per pixel). memcpy of
# RGBAF32 moves 32 bytes per pixel: 4 ms at 1080p is 0.125 ms per byte of a pixel, 16 ms at 4K
# 0.5 ms.
SMALL = "192x108"
COMPUTE_RUN = {
    f"memcpy/out:RGBAF32/{HD}": (4.0, 16, 16),
    f"memcpy/out:RGBAF32/{UHD}": (16.0, 16, 16),
    f"color/RGBA_U16->RGBAF32/range:datatype/{HD}": (5.5, 8, 16),
    f"color/RGBA_U16->RGBAF32/range:datatype/{SMALL}": (0.05, 8, 16),
    f"color/RGBA_U16->RGBAF32/range:auto/{HD}": (7.5, 8, 16),
    f"color/RGBA_U16->RGBAF32/range:auto/{SMALL}": (0.055, 8, 16),
    f"color/L_F32->RGBAF32/range:datatype/{HD}": (3.9, 4, 16),
    f"color/L_F32->RGBAF32/range:datatype/{UHD}": (14.5, 4, 16),
    f"color/L_F32->RGBAF32/range:datatype/{SMALL}": (0.01, 4, 16),
    f"color/L_F32->RGBAF32/range:auto/{HD}": (3.2, 4, 16),
    f"color/L_U16->RGBAF32/range:datatype/{SMALL}": (0.01, 2, 16),
    f"color/L_U16->RGBAF32/range:auto/{HD}": (3.5, 2, 16),
    f"color/L_U16->RGBAF32/range:auto/{SMALL}": (0.02, 2, 16),
    f"color/RGB_U16->RGBAF32/range:auto/{HD}": (3.6, 6, 16),
    f"color/RGB_U16->RGBAF32/range:auto/{SMALL}": (0.05, 6, 16),
    f"color/RGBA_U16->RGBAF32/range:datatype/transfer:none/{HD}": (10.0, 8, 16),
    f"color/RGBA_F32->RGBAF32/range:datatype/{HD}": (5.0, 16, 16),
    f"color/RGBA_F32->RGBAF32/range:datatype/{SMALL}": (0.06, 16, 16),
}
# (row, size): pixconv min, memcpy ms, % of memory bound, compute bound ms, bound ms, binds,
# % of bound.
COMPUTE_EXPECTED = {
    # Compute bound: memory (8 + 16) * 0.125 = 3 ms, compute 0.05 * 100 = 5 ms, over 5.5 ms.
    ("color/RGBA_U16->RGBAF32/range:datatype", HD):
        ["5.500", "4.000", "55%", "5.000", "5.000", "compute", "91%"],
    # Memory bound: memory (4 + 16) * 0.125 = 2.5 ms, compute 0.01 * 100 = 1 ms, over 3.9 ms.
    ("color/L_F32->RGBAF32/range:datatype", HD):
        ["3.900", "4.000", "64%", "1.000", "2.500", "memory", "64%"],
    # At 4K: memory 20 * 0.5 = 10 ms, compute 0.01 * 400 = 4 ms, over 14.5 ms.
    ("color/L_F32->RGBAF32/range:datatype", UHD):
        ["14.50", "16.00", "69%", "4.000", "10.00", "memory", "69%"],
    # Both twins: convert = max(memory (8 + 16) * 0.125 = 3, datatype twin 0.05 * 100 = 5) = 5,
    # scan = max(memory 8 * 0.125 = 1, (0.055 - 0.05) * 100 = 0.5) = 1: 6 ms over 7.5 ms.
    # The compute bound is the auto twin's 0.055 * 100; the memory bound 2I + O: 32 * 0.125.
    ("color/RGBA_U16->RGBAF32/range:auto", HD):
        ["7.500", "4.000", "53%", "5.500", "6.000", "compute (convert)", "80%"],
    # No auto twin (the datatype twin alone does not do): the memory bound 2I + O,
    # 24 * 0.125 = 3 ms over 3.2 ms.
    ("color/L_F32->RGBAF32/range:auto", HD):
        ["3.200", "4.000", "94%", "-", "3.000", "memory", "94%"],
    # The scan bound by compute: scan = max(2 * 0.125, (0.02 - 0.01) * 100 = 1) = 1, convert =
    # max((2 + 16) * 0.125 = 2.25, 0.01 * 100) = 2.25: 3.25 ms over 3.5 ms.
    ("color/L_U16->RGBAF32/range:auto", HD):
        ["3.500", "4.000", "71%", "2.000", "3.250", "compute (scan)", "93%"],
    # An auto twin without the datatype twin: no compute bound, the memory bound 2I + O,
    # 28 * 0.125 = 3.5 ms over 3.6 ms.
    ("color/RGB_U16->RGBAF32/range:auto", HD):
        ["3.600", "4.000", "97%", "-", "3.500", "memory", "97%"],
    # Faster than its compute bound: memory 32 * 0.125 = 4 ms, compute 0.06 * 100 = 6 ms,
    # over 5 ms.
    ("color/RGBA_F32->RGBAF32/range:datatype", HD):
        ["5.000", "4.000", "80%", "6.000", "6.000", "compute", "120%"],
    # Not among the verdicts (transfer:none): 3 ms over 10 ms.
    ("color/RGBA_U16->RGBAF32/range:datatype/transfer:none", HD):
        ["10.00", "4.000", "30%", "-", "3.000", "memory", "30%"],
}
COMPUTE_VERDICTS = [
    # 55% < 60%, but 91% of the compute bound; 64% >= 60% at 1080p; 69% < 75% at 4K; 80%.
    "- AVX2: 3 of 4 ->RGBAF32 range:datatype rows reach 60% (1920x1080) / 75% (3840x2160) of "
    "memcpy's byte rate or 90% of their compute bound; not: "
    "`color/L_F32->RGBAF32/range:datatype` 3840x2160 (memory 69.0%, compute 27.6%)",
    "- AVX2: 3 of 4 ->RGBAF32 range:auto rows reach 90% of their bound; not: "
    "`color/RGBA_U16->RGBAF32/range:auto` 1920x1080 (80.0% of its bound)",
    # 120% > 105%; the auto rows' 53% (5.5 over 7.5), 57% (2 over 3.5) are below it.
    "- AVX2: faster than their compute bound by more than 5% (their twins measured slow, a "
    "verdict on them is in doubt): `color/RGBA_F32->RGBAF32/range:datatype` 1920x1080 (120%)",
]


def write_run(path, rows, context, labels=None):
    """rows (name -> (minimum ms, input, output bytes per pixel)) as convert_bench JSON on
    AVX2: three repetitions a row, the minimum first, the median 1.05 times it. Rows are
    labelled AVX2 (memcpy's: none) unless labels names them."""
    benchmarks = []
    for family, (name, (ms, read, written)) in enumerate(rows.items()):
        width, height = (int(n) for n in name.rsplit("/", 1)[1].split("x"))
        label = "" if name.startswith(("memcpy/", "noise/")) else "AVX2"
        for index, scale in enumerate((1.0, 1.1, 1.05)):
            seconds = ms * scale / 1e3
            benchmarks.append({
                "name": name, "family_index": family, "run_name": name,
                "run_type": "iteration", "repetitions": 3, "repetition_index": index,
                "threads": 1, "iterations": 10, "real_time": ms * scale * 1e3,
                "cpu_time": ms * scale * 1e3, "time_unit": "us",
                "bytes_per_second": width * height * (read + written) / seconds,
                "items_per_second": width * height / seconds,
                "label": (labels or {}).get(name, label)})
    with open(path, "w") as f:
        json.dump({"context": dict(context, pixconv_target="AVX2", cpu_model="Fixture CPU 9000"),
                   "benchmarks": benchmarks}, f, indent=1)


def write_compute_run(path):
    # One twin labelled with another target: twins are not table rows, so report.md counts no
    # second target.
    write_run(path, COMPUTE_RUN, {"compute_size": SMALL},
              labels={f"color/L_F32->RGBAF32/range:datatype/{SMALL}": "AVX3"})


def test_compute_bounds(tmp):
    path = os.path.join(tmp, "compute.json")
    write_compute_run(path)
    out = os.path.join(tmp, "compute")
    printed = run([sys.executable, os.path.join(HERE, "report.py"), "-o", out, path])
    rows = table_rows(printed)
    check(set(rows) == {(row, size, "AVX2") for row, size in COMPUTE_EXPECTED},
          f"compute run: table rows {sorted(rows)} (no {SMALL} rows, no memcpy rows)")
    for (row, size), cells in COMPUTE_EXPECTED.items():
        got = rows.get((row, size, "AVX2"), [""] * 16)
        check([got[3]] + got[9:15] == cells, f"{row} {size}: {[got[3]] + got[9:15]} != {cells}")
    with open(os.path.join(out, "report.md")) as f:
        report = f.read()
    check(report.rstrip().endswith("\n".join(COMPUTE_VERDICTS)),
          f"report.md does not end with the verdicts: {report[-600:]}")
    check("(192x108)" in report, "report.md does not name the compute size")
    check("rows by the target" not in report, "report.md counted a twin's target")
    check(os.path.exists(os.path.join(out, f"datatypes_AVX2_{HD}.png")), "no datatype chart")

    # --compute-size none: the twins are ignored, so every bound is the memory bound, and
    # the 192x108 rows are table rows of their own (without memcpy).
    printed = run([sys.executable, os.path.join(HERE, "report.py"), "--compute-size", "none",
                   path])
    rows = table_rows(printed)
    check(rows.get(("color/RGBA_U16->RGBAF32/range:datatype", HD, "AVX2"), [""] * 16)[10:15] ==
          ["55%", "-", "3.000", "memory", "55%"], "--compute-size none kept a compute bound")
    check(("color/RGBA_U16->RGBAF32/range:datatype", SMALL, "AVX2") in rows,
          "--compute-size none hid the small rows")


# Rows with peers and the noise pairs: row -> (minimum ms, input, output bytes per pixel).
PEER_RUN = {
    f"memcpy/out:RGBA8/{HD}": (1.0, 4, 4),
    f"noise/memcpy:RGBA8/{HD}": (1.04, 4, 4),  # 1.04x apart
    f"memcpy/out:RGBAF32/{HD}": (4.2, 16, 16),
    f"noise/memcpy:RGBAF32/{HD}": (4.0, 16, 16),  # 1.05x apart: the band
    f"yuv/NV12->RGBA8/{HD}": (0.4, 1.5, 4),
    f"libyuv/NV12ToABGR/{HD}": (0.5, 1.5, 4),  # 1.25x
    f"yuv/YUY2->RGBA8/{HD}": (0.5, 2, 4),
    f"libyuv/YUY2ToARGB/{HD}": (0.48, 2, 4),  # 0.96x: 0.96 * 1.05 >= 1, within the noise
    f"color/RGB_U8->RGBA8/range:datatype/{HD}": (0.3, 3, 4),
    f"opencv/cvtColor_RGB2RGBA/{HD}": (0.27, 3, 4),  # 0.9x: 0.9 * 1.05 < 1, outside it
    f"yuv/Y8_FullRange->RGBA8/{HD}": (0.2, 1, 4),
    f"libyuv/J400ToARGB/{HD}": (0.3, 1, 4),  # 1.5x: above 1.0 and above the yuv/ rows' 1.3
    f"color/L_U16->RGBA8/range:auto/{HD}": (1.0, 2, 4),  # no peer: not counted
}
PEER_LABELS = {
    f"libyuv/NV12ToABGR/{HD}": "vs yuv/NV12->RGBA8",
    f"libyuv/YUY2ToARGB/{HD}": "vs yuv/YUY2->RGBA8",
    f"opencv/cvtColor_RGB2RGBA/{HD}": "vs color/RGB_U8->RGBA8 (same bytes)",
    f"libyuv/J400ToARGB/{HD}": "vs yuv/Y8_FullRange->RGBA8",
}


def test_noise_and_peers(tmp):
    path = os.path.join(tmp, "peers.json")
    write_run(path, PEER_RUN, {}, PEER_LABELS)
    out = os.path.join(tmp, "peers")
    rows = table_rows(run([sys.executable, os.path.join(HERE, "report.py"), "-o", out, path]))
    check(set(rows) == {(name, HD, "AVX2") for name in (
        "yuv/NV12->RGBA8", "yuv/YUY2->RGBA8", "color/RGB_U8->RGBA8/range:datatype",
        "yuv/Y8_FullRange->RGBA8", "color/L_U16->RGBA8/range:auto")},
          f"peer run: table rows {sorted(rows)} (no noise rows)")
    with open(os.path.join(out, "report.md")) as f:
        report = f.read()
    noise = ("  - noise: identical memcpy rows 1.050x apart at most (minima; medians in "
             "brackets): RGBA8 1920x1080 1.040x (1.040x), RGBAF32 1920x1080 1.050x (1.050x)")
    check(noise in report.splitlines(), f"report.md lacks the noise line: {report[:900]}")
    verdict = ("- AVX2: 2 of 4 rows with a peer are at least 1.0x their fastest peer (ratio of "
               "minima); below: `yuv/YUY2->RGBA8` 1920x1080 (0.960), "
               "`color/RGB_U8->RGBA8/range:datatype` 1920x1080 (0.900); 1 of them within this "
               "run's noise (identical memcpy rows 1.050x apart)")
    check(verdict in report.splitlines(), f"report.md lacks the peer verdict: {report[-900:]}")
    # The yuv/ rows against 1.3x libyuv: NV12's 1.25x and YUY2's 0.96x are below it.
    yuv = ("- AVX2: 1 of 3 yuv/ rows at 1920x1080 are at least 1.3x libyuv (ratio of minima); "
           "below: `yuv/NV12->RGBA8` (1.250), `yuv/YUY2->RGBA8` (0.960)")
    check(yuv in report.splitlines(), f"report.md lacks the yuv/ verdict: {report[-900:]}")
    # The peer chart, with the noise band drawn around 1x.
    check("](peers_AVX2.png)" in report and os.path.exists(os.path.join(out, "peers_AVX2.png")),
          "no peer chart for the peer run")


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

    # The default runs the pixconv rows at 192x108 too, memcpy and the peers at the big sizes
    # only; --compute-size none runs every row at convert_bench's sizes.
    big = "(1920x1080|3840x2160)$"
    with_compute = (
        [], f"--benchmark_filter=^(memcpy/out|noise/memcpy):.*/{big}|(^yuv/NV12)|"
            f"(^(libyuv|opencv|swscale)/).*/{big}",
        "--pixconv_sizes=192x108,1920x1080,3840x2160", ",compute_size=192x108")
    without = (["--compute-size", "none"],
               "--benchmark_filter=^(memcpy/out|noise/memcpy):|(^yuv/NV12)|"
               "(^(libyuv|opencv|swscale)/)",
               None, None)
    small_sizes = (["--sizes", "640x360", "--compute-size", "96x54"],
                   "--benchmark_filter=^(memcpy/out|noise/memcpy):.*/(640x360)$|(^yuv/NV12)|"
                   "(^(libyuv|opencv|swscale)/).*/(640x360)$",
                   "--pixconv_sizes=96x54,640x360", ",compute_size=96x54")
    for case, (targets, expected_runs, (options, filter_flag, sizes_flag, context)) in \
            enumerate((("AVX3_DL, AVX3, AVX2, SSE4, SSSE3, SCALAR", 2, with_compute),
                       ("AVX2, SSE4, SSSE3, SCALAR", 1, with_compute),
                       ("AVX3_DL, AVX3, AVX2, SSE4, SSSE3, SCALAR", 2, without),
                       ("AVX2, SSE4, SSSE3, SCALAR", 1, small_sizes))):
        out = os.path.join(tmp, f"protocol{case}")
        log = os.path.join(tmp, f"args{case}.txt")
        env = dict(os.environ, FAKE_TARGETS=targets, FAKE_LOG=log, FAKE_DISPATCHED=DISPATCHED,
                   FAKE_PINNED=PINNED)
        result = subprocess.run(
            [sys.executable, os.path.join(HERE, "protocol"), "--build", build, "--out", out,
             "--repetitions", "3", "--filter", "^yuv/NV12"] + options +
            ["--", "--benchmark_min_time=0.01"],
            capture_output=True, text=True, env=env)
        check(result.returncode == 0, f"protocol exited with {result.returncode}: "
                                      f"{result.stdout}{result.stderr}")
        with open(log) as f:
            calls = [line.split() for line in f]
        check(len(calls) == expected_runs, f"{targets}: {len(calls)} runs, not {expected_runs}")
        for args in calls:
            for flag in ("--benchmark_enable_random_interleaving=true",
                         "--benchmark_repetitions=3", "--benchmark_out_format=json",
                         filter_flag, "--benchmark_min_time=0.01"):
                check(flag in args, f"{targets}: {flag} missing from {args}")
            check(any(a.startswith("--benchmark_context=cpu_model=") for a in args),
                  f"{targets}: no cpu_model context in {args}")
            sizes = [a for a in args if a.startswith("--pixconv_sizes=")]
            check(sizes == ([sizes_flag] if sizes_flag else []),
                  f"{targets} {options}: {sizes}, not {sizes_flag}")
            check(("compute_size=" in " ".join(args)) == bool(context) and
                  (not context or context in " ".join(args)),
                  f"{targets} {options}: context {args}, not {context}")
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
        test_compute_bounds(tmp)
        test_noise_and_peers(tmp)
        test_protocol(tmp)
    print(f"{len(failures)} failures" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
