# Lede: `make` installs what is missing, builds Lede and builds the bundled site;
# `make test` runs the whole test suite (Swift tests, then the browser and nginx tests);
# `make bench` measures Lede against Hugo and the preview's rebuild latency (BENCH_QUICK=1: 1k only).
SWIFT ?= swift
LEDE := .build/debug/lede

.PHONY: all deps build site test swift-test e2e-test lint bench

all: site

deps:
	@.ci/install-deps

build: deps
	$(SWIFT) build --product lede

site: build
	$(LEDE) build .

swift-test: build
	$(SWIFT) test

e2e-test: build
	@Tests/EndToEnd/run.sh

test: lint swift-test e2e-test

bench: deps
	@Tests/Benchmarks/run.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift
