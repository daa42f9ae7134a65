#!/usr/bin/env bash
# Drift check: regenerates the Swift bindings with the pinned uniffi-bindgen (dev build)
# into a temporary folder and fails on any difference with the committed files.
# Update the committed files with: bash bindings-swift/scripts/generate.sh bindings-swift
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"
cargo build -q -p imgsign-uniffi -p uniffi-bindgen
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
bash "$HERE/scripts/generate.sh" "$TMP"
status=0
for f in Sources/Imgsign/Imgsign.swift Sources/Imgsign/ImgsignProviders.swift Sources/imgsign_uniffiFFI/imgsign_uniffiFFI.h Sources/imgsign_uniffiFFI/module.modulemap; do
  if ! diff -u "$HERE/$f" "$TMP/$f" > "$TMP/diff.txt" 2>&1; then
    echo "DRIFT: bindings-swift/$f differs from freshly generated bindings:" >&2
    head -40 "$TMP/diff.txt" >&2
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "Regenerate with: bash bindings-swift/scripts/generate.sh bindings-swift" >&2
  exit 1
fi
echo "generated Swift bindings are up to date (4 files)"
