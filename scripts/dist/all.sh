#!/usr/bin/env bash
# `make dist`: every artifact this machine can build, into a fresh dist/, with the same
# scripts the release workflows run per platform (.github/workflows/release-*.yml). It
# installs what it needs itself (the pinned tools of scripts/dist/requirements.txt, npm and
# Maven dependencies). Ends with dist/SHA256SUMS and a list of what was built.
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"
D="$ROOT/scripts/dist"
start=$(date +%s)
step() {
  local s
  s=$(date +%s)
  note "$*"
  "$@"
  echo "    ($(( $(date +%s) - s )) s)"
}

rm -rf "$DIST" "$ROOT/build/npm/artifacts" "$ROOT/build/jvm/native"
mkdir -p "$DIST"

step bash "$D/python.sh" --sdist
step bash "$D/npm.sh" build
# The WebAssembly fallback of the npm package, when the package has one.
if [ -f "$ROOT/bindings-wasm/scripts/build.sh" ]; then
  step env -u CARGO_TARGET_DIR bash "$ROOT/bindings-wasm/scripts/build.sh"
fi
step bash "$D/npm.sh" pack
step bash "$D/jvm.sh" jar
step bash "$D/cli.sh"
if [ "$(uname -s)" = Linux ]; then
  step bash "$D/swift-linux.sh"
fi
if [ "$(uname -s)" = Darwin ]; then
  step bash "$D/swift-xcframework.sh"
else
  echo "==> Swift XCFramework: needs macOS with Xcode; built by .github/workflows/release-swift.yml"
fi

cd "$DIST"
files=(*)
sha256sum "${files[@]}" > SHA256SUMS
echo
echo "==> dist/ ($(( $(date +%s) - start )) s)"
for f in "${files[@]}"; do printf '%10d  %s\n' "$(wc -c <"$f")" "$f"; done
