#!/usr/bin/env bash
# Swift package checks: the generated-bindings drift check always; `swift test` (every
# conformance vector plus round-trip and tamper tests) when a Swift toolchain is present.
# Run from the repository root: bash bindings-swift/scripts/test.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

bash "$HERE/scripts/check-generated.sh"

if command -v swift >/dev/null 2>&1; then
  # The dev cdylib built by the drift check is what the local package links against.
  (cd "$HERE" && swift test)
else
  echo "SKIPPED: no Swift toolchain (swift test not run)"
fi
