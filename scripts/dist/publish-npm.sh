#!/usr/bin/env bash
# Publishes the npm tarballs of a release folder: every platform package first, then the
# main package, whose optionalDependencies name them (so no install ever resolves the main
# package before its binaries exist). With --dry-run, `npm publish --dry-run` of each.
# Usage: bash scripts/dist/publish-npm.sh [--dry-run] DIR
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

flags=(--access public)
if [ "${1:-}" = --dry-run ]; then flags+=(--dry-run); shift; else flags+=(--provenance); fi
dir="${1:?usage: publish-npm.sh [--dry-run] DIR}"
main="$dir/imgsign-$VERSION.tgz"
[ -f "$main" ] || die "no $main"
for tgz in "$dir"/imgsign-*-"$VERSION".tgz; do
  note "npm publish ${flags[*]} $(basename "$tgz")"
  npm publish "${flags[@]}" "$tgz"
done
note "npm publish ${flags[*]} $(basename "$main")"
npm publish "${flags[@]}" "$main"
