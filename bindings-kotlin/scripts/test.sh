#!/usr/bin/env bash
# Builds the UniFFI cdylib, generates the Kotlin bindings from it, and runs the JUnit suite
# (every conformance vector, round trips, tamper and error tests) under Maven.
# Run from the repository root: bash bindings-kotlin/scripts/test.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"

if ! command -v mvn >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends maven >/dev/null
fi

# Dev profile on purpose: bindings are identical and uniffi-bindgen in release takes minutes.
cargo build -q -p imgsign-uniffi -p uniffi-bindgen -p imgsign-cli

bash "$HERE/scripts/generate.sh" debug

cd "$HERE"
mkdir -p target
LOG="$HERE/target/mvn-test.log"
set +e
mvn -B -ntp -Dstyle.color=never test 2>&1 | tee "$LOG"
rc=${PIPESTATUS[0]}
set -e
# Surefire's closing summary line last, for the project's test front door.
echo
grep -E '^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures' "$LOG" | tail -1 || echo "no Surefire summary (build failed before tests)"
exit "$rc"
