#!/usr/bin/env bash
# What the Swift package links against on Linux, as a release archive into dist/:
#   imgsign-swift-linux-<version>-<triple>.tar.gz: the `make install-lib` layout under
#   usr/local/ (lib/libimgsign_uniffi.so, lib/pkgconfig/imgsign_uniffi.pc,
#   include/imgsign_uniffi/imgsign_uniffiFFI.h) plus share/doc/imgsign/ with the licenses.
#   Unpack it into / (or any prefix, then set PKG_CONFIG_PATH); the library is the glibc-2.17
#   build of scripts/dist/jvm.sh lib.
# Usage: bash scripts/dist/swift-linux.sh [TRIPLE]   (Linux glibc targets)
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

target="${1:-$(host_target)}"
case "$target" in *-linux-gnu) ;; *) die "swift-linux.sh: $target is not a Linux glibc target" ;; esac
bash "$ROOT/scripts/dist/jvm.sh" lib "$target"
lib="$ROOT/build/jvm/native/$(jna_prefix "$target")/libimgsign_uniffi.so"

name="imgsign-swift-linux-$VERSION-$target"
stage="$ROOT/build/swift-linux/$name"
rm -rf "$stage" && mkdir -p "$stage/usr/local/share/doc/imgsign" "$DIST"
IMGSIGN_UNIFFI_LIB="$lib" make -s -C "$ROOT" install-lib PREFIX=/usr/local DESTDIR="$stage" >/dev/null
copy_licenses "$stage/usr/local/share/doc/imgsign"
(cd "$stage" && tar -czf "$DIST/$name.tar.gz" --owner=0 --group=0 usr)
ls -l "$DIST/$name.tar.gz"
