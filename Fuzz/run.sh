#!/bin/sh
# Runs each libFuzzer target for a bounded time with the address sanitizer (and its leak checker), seeded from
# Fuzz/corpus/<target>/. Fails on the first crash, trap, sanitizer report, leak, or input that takes more than
# one second (libFuzzer's -timeout=1); the input is saved as .build/fuzz/artifacts/<target>-crash-… (or
# -leak-, -timeout-), and its stack is printed. What a run discovers goes to a temporary folder, so the
# committed corpus changes only when someone adds to it.
#
#     sh Fuzz/run.sh --ci               # every target, a fixed seed and number of inputs (what `make test` runs)
#     sh Fuzz/run.sh 300                # every target, 5 minutes each, a new random seed (`make fuzz`)
#     sh Fuzz/run.sh 3600 check-build   # a longer campaign on one target
#
# `--ci` is reproducible: the same code explores the same inputs, so a clean run stays clean until the code
# changes, and a finding is found again by anyone who runs it.
#
# A finding is reproduced with `.build/fuzz/<target> FILE`, and becomes a regression test (docs/testing.md).
set -eu
cd "$(dirname "$0")/.."
if [ "$(uname -s)" != Linux ]; then
    echo "SKIPPED: fuzzing: the Swift toolchain has libFuzzer (-sanitize=fuzzer) on Linux only"
    exit 0
fi
# Inputs each target tries in --ci mode, 30 to 60 s each on a 2-core machine (the corpus's replay counts).
runs_for() {
    case $1 in
        front-matter) echo 200000 ;;
        yaml) echo 800000 ;;
        mustache) echo 12000 ;;
        search) echo 50000 ;;
        check-build) echo 600 ;;
    esac
}
if [ "${1:-}" = --ci ]; then
    bound=ci
else
    bound=${1:-30}
fi
[ $# -gt 0 ] && shift
targets=${*:-"front-matter yaml mustache search check-build"}
sh Fuzz/build.sh "$targets"
mkdir -p .build/fuzz/artifacts
failed=""
for target in $targets; do
    work=$(mktemp -d "${TMPDIR:-/tmp}/handbook-fuzz-$target.XXXXXX")
    if [ "$bound" = ci ]; then
        limits="-seed=1 -runs=$(runs_for "$target") -timeout=1"
        echo "fuzz: $target, $(runs_for "$target") inputs from seed 1"
    else
        limits="-max_total_time=$bound -timeout=1"
        echo "fuzz: $target for $bound s"
    fi
    # Swift's own backtracer would stall each crash report for up to 30 s; libFuzzer and ASan print the stack.
    if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp \
        ".build/fuzz/$target" $limits -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix=".build/fuzz/artifacts/$target-" -print_final_stats=1 "$work" "Fuzz/corpus/$target" \
        > ".build/fuzz/$target.log" 2>&1; then
        grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" ".build/fuzz/$target.log" | tr '\n' ' '
        echo
    else
        echo "fuzz: $target FAILED; the log is .build/fuzz/$target.log:"
        grep -v "^    #[0-9]* 0x.* in (fuzzer::|__libc|_start)" ".build/fuzz/$target.log" | tail -40
        failed="$failed $target"
    fi
    rm -rf "$work"
done
if [ -n "$failed" ]; then
    echo "fuzz: failed:$failed"
    exit 1
fi
echo "fuzz: every target ran without a finding"
