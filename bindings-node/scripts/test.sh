#!/usr/bin/env bash
# Builds and tests the Node package `imgsign`. Run from the repository root:
#   bash bindings-node/scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PKG=$ROOT/bindings-node
export CARGO_TERM_COLOR=never

# The CLI is compared with in __test__/api.test.mjs (canonical output must be identical).
cargo build -q -p imgsign-cli

(cd "$PKG" && npm install --no-audit --no-fund --loglevel=error)

# Generated files must not drift: compare the committed index.d.ts / native.js with a rebuild.
SNAP=$(mktemp -d)
trap 'rm -rf "$SNAP"' EXIT
for f in index.d.ts native.js; do
  if [ -f "$PKG/$f" ]; then cp "$PKG/$f" "$SNAP/$f"; fi
done
(cd "$PKG" && npx napi build --platform --release --js native.js)
for f in index.d.ts native.js; do
  if [ ! -f "$SNAP/$f" ]; then
    echo "bindings-node/$f was missing before the build: commit the generated file" >&2
    exit 1
  fi
  if ! diff -u "$SNAP/$f" "$PKG/$f"; then
    echo "bindings-node/$f changed after the rebuild: commit the regenerated file" >&2
    exit 1
  fi
done

# The examples depend on the package through a file: link.
for ex in node-ssr node-origin; do
  (cd "$ROOT/examples/$ex" && npm install --no-audit --no-fund --loglevel=error)
done

(cd "$PKG" && npx tsc --noEmit -p __test__/tsconfig.json)
# The README's example (examples/usage.ts): tsc --strict, then run.
(cd "$PKG" && rm -rf examples/.build && npx tsc -p examples/tsconfig.json && node examples/.build/usage.js)

cd "$PKG"
node --test __test__/
