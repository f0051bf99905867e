#!/bin/sh
# Builds the libFuzzer targets in Fuzz/Targets/ with the toolchain's `-sanitize=fuzzer,address`, into
# .build/fuzz/ (outside SwiftPM's own folders, so `swift build` is unaffected). The modules the targets
# need are compiled from Sources/ as static libraries with coverage and address-sanitizer instrumentation.
#
#     sh Fuzz/build.sh            # every target
#     sh Fuzz/build.sh yaml       # one (front-matter, yaml, mustache, search, check-build)
#
# Linux only: the Swift toolchain for macOS ships no libFuzzer.
set -eu
cd "$(dirname "$0")/.."
out=.build/fuzz
mkdir -p "$out"
swiftc=${SWIFTC:-swiftc}
# -O for throughput; -g so a crash names its lines.
flags="-O -g -parse-as-library -sanitize=fuzzer,address -I $out -I Sources/CCmark"

# Each module in dependency order, compiled again when its sources changed since its library was made, or
# when a module before it was (its interface may have changed).
stale=""
module() {
    name=$1
    library="$out/lib$name.a"
    sources=$(find "Sources/$name" -name '*.swift' | sort)
    if [ -z "$stale" ] && [ -f "$library" ] && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$library")" ]; then return; fi
    stale=1
    echo "fuzz: compiling $name"
    # shellcheck disable=SC2086
    $swiftc $flags -wmo -module-name "$name" -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -emit-library -static -o "$library" $sources
}
module HandbookModel
module Mustache
module HandbookLoad
module HandbookValidate
module HandbookRender
module HandbookBuild

targets=${1:-"front-matter yaml mustache search check-build"}
for target in $targets; do
    source="Fuzz/Targets/$target.swift"
    [ -f "$source" ] || { echo "fuzz: no target $target (Fuzz/Targets/*.swift)" >&2; exit 2; }
    echo "fuzz: linking $target"
    # shellcheck disable=SC2086
    $swiftc $flags -module-name "Fuzz_$(echo "$target" | tr -c 'a-zA-Z0-9\n' '_')" "$source" -o "$out/$target" \
        -L "$out" -lHandbookBuild -lHandbookRender -lHandbookValidate -lHandbookLoad -lMustache -lHandbookModel -lcmark 2>&1 \
        | grep -v "Cannot export local symbol '__asan" || true
    [ -x "$out/$target" ] || { echo "fuzz: linking $target failed" >&2; exit 1; }
done
