#!/bin/sh
# Runs each libFuzzer target for a bounded time with the address sanitizer (and its leak checker), seeded from
# Fuzz/corpus/<target>/. Fails on the first crash, trap, sanitizer report, leak, or input that takes more than
# one second (libFuzzer's -timeout=1); the input is saved as .build/fuzz/artifacts/<target>-crash-… (or
# -leak-, -timeout-), and its stack is printed. What a run discovers goes to a temporary folder, so the
# committed corpus changes only when someone adds to it.
#
#     sh Fuzz/run.sh 30                 # every target, 30 s each (what `make test` runs)
#     sh Fuzz/run.sh 3600 check-build   # a longer campaign on one target
#
# A finding is reproduced with `.build/fuzz/<target> FILE`, and becomes a regression test (docs/testing.md).
set -eu
cd "$(dirname "$0")/.."
if [ "$(uname -s)" != Linux ]; then
    echo "SKIPPED: fuzzing: the Swift toolchain has libFuzzer (-sanitize=fuzzer) on Linux only"
    exit 0
fi
seconds=${1:-30}
[ $# -gt 0 ] && shift
targets=${*:-"front-matter yaml mustache search check-build"}
sh Fuzz/build.sh "$targets"
mkdir -p .build/fuzz/artifacts
failed=""
for target in $targets; do
    work=$(mktemp -d "${TMPDIR:-/tmp}/handbook-fuzz-$target.XXXXXX")
    echo "fuzz: $target for $seconds s"
    # Swift's own backtracer would stall each crash report for up to 30 s; libFuzzer and ASan print the stack.
    if SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 LSAN_OPTIONS=suppressions=Fuzz/lsan.supp \
        ".build/fuzz/$target" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -max_len=65536 \
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
echo "fuzz: every target ran $seconds s without a finding"
