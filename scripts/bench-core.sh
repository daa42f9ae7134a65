#!/usr/bin/env bash
# Criterion benchmarks of the core crate, ending with one summary table
# (operation | ns/op | raw hash ns | ratio). Extra arguments go to criterion, e.g. a filter.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo bench -p imgsign --bench core -- --warm-up-time "${WARMUP:-1}" --measurement-time "${MEASURE:-2}" "$@"
cargo bench -p imgsign --bench tokens -- --warm-up-time "${WARMUP:-1}" --measurement-time "${MEASURE:-2}" "$@"
