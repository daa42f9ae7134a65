#!/usr/bin/env bash
# Static checks of the Swift manifests that need no Swift toolchain:
#  - no unsafe flags anywhere a user's build reads (the root Package.swift and the example
#    that depends on it by version): SwiftPM refuses them in a versioned dependency;
#  - every path of the root manifest exists, its system-library target is the module of the
#    committed modulemap and names the pkg-config file that install-lib writes;
#  - its release version is the workspace version, its checksum is a SHA-256, its binary
#    artifact is named like the target, and set-release.sh rewrites exactly those two lines;
#  - the example depends on the package by version, through the product the root declares.
# Run from the repository root: bash bindings-swift/scripts/check-manifests.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"
fail() { echo "manifest check FAILED: $*" >&2; exit 1; }

MANIFEST=Package.swift
EXAMPLE=examples/swift-server/Package.swift
for f in "$MANIFEST" "$EXAMPLE"; do
  [ -f "$f" ] || fail "$f is missing"
  if grep -n 'unsafeFlags' "$f"; then fail "$f uses unsafeFlags, which SwiftPM refuses in a versioned dependency"; fi
done

# Paths of the root manifest.
while read -r p; do
  [ -d "$p" ] || fail "$MANIFEST: path \"$p\" does not exist"
done < <(sed -nE 's/^ *path: "([^"]+)",?$/\1/p' "$MANIFEST")
sys_path="$(tr -d '\n' < "$MANIFEST" | sed -nE 's/.*\.systemLibrary\( *name: "imgsign_uniffiFFI", *path: "([^"]+)", *pkgConfig: "imgsign_uniffi" *\).*/\1/p')"
[ -n "$sys_path" ] || fail "$MANIFEST: no .systemLibrary(name: \"imgsign_uniffiFFI\", path: ..., pkgConfig: \"imgsign_uniffi\")"
grep -q '^#if os(Linux)$' "$MANIFEST" || fail "$MANIFEST: the system library is not under #if os(Linux)"
grep -qx 'module imgsign_uniffiFFI {' "$sys_path/module.modulemap" || fail "$sys_path/module.modulemap does not define module imgsign_uniffiFFI"
grep -q 'imgsign_uniffi.pc' "$HERE/scripts/install-lib.sh" || fail "install-lib.sh does not write imgsign_uniffi.pc"

# Release constants.
version="$(cargo pkgid -p imgsign-uniffi | sed -E 's/.*[#@]//')"
grep -qx "let releaseVersion = \"$version\"" "$MANIFEST" || fail "$MANIFEST: releaseVersion is not the workspace version $version"
grep -qE '^let releaseChecksum = "[0-9a-f]{64}"$' "$MANIFEST" || fail "$MANIFEST: releaseChecksum is not a SHA-256"
grep -qF 'url: "https://github.com/imgsign/imgsign/releases/download/v\(releaseVersion)/imgsign_uniffiFFI.xcframework.zip"' "$MANIFEST" \
  || fail "$MANIFEST: the binary target does not download imgsign_uniffiFFI.xcframework.zip of release v<releaseVersion>"
grep -q 'OUT="$HERE/imgsign_uniffiFFI.xcframework"' "$HERE/build-xcframework.sh" \
  || fail "build-xcframework.sh does not build imgsign_uniffiFFI.xcframework"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cp "$MANIFEST" "$TMP/Package.swift"
printf 'release zip\n' > "$TMP/artifact.zip"
bash "$HERE/scripts/set-release.sh" 9.8.7 "$TMP/artifact.zip" "$TMP/Package.swift" >/dev/null
sum="$(sha256sum "$TMP/artifact.zip" | cut -d' ' -f1)"
changed="$(diff "$MANIFEST" "$TMP/Package.swift" | grep -c '^>' || true)"
[ "$changed" = 2 ] || fail "set-release.sh changed $changed lines instead of 2"
grep -qx 'let releaseVersion = "9.8.7"' "$TMP/Package.swift" && grep -qx "let releaseChecksum = \"$sum\"" "$TMP/Package.swift" \
  || fail "set-release.sh did not write the version and the zip's SHA-256"
if bash "$HERE/scripts/set-release.sh" not-a-version "$sum" "$TMP/Package.swift" 2>/dev/null; then fail "set-release.sh accepted a bad version"; fi

# The example, as a user's app.
grep -q '^let imgsignURL = .*"https://github.com/imgsign/imgsign.git"$' "$EXAMPLE" || fail "$EXAMPLE: not the project's repository URL"
grep -qF '.package(url: imgsignURL, from: "' "$EXAMPLE" || fail "$EXAMPLE: does not depend on imgsign by version"
grep -qF '.product(name: "Imgsign", package: "imgsign")' "$EXAMPLE" || fail "$EXAMPLE: does not use the Imgsign product"
grep -qF '.library(name: "Imgsign", targets: ["Imgsign"])' "$MANIFEST" || fail "$MANIFEST: no Imgsign library product"
if grep -nE '\.package\([^)]*path:' "$EXAMPLE"; then fail "$EXAMPLE: depends on a local path"; fi
echo "Swift manifests: no unsafe flags in $MANIFEST or $EXAMPLE; root paths, pkg-config name, release $version constants and set-release.sh checked"
