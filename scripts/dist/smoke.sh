#!/usr/bin/env bash
# The part of the release path that `make test` runs (the whole is `make dist` followed by
# `make dist-check`, minutes more): the manylinux2014 wheel and the sdist, the npm tarballs
# with the glibc-2.17 addon and the WebAssembly build when one has been built, each
# installed into an empty project outside the repository; the licenses in each. Built into
# build/dist-smoke/, so dist/ is left alone.
set -euo pipefail
# shellcheck source=scripts/dist/common.sh
source "$(dirname "$0")/common.sh"
export DIST_DIR="$ROOT/build/dist-smoke"
rm -rf "$DIST_DIR"

bash "$ROOT/scripts/dist/python.sh" --sdist
bash "$ROOT/scripts/dist/npm.sh" build
bash "$ROOT/scripts/dist/npm.sh" pack
python3 "$ROOT/scripts/dist/check.py" --only \
  licenses,python-metadata,auditwheel,glibc,stripped,pip-wheel,npm,npm-no-binary
