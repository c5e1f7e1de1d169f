#!/bin/sh
# Installs the build into a temporary DESTDIR and uses it the way a distribution package is
# used: C and C++ consumers built with `pkg-config --cflags --libs pixconv` (shared library),
# one linked against the static library, plus checks of the soname and the exported symbols.
# Usage: install_test.sh MESON BUILD_DIR PREFIX LIBDIR CC CXX TEST_SOURCE_DIR
set -eu
meson=$1 build=$2 prefix=$3 libdir=$4 cc=$5 cxx=$6 src=$7
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install_test: $*" >&2; exit 1; }

"$meson" install -C "$build" --no-rebuild --destdir "$tmp/root" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "meson install failed"; }
case $libdir in /*) ;; *) libdir=$prefix/$libdir ;; esac
root=$tmp/root$prefix
lib=$tmp/root$libdir
for f in include/pixconv/pixconv.h include/pixconv/version.h include/pixconv/export.h \
         include/pixconv/pixconv.hpp include/pixconv/parallel.h; do
  [ -f "$root/$f" ] || fail "$f not installed"
done
[ -f "$lib/libpixconv.a" ] || fail "static library not installed"
[ -f "$lib/pkgconfig/pixconv.pc" ] || fail "pixconv.pc not installed"
[ -f "$root/share/man/man1/pixconv.1" ] || fail "the man page pixconv.1 not installed"

# The soname carries the ABI version; the development link points at it.
soname=$(objdump -p "$lib/libpixconv.so" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libpixconv.so.1" ] || fail "soname is '$soname', want libpixconv.so.1"
[ -e "$lib/libpixconv.so.1" ] || fail "libpixconv.so.1 not installed"

# Only the public API is exported: C functions pixconv_*, C++ names in namespace pixconv but
# not pixconv::internal (kernels, planner), and no standard-library or Highway symbols.
nm -D --defined-only "$lib/libpixconv.so" | awk '$2 != "A" { print $3 }' | sed 's/@.*//' \
  | c++filt >"$tmp/exports"
grep -q '^pixconv_convert$' "$tmp/exports" || fail "pixconv_convert is not exported"
grep -q '^pixconv::ConvertParallel(' "$tmp/exports" ||
  fail "pixconv::ConvertParallel is not exported"
if grep -v -e '^pixconv_' -e '^pixconv::' "$tmp/exports" >"$tmp/stray" ||
   grep -e '^pixconv::internal' "$tmp/exports" >>"$tmp/stray"; then
  cat "$tmp/stray" >&2
  fail "symbols outside the public API are exported"
fi

# The .pc file names ${prefix}; point it at the DESTDIR tree.
export PKG_CONFIG_PATH="$lib/pkgconfig"
pc() { pkg-config --define-variable=prefix="$root" "$@" pixconv; }
cflags=$(pc --cflags)
libs=$(pc --libs)
case "$cflags $libs" in
  *"$tmp"*) ;;
  *) fail "pkg-config did not resolve into the DESTDIR tree: $cflags $libs" ;;
esac

# shellcheck disable=SC2086  # flags are meant to split
"$cc" -std=c11 -Wall -Wextra -Werror -o "$tmp/consumer_c" "$src/consumer.c" $cflags $libs
# shellcheck disable=SC2086
"$cxx" -std=c++17 -Wall -Wextra -Werror -o "$tmp/consumer_cxx" "$src/consumer.cc" $cflags $libs
# The installed library is not on the loader's path: name its directory for the run, and make
# sure that is the copy the consumers load.
for exe in consumer_c consumer_cxx; do
  LD_LIBRARY_PATH="$lib" ldd "$tmp/$exe" | grep -q "libpixconv.so.1 => $lib/" ||
    fail "$exe does not load the installed libpixconv.so.1"
  LD_LIBRARY_PATH="$lib" "$tmp/$exe" || fail "$exe failed"
done

# The static library with its private dependencies (pkg-config --static).
static_libs=$(pc --static --libs | sed 's/-lpixconv\b//')
# shellcheck disable=SC2086
"$cxx" -std=c++17 -o "$tmp/consumer_static" "$src/consumer.cc" $cflags "$lib/libpixconv.a" \
  $static_libs
if ldd "$tmp/consumer_static" | grep -q libpixconv; then
  fail "static consumer loads libpixconv.so"
fi
"$tmp/consumer_static" || fail "static consumer failed"
echo "install_test: ok"
