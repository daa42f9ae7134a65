#!/usr/bin/env bash
# Swift package checks. Always (no Swift toolchain needed): the generated-bindings drift
# check, the static manifest checks (no unsafe flags where a user's build reads, release
# constants) and the install-lib check (pkg-config flags, stripped library, a C program
# running the Swift bindings' start-up checks against the installed library).
# With a Swift toolchain: `swift test` of the local development package (every conformance
# vector plus the API tests), and on Linux also of the release manifest at the repository
# root, linked through pkg-config after `make install-lib`, as a user's build is.
# Run from the repository root: bash bindings-swift/scripts/test.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

bash "$HERE/scripts/check-generated.sh"
bash "$HERE/scripts/check-manifests.sh"
bash "$HERE/scripts/check-install-lib.sh"

if command -v swift >/dev/null 2>&1; then
  # The dev cdylib built by the drift check is what the local package links against.
  (cd "$HERE" && swift test)
  if [ "$(uname -s)" = Linux ]; then
    TMP="$(mktemp -d)"
    trap 'rm -rf "$TMP"' EXIT
    make -s install-lib PREFIX="$TMP/prefix" >/dev/null
    PKG_CONFIG_PATH="$TMP/prefix/lib/pkgconfig" LD_LIBRARY_PATH="$TMP/prefix/lib" \
      swift test --package-path "$ROOT" --scratch-path "$TMP/build"
  fi
else
  echo "SKIPPED: no Swift toolchain (swift test not run)"
fi
