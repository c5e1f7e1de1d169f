#!/usr/bin/python3
"""Writes all16_rgb.png: a 256x256 16-bit RGB PNG whose red samples take every value 0..65535
once (pixel x of row y holds v = 256 y + x), green 65535 - v and blue 3 v mod 65536. No
ancillary chunks, so no reader applies a gamma. Every row uses the Sub filter."""
import struct
import sys
import zlib


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def main(path):
    width = height = 256
    raw = bytearray()
    for y in range(height):
        row = bytearray()
        for x in range(width):
            v = 256 * y + x
            row += struct.pack(">HHH", v, 65535 - v, (3 * v) & 0xFFFF)
        raw.append(1)  # Sub: each byte less the byte one pixel (6 bytes) to its left
        raw += bytes((row[i] - (row[i - 6] if i >= 6 else 0)) & 0xFF for i in range(len(row)))
    ihdr = struct.pack(">IIBBBBB", width, height, 16, 2, 0, 0, 0)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) +
           chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "all16_rgb.png")
