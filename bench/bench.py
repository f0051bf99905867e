#!/usr/bin/env python3
"""Benchmarks `handbook check` on synthetic trees and on the real Participedia data, and prints
figures and ratios. Run through `make bench` (release build)."""
import argparse
import json
import os
import shutil
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


out_root = os.path.join(here, "corpus", "out")
env = dict(os.environ, HANDBOOK_TODAY="2026-11-22", SOURCE_DATE_EPOCH="1790000000", HANDBOOK_TIMINGS="1")


def run(command, content):
    """Median wall time of the command, and the build's phase timings from its last run (with the search
    tokenizer's "timing: search tokenizing N MB in S s" line under "search tokenizing", as (MB, seconds))."""
    times = []
    phases = {}
    for _ in range(args.runs):
        arguments = [args.binary, command, "--content", content]
        if command == "build":
            arguments += ["--output", os.path.join(out_root, os.path.basename(content.rstrip("/")) or "site")]
        start = time.perf_counter()
        result = subprocess.run(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            sys.exit(f"{command} failed on {content}:\n{result.stdout.decode()[-2000:]}{result.stderr.decode()[-2000:]}")
        phases = {}
        for line in result.stderr.decode().splitlines():
            if line.startswith("timing: search tokenizing "):
                words = line.split()
                phases["search tokenizing"] = (float(words[3]), float(words[6]))
            elif line.startswith("timing: "):
                name, seconds = line[len("timing: "):].rsplit(" ", 2)[0], float(line.split()[-2])
                phases[name] = seconds
    return statistics.median(times), phases


os.makedirs(out_root, exist_ok=True)
trees = [(f"synthetic {n:,}", n, corpus(n)) for n in (1000, 10000)]
realdata = os.path.join(here, "..", "..", "shared", "realdata", "content")
if os.path.isdir(realdata):
    trees.append(("Participedia (real)", 1068, realdata))

for command in ("check", "build"):
    rows = []
    print(f"\nhandbook {command}, median of {args.runs} runs ({args.binary})")
    print(f"{'tree':<22}{'entities':>10}{'seconds':>10}{'ms / 1,000 entities':>22}")
    for name, n, path in trees:
        seconds, phases = run(command, path)
        rows.append((name, n, seconds, phases))
        print(f"{name:<22}{n:>10,}{seconds:>10.3f}{seconds / n * 1e6:>22.1f}")
    small, large = rows[0], rows[1]
    ratio = (large[2] / large[1]) / (small[2] / small[1])
    print(f"per-entity cost at 10,000 vs 1,000: {ratio:.2f}x (1.00 = linear)")
    if command == "build":
        phases = dict(large[3])
        tokenizing = phases.pop("search tokenizing", None)
        total = sum(phases.values()) or 1
        print("build phases on synthetic 10,000: " + ", ".join(f"{name} {seconds:.3f} s ({seconds / total:.0%})" for name, seconds in phases.items()))
        if tokenizing:
            megabytes, seconds = tokenizing
            print(f"search tokenizing on synthetic 10,000: {megabytes:.1f} MB of text in {seconds:.3f} s of CPU, "
                  f"{megabytes / seconds:.0f} MB/s per core (names, details and bodies, with the token table)")


# Search: the index's size and what one query costs a browser, on the synthetic 10,000-entity build
# (Pagefind, the reference, fetches 100-300 kB per query on sites of this size).
site = os.path.join(out_root, "n10000")
search_root = os.path.join(site, "search")
files = [os.path.join(folder, name) for folder, _, names in os.walk(search_root) for name in names if name != "index.html"]
size = sum(os.path.getsize(path) for path in files)
blocks = sum(os.stat(path).st_blocks * 512 for path in files)
print(f"\nsearch index on synthetic 10,000: built in {rows[1][3].get('search index', 0):.3f} s; "
      f"{len(files):,} files, {size / 1e6:.2f} MB ({blocks / 1e6:.1f} MB on disk in 4 kB blocks)")
node = shutil.which("node")
if not node:
    print("search bytes per query: skipped (node is missing: apt-get install nodejs)")
    sys.exit(0)
import gzip as gzip_module
scripts = [os.path.join(site, "assets", name) for name in ("search-core.js", "handbook.js")]
script_raw = sum(os.path.getsize(path) for path in scripts)
script_gzip = sum(len(gzip_module.compress(open(path, "rb").read(), 9)) for path in scripts)
queries = ["democracy", "sortition", "lottery", "bolutu", "citizens assembly", "community trust", "jury reform", "typed:sortition"]
result = subprocess.run([node, os.path.join(here, "search_bytes.js"), site] + queries, capture_output=True, text=True, check=True)
print(f"bytes a browser fetches per query, with the scripts ({script_raw / 1e3:.1f} kB, {script_gzip / 1e3:.1f} kB gzipped) "
      "and the first 10 results; ratio = Pagefind's 100 kB / ours (gzipped):")
print(f"{'query':<24}{'results':>9}{'files':>7}{'kB':>8}{'kB gzip':>9}{'of it results':>15}{'ratio':>8}")
for line in result.stdout.splitlines():
    item = json.loads(line)
    raw, packed = (item["raw"] + script_raw) / 1e3, (item["gzip"] + script_gzip) / 1e3
    results = f"{item['resultGzip'] / 1e3:.1f} ({item['resultFiles']})"
    print(f"{item['query']:<24}{item['results']:>9,}{item['files'] + 2:>7}{raw:>8.1f}{packed:>9.1f}{results:>15}{100 / packed:>7.1f}x")
