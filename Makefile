# imgsign: the two front-door commands are `make demo` and `make test`.
# Everything a test needs is installed by the project's own scripts.

SHELL := /bin/bash
CARGO ?= cargo
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: help demo test test-rust lint versions vectors vectors-check fuzz-build \
        test-python test-node test-kotlin test-swift \
        bench bench-core bench-python bench-node bench-kotlin venv conformance-deps install-lib

help:
	@echo "make demo           sign, build, srcset and verify on built-in example data"
	@echo "make test           install what is needed and run every language's tests"
	@echo "make vectors        regenerate conformance/vectors.json"
	@echo "make vectors-check  regenerate and fail on any difference"
	@echo "make bench          all benchmarks (core, Python, Node, Kotlin); not part of make test"
	@echo "make install-lib PREFIX=/usr/local   the library + pkg-config file for Swift on Linux"

demo:
	@$(CARGO) build -q -p imgsign-cli
	@bash examples/demo.sh target/debug/imgsign

test:
	@bash scripts/test-all.sh

# --- pieces of `make test` (each usable alone) ---------------------------------

test-rust:
	$(CARGO) test --locked

lint:
	$(CARGO) clippy --locked -p imgsign -p imgsign-cli --all-targets -- -D warnings

versions:
	python3 scripts/check-versions.py
	python3 scripts/test_check_versions.py

fuzz-build:
	$(CARGO) build --locked --manifest-path fuzz/Cargo.toml

venv:
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r conformance/requirements.txt

conformance-deps: venv
	@cd conformance && npm install --no-audit --no-fund --loglevel=error >/dev/null

vectors: conformance-deps
	$(PY) conformance/generate.py

vectors-check: conformance-deps
	$(PY) conformance/generate.py --check

test-python:
	bash bindings-python/scripts/test.sh

test-node:
	bash bindings-node/scripts/test.sh

test-kotlin:
	bash bindings-kotlin/scripts/test.sh

test-swift:
	bash bindings-swift/scripts/test.sh

# The release library, its header and imgsign_uniffi.pc, for server-side Swift on Linux.
PREFIX ?= /usr/local
install-lib:
	PREFIX="$(PREFIX)" LIBDIR="$(LIBDIR)" INCLUDEDIR="$(INCLUDEDIR)" DESTDIR="$(DESTDIR)" \
	  bash bindings-swift/scripts/install-lib.sh

# --- benchmarks (never part of make test) --------------------------------------

bench: bench-core bench-python bench-node bench-kotlin

bench-core:
	bash scripts/bench-core.sh

bench-python:
	bash bindings-python/scripts/bench.sh

bench-node:
	bash bindings-node/scripts/bench.sh

bench-kotlin:
	bash bindings-kotlin/scripts/bench.sh
