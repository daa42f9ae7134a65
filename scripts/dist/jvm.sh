#!/usr/bin/env bash
# The JVM artifacts, by Maven (`mvn install`, so the local Maven repository has them too):
#   dist/imgsign-<version>.jar          the Kotlin API and, in JNA's resource folders, the
#                                       stripped release library of every platform built
#   dist/imgsign-<version>-sources.jar, -javadoc.jar (Dokka), imgsign-<version>.pom
# Two steps, which the release workflow runs on different machines:
#   jvm.sh lib [TRIPLE]        one platform's library (default: this machine's), release,
#                              stripped, into build/jvm/native/<jna-folder>/; Linux glibc
#                              targets link against glibc 2.17 through zig
#   jvm.sh jar [--with-tests]  builds this machine's library, then the jar from every library
#                              in build/jvm/native/ (the workflow downloads the other
#                              platforms' there first)
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"

NATIVE="$ROOT/build/jvm/native"
MAX_JAR_BYTES=$((3 * 1024 * 1024))

lib() {
  local target="${1:-$(host_target)}" file built dir
  uses_zig "$target" && dist_tools
  note "imgsign-uniffi for $target"
  cargo_release "$target" -p imgsign-uniffi
  file="$(cdylib_file "$target" imgsign_uniffi)"
  built="$CARGO_TARGET_DIR/$target/release/$file"
  dir="$NATIVE/$(jna_prefix "$target")"
  rm -rf "$dir" && mkdir -p "$dir"
  cp "$built" "$dir/$file"
  strip_binary "$dir/$file"
  case "$target" in *-linux-gnu) check_glibc_floor "$dir/$file" ;; esac
  echo "$dir/$file: $(wc -c <"$dir/$file") bytes"
}

jar() {
  local tests=(-DskipTests) jar
  [ "${1:-}" = --with-tests ] && tests=()
  lib "$(host_target)"
  note "mvn install with the libraries of: $(cd "$NATIVE" && echo *)"
  # generate.sh builds the generator and the dev library the Kotlin is generated from (and
  # for the tests the CLI) in the workspace's usual target folder, not the release one.
  (cd "$ROOT/bindings-kotlin" && env -u CARGO_TARGET_DIR IMGSIGN_NATIVE_DIR="$NATIVE" \
    mvn -B -ntp -q -Dstyle.color=never "${tests[@]}" install)
  mkdir -p "$DIST"
  local base="$ROOT/bindings-kotlin/target/imgsign-$VERSION"
  cp "$base.jar" "$base-sources.jar" "$base-javadoc.jar" "$DIST/"
  cp "$ROOT/bindings-kotlin/pom.xml" "$DIST/imgsign-$VERSION.pom"
  jar="$DIST/imgsign-$VERSION.jar"
  [ "$(wc -c <"$jar")" -le "$MAX_JAR_BYTES" ] || die "$(basename "$jar") is $(wc -c <"$jar") bytes, above 3 MB"
  ls -l "$DIST"/imgsign-"$VERSION"{.jar,-sources.jar,-javadoc.jar,.pom}
}

case "${1:-}" in
  lib) shift; lib "$@" ;;
  jar) shift; jar "$@" ;;
  *) die "usage: jvm.sh lib [TRIPLE] | jvm.sh jar [--with-tests]" ;;
esac
