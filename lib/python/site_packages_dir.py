"""Prints the site-packages directory under the prefix given as argument that this interpreter
searches (is on its sys.path), or nothing if there is none.

Meson's default on Debian, <prefix>/lib/python3/dist-packages, is searched for prefix /usr only;
for /usr/local the interpreter searches /usr/local/lib/python3.X/dist-packages instead."""
import os
import sys

prefix = os.path.normpath(sys.argv[1])
for path in sys.path:
    path = os.path.normpath(path)
    if not path.startswith(prefix + os.sep) or not path.endswith(("site-packages", "dist-packages")):
        continue
    # Under prefix /usr, /usr/local/... belongs to the prefix /usr/local.
    if os.path.relpath(path, prefix).split(os.sep)[0] == "local":
        continue
    print(path)
    break
