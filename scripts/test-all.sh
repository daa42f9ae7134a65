#!/usr/bin/env bash
# Runs every suite of `make test`, keeps going after a failure so one run shows
# everything, prints a summary, and exits non-zero if any suite failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

suites=(
  "rust:make --no-print-directory test-rust"
  "lint:make --no-print-directory lint"
  "versions:make --no-print-directory versions"
  "fuzz-build:make --no-print-directory fuzz-build"
  "vectors-check:make --no-print-directory vectors-check"
  "generated:make --no-print-directory names-check readme-examples-check"
  "python:make --no-print-directory test-python"
  "node:make --no-print-directory test-node"
  "wasm:make --no-print-directory test-wasm"
  "frameworks:make --no-print-directory test-frameworks"
  "dist-smoke:make --no-print-directory dist-smoke"
  "kotlin:make --no-print-directory test-kotlin"
  "swift:make --no-print-directory test-swift"
)

passed=0; failed=0; report=()
for entry in "${suites[@]}"; do
  name=${entry%%:*}; cmd=${entry#*:}
  echo "==> $name: $cmd"
  start=$(date +%s)
  log=$(mktemp)
  if $cmd 2>&1 | tee "$log"; then
    note=""
    if grep -q '^SKIPPED:' "$log"; then note=" -- $(grep '^SKIPPED:' "$log" | head -1)"; fi
    passed=$((passed + 1)); report+=("  ok    $name ($(( $(date +%s) - start )) s)$note")
  else
    failed=$((failed + 1)); report+=("  FAIL  $name ($(( $(date +%s) - start )) s)")
  fi
  rm -f "$log"
done

echo
echo "==> summary"
printf '%s\n' "${report[@]}"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
