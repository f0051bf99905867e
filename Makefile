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
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	.build/debug/handbook check --content $(CONTENT) --strict

site: deps
	$(SWIFT) build -c release --product handbook
	.build/release/handbook check --content $(CONTENT)
	@echo "Content in $(CONTENT)/ checked. (Publishing HTML with 'handbook build' is the next milestone.)"

bench: deps
	$(SWIFT) build -c release --product handbook
	python3 bench/bench.py --binary .build/release/handbook

clean:
	$(SWIFT) package clean
	rm -rf bench/corpus
