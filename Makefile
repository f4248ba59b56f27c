# iom-news: `make serve` and `make test` set up whatever a fresh Debian machine with rustup's
# Rust, node/npm and apt lacks, then serve the demo or run every test layer. Each install step
# checks the installed version first, so a warm machine skips it.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

TRUNK_VERSION := 0.21.14
# Release builds use a pinned nightly for std built for size (-Z build-std, optimize_for_size,
# panic=immediate-abort): 11% less gzipped wasm than stable (measured, bench/attempts.md).
NIGHTLY := nightly-2026-05-19
# The wasm-bindgen CLI must be exactly the version the crate links against.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
# Cargo never touches the network except in the steps that fetch or install (they say so): a
# crate that no fetch step downloaded fails the build at once, here and in CI, instead of
# passing on a machine whose cache happens to hold it.
export CARGO_NET_OFFLINE := true
ONLINE := CARGO_NET_OFFLINE=false
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# The version every built file reports, from the root Cargo.toml's [package] table, and the
# folder `make release` fills.
VERSION := $(shell awk -F'"' '/^\[/ { p = ($$0 == "[package]") } p && /^version *=/ { print $$2; exit }' Cargo.toml)
RELEASE := release/iom-news-$(VERSION)
MINIFY := esbuild --minify --log-level=warning --allow-overwrite

.PHONY: help serve test bench build dist release lint test-native test-schema test-browser test-e2e \
        setup-build setup-test rust-target rust-components rust-nightly trunk wasm-bindgen node-modules \
        chromium fetch fetch-nightly clean

help:
	@echo "make serve   install what is missing, then serve the demo on http://127.0.0.1:8080"
	@echo "make test    install what is missing, then run lint, native, schema, browser and e2e tests"
	@echo "make dist    the embeddable release build in dist/ (same as make build)"
	@echo "make release release/iom-news-X.Y.Z/ and .tar.gz: the files to pin, hashes checked, and the tag to paste"
	@echo "make bench   benchmarks against a vanilla-JS baseline; writes bench/results.md"

serve: setup-build
	trunk serve

test: setup-test
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-native
	$(MAKE) --no-print-directory test-schema
	$(MAKE) --no-print-directory test-browser
	$(MAKE) --no-print-directory release
	$(MAKE) --no-print-directory test-e2e

# The embeddable dist/: the loader iom-news.js, the widget's wasm and JS glue, the stylesheet,
# plus the demo page, sample feeds and example pages. All URLs in it are relative. The loader
# carries the version (IOMNews.version) but no hashes: it checks nothing (`make release` does).
build: setup-build rust-nightly fetch-nightly
	RUSTUP_TOOLCHAIN=$(NIGHTLY) \
	CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
	RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
	CARGO_TARGET_DIR=target/size \
	trunk build --release --offline
	$(MINIFY) --format=esm dist/iom-news-widget.js --outfile=dist/iom-news-widget.js
	$(MINIFY) dist/iom-news.css --outfile=dist/iom-news.css
	node tools/stamp-loader.mjs dist/iom-news.js dist/iom-news.js
	$(MINIFY) dist/iom-news.js --outfile=dist/iom-news.js
	@for f in dist/iom-news.js dist/iom-news-widget.js dist/iom-news-widget_bg.wasm dist/iom-news.css; do \
	  printf '%-32s %8d bytes, %7d gzip\n' "$$f" "$$(stat -c%s "$$f")" "$$(gzip -9c "$$f" | wc -c)"; \
	done

dist: build

# What web teams pin: release/iom-news-X.Y.Z/ holds only what an embed loads (the glue, wasm and
# stylesheet exactly as `make build` made them, and a loader minified the same way that carries
# their sha384 hashes and checks them), plus the npm package's manifest and README;
# release/iom-news-X.Y.Z.tar.gz holds the folder. Prints the tag to paste, with its integrity.
release: build
	rm -rf $(RELEASE) $(RELEASE).tar.gz
	mkdir -p $(RELEASE)
	cp dist/iom-news-widget.js dist/iom-news-widget_bg.wasm dist/iom-news.css $(RELEASE)/
	node tools/stamp-loader.mjs www/iom-news.js $(RELEASE)/iom-news.js --integrity $(RELEASE)
	$(MINIFY) $(RELEASE)/iom-news.js --outfile=$(RELEASE)/iom-news.js
	node tools/release.mjs $(RELEASE)

# Benchmarks: numbers to read, never assertions.
bench: setup-test build
	cargo run --release -q -p iom-news-core --example parse_bench -- 10000
	node bench/parse.mjs 10000
	node bench/run.mjs

# --- Test layers -----------------------------------------------------------------------------

lint: setup-build
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p iom-news-widget --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native: fetch
	cargo test --workspace

# The JSON Schema agrees with core on the sample feeds and the broken fixtures.
test-schema: node-modules
	node --test tests/schema/

test-browser: setup-test
	cargo test -p iom-news-widget --target wasm32-unknown-unknown --test browser

test-e2e: node-modules chromium fetch
	@# Built again when missing or older than any of their sources, so tests never run a stale build.
	@if [ ! -f dist/index.html ] || [ -n "$$(find src core/src www index.html Trunk.toml Cargo.toml Cargo.lock core/Cargo.toml -newer dist/index.html -print -quit)" ]; then \
	  $(MAKE) --no-print-directory build; fi
	@if [ ! -f $(RELEASE)/package.json ] || [ -n "$$(find dist tools npm CHANGELOG.md LICENSE -newer $(RELEASE)/package.json -print -quit)" ]; then \
	  $(MAKE) --no-print-directory release; fi
	cargo build -q -p iom-news-cli   # tests/e2e/build.test.mjs runs import and build
	node --test tests/e2e/

# --- Set-up ----------------------------------------------------------------------------------

setup-build: rust-target rust-components trunk wasm-bindgen node-modules fetch
setup-test: setup-build chromium

rust-target:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown

# The pinned nightly, with the std sources that -Z build-std compiles (no prebuilt wasm std).
rust-nightly:
	@rustup component list --toolchain $(NIGHTLY) --installed 2>/dev/null | grep -q '^rust-src' \
	  || rustup toolchain install $(NIGHTLY) --profile minimal --component rust-src

rust-components:
	@for c in rustfmt clippy; do \
	  rustup component list --installed | grep -q "^$$c" || rustup component add "$$c"; \
	done

trunk:
	@if [ "$$(trunk --version 2>/dev/null)" != "trunk $(TRUNK_VERSION)" ]; then \
	  echo "installing trunk $(TRUNK_VERSION) (takes a few minutes)"; \
	  $(ONLINE) cargo install --locked trunk --version $(TRUNK_VERSION); \
	fi

# Not --locked: the CLI's own lockfile does not build here; the version is still exact.
wasm-bindgen:
	@test -n "$(WASM_BINDGEN_VERSION)" || { echo "no wasm-bindgen in Cargo.lock"; exit 1; }
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] \
	   || [ "$$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $(WASM_BINDGEN_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  $(ONLINE) cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION); \
	fi

# binaryen's wasm-opt and playwright-core, at the versions in package-lock.json.
node-modules:
	@npm ls --depth=0 >/dev/null 2>&1 || npm ci --no-audit --no-fund

# Debian's Chromium and its matching ChromeDriver, for the browser and end-to-end tests, and
# fonts for the scripts the widget speaks (Chinese has none by default; Arabic and Cyrillic
# come with DejaVu), so that screenshots show what a reader sees.
BROWSER_PACKAGES := chromium chromium-driver fonts-noto-cjk fonts-dejavu-core
chromium:
	@if [ "$$(dpkg-query -W -f='$${Status}\n' $(BROWSER_PACKAGES) 2>/dev/null | grep -c '^install ok installed$$')" != "$(words $(BROWSER_PACKAGES))" ]; then \
	  $(SUDO) apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $(BROWSER_PACKAGES); \
	fi

# Every crate the offline builds need: the workspace's for the stable toolchain (tests, lint,
# `trunk serve`), and std's own dependencies for the nightly -Z build-std release build, which
# `cargo fetch` on the workspace alone never downloads.
fetch:
	@$(ONLINE) cargo fetch --quiet

fetch-nightly: rust-nightly
	@$(ONLINE) RUSTUP_TOOLCHAIN=$(NIGHTLY) cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown

clean:
	cargo clean
	rm -rf dist release node_modules tests/e2e/artifacts
