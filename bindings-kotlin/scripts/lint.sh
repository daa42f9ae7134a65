#!/usr/bin/env bash
# ktlint over the hand-written Kotlin (part of `make lint`), through Spotless in Maven;
# `mvn spotless:apply` in bindings-kotlin/ fixes what it reports. Style: .editorconfig.
# Run from anywhere: bash bindings-kotlin/scripts/lint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v mvn >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends maven >/dev/null
fi
mvn -B -q -ntp -Dstyle.color=never spotless:check
echo "kotlin lint: ktlint clean"
