# Closer: `make run` and `make test` install whatever is missing, and nothing
# that is already there. See README.md.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or Trunk refuses it.
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8080
CHROMIUM := /usr/bin/chromium
CHROMEDRIVER := /usr/bin/chromedriver
FIREFOX := /usr/bin/firefox-esr
WEBKIT_WEBDRIVER := /usr/bin/WebKitWebDriver
MINIBROWSER := /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser

.PHONY: help run build build-sub test test-dev test-native test-fuzz fuzz fuzz-tool test-wasm test-e2e lint tools wasm-target trunk wasm-bindgen npm chromium firefox webkit geckodriver test-wasm-firefox test-engines test-firefox test-webkit clean bench bench-baseline

help:
	@echo "make run    build a release and serve it at http://127.0.0.1:$(PORT)"
	@echo "make test   run every test layer (native, wasm in Chromium, Playwright e2e, journeys in Firefox and WebKit)"
	@echo "make test-firefox, make test-webkit   the journeys in one engine"
	@echo "make bench  build a release, measure it (bytes, precache, Lighthouse, a deep link on Slow 4G, latency, memory, offline), show the budgets, fail on a regression against bench/baseline.json"

## ---- tools: each installed only when missing or at the wrong version ----

wasm-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "Installing Trunk $(TRUNK_VERSION) (about 12 minutes on 2 cores)"; \
	  cargo install trunk --version $(TRUNK_VERSION) --locked; \
	fi

wasm-bindgen:
	@v="$(WASM_BINDGEN_VERSION)"; test -n "$$v"; \
	if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $$v" ] \
	   || [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $$v" ]; then \
	  echo "Installing wasm-bindgen-cli $$v (about 4 minutes)"; \
	  cargo install wasm-bindgen-cli --version "$$v" --force; \
	fi

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

npm: node_modules/.installed

chromium:
	@if [ ! -x $(CHROMIUM) ] || [ ! -x $(CHROMEDRIVER) ]; then \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium chromium-driver; \
	fi

# Firefox ESR for the cross-engine journeys (driven over WebDriver BiDi by puppeteer-core).
firefox:
	@if [ ! -x $(FIREFOX) ]; then \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q firefox-esr; \
	fi

# WebKitGTK's MiniBrowser and WebKitWebDriver, and Xvfb for the display they need.
webkit:
	@if [ ! -x $(WEBKIT_WEBDRIVER) ] || [ ! -x $(MINIBROWSER) ] || ! command -v Xvfb >/dev/null; then \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q webkit2gtk-driver xvfb; \
	fi

# geckodriver, for the storage adapter's browser tests in Firefox; built from
# crates.io (npm's geckodriver downloads a binary, which fails here). It took
# 7m41s on 2 cores shared with two other builds; less on an idle machine.
GECKODRIVER_VERSION := 0.37.1
geckodriver:
	@if [ "$$(geckodriver --version 2>/dev/null | head -1)" != "geckodriver $(GECKODRIVER_VERSION)" ]; then \
	  echo "Installing geckodriver $(GECKODRIVER_VERSION) (a few minutes)"; \
	  cargo install geckodriver --version $(GECKODRIVER_VERSION) --locked; \
	fi

# cargo-fuzz runs libFuzzer with AddressSanitizer; the stable toolchain ships
# the sanitizer runtimes, and RUSTC_BOOTSTRAP lets cargo-fuzz pass its -Z flags.
fuzz-tool:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked

tools: wasm-target trunk wasm-bindgen npm

## ---- build and run ----

# wasm-opt comes from the npm package binaryen (node_modules/.bin is on PATH);
# Debian's binaryen cannot read wasm from current Rust.
build: tools
	trunk build --release

# The same release under a sub-path, as a static host serves a project page.
build-sub: tools
	trunk build --release --public-url /closer/ --dist dist-sub

run: build
	@echo "Serving Closer at http://127.0.0.1:$(PORT) (Ctrl+C to stop)"
	node e2e/serve.mjs dist $(PORT)

## ---- tests ----

test: test-native test-fuzz test-wasm test-wasm-firefox test-e2e test-dev test-engines
	@echo "All test layers passed."

lint: wasm-target
	cargo fmt --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --package closer --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --package closer-core --lib -- -D warnings

test-native: lint
	cargo test --workspace
	node --test bench/lib/

# A short fuzz run of each target: stored-progress decoding and file import
# (decode_import), and share codes (decode_share); `make fuzz` runs each
# longer (FUZZ_SECONDS=3600 make fuzz for an hour each).
FUZZ_TARGETS := decode_import decode_share
FUZZ_SECONDS ?= 600
test-fuzz: fuzz-tool
	@mkdir -p target
	@for t in $(FUZZ_TARGETS); do \
	  echo "cargo fuzz run $$t (30 s)"; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run $$t -- -max_total_time=30 -print_final_stats=1 > target/fuzz-$$t.log 2>&1 \
	    || { tail -60 target/fuzz-$$t.log; echo "The fuzzer failed or found a crash in $$t: see fuzz/artifacts/$$t/"; exit 1; }; \
	  grep -E '^(Done|stat::number_of_executed_units)' target/fuzz-$$t.log; \
	done

fuzz: fuzz-tool
	@for t in $(FUZZ_TARGETS); do \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run $$t -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 || exit 1; \
	done

test-wasm: wasm-target wasm-bindgen chromium
	CHROMEDRIVER=$(CHROMEDRIVER) cargo test --target wasm32-unknown-unknown --test storage_browser --test lock_browser

# The same tests in Firefox ESR, through geckodriver (Debian names the binary firefox-esr).
test-wasm-firefox: wasm-target wasm-bindgen firefox geckodriver
	GECKODRIVER=$$(command -v geckodriver) GECKODRIVER_ARGS="--binary $(FIREFOX)" \
	  cargo test --target wasm32-unknown-unknown --test storage_browser --test lock_browser

test-e2e: build build-sub chromium
	npx playwright test

# A development build, as `trunk serve` makes it (debug wasm, no prerendered
# pages; the post-build hook still writes the prose files), in its own folder,
# and a Playwright check that its cards and quiz show their words
# (playwright.dev.config.ts, e2e-dev/, port 4175). The debug wasm takes a few
# minutes on 2 cores.
test-dev: tools chromium
	trunk build --dist dist-dev
	npx playwright test -c playwright.dev.config.ts

# The main journeys in Firefox and in WebKit, against the same release build
# and static server (e2e-engines/; Playwright drives Chromium only).
test-engines: build firefox webkit
	node --test --test-concurrency=1 e2e-engines/firefox.test.mjs e2e-engines/webkit.test.mjs

test-firefox: build firefox
	node --test e2e-engines/firefox.test.mjs

test-webkit: build webkit
	node --test e2e-engines/webkit.test.mjs

## ---- benchmark ----

# Prints one table with the budgets, writes bench-results/bench.json, and exits 1
# when a figure is worse than bench/baseline.json beyond its noise band.
bench: build npm chromium
	node bench/bench.mjs
# The same full run, written as bench/baseline.json (commit it with the reason).
bench-baseline: build npm chromium
	BENCH_BASELINE=write node bench/bench.mjs

clean:
	rm -rf dist target node_modules test-results playwright-report
