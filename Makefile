# computedeal: the two README commands are `make serve` and `make test`.
# Every target installs what it needs first (scripts/tools.sh skips what is present).

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMIUM ?= /usr/bin/chromium
# wasm-bindgen-test-runner: allow slow first runs on 2 cores.
export WASM_BINDGEN_TEST_TIMEOUT ?= 300
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: serve dist single-file test lint test-native test-wasm test-e2e bench tools-web tools-test tools-bench clean

## serve: build and serve the calculator at http://127.0.0.1:8080
serve: tools-web
	trunk serve --release --no-autoreload --public-url / --address 127.0.0.1 --port 8080

## dist: the optimized static site in dist/ (release, simd128, wasm-opt, relative URLs), then for
## every preset its page, oEmbed document, chart images and social card (`computedeal site`);
## SITE_URL=https://… makes the link-preview tags absolute
SITE_URL ?=
dist: tools-web
	trunk build --release
	scripts/sizes.sh dist
	cargo run --release --locked -p computedeal-cli --bin computedeal -- site dist --site-url '$(SITE_URL)'

## single-file: dist/computedeal.html, one self-contained file that works from file://
single-file: dist
	node scripts/single-file.mjs dist

## test: formatting and lints, then every test layer: native, wasm in headless Chromium, end-to-end
test: tools-test lint test-native test-wasm test-e2e

## lint: rustfmt and clippy (warnings are errors), natively and for the wasm-only web app
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p computedeal-web -p computedeal-core -p computedeal-engine --lib --tests --locked -- -D warnings

test-native:
	cargo test --workspace --locked

## test-wasm: the app mounted in headless Chromium, and the engine tests as wasm (simd128)
test-wasm:
	cargo test --locked --target wasm32-unknown-unknown -p computedeal-web --test web
	cargo test --locked --target wasm32-unknown-unknown -p computedeal-engine --test engines

test-e2e: dist single-file
	node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/

## bench: benchmarks (release builds), natively and in headless Chromium; one JSON line per measurement
bench: tools-test tools-bench dist
	cargo bench --locked -p computedeal-engine --bench bench | tee target/bench-native.jsonl
	node scripts/flops.mjs
	node scripts/bench-browser.mjs

tools-bench:
	scripts/tools.sh bench

tools-web:
	scripts/tools.sh web

tools-test:
	scripts/tools.sh test

clean:
	cargo clean
	rm -rf dist
