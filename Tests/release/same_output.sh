#!/bin/sh
# The release binary must write the same bytes as the debug one, which every other test runs. Release builds
# are compiled with other optimiser settings (Package.swift: cross-module optimisation, no lexical lifetimes,
# the static runtime); this builds each tree with both binaries and compares the sites file by file: the
# shipped content, the valid fixture site, a 2,000-entity tree from the bench's generator, a tree of hostile
# entries and, when the external test data is there (docs/testing.md, "The external test data": the folder
# HANDBOOK_SHARED names, else `shared` beside the checkout), the Participedia tree; HANDBOOK_REQUIRE_SHARED=1
# makes its absence a failure, as in the Swift tests.
#
#     sh Tests/release/same_output.sh DEBUG_BINARY RELEASE_BINARY
set -eu
debug=$1
release=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/gen_corpus.py "$work/generated" 2000 > /dev/null
python3 Tests/data/hostile_tree.py "$work/hostile" --entries 300 > /dev/null
trees="content Tests/HandbookCLITests/Fixtures/valid-site/content $work/generated $work/hostile"
shared=${HANDBOOK_SHARED:-../shared}
if [ -d "$shared/realdata/content" ]; then
    trees="$trees $shared/realdata/content"
elif [ "${HANDBOOK_REQUIRE_SHARED:-}" = 1 ]; then
    echo "MISSING: $shared/realdata/content (the external test data; see docs/testing.md)" >&2
    exit 1
fi

# Fixed dates: "upcoming" counts from today, and an entry outside git is dated by its file's time.
export HANDBOOK_TODAY=2026-06-01 SOURCE_DATE_EPOCH=1780000000
failed=0
number=0
for tree in $trees; do
    number=$((number + 1))
    for binary in debug release; do
        eval "path=\$$binary"
        if ! "$path" build --content "$tree" --output "$work/$binary-$number" > "$work/log" 2>&1; then
            echo "BUILD FAILED: $tree with the $binary binary ($path):" >&2
            tail -20 "$work/log" >&2
            exit 1
        fi
    done
    if diff -r "$work/debug-$number" "$work/release-$number" > "$work/diff-$number"; then
        echo "same output: $tree ($(find "$work/release-$number" -type f | wc -l) files)"
    else
        echo "DIFFERENT OUTPUT: $tree: the release binary's site differs from the debug binary's:" >&2
        head -20 "$work/diff-$number" >&2
        failed=1
    fi
done
exit $failed
