# The two commands of the README are `make serve` and `make test`; each installs what it lacks first
# (.ci/setup). Other targets are the pieces they are made of.

SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# GeoNames dumps for the GeoNames layer; optional (everything builds and passes without).
export SAHEL_GEONAMES_DIR ?= $(abspath $(CURDIR)/../shared/geonames)
PORT ?= 8080
WASM_PACK := wasm-pack --log-level warn

.PHONY: serve test setup www wasm geonames admin-units bookmarklet map vendor lint check-core-deps test-native test-wasm test-python test-e2e test-fuzz fuzz bench bench-python clean

## serve: build the page and serve it at http://127.0.0.1:$(PORT)/
serve: setup www
	node tools/serve.mjs www $(PORT)

## test: everything CI runs: lints, native tests, wasm tests (node and headless Chromium), the Python
## binding's suite (pytest), end-to-end tests, and each fuzz target for 60 s (skipped with a message
## where nightly or cargo-fuzz is missing)
test: setup lint test-native test-wasm test-python www test-e2e test-fuzz
	@echo "make test: all suites passed"

setup:
	@bash .ci/setup

## www: the release WebAssembly package the page loads (www/pkg), the GeoNames layer
## (www/data/geonames.tsv) when the dumps are there, the bookmarklet's bundle, the map's files and the
## vendored modules (below)
www: wasm geonames bookmarklet map vendor

## bookmarklet: the bookmarklet's code (www/bookmarklet/bundle.js, git-ignored), bundled by esbuild from
## www/bookmarklet/src/ and the modules it shares with the page (www/shared/); see tools/bookmarklet.mjs
bookmarklet: www/bookmarklet/bundle.js

www/bookmarklet/bundle.js: tools/bookmarklet.mjs $(wildcard www/bookmarklet/src/*.js www/shared/*.js) package-lock.json
	node tools/bookmarklet.mjs

## map: the map's data (www/data/sahel-map.json: Natural Earth borders from world-atlas, region labels
## from the gazetteer) and its bundled d3-geo/topojson-client module (www/shared/vendor/geo.js). Both
## are committed (the page works from a checkout); this rewrites them, byte for byte the same unless
## the gazetteer or those packages changed (tests/e2e/map.test.mjs fails when they are out of date).
map:
	node tools/map-data.mjs
	node tools/geo-vendor.mjs

## vendor: Mozilla's Readability as a native ES module (www/vendor/readability.js, git-ignored), bundled
## by esbuild from node_modules for the page and the bookmarklet's helper page; see tools/vendor.mjs
vendor: www/vendor/readability.js

www/vendor/readability.js: tools/vendor.mjs package-lock.json
	node tools/vendor.mjs

## The admin1/admin2 table the library embeds (src/admin_units.tsv), rewritten from the dumps' ADM rows;
## tests/admin.rs fails when it differs from the dumps.
admin-units:
	cargo run --release --quiet -p sahel-tagger-cli -- gazetteer admin-units --dir "$(SAHEL_GEONAMES_DIR)" --out src/admin_units.tsv

## geonames: the GeoNames layer, as text (www/data/geonames.tsv: for the CLI, Python and other sites)
## and precompiled, gzipped (www/data/geonames.bin.gz: what the page and the bookmarklet fetch, see
## www/shared/layer.js), when the dumps are there; a layer already generated is compiled again.
geonames:
	@if [ -f "$(SAHEL_GEONAMES_DIR)/ML.txt" ]; then \
	  cargo run --release --quiet -p sahel-tagger-cli -- gazetteer geonames --dir "$(SAHEL_GEONAMES_DIR)" --out www/data/geonames.tsv; \
	elif [ ! -f www/data/geonames.tsv ]; then \
	  echo "GeoNames dumps not found at $(SAHEL_GEONAMES_DIR): the page runs without the GeoNames layer"; \
	fi
	@if [ -f www/data/geonames.tsv ]; then \
	  cargo run --release --quiet -p sahel-tagger-cli -- gazetteer compile www/data/geonames.tsv --out target/geonames.bin && \
	  gzip -9 -n -c target/geonames.bin > www/data/geonames.bin.gz.tmp && mv www/data/geonames.bin.gz.tmp www/data/geonames.bin.gz; \
	fi

# The npm package `sahel-tagger` (crates/wasm, its README.md the package's) in www/pkg: the glue
# sahel_tagger.js, sahel_tagger_bg.wasm and .d.ts from wasm-pack, then crates/wasm/npm.mjs adds the
# entries index.js (browsers, bundlers) and node.js and names the package. See [profile.release] in
# Cargo.toml.
wasm:
	$(WASM_PACK) build crates/wasm --release --target web --out-dir ../../www/pkg --out-name sahel_tagger --mode no-install
	@rm -f www/pkg/.gitignore
	node crates/wasm/npm.mjs www/pkg

lint: check-core-deps
	cargo fmt --all -- --check
	cargo fmt --manifest-path fuzz/Cargo.toml -- --check
	cargo clippy --workspace --all-targets -- -D warnings

# The core library (the root package) depends on no binding: no wasm-bindgen, js-sys, clap or pyo3
# anywhere in its tree (the bindings are crates/cli, crates/wasm, crates/python).
check-core-deps:
	@bad=$$(cargo tree -p sahel-tagger -e normal,build --prefix none | grep -Eo '^(wasm-bindgen|js-sys|web-sys|clap|pyo3)[a-z-]*' | sort -u); \
	if [ -n "$$bad" ]; then echo "the core depends on binding crates: $$bad"; exit 1; fi; \
	echo "check-core-deps: the core depends on no binding crate"

test-native:
	cargo test --workspace --all-targets
	cargo test --workspace --doc

# The wasm32 lints, then the JS API suite (tests/wasm_suite) under Node.js and in headless Chromium.
# A test binary configured for the other environment is skipped without failing, so each run's log
# must show its own suite passing at least one test. The browser run is tools/test-wasm-browser.sh:
# longer limits than the runner's defaults, and one more try when the browser never reached the tests.
test-wasm:
	cargo clippy -p sahel-tagger-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings
	@mkdir -p target
	set -o pipefail; $(WASM_PACK) test --node --mode no-install crates/wasm 2>&1 | tee target/test-wasm-node.log
	@$(call suite_ran,wasm_node,target/test-wasm-node.log)
	bash tools/test-wasm-browser.sh
	@$(call suite_ran,wasm_browser,target/test-wasm-chrome.log)

# $(call suite_ran,TEST,LOG): fails unless tests/TEST.rs ran and passed one test or more in LOG.
suite_ran = awk '/^ +(Running|Doc-tests) / { on = /Running tests\/$(1)\.rs/ } on && /test result: ok\. [1-9]/ { print "$(1): " $$0; found = 1; exit } \
	END { if (!found) { print "$(1): no tests ran (see $(2))"; exit 1 } }' $(2)

# The Python binding (crates/python), built natively only (never for wasm32): installed in the venv of
# .ci/setup by maturin, then its pytest suite, which compares it with the release CLI built here.
PY_VENV := $(CURDIR)/target/python-venv
test-python:
	@bash .ci/setup python
	cargo build --release --workspace --bins
	cd crates/python && VIRTUAL_ENV=$(PY_VENV) $(PY_VENV)/bin/maturin develop --release
	PYTHONDONTWRITEBYTECODE=1 SAHEL_TAGGER_CLI=$(CURDIR)/target/release/sahel-tagger \
	  $(PY_VENV)/bin/python -m pytest -p no:cacheprovider crates/python/tests

## test-e2e: every tests/e2e/*.test.mjs, one file at a time. A test that hangs fails after 10 minutes
## (no test takes more than two) and the file's process is ended with it, rather than waiting for CI's
## own limit with a browser left open.
test-e2e:
	@if ls tests/e2e/*.test.mjs >/dev/null 2>&1; then node --test --test-concurrency=1 --test-timeout=600000 --test-force-exit tests/e2e/; else echo "no end-to-end tests yet"; fi

## fuzz: every cargo-fuzz target (fuzz/README.md) for FUZZ_SECONDS seconds each (default 300), with
## AddressSanitizer on the nightly toolchain; a crash fails and prints its reproducer's path.
FUZZ_SECONDS ?= 300
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash tools/fuzz.sh

# CI's share of fuzzing: 60 s per target; skipped, with a message, without nightly or cargo-fuzz.
test-fuzz:
	FUZZ_SECONDS=60 bash tools/fuzz.sh --optional

## bench: the cross-tool benchmark (bench/README.md): our core native, in WebAssembly under Node.js and
## in Chromium, and through the Python binding, against a raw aho-corasick scan, JavaScript peers,
## mark.js, spaCy's PhraseMatcher and flashtext2, on the same generated inputs; writes bench/out/results.md and results.json and prints the tables (about 10-15 minutes).
## Not part of `make test`: figures are reported, never asserted.
bench: setup www
	@in=bench/out/inputs; \
	if [ ! -f $$in/news.txt ] || [ -n "$$(find crates/dev/src/corpus.rs crates/dev/examples/bench_inputs.rs gazetteer -newer $$in/news.txt -print -quit)" ]; then \
	  cargo run --release --quiet -p sahel-tagger-dev --example bench_inputs $$in 10; \
	fi
	cargo run --release --quiet -p sahel-tagger-dev --example bench_native -- bench/out/inputs bench/out/native.json
	node bench/node.mjs
	node bench/chromium.mjs
	$(MAKE) --no-print-directory bench-python
	node bench/summary.mjs

## bench-python: the Python part of `make bench` alone (bench/python.py: our binding, spaCy's
## PhraseMatcher, flashtext2), on the inputs and native figures of a previous `make bench`
bench-python:
	@bash .ci/setup python
	@$(PY_VENV)/bin/python -c 'import spacy, flashtext2' 2>/dev/null || \
	  $(PY_VENV)/bin/python -m pip install --quiet --disable-pip-version-check spacy flashtext2
	cd crates/python && VIRTUAL_ENV=$(PY_VENV) $(PY_VENV)/bin/maturin develop --release
	$(PY_VENV)/bin/python bench/python.py

clean:
	cargo clean
	rm -rf fuzz/target
	rm -rf www/pkg
