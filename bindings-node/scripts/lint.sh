#!/usr/bin/env bash
# JS/TS checks of the Node package (part of `make lint`): Biome (lint and format) over the
# hand-written JavaScript and TypeScript, and `tsc --strict` on the typing test against the
# committed index.d.ts. Run from anywhere: bash bindings-node/scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund --loglevel=error >/dev/null
npx biome check .
npx tsc --noEmit --strict -p __test__/tsconfig.json
npx tsc --noEmit --strict -p examples/tsconfig.json
echo "node lint: biome and tsc --strict clean"
