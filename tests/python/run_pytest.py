"""Runs the pytest suite in the directory given as argument; exit 77 (Meson's "skipped") when
pytest is not installed, so a build without python3-pytest skips rather than fails."""
import sys

try:
    import pytest
except ImportError:
    print("pytest is not installed (apt-get install python3-pytest): skipping")
    sys.exit(77)

sys.exit(pytest.main(["-q", "-p", "no:cacheprovider", sys.argv[1]]))
