#!/usr/bin/python3
"""Turns convert_bench JSON (bench/protocol's runs: the dispatched target, and AVX2 pinned on
an AVX-512 machine) into a Markdown report with PNG charts.

    /usr/bin/python3 bench/report.py -o OUTDIR RUN.json [RUN.json ...]

writes OUTDIR/report.md and, when matplotlib is installed (python3-matplotlib), the charts
OUTDIR/peers_<target>.png and OUTDIR/datatypes_<target>_<WxH>.png, and prints the table.
--no-charts leaves the charts out (no matplotlib needed).

Every figure comes from the rows' per-repetition CPU times (run_type "iteration"; Google
Benchmark's aggregates are ignored): the minimum, the repetition least disturbed by other
work, with the median beside it.

- A pixconv row's peers are the peer rows (libyuv/, opencv/, swscale/) whose label names it:
  "vs color/L_U8->RGBA8, yuv/Y8_FullRange->RGBA8 (same bytes)". A color/ counterpart without
  a range is the range:datatype row. The fastest peer is the one with the smallest minimum.
- ratio = peer time / pixconv time: pixconv's speed over the fastest peer's; above 1 pixconv
  is faster. "ratio min" compares minima, "ratio median" medians (of the same peer).
- The memory bound of a row is the time memcpy's byte rate (the memcpy row of the same output
  and size, its minimum) takes to move the row's bytes: I + O per frame (input and output
  bytes), or 2I + O for range:auto rows, which read their input twice (scan, then convert);
  i.e. an auto row's bound rate is (I+O)/(2I+O) of memcpy's byte rate. U8 rows skip the scan
  (their range is always [0, 255]), so their auto rows keep I + O. "% of memory bound" is
  that time over the row's minimum: 100% converts at memcpy's speed.
- The compute bound of a row is its twin's minimum (the same row at the run's compute size,
  a small cache-resident frame that bench/protocol --compute-size adds; the JSON's context
  names it, compute_size=WxH, or --compute-size here) times the row's pixels over the twin's.
  A row's bound is max(memory bound, compute bound). A range:auto row that scans runs the scan
  and then the conversion, so its bound is scan + convert, where convert = max(memory time of
  I + O, the range:datatype twin's scaled time) and scan = max(memory time of I, the auto
  twin's minus the datatype twin's, scaled); without both twins it keeps the 2I + O memory
  bound. "binds" says which bound is the larger, "% of bound" is that bound over the row's
  minimum. Twins are no table rows.
- The verdicts at the end of report.md: the ->RGBAF32 range:datatype rows (default transfer)
  that reach 60% (1920x1080) or 75% (3840x2160) of memcpy's byte rate (their memory bound) or
  90% of their compute bound, and the ->RGBAF32 range:auto rows that reach 90% of their bound;
  then the ->RGBAF32 rows that beat their compute bound by more than 5%, whose twins measured
  slow.
- The run's noise: convert_bench runs each memcpy row twice, as memcpy/out:T/WxH and
  noise/memcpy:T/WxH, the same copy. The larger minimum over the smaller, per pair, says how
  far two rows doing the same work land apart in this run; the largest of them is the run's
  noise band. The verdicts count the rows with a peer at or above 1.0x their fastest peer
  (ratio of minima), list those below, and say which of them lie within the band (ratio times
  the band at least 1): there the run can not tell pixconv from the peer. A second line holds
  the yuv/ rows at 1920x1080 to 1.3x their fastest libyuv row.
- "stores": for a pixconv row whose output is large enough to stream, how the process wrote
  such outputs during the row's repetitions, in the order they ran (convert_bench's counter
  "streamed"): streamed, cached (ordinary stores) or trials (both ways still being timed;
  lib/convert/stream_threshold.h). "-" for smaller outputs and the peers.
"""
import argparse
import collections
import json
import math
import os
import re
import statistics
import sys

PEER_LIBRARIES = collections.OrderedDict(
    [("libyuv", "libyuv"), ("opencv", "OpenCV"), ("swscale", "swscale")])
PIXCONV_GROUPS = ("color/", "yuv/", "colormap/", "segmentation/")
DATATYPES = ["U8", "I8", "U16", "I16", "U32", "I32", "U64", "I64", "F16", "F32", "F64"]
OUTPUT_BYTES = {"RGBA8": 4, "RGBAF32": 16}
TO_MS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1e3}
SIZE_RE = re.compile(r"^(.*)/(\d+)x(\d+)$")
NOTE_RE = re.compile(r"\s*\(([^()]*)\)\s*$")
# Fractions of memcpy's byte rate an ->RGBAF32 range:datatype row has to reach, per size.
MEMORY_BARS = {"1920x1080": 0.6, "3840x2160": 0.75}
COMPUTE_BAR = 0.9  # of a datatype row's compute bound, or of an auto row's bound
# A row this much faster than its compute bound says its twin measured slow: the verdicts name
# such rows, whose passing rests on that twin.
BEATEN_BOUND = 1.05
# The yuv/ rows' bar against libyuv, per size (issue 32: 1.3x at 1080p).
YUV_BARS = {"1920x1080": 1.3}
# convert_bench's "streamed" counter: how large outputs were written (trials: not decided yet).
STORES = {1: "streamed", 0: "cached", -1: "trials"}
NOISE_PREFIX = "noise/memcpy:"  # + "<type>/<WxH>": memcpy/out:<type>/<WxH> again
COLOR_RE = re.compile(r"^color/([A-Za-z]+)_([A-Z0-9]+)->(RGBA8|RGBAF32)/range:(datatype|auto)"
                      r"(/transfer:none)?$")


class Row:
    """One benchmark row of one run: every repetition's CPU time in milliseconds."""

    def __init__(self, name, entry):
        self.name = name
        match = SIZE_RE.match(name)
        self.base = match.group(1) if match else name
        self.size = f"{match.group(2)}x{match.group(3)}" if match else ""
        self.pixels = int(match.group(2)) * int(match.group(3)) if match else 0
        self.label = entry.get("label", "")
        # Registration order (the repetitions of interleaved runs come in a random order).
        self.order = entry.get("family_index", 0)
        self.times = []
        # How the process wrote this row's output where it is large enough to stream
        # (convert_bench's "streamed" counter), in the order the repetitions ran.
        self.stores = []
        items = entry.get("items_per_second") or 0
        # (I + O) / pixel: every convert_bench row counts bytes read + written and pixels.
        self.bytes_per_pixel = entry.get("bytes_per_second", 0) / items if items else 0.0

    def add_stores(self, streamed):
        name = STORES.get(streamed, "?")
        if not self.stores or self.stores[-1] != name:
            self.stores.append(name)

    @property
    def min(self):
        return min(self.times)

    @property
    def median(self):
        return statistics.median(self.times)

    @property
    def library(self):
        return self.name.split("/", 1)[0]

    @property
    def output(self):
        """"RGBA8" or "RGBAF32" for conversion rows (the memcpy row of the same output)."""
        match = re.search(r"(?:->|out:)(RGBA8|RGBAF32)\b", self.base)
        return match.group(1) if match else None

    @property
    def scans_input(self):
        """range:auto reads the input twice (scan, then convert), but for U8, whose range is
        always [0, 255] (lib/README.md 3.1: the scan is skipped)."""
        match = COLOR_RE.match(self.base)
        return bool(match) and match.group(4) == "auto" and match.group(2) != "U8"

    def mpix_per_s(self, ms):
        return self.pixels / (ms * 1e3)


class Run:
    """One convert_bench JSON file."""

    def __init__(self, path, compute_size=None):
        self.path = path
        with open(path) as f:
            data = json.load(f)
        self.context = data.get("context", {})
        # The small frame size whose rows are twins (compute bounds), not table rows; "none"
        # ignores the context's.
        self.compute_size = (None if compute_size == "none" else
                             compute_size or self.context.get("compute_size") or None)
        self.rows = collections.OrderedDict()
        self.errors = collections.OrderedDict()
        for entry in data.get("benchmarks", []):
            if entry.get("run_type", "iteration") != "iteration":
                continue  # mean, median, stddev, cv: computed here from the repetitions
            name = entry.get("run_name") or entry["name"]
            if entry.get("error_occurred"):
                self.errors[name] = entry.get("error_message", "")
                continue
            row = self.rows.get(name)
            if row is None:
                row = self.rows[name] = Row(name, entry)
            row.times.append(entry["cpu_time"] * TO_MS[entry.get("time_unit", "ns")])
            if "streamed" in entry:
                row.add_stores(entry["streamed"])
        labels = [r.label for r in self.rows.values() if r.name.startswith(PIXCONV_GROUPS)]
        self.target = (self.context.get("pixconv_target") or
                       (collections.Counter(labels).most_common(1)[0][0] if labels else "?"))
        self.peers = self._pair_peers()

    def _pair_peers(self):
        """pixconv row name -> the peer rows whose label names it."""
        peers = collections.defaultdict(list)
        for row in self.rows.values():
            if row.library not in PEER_LIBRARIES:
                continue
            for counterpart in counterparts(row.label):
                peers[f"{counterpart}/{row.size}"].append(row)
        return peers

    def pixconv_rows(self):
        return [r for r in self.rows.values()
                if r.name.startswith(PIXCONV_GROUPS) and r.size != self.compute_size]

    def twin(self, base):
        """The row base at the compute size, None without one."""
        if not self.compute_size:
            return None
        return self.rows.get(f"{base}/{self.compute_size}")

    def memcpy(self, row):
        return self.memcpy_of(row.output, row.size)

    def memcpy_of(self, output, size):
        """The memcpy row of an output type ("RGBA8", "RGBAF32") and size, or None."""
        return self.rows.get(f"memcpy/out:{output}/{size}")

    def noise(self):
        """[(type, size, spread of the minima, spread of the medians)] for every pair of
        identical memcpy rows: the larger time over the smaller, 1 or more."""
        pairs = []
        for row in self.rows.values():
            if not row.base.startswith(NOISE_PREFIX):
                continue
            kind = row.base[len(NOISE_PREFIX):]
            twin = self.memcpy_of(kind, row.size)
            if twin is not None:
                pairs.append((kind, row.size, max(row.min, twin.min) / min(row.min, twin.min),
                              max(row.median, twin.median) / min(row.median, twin.median)))
        return pairs

    def noise_band(self):
        """The largest spread of minima over the memcpy pairs; None without a pair."""
        return max((spread for _, _, spread, _ in self.noise()), default=None)


def counterparts(label):
    """The pixconv rows (without their size) that a peer row's label names."""
    text = NOTE_RE.sub("", label.strip())
    if not text.startswith("vs "):
        return []
    names = []
    for name in text[3:].split(","):
        name = name.strip()
        if name.startswith("color/") and "/range:" not in name:
            # The peers do the fixed-range work: "color/RGBA_U16->RGBAF32" and
            # "color/RGBA_U16->RGBAF32/transfer:none" alike.
            head, _, tail = name.partition("/transfer:")
            name = head + "/range:datatype" + ("/transfer:" + tail if tail else "")
        names.append(name)
    return names


class Comparison:
    """One pixconv row of one run against its fastest peer and memcpy."""

    def __init__(self, run, row):
        self.run = run
        self.row = row
        self.peers = run.peers.get(row.name, [])
        self.fastest = min(self.peers, key=lambda p: p.min) if self.peers else None
        self.memcpy = run.memcpy(row)

    def ratio_min(self, peer=None):
        peer = peer or self.fastest
        return peer.min / self.row.min if peer else None

    def ratio_median(self, peer=None):
        peer = peer or self.fastest
        return peer.median / self.row.median if peer else None

    def fastest_of(self, library):
        rows = [p for p in self.peers if p.library == library]
        return min(rows, key=lambda p: p.min) if rows else None

    def memory_ms(self, moved=None):
        """The time memcpy's byte rate takes for moved bytes per pixel (default this row's:
        I + O; 2I + O with a scan)."""
        memcpy, row = self.memcpy, self.row
        if memcpy is None or not row.bytes_per_pixel or not memcpy.bytes_per_pixel:
            return None
        out = OUTPUT_BYTES.get(row.output)
        if out is None:
            return None
        if moved is None:
            moved = row.bytes_per_pixel  # I + O
            if row.scans_input:
                moved += row.bytes_per_pixel - out  # + I: the scan reads the input once more
        return memcpy.min * moved / memcpy.bytes_per_pixel

    def scaled(self, twin):
        """A twin's minimum scaled to this row's pixels."""
        return twin.min * self.row.pixels / twin.pixels if twin and twin.pixels else None

    def auto_parts(self):
        """A scanning range:auto row with both twins: ((scan memory, scan compute), (convert
        memory, convert compute)) in ms; None otherwise."""
        row = self.row
        if not row.scans_input:
            return None
        twin = self.run.twin(row.base)
        datatype_twin = self.run.twin(row.base.replace("/range:auto", "/range:datatype"))
        out = OUTPUT_BYTES.get(row.output)
        if not twin or not datatype_twin or self.memory_ms() is None:
            return None
        convert = self.scaled(datatype_twin)
        scan = max(self.scaled(twin) - convert, 0.0)
        return ((self.memory_ms(row.bytes_per_pixel - out), scan),
                (self.memory_ms(row.bytes_per_pixel), convert))

    def compute_ms(self):
        """The twin's minimum scaled to this row's pixels (for a scanning auto row, only with
        the range:datatype twin too: scan + convert); None without."""
        if self.row.scans_input and self.auto_parts() is None:
            return None
        return self.scaled(self.run.twin(self.row.base))

    def bound_ms(self):
        """The bound used: max(memory, compute); scan + convert for a scanning auto row."""
        parts = self.auto_parts()
        if parts:
            return sum(max(memory, compute) for memory, compute in parts)
        bounds = [b for b in (self.memory_ms(), self.compute_ms()) if b is not None]
        return max(bounds) if bounds else None

    def binds(self):
        """"memory" or "compute": which bound the row's bound is; for a scanning auto row
        "compute (scan)" or "compute (convert)" where only that part is compute bound."""
        parts = self.auto_parts()
        if parts:
            names = [name for name, (memory, compute) in zip(("scan", "convert"), parts)
                     if compute > memory]
            return ("memory" if not names else "compute" if len(names) == 2 else
                    f"compute ({names[0]})")
        if self.bound_ms() is None:
            return None
        memory, compute = self.memory_ms(), self.compute_ms()
        return "compute" if compute is not None and (memory is None or compute > memory) else \
            "memory"

    def fraction(self, bound):
        return bound / self.row.min if bound else None

    def bound_fraction(self):
        return self.fraction(self.bound_ms())

    def memory_fraction(self):
        return self.fraction(self.memory_ms())

    def compute_fraction(self):
        return self.fraction(self.compute_ms())


def comparisons(runs):
    result = []
    for run in runs:
        result += [Comparison(run, row) for row in run.pixconv_rows()]
    order = {}  # convert_bench's order in the first run that has the row
    for run in runs:
        for appearance, row in enumerate(run.rows.values()):
            order.setdefault(row.name, (row.order, appearance))
    size_order = sorted({(c.row.pixels, c.row.size) for c in result})
    size_index = {s: i for i, (_, s) in enumerate(size_order)}
    run_index = {id(run): i for i, run in enumerate(runs)}
    result.sort(key=lambda c: (size_index[c.row.size], order[c.row.name], run_index[id(c.run)]))
    return result


def fmt_ms(ms):
    if ms is None:
        return "-"
    return f"{ms:.3f}" if ms < 10 else f"{ms:.2f}" if ms < 100 else f"{ms:.1f}"


def fmt_ratio(ratio):
    return "-" if ratio is None else f"{ratio:.2f}"


def peer_name(row):
    return "-" if row is None else row.name.rsplit("/", 1)[0]


def fmt_percent(fraction, digits=0):
    return f"{100 * fraction:.{digits}f}%" if fraction else "-"


def markdown_table(comps):
    header = ["Row", "Size", "Target", "pixconv ms min", "median", "Fastest peer", "peer ms min",
              "ratio min", "ratio median", "memcpy ms", "% of memory bound", "compute bound ms",
              "bound ms", "binds", "% of bound", "stores"]
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join(["---"] * 3 + ["---:"] * 2 + ["---"] + ["---:"] * 7 + ["---"] +
                            ["---:", "---"]) + "|"]
    for c in comps:
        cells = [
            f"`{c.row.base}`", c.row.size, c.row.label or c.run.target, fmt_ms(c.row.min),
            fmt_ms(c.row.median),
            f"`{peer_name(c.fastest)}`" if c.fastest else "-",
            fmt_ms(c.fastest.min) if c.fastest else "-",
            fmt_ratio(c.ratio_min()), fmt_ratio(c.ratio_median()),
            fmt_ms(c.memcpy.min) if c.memcpy else "-",
            fmt_percent(c.memory_fraction()), fmt_ms(c.compute_ms()), fmt_ms(c.bound_ms()),
            c.binds() or "-", fmt_percent(c.bound_fraction()),
            " then ".join(c.row.stores) or "-",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def peer_verdict(run, comps):
    """The line counting run's rows at or above their fastest peer, or None without peers."""
    rows = [c for c in comps if c.run is run and c.fastest]
    if not rows:
        return None
    below = [c for c in rows if c.ratio_min() < 1.0]
    line = (f"- {run.target}: {len(rows) - len(below)} of {len(rows)} rows with a peer are at "
            "least 1.0x their fastest peer (ratio of minima)")
    if below:
        line += "; below: " + ", ".join(f"`{c.row.base}` {c.row.size} ({c.ratio_min():.3f})"
                                        for c in below)
        band = run.noise_band()
        if band:
            within = sum(c.ratio_min() * band >= 1.0 for c in below)
            line += (f"; {within} of them within this run's noise (identical memcpy rows "
                     f"{band:.3f}x apart)")
    return line


def yuv_verdicts(run, comps):
    """The lines holding the yuv/ rows to YUV_BARS against their fastest libyuv row."""
    lines = []
    for size, bar in YUV_BARS.items():
        rows = [(c, c.fastest_of("libyuv")) for c in comps
                if c.run is run and c.row.size == size and c.row.base.startswith("yuv/")]
        rows = [(c, peer) for c, peer in rows if peer]
        if not rows:
            continue
        below = [(c, peer) for c, peer in rows if c.ratio_min(peer) < bar]
        line = (f"- {run.target}: {len(rows) - len(below)} of {len(rows)} yuv/ rows at {size} "
                f"are at least {bar}x libyuv (ratio of minima)")
        if below:
            line += "; below: " + ", ".join(f"`{c.row.base}` ({c.ratio_min(peer):.3f})"
                                            for c, peer in below)
        lines.append(line)
    return lines


def verdicts(runs, comps):
    """The summary lines: the rows against their peers, and which ->RGBAF32 rows reach the
    bars (MEMORY_BARS, COMPUTE_BAR)."""
    lines = []
    for run in runs:
        peers = peer_verdict(run, comps)
        if peers:
            lines.append(peers)
        lines += yuv_verdicts(run, comps)
        datatype, auto, beaten = [], [], []
        for c in comps:
            match = COLOR_RE.match(c.row.base)
            if c.run is not run or not match or match.group(3) != "RGBAF32" or match.group(5):
                continue
            if (c.compute_fraction() or 0) > BEATEN_BOUND:
                beaten.append(f"`{c.row.base}` {c.row.size} "
                              f"({fmt_percent(c.compute_fraction())})")
            if match.group(4) == "datatype" and c.row.size in MEMORY_BARS:
                memory, compute = c.memory_fraction(), c.compute_fraction()
                ok = ((memory or 0) >= MEMORY_BARS[c.row.size] or
                      (compute or 0) >= COMPUTE_BAR)
                # One decimal: a row that misses a bar by a hair shows it.
                datatype.append((ok, f"`{c.row.base}` {c.row.size} (memory "
                                     f"{fmt_percent(memory, 1)}, compute "
                                     f"{fmt_percent(compute, 1)})"))
            elif match.group(4) == "auto":
                ok = (c.bound_fraction() or 0) >= COMPUTE_BAR
                auto.append((ok, f"`{c.row.base}` {c.row.size} "
                                 f"({fmt_percent(c.bound_fraction(), 1)} of its bound)"))
        bars = " / ".join(f"{100 * bar:.0f}% ({size})" for size, bar in MEMORY_BARS.items())
        for rows, text in (
                (datatype, f"->RGBAF32 range:datatype rows reach {bars} of memcpy's byte rate "
                           f"or {100 * COMPUTE_BAR:.0f}% of their compute bound"),
                (auto, f"->RGBAF32 range:auto rows reach {100 * COMPUTE_BAR:.0f}% of their "
                       "bound")):
            if not rows:
                continue
            missed = [name for ok, name in rows if not ok]
            lines.append(f"- {run.target}: {len(rows) - len(missed)} of {len(rows)} {text}" +
                         (f"; not: {', '.join(missed)}" if missed else ""))
        if beaten:
            lines.append(f"- {run.target}: faster than their compute bound by more than "
                         f"{100 * BEATEN_BOUND - 100:.0f}% (their twins measured slow, a "
                         f"verdict on them is in doubt): {', '.join(beaten)}")
    return "\n".join(lines)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def describe_runs(runs):
    lines = []
    for run in runs:
        ctx = run.context
        cpu = ctx.get("cpu_model") or cpu_model() or "unknown"
        source = "" if ctx.get("cpu_model") else " (this machine's /proc/cpuinfo)"
        caches = ", ".join(f"L{c['level']} {c.get('type', '')} {c['size'] // 1024} KiB"
                           + (f" x{ctx['num_cpus'] // c['num_sharing']}"
                              if c.get("num_sharing") and ctx.get("num_cpus") else "")
                           for c in ctx.get("caches", []))
        reps = collections.Counter(len(r.times) for r in run.rows.values())
        lines += [
            f"- `{os.path.basename(run.path)}`: SIMD target **{run.target}** "
            f"(supported: {ctx.get('pixconv_supported_targets', '?')}), "
            f"{', '.join(f'{n} repetitions' for n in sorted(reps))}, "
            f"date {ctx.get('date', '?')}, host {ctx.get('host_name', '?')}",
            f"  - CPU: {cpu}{source}, {ctx.get('num_cpus', '?')} CPUs at "
            f"{ctx.get('mhz_per_cpu', '?')} MHz; caches: {caches or '?'}; load average "
            f"{', '.join(f'{x:.2f}' for x in ctx.get('load_avg', [])) or '?'}",
            f"  - peers: {ctx.get('peers', '?')}",
        ]
        # Dispatch is per translation unit: on AVX3_DL, most rows run AVX3 code.
        ran = collections.Counter(r.label for r in run.pixconv_rows() if r.label)
        if len(ran) > 1:
            lines.append("  - rows by the target their kernels ran (the table's Target column): " +
                         ", ".join(f"{target} {count}" for target, count in sorted(ran.items())))
        noise = run.noise()
        if noise:
            lines.append(
                f"  - noise: identical memcpy rows {run.noise_band():.3f}x apart at most "
                "(minima; medians in brackets): " +
                ", ".join(f"{kind} {size} {spread:.3f}x ({median:.3f}x)"
                          for kind, size, spread, median in noise))
        for name, message in run.errors.items():
            lines.append(f"  - skipped: `{name}`: {message}")
    return "\n".join(lines)


def short(base):
    """A chart label: "yuv/NV12->RGBA8" -> "NV12->RGBA8"."""
    for prefix in PIXCONV_GROUPS:
        if base.startswith(prefix):
            base = base[len(prefix):]
    return base.replace("/range:datatype", "").replace("/range:auto", " auto")


def log_ticks(low, high, steps):
    """Ticks for a log axis from low to high: steps (e.g. 1, 2, 5) times powers of ten."""
    ticks = []
    for exponent in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1):
        ticks += [s * 10.0 ** exponent for s in steps]
    return [t for t in ticks if low <= t <= high]


def chart_peers(plt, run, comps, path):
    """pixconv over each peer library (fastest row of each), per format and size; log scale."""
    from matplotlib.patches import Patch
    comps = [c for c in comps if c.run is run and c.peers]
    if not comps:
        return False
    sizes = sorted({c.row.size for c in comps}, key=lambda s: next(
        c.row.pixels for c in comps if c.row.size == s))
    bases = list(collections.OrderedDict.fromkeys(c.row.base for c in comps))
    libraries = [lib for lib in PEER_LIBRARIES if any(c.fastest_of(lib) for c in comps)]
    colors = {"libyuv": "#4c72b0", "opencv": "#dd8452", "swscale": "#55a868"}
    height = 0.8 / len(libraries)
    height_in = max(3.0, 1.6 + 0.22 * len(bases) * len(libraries))
    fig, axes = plt.subplots(1, len(sizes), figsize=(5.5 * len(sizes) + 2.8, height_in),
                             sharey=True, squeeze=False)
    ratios = [c.ratio_min(c.fastest_of(lib)) for c in comps for lib in libraries
              if c.fastest_of(lib)]
    low = min(min(ratios), 1.0) / 1.5
    high = max(max(ratios), 1.0) * 1.6
    band = run.noise_band()
    for ax, size in zip(axes[0], sizes):
        if band:
            # Ratios in here the run can not tell from 1 (identical rows landed this far apart).
            ax.axvspan(1 / band, band, color="gray", alpha=0.3, linewidth=0)
        by_base = {c.row.base: c for c in comps if c.row.size == size}
        for j, lib in enumerate(libraries):
            for i, base in enumerate(bases):
                c = by_base.get(base)
                peer = c.fastest_of(lib) if c else None
                if not peer:
                    continue
                y = i + (j - (len(libraries) - 1) / 2) * height
                x = c.ratio_min(peer)
                # From 1: to the right where pixconv is faster, to the left where slower.
                ax.barh(y, x - 1, left=1, height=height * 0.9, color=colors[lib])
                ax.text(x * 1.03 if x >= 1 else x / 1.03, y, f"{x:.2f}", va="center",
                        ha="left" if x >= 1 else "right", fontsize=6.5)
        ax.axvline(1.0, color="black", linewidth=1)
        ax.set_xscale("log")
        ax.set_xlim(low, high)
        ax.set_xticks(log_ticks(low, high, (1, 2, 5) if high / low > 30 else (1, 1.5, 2, 3, 5, 7)))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}x"))
        ax.xaxis.set_minor_formatter(plt.NullFormatter())
        ax.set_title(f"{size}", fontsize=10)
        ax.set_xlabel("peer time / pixconv time (minima); > 1: pixconv faster", fontsize=9)
        ax.grid(axis="x", which="major", alpha=0.3)
        for i in range(1, len(bases)):
            ax.axhline(i - 0.5, color="gray", linewidth=0.4, alpha=0.5)
    axes[0][0].set_yticks(range(len(bases)))
    axes[0][0].set_yticklabels([short(b) for b in bases], fontsize=8)
    axes[0][0].set_ylim(len(bases) - 0.5, -0.5)
    handles = [Patch(color=colors[lib]) for lib in libraries]
    names = [PEER_LIBRARIES[lib] for lib in libraries]
    if band:
        handles.append(Patch(color="gray", alpha=0.3))
        names.append(f"noise band ({1 / band:.2f}x-{band:.2f}x)")
    fig.legend(handles, names, loc="upper right", ncol=len(handles), fontsize=8)
    fig.suptitle(f"pixconv ({run.target}) against the fastest row of each peer library",
                 x=0.02, ha="left", fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_size_inches()[1]))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def chart_datatypes(plt, run, comps, size, path):
    """Mpix/s of the color/ rows per datatype, with each row's bound (the one the table's
    "% of bound" uses) as a line, and its memory bound as a dashed one where compute binds."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    rows = []
    for c in comps:
        match = COLOR_RE.match(c.row.base)
        if c.run is run and c.row.size == size and match:
            model, datatype, output, range_mode, transfer = match.groups()
            variant = "transfer:none" if transfer else f"range:{range_mode}"
            rows.append((output, variant, model, datatype, c))
    if not rows:
        return False
    panels = [(o, v) for o in OUTPUT_BYTES for v in ("range:datatype", "range:auto",
                                                     "transfer:none")
              if any(r[0] == o and r[1] == v for r in rows)]
    models = list(collections.OrderedDict.fromkeys(r[2] for r in rows))
    cmap = plt.get_cmap("tab10")
    colors = {m: cmap(i % 10) for i, m in enumerate(models)}
    values = [c.row.mpix_per_s(c.row.min) for *_, c in rows]
    values += [c.row.mpix_per_s(c.bound_ms()) for *_, c in rows if c.bound_ms()]
    values += [c.row.mpix_per_s(c.memory_ms()) for *_, c in rows if c.memory_ms()]
    low, high = min(values) / 1.6, max(values) * 1.6
    columns = 2 if len(panels) > 1 else 1
    lines = math.ceil(len(panels) / columns)
    fig, axes = plt.subplots(lines, columns, figsize=(7 * columns, 3.4 * lines + 1.0),
                             squeeze=False, sharey=True)
    for ax in axes.flat[len(panels):]:
        ax.axis("off")
    for ax, (output, variant) in zip(axes.flat, panels):
        cell = [r for r in rows if r[0] == output and r[1] == variant]
        types = [t for t in DATATYPES if any(r[3] == t for r in cell)]
        types += sorted({r[3] for r in cell} - set(types))
        cell_models = [m for m in models if any(r[2] == m for r in cell)]
        width = min(0.8 / len(cell_models), 0.3)
        for mi, model in enumerate(cell_models):
            for ti, datatype in enumerate(types):
                match = [r[4] for r in cell if r[2] == model and r[3] == datatype]
                if not match:
                    continue
                c = match[0]
                x = ti + (mi - (len(cell_models) - 1) / 2) * width
                rate = c.row.mpix_per_s(c.row.min)
                ax.bar(x, rate - low, bottom=low, width=width * 0.88, color=colors[model])
                ax.text(x, rate / 1.04, f"{rate:.0f}", ha="center", va="top", fontsize=6.5,
                        color="white", rotation=90 if len(cell_models) * len(types) > 8 else 0)
                bound, memory = c.bound_ms(), c.memory_ms()
                if bound:
                    ax.hlines(c.row.mpix_per_s(bound), x - width * 0.5, x + width * 0.5,
                              colors="black", linewidth=2)
                if memory and bound and c.binds() != "memory":
                    ax.hlines(c.row.mpix_per_s(memory), x - width * 0.5, x + width * 0.5,
                              colors="gray", linewidth=1, linestyles="dashed")
        ax.set_xticks(range(len(types)))
        ax.set_xticklabels(types)
        ax.set_xlim(-0.5, len(types) - 0.5)
        ax.set_yscale("log")
        ax.set_ylim(low, high)
        ax.set_yticks(log_ticks(low, high, (1, 2, 5)))
        ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.yaxis.set_minor_formatter(plt.NullFormatter())
        ax.set_title(f"-> {output}, {variant}", fontsize=10)
        ax.grid(axis="y", which="major", alpha=0.3)
    for line in axes:
        line[0].set_ylabel("Mpix/s (minimum time)")
    handles = [Patch(color=colors[m]) for m in models]
    handles.append(Line2D([], [], color="black", linewidth=2))
    labels = models + ["bound used: max(memory, compute); auto: scan + convert"]
    if any(c.bound_ms() and c.memory_ms() and c.binds() != "memory" for *_, c in rows):
        handles.append(Line2D([], [], color="gray", linewidth=1, linestyle="dashed"))
        labels.append("memory bound, where compute binds")
    fig.legend(handles, labels,
               loc="upper right", ncol=len(handles), fontsize=8, handlelength=1.5,
               columnspacing=1.0)
    fig.suptitle(f"color/ rows at {size}, {run.target}", x=0.02, ha="left", fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_size_inches()[1]))
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def file_safe(text):
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


def write_charts(runs, comps, out_dir):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    charts = []
    targets = collections.Counter(run.target for run in runs)
    for index, run in enumerate(runs):
        tag = file_safe(run.target if targets[run.target] == 1 else f"{run.target}_{index}")
        path = os.path.join(out_dir, f"peers_{tag}.png")
        if chart_peers(plt, run, comps, path):
            charts.append((f"pixconv against the peers, {run.target}", path))
        sizes = sorted({(c.row.pixels, c.row.size) for c in comps if c.run is run})
        for _, size in sizes:
            path = os.path.join(out_dir, f"datatypes_{tag}_{size}.png")
            if chart_datatypes(plt, run, comps, size, path):
                charts.append((f"color/ rows per datatype at {size}, {run.target}", path))
    return charts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("runs", nargs="+", help="convert_bench JSON files (--benchmark_out)")
    parser.add_argument("-o", "--out-dir", help="write report.md and the charts here")
    parser.add_argument("--no-charts", action="store_true", help="leave the charts out")
    parser.add_argument("--quiet", action="store_true", help="do not print the table")
    parser.add_argument("--compute-size", metavar="WxH",
                        help="the frame size of the twins (compute bounds) instead of the runs' "
                             "context compute_size; 'none': no compute bounds")
    args = parser.parse_args()

    if args.compute_size and args.compute_size != "none" and \
            not re.fullmatch(r"\d+x\d+", args.compute_size):
        parser.error("--compute-size takes WxH or none")
    runs = [Run(path, args.compute_size) for path in args.runs]
    for run in runs:
        if not run.rows:
            print(f"report.py: {run.path} has no per-repetition rows (written with "
                  "--benchmark_report_aggregates_only?)", file=sys.stderr)
    comps = comparisons(runs)
    table = markdown_table(comps)
    if not args.quiet:
        print(table)
    if not args.out_dir:
        return 0
    os.makedirs(args.out_dir, exist_ok=True)
    charts = []
    if not args.no_charts:
        try:
            charts = write_charts(runs, comps, args.out_dir)
        except ImportError:
            print("report.py: no matplotlib (apt-get install python3-matplotlib): no charts",
                  file=sys.stderr)
    text = ["# pixconv against its peers", "", describe_runs(runs), "",
            "Times are the rows' CPU times in milliseconds over the repetitions: minimum and "
            "median. ratio = fastest peer's time / pixconv's time (above 1: pixconv is "
            "faster); \"ratio median\" divides the same peer's median by pixconv's. memcpy ms "
            "is the copy of the row's output size; \"% of memory bound\" is the time memcpy's "
            "byte rate needs for the row's bytes (input + output; input twice for range:auto "
            "but U8, which skips the scan) over the row's minimum. \"compute bound ms\" is the "
            "row's minimum at the small compute size (" +
            (", ".join(sorted({r.compute_size for r in runs if r.compute_size})) or
             "not measured") +
            ") times the pixel ratio; \"bound ms\" is the larger of the two (range:auto rows "
            "that scan: scan + convert, each the larger of its memory and compute time), "
            "\"binds\" names it and \"% of bound\" is it over the row's minimum. \"stores\" "
            "says how the process wrote outputs as large as the row's, where they are large "
            "enough to stream (lib/convert/stream_threshold.h): streamed, cached (ordinary "
            "stores), or trials while it was still timing both ways.", "",
            table, ""]
    summary = verdicts(runs, comps)
    for title, path in charts:
        text += [f"![{title}]({os.path.basename(path)})", ""]
    if summary:
        text += ["## Verdicts", "", summary, ""]
    report = os.path.join(args.out_dir, "report.md")
    with open(report, "w") as f:
        f.write("\n".join(text))
    if not args.quiet:
        print(f"\nreport: {report}" + "".join(f"\nchart: {path}" for _, path in charts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
