#!/usr/bin/env bash
# Builds the imgsign wheel, installs it into the project venv, checks the stubs and runs
# the Python and Django test suites. Run from the repository root:
#   bash bindings-python/scripts/test.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"

PY="$ROOT/.venv/bin/python"
if [ ! -x "$PY" ]; then
  python3 -m venv "$ROOT/.venv"
fi
"$PY" -m pip install -q --disable-pip-version-check \
  maturin==1.16.0 pytest==9.2.0 hypothesis==6.170.17 mypy==2.4.1 django==5.2.19 imgix==4.0.0

# The CLI, for the test comparing its output with the Python package's.
cargo build -q -p imgsign-cli

# One abi3 wheel (cp39-abi3) into target/wheels/ (dist/ is `make dist`'s), then a forced reinstall.
rm -f "$ROOT"/target/wheels/imgsign-*.whl
(cd "$ROOT/bindings-python" && "$ROOT/.venv/bin/maturin" build --release --out "$ROOT/target/wheels" -q)
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$ROOT"/target/wheels/imgsign-*-cp39-abi3-*.whl

# The stubs against the installed module (run outside the source tree so that the
# installed package, not bindings-python/python, is imported).
(cd "$ROOT/bindings-python/tests" && "$PY" -m mypy.stubtest imgsign --allowlist "$ROOT/bindings-python/stubtest-allowlist.txt" \
   --mypy-config-file "$ROOT/bindings-python/mypy.ini")
(cd "$ROOT/bindings-python/tests" && "$PY" -m mypy --strict --no-incremental --config-file "$ROOT/bindings-python/mypy.ini" -p imgsign)
# The README's example (examples/usage.py) under mypy --strict; test_types.py runs it.
(cd "$ROOT/bindings-python/tests" && "$PY" -m mypy --strict --no-incremental --config-file "$ROOT/bindings-python/mypy.ini" "$ROOT/bindings-python/examples/usage.py")

# The Django example and the other frameworks run in make test-frameworks.
"$PY" -m pytest -q -p no:cacheprovider "$ROOT/bindings-python/tests"
