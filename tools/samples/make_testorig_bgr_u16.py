#!/usr/bin/env python3
"""Makes testorig_227x149_bgr_u16.raw from libjpeg-turbo's testorig.ppm (one-off; the output
is committed, this script records how it was made).

The 8-bit RGB image becomes what a 12-bit sensor stored in 16-bit containers might deliver: a
black level of 256 and a gain of 15 (255 -> 4081), so the values span neither [0, 255] nor the
full U16 range and pixconv's Auto range has to find [min, max] itself. Samples are written in
BGR order, little-endian, rows tightly packed.

Usage: make_testorig_bgr_u16.py tests/data/libjpeg-turbo/testorig.ppm OUT.raw
"""
import struct
import sys

BLACK_LEVEL = 256
GAIN = 15


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    # Header: "P6" width height maxval, separated by whitespace, then one whitespace byte.
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    magic, width, height, maxval = fields[0], int(fields[1]), int(fields[2]), int(fields[3])
    if magic != b"P6" or maxval != 255:
        sys.exit(f"{path}: expected an 8-bit binary PPM (P6, maxval 255)")
    pixels = data[pos + 1:pos + 1 + width * height * 3]
    if len(pixels) != width * height * 3:
        sys.exit(f"{path}: truncated")
    return width, height, pixels


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    width, height, rgb = read_ppm(sys.argv[1])
    out = bytearray()
    for i in range(0, len(rgb), 3):
        r, g, b = rgb[i], rgb[i + 1], rgb[i + 2]
        out += struct.pack("<3H", *(BLACK_LEVEL + GAIN * v for v in (b, g, r)))
    with open(sys.argv[2], "wb") as f:
        f.write(out)
    print(f"{sys.argv[2]}: BGR/U16 {width}x{height}, {len(out)} bytes")


if __name__ == "__main__":
    main()
