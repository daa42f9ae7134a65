#!/usr/bin/env bash
# Builds the UniFFI cdylib, generates the Kotlin bindings from it (both in Maven's
# generate-sources), and runs the JUnit suite (every conformance vector, round trips, tamper
# and error tests) under Maven.
# Run from the repository root: bash bindings-kotlin/scripts/test.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

if ! command -v mvn >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends maven >/dev/null
fi

cd "$HERE"
mkdir -p target
# The Java tests compile against the Kotlin classes, and javac's staleness check only looks at
# the Java sources: after a Kotlin signature change a kept test class would call a method that
# is gone (NoSuchMethodError). The tests are compiled anew every run.
rm -rf target/test-classes
LOG="$HERE/target/mvn-test.log"
set +e
# generate-sources (scripts/generate.sh) builds the library, the generator and the CLI the
# tests compare with. Dev profile on purpose: the bindings are identical, and the release
# build is what `mvn install` (and scripts/dist/jvm.sh) ships.
mvn -B -ntp -Dstyle.color=never -Dimgsign.cargo.profile=debug test 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
set -e
# Surefire's closing summary line last, for the project's test front door.
echo
grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' "$LOG" | tail -1 || echo "no Surefire summary (build failed before tests)"
exit "$rc"
