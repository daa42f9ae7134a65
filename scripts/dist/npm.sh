#!/usr/bin/env bash
# The npm packages. Two steps, which the release workflow runs on different machines:
#
#   npm.sh build [TRIPLE]   the napi addon for one target (default: this machine's) into
#                           build/npm/artifacts/imgsign.<platform>.node, stripped; Linux glibc
#                           targets link against glibc 2.17 through zig (napi --cross-compile).
#   npm.sh pack             stages the package from bindings-node/ (the files `npm pack` takes,
#                           the WebAssembly build in wasm/ when it has been built, the licenses),
#                           moves each artifact into its platform package (`napi artifacts`),
#                           writes the optionalDependencies (`napi pre-publish
#                           --skip-optional-publish`) and packs, into dist/:
#                             imgsign-<version>.tgz                 the main package
#                             imgsign-<platform>-<version>.tgz      one per built target
#
# With every target of package.json's napi.targets in the artifacts folder (the release
# workflow), the main package lists all of them as optional dependencies. With fewer (a
# local `make dist`), it lists those that were built, and says so.
# NPM_ARTIFACTS overrides the artifacts folder.
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

PKG="$ROOT/bindings-node"
WORK="$ROOT/build/npm"
ARTIFACTS="${NPM_ARTIFACTS:-$WORK/artifacts}"
NAPI="$PKG/node_modules/.bin/napi"

node_deps() {
  if [ ! -x "$NAPI" ]; then
    (cd "$PKG" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

build() {
  local target="${1:-$(host_target)}"
  local out="$WORK/build-$target"
  node_deps
  apple_deployment_target "$target"
  rm -rf "$out"
  mkdir -p "$out" "$ARTIFACTS"
  local args=(build --platform --release --js native.js --output-dir "$out")
  if uses_zig "$target"; then
    dist_tools   # zig and cargo-zigbuild
    args+=(--target "$(zig_target "$target")" --cross-compile)
  else
    args+=(--target "$target")
  fi
  note "napi ${args[*]}"
  (cd "$PKG" && "$NAPI" "${args[@]}")
  # The loader and types napi generates are the same on every platform: the committed ones
  # must be what this build generated.
  local f
  for f in native.js index.d.ts; do
    cmp -s "$out/$f" "$PKG/$f" || die "bindings-node/$f differs from what napi generates for $target: commit the regenerated file"
  done
  local node
  node="$(ls "$out"/imgsign.*.node)"
  strip_binary "$node"
  case "$target" in *-linux-gnu) check_glibc_floor "$node" ;; esac
  cp "$node" "$ARTIFACTS/"
  echo "built $(basename "$node") ($(wc -c <"$node") bytes)"
}

pack() {
  node_deps
  local stage="$WORK/stage" tgz
  rm -rf "$stage"
  mkdir -p "$stage" "$DIST"
  # Exactly the files `npm pack` would publish from bindings-node/ (package.json "files",
  # README, the licenses), so nothing in the source folder but those reaches a tarball.
  tgz="$(cd "$PKG" && npm pack --silent --pack-destination "$stage")"
  tar -xzf "$stage/$tgz" -C "$stage" && rm "$stage/$tgz"
  stage="$stage/package"
  if [ ! -f "$stage/LICENSE-MIT" ] || [ ! -f "$stage/LICENSE-APACHE" ]; then
    die "bindings-node/ lacks LICENSE-MIT or LICENSE-APACHE"
  fi
  if [ -f "$stage/wasm/imgsign.wasm" ]; then
    echo "the WebAssembly build (wasm/imgsign.wasm) is in the main package"
  else
    echo "no WebAssembly build in bindings-node/wasm/: the main package carries none"
  fi

  cp -R "$PKG/npm" "$stage/npm"
  for dir in "$stage"/npm/*/; do copy_licenses "$dir"; done

  # The targets whose addon was built; a config of only those when some are missing.
  local built=() missing=() config=() t platform
  while read -r t platform; do
    if [ -f "$ARTIFACTS/imgsign.$platform.node" ]; then built+=("$t"); else missing+=("$platform"); fi
  done < <(node -e '
    const { parseTriple } = require(process.argv[1])
    for (const t of require(process.argv[2]).napi.targets) console.log(t, parseTriple(t).platformArchABI)
  ' "$PKG/node_modules/@napi-rs/cli" "$PKG/package.json")
  [ "${#built[@]}" -gt 0 ] || die "no napi artifact in $ARTIFACTS: run scripts/dist/npm.sh build first"
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "local build: ${#built[@]} of $(( ${#built[@]} + ${#missing[@]} )) targets (not built here: ${missing[*]})"
    node -e '
      const napi = require(process.argv[1]).napi
      napi.targets = process.argv.slice(3)
      require("fs").writeFileSync(process.argv[2], JSON.stringify(napi, null, 2))
    ' "$stage/package.json" "$WORK/napi.built.json" "${built[@]}"
    config=(-c "$WORK/napi.built.json")
  fi
  (cd "$stage" && "$NAPI" artifacts "${config[@]}" -o "$ARTIFACTS" --npm-dir npm)
  # `napi artifacts` also drops each addon beside the loader; the main package never ships one.
  rm -f "$stage"/*.node
  (cd "$stage" && "$NAPI" pre-publish "${config[@]}" -t npm --skip-optional-publish)

  for t in "${built[@]}"; do
    platform="$(node -e 'console.log(require(process.argv[1]).parseTriple(process.argv[2]).platformArchABI)' \
      "$PKG/node_modules/@napi-rs/cli" "$t")"
    (cd "$stage/npm/$platform" && npm pack --silent --pack-destination "$DIST" >/dev/null)
  done
  (cd "$stage" && npm pack --silent --pack-destination "$DIST" >/dev/null)
  ls -l "$DIST"/imgsign-*"$VERSION".tgz
}

case "${1:-}" in
  build) shift; build "$@" ;;
  pack) pack ;;
  *) die "usage: npm.sh build [TRIPLE] | npm.sh pack" ;;
esac
