#!/usr/bin/env bash
# JS checks of the WebAssembly harness and build helper (part of `make lint`): Biome with
# the Node package's configuration (its glue and entry files are checked there).
set -euo pipefail
cd "$(dirname "$0")/../../bindings-node"
npm install --no-audit --no-fund --loglevel=error >/dev/null
npx biome check --config-path=biome.json ../bindings-wasm/harness/tests ../bindings-wasm/harness/bench ../bindings-wasm/scripts/cjs.mjs
echo "wasm lint: biome clean"
