#!/usr/bin/env bash
# Generates the UniFFI Kotlin sources from a built cdylib and puts the library into JNA's
# resource folder, both under bindings-kotlin/target/ (nothing generated is committed).
# Usage: bash bindings-kotlin/scripts/generate.sh [debug|release]   (cargo profile dir)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PROFILE="${1:-debug}"
cd "$ROOT"   # uniffi-bindgen runs `cargo metadata` to find bindings-uniffi/uniffi.toml

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)  JNA_DIR=linux-x86-64;   LIB=libimgsign_uniffi.so ;;
  Linux-aarch64) JNA_DIR=linux-aarch64;  LIB=libimgsign_uniffi.so ;;
  Darwin-arm64)  JNA_DIR=darwin-aarch64; LIB=libimgsign_uniffi.dylib ;;
  Darwin-x86_64) JNA_DIR=darwin-x86-64;  LIB=libimgsign_uniffi.dylib ;;
  *) echo "unsupported host $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

SO="target/$PROFILE/$LIB"
GEN="$HERE/target/generated-sources/uniffi"
NATIVE="$HERE/target/native/$JNA_DIR"
rm -rf "$GEN" "$HERE/target/native"
mkdir -p "$GEN" "$NATIVE"
target/debug/uniffi-bindgen generate --no-format --metadata-no-deps -l kotlin -o "$GEN" "$SO"
cp "$SO" "$NATIVE/$LIB"
