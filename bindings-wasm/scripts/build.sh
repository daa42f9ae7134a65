#!/usr/bin/env bash
# Builds the WebAssembly module of the `imgsign` npm package:
#   bindings-node/wasm/imgsign.wasm  (from the imgsign-wasm crate, release, size-optimised)
#   bindings-node/wasm/glue.cjs      (the CommonJS copy of wasm/glue.mjs, for require())
# Run from anywhere: bash bindings-wasm/scripts/build.sh
#
# With rustup's wasm32-unknown-unknown target installed this is a plain cargo build.
# Without it (rustup cannot add targets everywhere), Debian's `rustc-web` compiler, which
# has the WebAssembly backend, builds the standard library from `rust-web-src` and
# `wasm-ld` (package `lld`) links; the script installs those packages with apt-get.
# Cargo's own incremental build is the cache: a second run with no change takes a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
OUT=$ROOT/bindings-node/wasm
TARGET=wasm32-unknown-unknown
TARGET_DIR=$ROOT/target/wasm
export CARGO_TERM_COLOR=never

# Release settings for the module only (the workspace profile is untouched). opt-level 2:
# "s"/"z" make the module 15% smaller gzipped but buildUrl 2-3x slower (measured by
# make bench-node); 3 is no faster than 2 and larger. A panic aborts (none is expected:
# the core denies panicking constructs); with the standard library built here it aborts
# without the formatting machinery (-Cpanic=immediate-abort).
export CARGO_PROFILE_RELEASE_PANIC=abort
export CARGO_PROFILE_RELEASE_OPT_LEVEL=2
export CARGO_PROFILE_RELEASE_LTO=fat
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_STRIP=symbols
# Code off the hot path optimised for size instead: the Unicode crates (host names that are
# not ASCII, NFC for the imgix-swift key order) at "z", the URL parser at "s". Measured by
# make bench-node: buildUrl and signUrl no slower; 14 KB less gzipped.
COLD=()
for crate in idna idna_adapter icu_normalizer icu_collections icu_properties; do
  COLD+=(--config "profile.release.package.$crate.opt-level=\"z\"")
done
COLD+=(--config 'profile.release.package.url.opt-level="s"')

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# WebAssembly SIMD (simd128): the core's 16-byte scans (the sent URL's separators, the
# characters a path or value keeps) compile to vector compares instead of byte loops:
# signUrl about 20 % faster and the module 5 KB smaller gzipped. Every runtime the package
# supports has it (Node 16.4+, Deno, Bun, workerd, Chromium 91+, Firefox 89+, Safari 16.4+).
SIMD=-Ctarget-feature=+simd128

if rustup target list --installed 2>/dev/null | grep -qx "$TARGET"; then
  RUSTFLAGS="$SIMD" cargo build "${COLD[@]}" --locked --release -p imgsign-wasm --target "$TARGET" --target-dir "$TARGET_DIR"
else
  if ! [ -x /usr/bin/rustc ] || ! command -v wasm-ld >/dev/null || ! ls -d /usr/src/rustc-*/library >/dev/null 2>&1; then
    echo "bindings-wasm: no rustup $TARGET target; installing Debian's rustc-web, rust-web-src and lld" >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      rustc-web rust-web-src lld >/dev/null
  fi
  sysroot=$(/usr/bin/rustc --print sysroot)
  version=$(/usr/bin/rustc --version | awk '{print $2}')
  src=/usr/src/rustc-$version
  [ -d "$src/library" ] || { echo "bindings-wasm: $src/library is missing (rust-web-src)" >&2; exit 1; }
  # -Zbuild-std looks for the standard library's source under the sysroot.
  if [ "$(readlink -f "$sysroot/lib/rustlib/src/rust" 2>/dev/null)" != "$src" ]; then
    as_root mkdir -p "$sysroot/lib/rustlib/src"
    as_root ln -sfn "$src" "$sysroot/lib/rustlib/src/rust"
  fi
  # RUSTFLAGS reach only the wasm target's crates (build scripts are built without them).
  # The standard library is built with its `optimize_for_size` feature: smaller sort,
  # integer-formatting and float-parsing routines with the same results (sorts that are
  # stable stay stable; the core's unstable sorts only order keys whose duplicates are an
  # error), 24 KB less gzipped and no slower per call (make bench-node). The standard
  # library is built with the same target feature.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort $SIMD" \
    cargo build "${COLD[@]}" --locked --release -p imgsign-wasm --target "$TARGET" --target-dir "$TARGET_DIR" \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
fi

built=$TARGET_DIR/$TARGET/release/imgsign_wasm.wasm
mkdir -p "$OUT"
cmp -s "$built" "$OUT/imgsign.wasm" || cp "$built" "$OUT/imgsign.wasm"
[ -f "$OUT/glue.mjs" ] && node "$ROOT/bindings-wasm/scripts/cjs.mjs" "$OUT/glue.mjs" "$OUT/glue.cjs"
raw=$(wc -c <"$OUT/imgsign.wasm")
gz=$(gzip -9c "$OUT/imgsign.wasm" | wc -c)
echo "bindings-wasm: wasm/imgsign.wasm $raw bytes, $gz gzipped"
