# The two commands of the README are `make serve` and `make test`; each installs what it lacks first
# (.ci/setup). Other targets are the pieces they are made of.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# GeoNames dumps for the generated village layer; optional (everything builds and passes without).
export SAHEL_GEONAMES_DIR ?= $(abspath $(CURDIR)/../shared/geonames)
PORT ?= 8080
WASM_PACK := wasm-pack --log-level warn

.PHONY: serve test setup www wasm geonames lint test-native test-wasm test-e2e bench clean

## serve: build the page and serve it at http://127.0.0.1:$(PORT)/
serve: setup www
	node tools/serve.mjs www $(PORT)

## test: everything CI runs: lints, native tests, wasm tests (node and headless Chromium), end-to-end tests
test: setup lint test-native test-wasm www test-e2e
	@echo "make test: all suites passed"

setup:
	@bash .ci/setup

## www: the release WebAssembly package the page loads (www/pkg), and the GeoNames village layer
## (www/data/geonames.tsv) when the dumps are there
www: wasm geonames

geonames:
	@if [ -f "$(SAHEL_GEONAMES_DIR)/ML.txt" ]; then \
	  cargo run --release --quiet -- gazetteer geonames --dir "$(SAHEL_GEONAMES_DIR)" --out www/data/geonames.tsv; \
	else \
	  echo "GeoNames dumps not found at $(SAHEL_GEONAMES_DIR): the page runs without the village layer"; \
	fi

wasm:
	$(WASM_PACK) build --release --target web --out-dir www/pkg --mode no-install --no-pack
	@rm -f www/pkg/.gitignore

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings

test-native:
	cargo test --all-targets
	cargo test --doc

test-wasm:
	$(WASM_PACK) test --node --mode no-install
	$(WASM_PACK) test --headless --chrome --mode no-install

test-e2e:
	@if ls tests/e2e/*.test.mjs >/dev/null 2>&1; then node --test --test-concurrency=1 tests/e2e/; else echo "no end-to-end tests yet"; fi

clean:
	cargo clean
	rm -rf www/pkg
