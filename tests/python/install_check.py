"""`meson install` into a temporary DESTDIR, then `import pixconv` from there in a fresh
interpreter: the package's files are all installed, the extension loads the installed
libpixconv.so, and (when Meson found one) the install directory is one the interpreter searches.

    install_check.py MESON BUILD_DIR PACKAGE_DIR LIBDIR SEARCHED(0|1)
"""
import os
import pathlib
import subprocess
import sys
import tempfile

meson, build_dir, package_dir, libdir, searched = sys.argv[1:6]
package_dir = pathlib.PurePath(package_dir)
if searched == "1" and str(package_dir.parent) not in sys.path:
    sys.exit(f"{package_dir.parent} is not on {sys.executable}'s sys.path: {sys.path}")

with tempfile.TemporaryDirectory() as destdir:
    subprocess.run([meson, "install", "-C", build_dir, "--no-rebuild", "--quiet",
                    "--destdir", destdir], check=True)
    installed = pathlib.Path(destdir + str(package_dir))
    names = sorted(p.name for p in installed.iterdir())
    for expected in ("__init__.py", "__init__.pyi", "py.typed"):
        if expected not in names:
            sys.exit(f"{expected} not installed in {installed}: {names}")
    if not any(n.startswith("_pixconv.") and n.endswith(".so") for n in names):
        sys.exit(f"the extension is not installed in {installed}: {names}")
    env = dict(os.environ, PYTHONPATH=str(installed.parent),
               LD_LIBRARY_PATH=destdir + libdir)
    script = ("import numpy, pixconv; "
              "assert pixconv.__file__.startswith(%r), pixconv.__file__; "
              "print(pixconv.convert(numpy.zeros((2, 3), numpy.uint16)).shape)" % destdir)
    result = subprocess.run([sys.executable, "-c", script], env=env, cwd=destdir,
                            capture_output=True, text=True)
    if result.returncode != 0 or result.stdout.strip() != "(2, 3, 4)":
        sys.exit(f"importing the installed package failed:\n{result.stdout}{result.stderr}")
print(f"installed into {package_dir} and imported from there")
