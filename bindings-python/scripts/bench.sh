#!/usr/bin/env bash
# Benchmark: imgsign (release wheel) vs imgix 4.0.0 and a hand-rolled hashlib signer.
# Run from the repository root: bash bindings-python/scripts/bench.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || python3 -m venv "$ROOT/.venv"
"$PY" -m pip install -q --disable-pip-version-check maturin==1.16.0 imgix==4.0.0
rm -f "$ROOT"/target/wheels/imgsign-*.whl
(cd "$ROOT/bindings-python" && "$ROOT/.venv/bin/maturin" build --release --out "$ROOT/target/wheels" -q)
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$ROOT"/target/wheels/imgsign-*-cp39-abi3-*.whl
cd "$ROOT/bindings-python/bench" && "$PY" bench.py
