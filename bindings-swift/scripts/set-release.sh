#!/usr/bin/env bash
# Writes a release into the root Package.swift: the version whose XCFramework the Apple
# binary target downloads, and the SHA-256 of that zip (what `swift package compute-checksum`
# prints). The release workflow runs it after building the zip, commits, tags v<VERSION> and
# uploads the same zip to that release.
# Usage: bash bindings-swift/scripts/set-release.sh VERSION (CHECKSUM | path/to/zip) [MANIFEST]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VERSION="${1:?usage: set-release.sh VERSION (CHECKSUM | ZIP) [MANIFEST]}"
SUM="${2:?usage: set-release.sh VERSION (CHECKSUM | ZIP) [MANIFEST]}"
MANIFEST="${3:-$ROOT/Package.swift}"

[[ "$VERSION" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || { echo "set-release: '$VERSION' is not a version" >&2; exit 2; }
if [ -f "$SUM" ]; then
  if command -v sha256sum >/dev/null 2>&1; then SUM="$(sha256sum "$SUM" | cut -d' ' -f1)"
  else SUM="$(shasum -a 256 "$SUM" | cut -d' ' -f1)"; fi
fi
[[ "$SUM" =~ ^[0-9a-f]{64}$ ]] || { echo "set-release: '$SUM' is neither a SHA-256 nor a file" >&2; exit 2; }

# No `sed -i`: its syntax differs between GNU (Linux) and BSD (macOS runners).
tmp="$(mktemp)"
sed -E -e "s/^let releaseVersion = \"[^\"]*\"$/let releaseVersion = \"$VERSION\"/" \
       -e "s/^let releaseChecksum = \"[^\"]*\"$/let releaseChecksum = \"$SUM\"/" "$MANIFEST" > "$tmp"
if ! grep -qx "let releaseVersion = \"$VERSION\"" "$tmp" || ! grep -qx "let releaseChecksum = \"$SUM\"" "$tmp"; then
  rm -f "$tmp"
  echo "set-release: $MANIFEST has no releaseVersion/releaseChecksum lines to rewrite" >&2
  exit 1
fi
cat "$tmp" > "$MANIFEST"
rm -f "$tmp"
echo "Package.swift: version $VERSION, checksum $SUM"
