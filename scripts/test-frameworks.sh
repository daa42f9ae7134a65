#!/usr/bin/env bash
# The framework integrations and their examples, each started for real on 127.0.0.1 with an
# ephemeral port: Django (test client, runserver, gunicorn, uvicorn; system checks), Flask
# and FastAPI (Jinja2, WSGI/ASGI middleware; their test clients, Werkzeug, uvicorn), Express,
# Fastify and Next.js (`next build`, `next start`); then the README's Frameworks snippets
# against the example files. Installs what it needs (examples/requirements-frameworks.txt,
# each example's package.json). Run from anywhere: bash scripts/test-frameworks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=$ROOT/.venv/bin/python
export CARGO_TERM_COLOR=never NEXT_TELEMETRY_DISABLED=1

# Python: the wheel (cargo's cache makes this quick after make test-python) and the pins.
[ -x "$PY" ] || python3 -m venv "$ROOT/.venv"
"$PY" -m pip install -q --disable-pip-version-check maturin==1.16.0 -r examples/requirements-frameworks.txt
# (Into target/, like the Python tests' wheel: dist/ holds only make dist's artifacts.)
WHEELS=$ROOT/target/wheels-frameworks
rm -rf "$WHEELS"
(cd bindings-python && "$ROOT/.venv/bin/maturin" build --release --out "$WHEELS" -q)
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$WHEELS"/imgsign-*.whl

# Node: the native addon, then each example's dependencies.
(cd bindings-node && npm install --no-audit --no-fund --loglevel=error && npx napi build --platform --release --js native.js >/dev/null)
for ex in express fastify; do
  (cd "examples/$ex" && npm install --no-audit --no-fund --loglevel=error)
done
# Next installs imgsign as a copy (.npmrc: install-links), as from npm, so that it can be an
# external package of the server build; the native binary goes beside it, where the
# platform package would put it.
rm -rf examples/next/node_modules/imgsign
(cd examples/next && npm install --no-audit --no-fund --loglevel=error)
cp bindings-node/imgsign.*.node examples/next/node_modules/imgsign/

status=0
"$PY" -m pytest -q -p no:cacheprovider examples/python examples/django examples/flask examples/fastapi || status=1
node --test examples/express/ examples/fastify/ examples/next/ || status=1
python3 scripts/readme_snippets.py || status=1
exit $status
