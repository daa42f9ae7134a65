# imgsign: the two front-door commands are `make demo` and `make test`.
# Everything a test needs is installed by the project's own scripts.

SHELL := /bin/bash
CARGO ?= cargo
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: help demo test test-rust lint versions vectors vectors-check fuzz-build fuzz fuzz-seeds \
        test-python test-node test-wasm test-frameworks test-kotlin test-swift \
        bench bench-core bench-python bench-node bench-kotlin profile venv conformance-deps install-lib \
        names names-check readme-examples readme-examples-check dist dist-check dist-smoke

help:
	@echo "make demo           sign, build, srcset and verify on built-in example data"
	@echo "make test           install what is needed and run every language's tests"
	@echo "make vectors        regenerate conformance/vectors.json"
	@echo "make vectors-check  regenerate and fail on any difference"
	@echo "make names          regenerate the Python Literal / TypeScript union name lists from the core"
	@echo "make readme-examples  rewrite the READMEs' quoted examples from their checked files"
	@echo "make bench          all benchmarks (core, Python, Node, Kotlin); not part of make test"
	@echo "make profile        callgrind instruction counts of the core's hot paths, by area; not part of make test"
	@echo "make fuzz           fuzz the core for FUZZ_SECONDS (default 60) on nightly; not part of make test"
	@echo "make install-lib PREFIX=/usr/local   the library + pkg-config file for Swift on Linux"
	@echo "make dist           every release artifact this machine can build, into dist/"
	@echo "make dist-check     installs each artifact of dist/ into an empty project and uses it"
	@echo "make dist-smoke     the wheel, sdist and npm part of both (part of make test)"

demo:
	@$(CARGO) build -q -p imgsign-cli
	@bash examples/demo.sh target/debug/imgsign

test:
	@bash scripts/test-all.sh

# --- pieces of `make test` (each usable alone) ---------------------------------

test-rust:
	$(CARGO) test --locked

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) fmt --manifest-path fuzz/Cargo.toml -- --check
	$(CARGO) clippy --locked --workspace --all-targets -- -D warnings
	bash bindings-node/scripts/lint.sh
	bash bindings-wasm/scripts/lint.sh
	bash bindings-kotlin/scripts/lint.sh
	bash scripts/lint-release.sh

versions:
	python3 scripts/check-versions.py
	python3 scripts/test_check_versions.py

fuzz-build:
	$(CARGO) build --locked --manifest-path fuzz/Cargo.toml
	python3 fuzz/seeds.py --check

# --- fuzzing (never part of make test) -----------------------------------------
# Runs the fuzz target for FUZZ_SECONDS, starting from the committed seeds (one per vector)
# and the corpus grown by earlier runs (fuzz/corpus/, not in git). Installs what it needs:
# a nightly toolchain and cargo-fuzz from crates.io.
FUZZ_SECONDS ?= 60
FUZZ_TARGET := parse_sign_verify
# Extra libFuzzer flags, e.g. FUZZ_ARGS='-max_len=4096 -jobs=2'. The core is safe Rust
# (unsafe_code is denied), so no sanitizer is compiled in: it would only slow the search.
FUZZ_ARGS ?=

fuzz:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null 2>&1 || $(CARGO) install cargo-fuzz --locked
	@mkdir -p fuzz/corpus/$(FUZZ_TARGET)
	cd fuzz && $(CARGO) +nightly fuzz run --sanitizer none $(FUZZ_TARGET) corpus/$(FUZZ_TARGET) \
	  seeds/$(FUZZ_TARGET) -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_ARGS)

# Rewrites the committed seeds from conformance/vectors.json (after `make vectors`).
fuzz-seeds:
	python3 fuzz/seeds.py

venv:
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -r conformance/requirements.txt

# The generator's oracles: the vendors' PyPI packages (into the same venv), their npm packages
# and imagor's Go package (built from the Go module proxy into conformance/oracles/.bin).
ORACLES := conformance/oracles
conformance-deps: venv
	@cd conformance && npm install --no-audit --no-fund --loglevel=error >/dev/null
	@$(PY) -m pip install -q --disable-pip-version-check -r $(ORACLES)/requirements.txt
	@cd $(ORACLES) && npm install --no-audit --no-fund --loglevel=error >/dev/null
	@command -v go >/dev/null 2>&1 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends golang-go >/dev/null; }
	@cd $(ORACLES)/go && GOMODCACHE="$(CURDIR)/$(ORACLES)/.gomodcache" GOFLAGS=-modcacherw \
	  go build -o "$(CURDIR)/$(ORACLES)/.bin/oracle_go" .

# The fuzzer's seed corpus is made from the vectors: regenerated with them.
vectors: conformance-deps
	$(PY) conformance/generate.py
	python3 fuzz/seeds.py

vectors-check: conformance-deps
	$(PY) conformance/generate.py --check

# The typed name lists (Python Literal types, TypeScript unions) from the core's own lists.
names:
	python3 scripts/gen_names.py

names-check:
	python3 scripts/gen_names.py --check

# README code blocks quote checked files (mypy --strict, tsc --strict, javac): no drift.
readme-examples:
	python3 scripts/readme_examples.py --write

readme-examples-check:
	python3 scripts/readme_examples.py --check

test-python:
	bash bindings-python/scripts/test.sh

test-node:
	bash bindings-node/scripts/test.sh

test-wasm:
	bash bindings-wasm/scripts/test.sh

test-frameworks:
	bash scripts/test-frameworks.sh

test-kotlin:
	bash bindings-kotlin/scripts/test.sh

test-swift:
	bash bindings-swift/scripts/test.sh

# The release library, its header and imgsign_uniffi.pc, for server-side Swift on Linux.
PREFIX ?= /usr/local
install-lib:
	PREFIX="$(PREFIX)" LIBDIR="$(LIBDIR)" INCLUDEDIR="$(INCLUDEDIR)" DESTDIR="$(DESTDIR)" \
	  bash bindings-swift/scripts/install-lib.sh

# --- release artifacts (RELEASING.md) ------------------------------------------

dist:
	@bash scripts/dist/all.sh

dist-check:
	@python3 scripts/dist/check.py

# The part of dist + dist-check that make test runs: the wheel, the sdist, the npm tarballs.
dist-smoke:
	@bash scripts/dist/smoke.sh

# --- benchmarks (never part of make test) --------------------------------------

bench: bench-core bench-python bench-node bench-kotlin

bench-core:
	bash scripts/bench-core.sh

# Instruction counts (valgrind's callgrind) of each core hot path beside the raw hash:
# repeatable on a busy machine, where timings are not.
profile:
	@command -v valgrind >/dev/null || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind >/dev/null; }
	bash scripts/profile-core.sh

bench-python:
	bash bindings-python/scripts/bench.sh

bench-node:
	bash bindings-node/scripts/bench.sh
	bash bindings-wasm/scripts/bench.sh

bench-kotlin:
	bash bindings-kotlin/scripts/bench.sh
