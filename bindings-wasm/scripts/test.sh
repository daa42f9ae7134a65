#!/usr/bin/env bash
# Builds the WebAssembly module (cached by cargo) and tests it in every JavaScript runtime:
# Node (native addon and wasm), Deno, Bun, workerd, Vercel's Edge Runtime and headless
# Chromium, each running every conformance vector, the generated differential cases and
# the API checks; then the TypeScript types, and `npm pack` installed into an empty project
# (the wasm fallback). Run from anywhere: bash bindings-wasm/scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HARNESS=$ROOT/bindings-wasm/harness
export CARGO_TERM_COLOR=never

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The crate's own tests (wire format, conversions) on the host.
cargo test -q --locked -p imgsign-wasm

bash bindings-wasm/scripts/build.sh

# The native addon the wasm build is compared with (a no-op when `make test-node` built it).
(cd bindings-node && npm install --no-audit --no-fund --loglevel=error && npx napi build --platform --release --js native.js >/dev/null)

# Headless Chromium from Debian; the other runtimes come from npm (harness/package.json).
if ! [ -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
(cd "$HARNESS" && npm install --no-audit --no-fund --loglevel=error)

status=0
node "$HARNESS/tests/run.mjs" || status=1
"$ROOT/bindings-node/node_modules/.bin/tsc" -p "$HARNESS/tests/tsconfig.json" && echo "types: imgsign/wasm has the types of imgsign" || status=1
node "$HARNESS/tests/pack.mjs" || status=1
exit $status
