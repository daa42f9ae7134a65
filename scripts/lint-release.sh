#!/usr/bin/env bash
# The release workflows and scripts (part of `make lint`): actionlint over
# .github/workflows/ (which runs shellcheck on every `run:` block) and shellcheck over
# scripts/dist/. actionlint is built from its Go module into build/tools/ (pinned below);
# the shellcheck tool comes from Debian. Run from anywhere: bash scripts/lint-release.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ACTIONLINT_VERSION=v1.7.12
TOOLS="$PWD/build/tools/bin"

if ! "$TOOLS/actionlint" -version 2>/dev/null | head -1 | grep -qx "$ACTIONLINT_VERSION"; then
  GOBIN="$TOOLS" GOFLAGS=-mod=mod go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck >/dev/null
fi

"$TOOLS/actionlint" -shellcheck="$(command -v shellcheck)"
shellcheck -x scripts/dist/*.sh scripts/lint-release.sh
echo "release lint: actionlint $ACTIONLINT_VERSION and shellcheck clean (workflows in .github/workflows/)"
