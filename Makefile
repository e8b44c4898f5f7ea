# Lede: `make` installs what is missing, builds Lede and builds the bundled site;
# `make test` runs the whole test suite (Swift tests, then the browser and nginx tests);
# `make bench` measures Lede against Hugo and the preview's rebuild latency (BENCH_QUICK=1: 1k only);
# `make fuzz` runs each libFuzzer target for FUZZ_SECONDS; `make tsan` runs the concurrent tests
# under ThreadSanitizer.
SWIFT ?= swift
LEDE := .build/debug/lede

.PHONY: all deps build site test swift-test e2e-test lint bench fuzz tsan

all: site

deps:
	@.ci/install-deps

build: deps
	$(SWIFT) build --product lede

site: build
	$(LEDE) build .

# The preview server's tests run first, on their own: they wait for events with deadlines, and
# run beside the other suites (which build sites from many tests at once) on a loaded 2-core
# machine they timed out.
SERVER_TESTS ?= LedePreviewTests|ServeRoundTripTests|WatchStartTests

swift-test: build
	$(SWIFT) test --filter '$(SERVER_TESTS)'
	$(SWIFT) test --skip '$(SERVER_TESTS)'

e2e-test: build
	@Tests/EndToEnd/run.sh

test: lint swift-test e2e-test

bench: deps
	@Tests/Benchmarks/run.sh

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

# Fuzzing: one libFuzzer executable per target (Sources/lede-fuzz-*), built with ASan into
# .build-fuzz. Each runs FUZZ_SECONDS from its seed corpus (Tests/Fixtures/Fuzz/TARGET, read only;
# new inputs go to .build-fuzz/corpus/TARGET) with its dictionary. Fork mode keeps a target
# running after a crash, so one run collects every finding: crash-*, oom-* and timeout-* files
# land in FUZZ_FINDINGS/TARGET (git-ignored, emptied at the start of each run) and make fails.
# Replay one with the plain build: .build/debug/lede-fuzz-TARGET FILE.
FUZZ_SECONDS ?= 180
FUZZ_TARGETS ?= content markdown templates request-path
FUZZ_TIMEOUT ?= 10
FUZZ_RSS_MB ?= 2048
FUZZ_FINDINGS ?= .build-fuzz/findings
FUZZ_BUILD := -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DLEDE_FUZZING \
	-Xcc -fsanitize=fuzzer-no-link,address

fuzz: deps
	@for target in $(FUZZ_TARGETS); do \
		$(SWIFT) build $(FUZZ_BUILD) --product lede-fuzz-$$target || exit 1; \
	done
	@status=0; \
	for target in $(FUZZ_TARGETS); do \
		findings=$(FUZZ_FINDINGS)/$$target; corpus=.build-fuzz/corpus/$$target; \
		case $$target in request-path) maxlen=1024;; markdown) maxlen=32768;; *) maxlen=16384;; esac; \
		rm -rf $$findings; mkdir -p $$findings $$corpus; \
		echo "fuzz: $$target for $(FUZZ_SECONDS) s (log and findings in $$findings)"; \
		ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/lede-fuzz-$$target $$corpus Tests/Fixtures/Fuzz/$$target \
			-dict=Tests/Fixtures/Fuzz/$$target.dict -max_len=$$maxlen -timeout=$(FUZZ_TIMEOUT) \
			-rss_limit_mb=$(FUZZ_RSS_MB) -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=$$findings/ \
			-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1 -print_final_stats=1 \
			> $$findings/log.txt 2>&1; \
		code=$$?; \
		grep -E '^#[0-9]+' $$findings/log.txt | tail -n 1; \
		found=$$(ls $$findings | grep -cE '^(crash|oom|timeout|leak)-'); \
		if [ "$$found" -gt 0 ]; then echo "fuzz: $$target: $$found finding(s) in $$findings"; status=1; \
		elif [ $$code -ne 0 ]; then echo "fuzz: $$target: libFuzzer exited with $$code"; tail -n 5 $$findings/log.txt; status=1; fi; \
	done; \
	exit $$status

# ThreadSanitizer over the tests that run work concurrently: parallel rendering and template
# rendering, incremental builds, the preview server, its watcher and the serve round trip.
# Any ThreadSanitizer report fails the target.
TSAN_TESTS ?= ParallelRenderingTests|StreamedBuildTests|CMarkParseGateTests|ConcurrencyTests|IncrementalBuildTests|QuickEditTests|BuildCacheTests|BundledSiteTests|LedePreviewTests|ServeRoundTripTests

tsan: deps
	$(SWIFT) build --build-tests --scratch-path .build-tsan --sanitize=thread
	$(SWIFT) build --scratch-path .build-tsan --sanitize=thread --product lede
	@{ TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 LEDE_BINARY=$$PWD/.build-tsan/debug/lede \
		$(SWIFT) test --skip-build --scratch-path .build-tsan --sanitize=thread --filter '$(TSAN_TESTS)' 2>&1; \
		echo $$? > .build-tsan/tsan.status; } | tee .build-tsan/tsan.log
	@if grep -q 'ThreadSanitizer' .build-tsan/tsan.log; then \
		echo "tsan: ThreadSanitizer reports in .build-tsan/tsan.log"; exit 1; fi
	@test "$$(cat .build-tsan/tsan.status)" = 0 || { echo "tsan: tests failed"; exit 1; }
	@echo "tsan: 0 ThreadSanitizer reports"
