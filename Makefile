# Two commands for a fresh machine: `make site` builds the shipped handbook, `make test` runs the tests.
# Each first makes sure libcmark is installed (scripts/ensure-libcmark.sh).

SWIFT ?= swift
CONTENT ?= content

# Seconds each fuzz target runs in `make fuzz` (FUZZ_SECONDS=3600 for a campaign); `make test` runs a fixed
# seed and number of inputs per target, so that it is reproducible.
FUZZ_SECONDS ?= 300

.PHONY: all deps build test site serve bench fuzz clean

all: build

deps:
	@sh scripts/ensure-libcmark.sh

build: deps
	$(SWIFT) build

test: deps
	@sh scripts/ensure-test-tools.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	.build/debug/handbook check --content $(CONTENT) --strict
	python3 Tests/browser/smoke.py --binary .build/debug/handbook
	python3 Tests/browser/layout.py --binary .build/debug/handbook
	python3 Tests/browser/serve.py --binary .build/debug/handbook
	python3 Tests/data/check_outputs.py --binary .build/debug/handbook
	$(SWIFT) build -c release --product handbook
	sh Tests/release/same_output.sh .build/debug/handbook .build/release/handbook
	sh Fuzz/run.sh --ci

# libFuzzer with the address sanitizer over each target in Fuzz/Targets (Linux; docs/testing.md).
fuzz: deps
	sh Fuzz/run.sh $(FUZZ_SECONDS)

site: deps
	$(SWIFT) build -c release --product handbook
	.build/release/handbook build --content $(CONTENT) --output output --check-links
	@echo "Built the handbook into output/. To browse it: python3 -m http.server --directory output 8000, then open http://localhost:8000/ (to preview while editing: make serve)"

# Preview while editing: served from memory at http://127.0.0.1:8000/ (PORT=N for another port), rebuilt
# on every save, pages reload by themselves. Ctrl-C stops it.
PORT ?= 8000
serve: deps
	$(SWIFT) build -c release --product handbook
	.build/release/handbook serve --content $(CONTENT) --port $(PORT)

# `make bench BENCH_FLAGS=--huge` adds 100,000 entities.
bench: deps
	@sh scripts/ensure-bench-tools.sh
	$(SWIFT) build -c release --product handbook
	python3 bench/bench.py --binary .build/release/handbook $(BENCH_FLAGS)

clean:
	$(SWIFT) package clean
	rm -rf bench/corpus
