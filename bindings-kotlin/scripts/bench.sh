#!/usr/bin/env bash
# Warmed loop benchmark of the Kotlin package (release cdylib) against pure-JVM baselines.
# Run from the repository root: bash bindings-kotlin/scripts/bench.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$ROOT"
cargo build -q -p uniffi-bindgen                 # dev build: bindings are identical
cargo build -q --release -p imgsign-uniffi       # the measured library is optimised
bash "$HERE/scripts/generate.sh" release
cd "$HERE"
mvn -B -q -ntp -Dstyle.color=never -Pbench -DskipTests test-compile
mvn -B -q -ntp -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xms256m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" io.imgsign.BenchKt
