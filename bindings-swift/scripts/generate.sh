#!/usr/bin/env bash
# Writes the UniFFI Swift bindings into OUT_DIR laid out like this package:
#   OUT_DIR/Sources/Imgsign/Imgsign.swift
#   OUT_DIR/Sources/Imgsign/ImgsignProviders.swift   (provider constants, from the library)
#   OUT_DIR/Sources/imgsign_uniffiFFI/imgsign_uniffiFFI.h
#   OUT_DIR/Sources/imgsign_uniffiFFI/module.modulemap
# Needs target/debug/uniffi-bindgen and target/debug/libimgsign_uniffi.so (or .dylib).
# Usage (from anywhere): bash bindings-swift/scripts/generate.sh OUT_DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$(mkdir -p "$1" && cd "$1" && pwd)"
cd "$ROOT"   # uniffi-bindgen runs `cargo metadata` to find bindings-uniffi/uniffi.toml
LIB=target/debug/libimgsign_uniffi.so
[ -f "$LIB" ] || LIB=target/debug/libimgsign_uniffi.dylib
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
target/debug/uniffi-bindgen generate --no-format --metadata-no-deps -l swift -o "$TMP" "$LIB"
mkdir -p "$OUT/Sources/Imgsign" "$OUT/Sources/imgsign_uniffiFFI"
cp "$TMP/Imgsign.swift" "$OUT/Sources/Imgsign/Imgsign.swift"
cp "$TMP/imgsign_uniffiFFI.h" "$OUT/Sources/imgsign_uniffiFFI/imgsign_uniffiFFI.h"
cp "$TMP/imgsign_uniffiFFI.modulemap" "$OUT/Sources/imgsign_uniffiFFI/module.modulemap"

# Provider constants: the core's own list, asked of the same library through the Python
# bindings of the same pinned uniffi-bindgen (so no name is ever typed by hand).
mkdir -p "$TMP/py"
target/debug/uniffi-bindgen generate --no-format --metadata-no-deps -l python -o "$TMP/py" "$LIB" >/dev/null
cp "$LIB" "$TMP/py/"
python3 "$HERE/scripts/gen_providers.py" "$TMP/py" "$OUT/Sources/Imgsign/ImgsignProviders.swift"
