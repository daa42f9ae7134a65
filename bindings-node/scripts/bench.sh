#!/usr/bin/env bash
# Benchmark of the Node package against @imgix/js-core and node:crypto. Run from the
# repository root: bash bindings-node/scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund --loglevel=error
npx napi build --platform --release --js native.js   # index.js is ours, not generated
node --expose-gc bench/bench.mjs
