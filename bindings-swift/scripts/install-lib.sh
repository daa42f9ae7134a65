#!/usr/bin/env bash
# Installs what the Swift package's Linux system-library target links against, in the
# standard folders under PREFIX (default /usr/local):
#   LIBDIR/libimgsign_uniffi.so                        the stripped release library
#   LIBDIR/pkgconfig/imgsign_uniffi.pc                 Libs: -L${libdir} -limgsign_uniffi
#   INCLUDEDIR/imgsign_uniffi/imgsign_uniffiFFI.h      the C header (for C callers; the
#                                                      Swift package carries its own copy)
# LIBDIR defaults to PREFIX/lib, INCLUDEDIR to PREFIX/include; DESTDIR stages an install.
# IMGSIGN_UNIFFI_LIB installs an already built release library instead of building one (the
# release tarball, scripts/dist/swift-linux.sh: the glibc-2.17 build).
# SwiftPM refuses rpath flags from a .pc file, so the library must be where the loader looks:
# under /usr/local/lib or /usr/lib this script refreshes the loader cache (as root).
# Usage, from the repository root: make install-lib PREFIX=/usr/local
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

PREFIX="${PREFIX:-/usr/local}"
LIBDIR="${LIBDIR:-$PREFIX/lib}"
INCLUDEDIR="${INCLUDEDIR:-$PREFIX/include}"
DESTDIR="${DESTDIR:-}"
case "$PREFIX" in /*) ;; *) echo "install-lib: PREFIX must be an absolute path (got '$PREFIX')" >&2; exit 2 ;; esac

if [ "$(uname -s)" != Linux ]; then
  echo "install-lib: Linux only; on Apple platforms the Swift package uses the XCFramework" >&2
  exit 2
fi
command -v strip >/dev/null 2>&1 || { echo "install-lib: 'strip' (binutils) is needed" >&2; exit 2; }

if [ -n "${IMGSIGN_UNIFFI_LIB:-}" ]; then
  SO="$IMGSIGN_UNIFFI_LIB"
else
  cargo build --locked --release -q -p imgsign-uniffi
  SO="${CARGO_TARGET_DIR:-$ROOT/target}/release/libimgsign_uniffi.so"
fi
VERSION="$(cargo pkgid -p imgsign-uniffi | sed -E 's/.*[#@]//')"

install -d "$DESTDIR$LIBDIR/pkgconfig" "$DESTDIR$INCLUDEDIR/imgsign_uniffi"
install -m 0755 "$SO" "$DESTDIR$LIBDIR/libimgsign_uniffi.so"
strip --strip-unneeded "$DESTDIR$LIBDIR/libimgsign_uniffi.so"
install -m 0644 "$HERE/Sources/imgsign_uniffiFFI/imgsign_uniffiFFI.h" "$DESTDIR$INCLUDEDIR/imgsign_uniffi/"

# ${prefix}-relative paths when they are under PREFIX, so the .pc file stays relocatable.
rel() { case "$1" in "$PREFIX"/*) echo "\${prefix}${1#"$PREFIX"}" ;; *) echo "$1" ;; esac; }
cat > "$DESTDIR$LIBDIR/pkgconfig/imgsign_uniffi.pc" <<PC
prefix=$PREFIX
libdir=$(rel "$LIBDIR")
includedir=$(rel "$INCLUDEDIR")

Name: imgsign_uniffi
Description: imgsign (build, sign and verify image-CDN URLs): the library behind the Swift package
URL: https://github.com/imgsign/imgsign
Version: $VERSION
Libs: -L\${libdir} -limgsign_uniffi
Cflags: -I\${includedir}/imgsign_uniffi
PC
chmod 0644 "$DESTDIR$LIBDIR/pkgconfig/imgsign_uniffi.pc"

echo "installed libimgsign_uniffi $VERSION into $DESTDIR$LIBDIR (pkg-config: imgsign_uniffi)"
case "$LIBDIR" in
  /usr/local/lib|/usr/lib|/usr/lib64|/usr/local/lib64|/usr/lib/*-linux-gnu)
    if [ -z "$DESTDIR" ] && [ "$(id -u)" = 0 ] && command -v ldconfig >/dev/null 2>&1; then
      ldconfig
    elif [ -z "$DESTDIR" ]; then
      echo "run 'ldconfig' as root so that the loader finds the new library"
    fi ;;
  *)
    echo "note: the loader does not search $LIBDIR by default: add it to /etc/ld.so.conf.d/ (then ldconfig)," \
         "or set LD_LIBRARY_PATH, and set PKG_CONFIG_PATH=$LIBDIR/pkgconfig for SwiftPM" ;;
esac
