#!/usr/bin/env bash
# The Python distributions into dist/: one abi3 wheel (CPython 3.9+) for a target, and with
# --sdist the source distribution. Both carry LICENSE-MIT, LICENSE-APACHE and the project
# URLs (bindings-python/pyproject.toml).
#   Linux glibc: manylinux2014 (glibc 2.17), linked by zig      (maturin --zig)
#   Linux musl:  musllinux_1_2, linked by zig
#   macOS, Windows: the platform's own linker, on its own runner
# Usage: bash scripts/dist/python.sh [--target TRIPLE] [--sdist] [--no-wheel]
#   (default target: this machine's). The release workflow runs the same script per target.
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

target="$(host_target)"; sdist=0; wheel=1
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; shift 2 ;;
    --sdist) sdist=1; shift ;;
    --no-wheel) wheel=0; shift ;;
    *) die "python.sh: unknown argument $1" ;;
  esac
done

dist_tools
apple_deployment_target "$target"
# maturin's own target folder: its zig settings differ from cargo-zigbuild's, and sharing
# one folder would rebuild every crate each time the other tool runs.
export CARGO_TARGET_DIR="$CARGO_TARGET_DIR-python"
mkdir -p "$DIST"
cd "$ROOT/bindings-python"

if [ "$wheel" = 1 ]; then
  args=(build --locked --release --strip --out "$DIST" --target "$target")
  case "$target" in
    *-linux-gnu) args+=(--zig --compatibility manylinux2014) ;;
    *-linux-musl) args+=(--zig --compatibility musllinux_1_2) ;;
  esac
  note "wheel for $target: maturin ${args[*]}"
  maturin "${args[@]}"
fi
if [ "$sdist" = 1 ]; then
  note "sdist: maturin sdist"
  maturin sdist --out "$DIST"
fi
