# Two commands for a fresh machine: `make site` builds the shipped handbook, `make test` runs the tests.
# Each first makes sure libcmark is installed (scripts/ensure-libcmark.sh).

SWIFT ?= swift
CONTENT ?= content

.PHONY: all deps build test site bench clean

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
	python3 Tests/data/check_outputs.py --binary .build/debug/handbook

site: deps
	$(SWIFT) build -c release --product handbook
	.build/release/handbook build --content $(CONTENT) --output output --check-links
	@echo "Built the handbook into output/. To browse it: python3 -m http.server --directory output 8000, then open http://localhost:8000/"

# `make bench BENCH_FLAGS=--huge` adds 100,000 entities.
bench: deps
	@sh scripts/ensure-bench-tools.sh
	$(SWIFT) build -c release --product handbook
	python3 bench/bench.py --binary .build/release/handbook $(BENCH_FLAGS)

clean:
	$(SWIFT) package clean
	rm -rf bench/corpus
