#!/usr/bin/env bash
# The CLI release archive for one target (default: this machine's), into dist/:
#   imgsign-<version>-<triple>.tar.gz (.zip on Windows) holding imgsign-<version>-<triple>/
#   with the stripped `imgsign` binary, README.md (cli/README.md), LICENSE-MIT, LICENSE-APACHE.
# Linux glibc targets link against glibc 2.17 through zig. Where the binary runs here, its
# `--version` must print the workspace version.
# Usage: bash scripts/dist/cli.sh [TRIPLE]
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

target="${1:-$(host_target)}"
uses_zig "$target" && dist_tools
note "imgsign-cli for $target"
cargo_release "$target" -p imgsign-cli

name="imgsign-$VERSION-$target"
stage="$ROOT/build/cli/$name"
exe="$(exe_file "$target" imgsign)"
rm -rf "$stage" && mkdir -p "$stage" "$DIST"
cp "$CARGO_TARGET_DIR/$target/release/$exe" "$stage/$exe"
strip_binary "$stage/$exe"
cp "$ROOT/cli/README.md" "$stage/README.md"
copy_licenses "$stage"
case "$target" in *-linux-gnu) check_glibc_floor "$stage/$exe" ;; esac

if [ "$target" = "$(host_target)" ]; then
  got="$("$stage/$exe" --version)"
  [ "$got" = "imgsign $VERSION" ] || die "$exe --version printed '$got', expected 'imgsign $VERSION'"
  echo "$exe --version: $got"
fi

cd "$ROOT/build/cli"
case "$target" in
  *-windows-*)
    rm -f "$DIST/$name.zip"
    if command -v 7z >/dev/null 2>&1; then 7z a -tzip -bso0 "$DIST/$name.zip" "$name"
    else powershell -NoProfile -Command "Compress-Archive -Path '$name' -DestinationPath '$(cygpath -w "$DIST/$name.zip")'"; fi
    ls -l "$DIST/$name.zip" ;;
  *)
    tar -czf "$DIST/$name.tar.gz" --owner=0 --group=0 "$name" 2>/dev/null || tar -czf "$DIST/$name.tar.gz" "$name"
    ls -l "$DIST/$name.tar.gz" ;;
esac
