#!/usr/bin/env bash
# Generates the UniFFI Kotlin sources and lays the native libraries out in JNA's resource
# folders (<os>-<arch>/lib...), both under bindings-kotlin/target/ (nothing generated is
# committed). Maven runs it in generate-sources, so `mvn install` works from a clean checkout;
# it builds with cargo what it needs, and the pinned uniffi-bindgen of the workspace.
# Usage: bash bindings-kotlin/scripts/generate.sh [debug|release]   (cargo profile, default debug)
#   release: the library is stripped (the jar ships it).
# Environment:
#   IMGSIGN_NATIVE_DIR   a folder already in JNA's layout, holding stripped release libraries
#                        of one or more platforms (the release build, scripts/dist/jvm.sh): they
#                        are shipped as they are and no library is built;
#                        The Kotlin is then generated from a dev build of this machine's
#                        library (uniffi-bindgen reads the metadata from the symbol table,
#                        which a shipped library no longer has; the bindings are the same
#                        for every profile and platform);
#   IMGSIGN_SKIP_TESTS   "true" skips building the CLI that the tests compare with.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
PROFILE="${1:-debug}"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
cd "$ROOT"   # uniffi-bindgen runs `cargo metadata` to find bindings-uniffi/uniffi.toml

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)  JNA_DIR=linux-x86-64;   LIB=libimgsign_uniffi.so ;;
  Linux-aarch64) JNA_DIR=linux-aarch64;  LIB=libimgsign_uniffi.so ;;
  Darwin-arm64)  JNA_DIR=darwin-aarch64; LIB=libimgsign_uniffi.dylib ;;
  Darwin-x86_64) JNA_DIR=darwin-x86-64;  LIB=libimgsign_uniffi.dylib ;;
  *) echo "unsupported host $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac

# Dev profile for the generator on purpose: the bindings are identical, and uniffi-bindgen
# in release takes minutes.
packages=(-p uniffi-bindgen)
[ "${IMGSIGN_SKIP_TESTS:-false}" = true ] || packages+=(-p imgsign-cli)
cargo build -q --locked "${packages[@]}"

GEN="$HERE/target/generated-sources/uniffi"
NATIVE="$HERE/target/native"
rm -rf "$GEN" "$NATIVE"
mkdir -p "$GEN" "$NATIVE"

if [ -n "${IMGSIGN_NATIVE_DIR:-}" ]; then
  [ -n "$(ls -A "$IMGSIGN_NATIVE_DIR" 2>/dev/null)" ] || { echo "generate.sh: IMGSIGN_NATIVE_DIR ($IMGSIGN_NATIVE_DIR) is empty" >&2; exit 2; }
  cargo build -q --locked -p imgsign-uniffi
  SO="$TARGET_DIR/debug/$LIB"
  cp -R "$IMGSIGN_NATIVE_DIR"/. "$NATIVE"/
else
  if [ "$PROFILE" = release ]; then
    cargo build -q --locked --release -p imgsign-uniffi
  else
    cargo build -q --locked -p imgsign-uniffi
  fi
  SO="$TARGET_DIR/$PROFILE/$LIB"
  mkdir -p "$NATIVE/$JNA_DIR"
  cp "$SO" "$NATIVE/$JNA_DIR/$LIB"
  if [ "$PROFILE" = release ]; then
    case "$(uname -s)" in
      Linux) strip --strip-unneeded "$NATIVE/$JNA_DIR/$LIB" ;;
      Darwin) strip -x "$NATIVE/$JNA_DIR/$LIB" ;;
    esac
  fi
fi
"$TARGET_DIR/debug/uniffi-bindgen" generate --no-format --metadata-no-deps -l kotlin -o "$GEN" "$SO"
