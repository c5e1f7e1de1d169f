#!/usr/bin/env python3
"""Times pixconv.convert against cv2.cvtColor (when python3-opencv is installed) and against
the same conversion in C++ (tests/python/reference_convert with repeat=N), at 640x480 and
1920x1080, for BGR->RGBA, gray->RGBA and NV12->RGBA (8-bit in, RGBA8 out). An 8x8 image, whose
conversion costs almost nothing, isolates the fixed cost of a Python call over a C++ call.

Rounds interleave the contenders so that load from other processes hits all of them; each
figure is the fastest call (min) with the median beside it, in microseconds.

    PYTHONPATH=build/lib/python /usr/bin/python3 bench/python/bench_python.py \\
        --reference build/tests/python/reference_convert
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

import numpy as np

import pixconv

try:
    import cv2
except ImportError:  # python3-opencv is optional
    cv2 = None

SIZES = [(8, 8), (640, 480), (1920, 1080)]


def cases(width, height):
    """(name, pixconv call, pixconv call with out=, cv2 call or None, reference args, raw bytes)."""
    rng = np.random.default_rng(1)
    bgr = rng.integers(0, 256, (height, width, 3), dtype=np.uint8)
    gray = rng.integers(0, 256, (height, width), dtype=np.uint8)
    nv12 = rng.integers(0, 256, (height * 3 // 2, width), dtype=np.uint8)
    out = np.empty((height, width, 4), np.uint8)
    cv_out = np.empty((height, width, 4), np.uint8)
    result = [
        ("BGR->RGBA", lambda: pixconv.convert(bgr, color_model="bgr"),
         lambda: pixconv.convert(bgr, color_model="bgr", out=out),
         cv2 and (lambda: cv2.cvtColor(bgr, cv2.COLOR_BGR2RGBA, dst=cv_out)),
         ["model=4", "type=6"], bgr.tobytes()),
        ("gray->RGBA", lambda: pixconv.convert(gray), lambda: pixconv.convert(gray, out=out),
         cv2 and (lambda: cv2.cvtColor(gray, cv2.COLOR_GRAY2RGBA, dst=cv_out)),
         ["model=1", "type=6"], gray.tobytes()),
        ("NV12->RGBA", lambda: pixconv.convert_pixel_format(nv12, width, height, "nv12"),
         lambda: pixconv.convert_pixel_format(nv12, width, height, "nv12", out=out),
         cv2 and (lambda: cv2.cvtColor(nv12, cv2.COLOR_YUV2RGBA_NV12, dst=cv_out)),
         ["pf=26"], nv12.tobytes()),
    ]
    return result


def time_calls(fn, calls):
    times = []
    for _ in range(calls):
        start = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - start)
    return times


def time_cpp(reference, width, height, image_args, data, calls, tmp):
    src = os.path.join(tmp, "in.raw")
    with open(src, "wb") as f:
        f.write(data)
    out = subprocess.run([reference, src, os.path.join(tmp, "out.raw"), f"w={width}",
                          f"h={height}", *image_args, f"repeat={calls}"],
                         check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])  # min, median ns


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", default="build/tests/python/reference_convert",
                        help="the C++ timing program (built by meson in tests/python/)")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--calls", type=int, default=30, help="calls per contender per round")
    args = parser.parse_args()
    if cv2 is not None:
        cv2.setNumThreads(1)  # single-threaded, as pixconv.convert with threads=1
    print(f"pixconv SIMD target {pixconv.simd_target()}; "
          f"cv2 {cv2.__version__ + ' (1 thread)' if cv2 else 'not installed'}")
    print("figures: min / median microseconds per call over "
          f"{args.rounds} interleaved rounds of {args.calls} calls")
    with tempfile.TemporaryDirectory() as tmp:
        for width, height in SIZES:
            for name, call, call_out, cv_call, ref_args, data in cases(width, height):
                samples = {"pixconv": [], "pixconv out=": [], "cv2": [], "C++": []}
                cpp = []
                for _ in range(args.rounds):
                    samples["pixconv"] += time_calls(call, args.calls)
                    samples["pixconv out="] += time_calls(call_out, args.calls)
                    if cv_call:
                        samples["cv2"] += time_calls(cv_call, args.calls)
                    cpp.append(time_cpp(args.reference, width, height, ref_args, data,
                                        args.calls, tmp))
                stats = {k: (min(v) / 1e3, statistics.median(v) / 1e3)
                         for k, v in samples.items() if v}
                stats["C++"] = (min(c[0] for c in cpp) / 1e3,
                                statistics.median(c[1] for c in cpp) / 1e3)
                row = "  ".join(f"{k} {mn:8.1f} / {md:8.1f}" for k, (mn, md) in stats.items())
                print(f"{width}x{height} {name:11s} {row}")
                overhead = stats["pixconv out="][0] - stats["C++"][0]
                line = (f"    overhead over C++ (min): out= {overhead:+.1f} us, "
                        f"new array {stats['pixconv'][0] - stats['C++'][0]:+.1f} us")
                if "cv2" in stats:
                    line += (f"; cv2/pixconv time ratio (min): "
                             f"{stats['cv2'][0] / stats['pixconv'][0]:.2f} "
                             f"(out= {stats['cv2'][0] / stats['pixconv out='][0]:.2f}), "
                             f"median {stats['cv2'][1] / stats['pixconv'][1]:.2f}")
                print(line)


if __name__ == "__main__":
    main()
