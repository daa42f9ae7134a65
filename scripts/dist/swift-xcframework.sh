#!/usr/bin/env bash
# The Swift release artifact (macOS with Xcode only): imgsign_uniffiFFI.xcframework.zip into
# dist/, built by bindings-swift/build-xcframework.sh. With --stamp, its SHA-256 and the
# workspace version are written into the root Package.swift (bindings-swift/scripts/
# set-release.sh), which the release commit then carries; the same zip is what the release
# uploads.
# Usage: bash scripts/dist/swift-xcframework.sh [--stamp]
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

[ "$(uname -s)" = Darwin ] || die "swift-xcframework.sh needs macOS with Xcode (the release workflow's macOS runner)"
unset CARGO_TARGET_DIR   # build-xcframework.sh reads the slices from target/<triple>/
bash "$ROOT/bindings-swift/build-xcframework.sh"
zip="$ROOT/bindings-swift/imgsign_uniffiFFI.xcframework.zip"
mkdir -p "$DIST"
cp "$zip" "$DIST/"
shasum -a 256 "$DIST/imgsign_uniffiFFI.xcframework.zip"
if [ "${1:-}" = --stamp ]; then
  bash "$ROOT/bindings-swift/scripts/set-release.sh" "$VERSION" "$DIST/imgsign_uniffiFFI.xcframework.zip"
fi
