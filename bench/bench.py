#!/usr/bin/env python3
"""Benchmarks `handbook check` on synthetic trees and on the real Participedia data, and prints
figures and ratios. Run through `make bench` (release build)."""
import argparse
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/handbook")
parser.add_argument("--runs", type=int, default=5)
args = parser.parse_args()


def corpus(n):
    path = os.path.join(here, "corpus", f"n{n}")
    if not os.path.exists(os.path.join(path, "handbook.yml")):
        subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), path, str(n)], check=True, stdout=subprocess.DEVNULL)
    return path


def measure(content):
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        result = subprocess.run([args.binary, "check", "--content", content], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0,):
            sys.exit(f"check failed on {content}:\n{result.stdout.decode()[-2000:]}")
    return statistics.median(times)


rows = []
for n in (1000, 10000):
    seconds = measure(corpus(n))
    rows.append((f"synthetic {n:,}", n, seconds))
realdata = os.path.join(here, "..", "..", "shared", "realdata", "content")
if os.path.isdir(realdata):
    rows.append(("Participedia (real)", 1068, measure(realdata)))

print(f"handbook check, median of {args.runs} runs ({args.binary})")
print(f"{'tree':<22}{'entities':>10}{'seconds':>10}{'ms / 1,000 entities':>22}")
for name, n, seconds in rows:
    print(f"{name:<22}{n:>10,}{seconds:>10.3f}{seconds / n * 1e6:>22.1f}")
small, large = rows[0], rows[1]
ratio = (large[2] / large[1]) / (small[2] / small[1])
print(f"per-entity cost at 10,000 vs 1,000: {ratio:.2f}x (1.00 = linear)")
