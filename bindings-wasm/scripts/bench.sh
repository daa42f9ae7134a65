#!/usr/bin/env bash
# Benchmark of the WebAssembly build beside the native addon, against @imgix/js-core and
# node:crypto in the same run, plus Deno and Bun. Part of `make bench-node`.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash bindings-wasm/scripts/build.sh
(cd bindings-node && npm install --no-audit --no-fund --loglevel=error && npx napi build --platform --release --js native.js >/dev/null)
(cd bindings-wasm/harness && npm install --no-audit --no-fund --loglevel=error)
node bindings-wasm/harness/bench/bench.mjs
