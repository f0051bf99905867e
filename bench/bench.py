#!/usr/bin/env python3
"""`make bench`: how fast `handbook` checks and builds, measured on this machine, with the floors of
the stack and Hugo measured in the same run. Figures and ratios only; no test depends on them.

- Synthetic trees of 1,000 and 10,000 densely linked entities (`gen_corpus.py`; 100,000 with --huge),
  checked and built on a tmpfs (`/dev/shm`), where file creation costs no disk time, so the figures
  are the tool's own CPU work: median wall time, CPU time, peak memory, ms per 1,000 entities.
- Floors on the 10,000-entity tree: reading every file, and libcmark alone rendering every file
  (`cmark`), with the build's ratio to each.
- Onto the disk: our cold build and Hugo's (the same tree, two minimal layouts, pages only) measured
  alternately, with the disk's floor in the same loop (the built site's files copied onto the disk, no
  rendering), then a rebuild with nothing changed and one after editing one entry's body.
- `handbook serve` on the 10,000-entity tree: from saving an entry to the browser showing it, and a
  load test of 50 kept-alive clients for 5 s from a second process (`serve_bench.py`).
- The real Participedia export (when the external test data of docs/testing.md is present), files per entity, and what a
  search query costs a browser.
"""
import argparse
import atexit
import gzip as gzip_module
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/handbook")
parser.add_argument("--runs", type=int, default=3)
parser.add_argument("--huge", action="store_true", help="also measure 100,000 entities (slow to generate)")
args = parser.parse_args()
binary = os.path.abspath(args.binary)
env = dict(os.environ, HANDBOOK_TODAY="2026-11-22", SOURCE_DATE_EPOCH="1790000000", HANDBOOK_TIMINGS="1")
shm = "/dev/shm/handbook-bench" if os.path.isdir("/dev/shm") else None
# A tmpfs keeps what is written to it in memory until it is deleted: the copies and outputs of a run (3 GB and
# 400,000 files with --huge) would hold that memory and lengthen the kernel's name lookups for every later
# program, the next bench's builds among them. The folder is this script's own, made by it, so all of it goes.
if shm:
    atexit.register(lambda: shutil.rmtree(shm, ignore_errors=True))
disk = os.path.join(here, "corpus")
os.makedirs(disk, exist_ok=True)


def corpus(n):
    """The synthetic tree of n entities on the disk, generated once (and again when the generator has changed)."""
    path = os.path.join(disk, f"n{n}")
    settings = os.path.join(path, "handbook.yml")
    generator = os.path.join(here, "gen_corpus.py")
    if os.path.exists(settings) and os.path.getmtime(settings) < os.path.getmtime(generator):
        shutil.rmtree(path)
    if not os.path.exists(settings):
        subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), path, str(n)], check=True, stdout=subprocess.DEVNULL)
    return path


def on_tmpfs(path):
    """A copy of the tree on the tmpfs (or the tree itself when there is none)."""
    if not shm:
        return path
    copy = os.path.join(shm, "content", os.path.basename(path))
    if not os.path.exists(os.path.join(copy, "handbook.yml")):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(path, copy)
    return copy


def run(arguments, before=None, runs=None):
    """Median wall time over runs, with CPU, peak memory and the last run's output."""
    walls, cpus, peaks = [], [], []
    out = err = ""
    for _ in range(runs or args.runs):
        if before:
            before()
        with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
            start = time.perf_counter()
            process = subprocess.Popen(arguments, stdout=out_file, stderr=err_file, env=env)
            # wait4 gives this child's own CPU time and peak memory.
            _, status, usage = os.wait4(process.pid, 0)
            walls.append(time.perf_counter() - start)
            out_file.seek(0)
            err_file.seek(0)
            out, err = out_file.read().decode(), err_file.read().decode()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"failed: {' '.join(arguments)}\n{out[-2000:]}{err[-2000:]}")
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "peak": max(peaks), "out": out, "err": err}


def phases(stderr):
    found = {}
    for line in stderr.splitlines():
        match = re.match(r"timing: (.*) ([0-9.]+) s$", line)
        if match and not line.startswith("timing: search tokenizing"):
            found[match.group(1)] = float(match.group(2))
    return found


def remove(path):
    shutil.rmtree(path, ignore_errors=True)


def siblings(output):
    """What a build keeps beside its output: the standby copy and the records of the content files it checked."""
    return [os.path.join(os.path.dirname(output), "." + os.path.basename(output) + suffix) for suffix in (".standby", ".checked")]


def fresh(output):
    """No output and nothing beside it: a build from scratch (on the tmpfs, where deleting costs nothing)."""
    for path in [output] + siblings(output):
        remove(path)


aside = os.path.join(disk, "aside")
# Deleted once every figure is measured (see `cold`).
atexit.register(lambda: remove(aside))


def cold(output):
    """No output, and no standby or records beside it (a rebuild leaves them), then a moment for the disk to settle: a cold build.

    The old output is moved aside, not deleted, and everything moved aside is deleted when the bench ends. This
    disk is ext4 without a journal, which, for a minute after files are deleted, skips their inodes when it
    allocates new ones by reading each one's table block (`recently_deleted`): a build made right after deleting
    the last one's 25,000 files and folders spends seconds of kernel time there (4.3 s for a 2.1 s build, more
    each run), whichever tool it is. That measures the clean-up, not the build.
    """
    for path in [output] + siblings(output):
        if os.path.exists(path):
            os.makedirs(aside, exist_ok=True)
            os.rename(path, os.path.join(aside, f"{os.path.basename(path)}-{time.time_ns()}"))
    subprocess.run(["sync"])


def write_floor(site, target):
    """Seconds to write a built site's files onto the disk without rendering anything: its top-level entries copied
    by two `cp` processes (one per core, as the build writes on both), the target cold as a build's output is. What
    the disk alone costs a build that must write these files, whatever tool makes them."""
    cold(target)
    os.makedirs(target)
    entries = sorted(os.listdir(site))
    weights = {entry: sum(len(names) + 1 for _, _, names in os.walk(os.path.join(site, entry))) for entry in entries}
    halves = ([], [])
    loads = [0, 0]
    for entry in sorted(entries, key=lambda entry: -weights[entry]):
        lighter = 0 if loads[0] <= loads[1] else 1
        halves[lighter].append(os.path.join(site, entry))
        loads[lighter] += weights[entry]
    start = time.perf_counter()
    workers = [subprocess.Popen(["cp", "-r"] + half + [target]) for half in halves if half]
    for worker in workers:
        if worker.wait() != 0:
            sys.exit(f"failed: cp -r … {target}")
    return time.perf_counter() - start


sizes = [1000, 10000] + ([100000] if args.huge else [])
# The performance issue's targets (docs/performance.md, "Figures"), each with what this run measured; printed last.
targets = []


def target(name, measured, met, limit):
    """Records one target: its name, the figure measured (as printed), whether it is met, and the limit."""
    targets.append((name, measured, met, limit))


trees = {n: corpus(n) for n in sizes}
out_root = os.path.join(shm or disk, "out")
os.makedirs(out_root, exist_ok=True)
os.makedirs(os.path.join(disk, "disk-out"), exist_ok=True)

print(f"handbook on a tmpfs ({shm or 'none: on the disk'}), median of {args.runs} runs, {binary}")
print(f"{'':<10}{'entities':>10}{'wall s':>9}{'CPU s':>8}{'peak MB':>9}{'ms / 1,000':>12}")
results = {}
for n in sizes:
    content = on_tmpfs(trees[n])
    check = run([binary, "check", "--content", content])
    output = os.path.join(out_root, f"n{n}")
    build = run([binary, "build", "--content", content, "--output", output], before=lambda: fresh(output))
    results[n] = (check, build, content, output)
    for name, result in (("check", check), ("build", build)):
        print(f"{name:<10}{n:>10,}{result['wall']:>9.3f}{result['cpu']:>8.2f}{result['peak']:>9.0f}{result['wall'] / n * 1e6:>12.1f}")
base = sizes[0]
for n in sizes[1:]:
    for index, name in ((0, "check"), (1, "build")):
        ratio = (results[n][index]["wall"] / n) / (results[base][index]["wall"] / base)
        print(f"{name}: cost per entity at {n:,} vs {base:,}: {ratio:.2f}x (1.00 = linear)")
        if name == "build":
            # Flat: no worse than linear, with room for the machine's noise between two sizes.
            target(f"build cost per entity, {n:,} : {base:,}", f"{ratio:.2f}x", ratio <= 1.25, "flat (≤ 1.25x)")

check10, build10, content10, output10 = results[10000]
target("cold build, 10,000, tmpfs", f"{build10['wall']:.3f} s", build10["wall"] <= 1.5, "≤ 1.5 s")
target("check, 10,000", f"{check10['wall']:.3f} s", check10["wall"] <= 0.35, "≤ 0.35 s")
target("peak memory, 10,000", f"{build10['peak']:.0f} MB", build10["peak"] <= 300, "≤ 300 MB")
print("\nbuild phases at 10,000 (outputs run side by side, so they overlap): "
      + ", ".join(f"{name} {seconds:.3f}" for name, seconds in phases(build10["err"]).items()))
# The social graph's outputs (issue: at most 15 % of a build): their generators' time against all outputs'.
found = phases(build10["err"])
graph_outputs = ["graph exports", "network map", "insights"]
generators = {name: seconds for name, seconds in found.items()
              if name not in ("load", "validate", "theme", "history", "theme and history", "index", "open the output", "prepare (bodies, cards, order)",
                              "render and stage (all outputs, wall)", "check links", "commit")}
if all(name in generators for name in graph_outputs):
    graph_time = sum(generators[name] for name in graph_outputs)
    print(f"social graph outputs at 10,000 ({', '.join(graph_outputs)}): {graph_time:.3f} s of "
          f"{sum(generators.values()):.3f} s summed over every output's generator, {graph_time / sum(generators.values()) * 100:.0f} %; "
          f"the whole build took {build10['wall']:.3f} s")
    share = graph_time / sum(generators.values()) * 100
    target("social graph outputs' share of generator time", f"{share:.0f} %", share <= 15, "≤ 15 % (the graph's issue)")
tokenizing = re.search(r"search tokenizing ([0-9.]+) MB in ([0-9.]+) s", build10["err"])
if tokenizing:
    megabytes, seconds = float(tokenizing.group(1)), float(tokenizing.group(2))
    print(f"search tokenizer: {megabytes:.1f} MB of text (names, details, bodies) in {seconds:.3f} s of CPU, "
          f"{megabytes / max(seconds, 1e-9):.0f} MB/s per core")
    speed = megabytes / max(seconds, 1e-9)
    target("search tokenizer", f"{speed:.0f} MB/s", speed >= 50, "≥ 50 MB/s")
files = sum(len(names) for _, _, names in os.walk(output10))
size = sum(os.path.getsize(os.path.join(folder, name)) for folder, _, names in os.walk(output10) for name in names)
print(f"output at 10,000: {files:,} files ({files / 10000:.2f} per entity), {size / 1e6:.0f} MB")
target("files per entity, 10,000", f"{files / 10000:.2f}", files / 10000 <= 2.3, "≤ 2.3")

# Floors: what the build cannot go below on this machine.
paths = [os.path.join(folder, name) for folder, _, names in os.walk(content10) for name in names]


def read_all():
    total = 0
    for path in paths:
        with open(path, "rb") as f:
            total += len(f.read())
    return total


start = time.perf_counter()
read_all()
read_seconds = time.perf_counter() - start
print(f"\nfloors at 10,000 on the tmpfs (build {build10['wall']:.3f} s):")
print(f"  reading every file ({len(paths):,} files): {read_seconds:.3f} s; build / floor = {build10['wall'] / read_seconds:.1f}x")
cmark = shutil.which("cmark")
if cmark:
    markdown = [path for path in paths if path.endswith(".md")]
    start = time.perf_counter()
    # Two processes, one per core, as the build renders bodies on both.
    half = len(markdown) // 2
    workers = [subprocess.Popen([cmark, "--safe"] + part, stdout=subprocess.DEVNULL) for part in (markdown[:half], markdown[half:])]
    for worker in workers:
        worker.wait()
    cmark_seconds = time.perf_counter() - start
    print(f"  libcmark alone (cmark on two cores): {cmark_seconds:.3f} s; build / floor = {build10['wall'] / cmark_seconds:.1f}x")
else:
    print("  libcmark alone: skipped (apt-get install cmark)")

# Onto the disk, against Hugo, alternately.
hugo = shutil.which("hugo")
disk_out = os.path.join(disk, "disk-out")
ours_disk = []
hugo_disk = []
if hugo:
    hugo_content = os.path.join(disk, "hugo-n10000")
    if not os.path.exists(os.path.join(hugo_content, "organisations")):
        # Hugo reads `url` in front matter as the page's address; the copy calls it `link`.
        for folder, _, names in os.walk(trees[10000]):
            for name in names:
                if not name.endswith(".md"):
                    continue
                source = os.path.join(folder, name)
                # Not `target`: that name is the function recording the targets.
                copy = os.path.join(hugo_content, os.path.relpath(source, trees[10000]))
                os.makedirs(os.path.dirname(copy), exist_ok=True)
                with open(source, encoding="utf-8") as f:
                    text = re.sub(r"^url:", "link:", f.read(), flags=re.M)
                with open(copy, "w", encoding="utf-8") as f:
                    f.write(text)
    copy_disk = []
    for _ in range(args.runs):
        ours_disk.append(run([binary, "build", "--content", trees[10000], "--output", os.path.join(disk_out, "ours")],
                             before=lambda: cold(os.path.join(disk_out, "ours")), runs=1)["wall"])
        hugo_disk.append(run([hugo, "--source", os.path.join(here, "hugo"), "--contentDir", hugo_content,
                              "--destination", os.path.join(disk_out, "hugo"), "--quiet"],
                             before=lambda: cold(os.path.join(disk_out, "hugo")), runs=1)["wall"])
        copy_disk.append(write_floor(output10, os.path.join(disk_out, "copy")))
    ours, theirs = statistics.median(ours_disk), statistics.median(hugo_disk)
    print(f"\nonto the disk at 10,000, cold, alternately: handbook {ours:.3f} s, Hugo {theirs:.3f} s "
          f"({subprocess.run([hugo, 'version'], capture_output=True, text=True).stdout.split()[1]}); ratio {ours / theirs:.2f}")
    target("onto the disk, cold, handbook : Hugo", f"{ours / theirs:.2f}", ours / theirs <= 0.3, "≤ 0.3")
    floor = statistics.median(copy_disk)
    line = (f"  floor: the same site's {files:,} files written onto the disk, no rendering (copied from the tmpfs by two cp "
            f"processes): {floor:.3f} s, {floor / theirs:.2f} of Hugo's time")
    if cmark:
        line += f"; with libcmark alone's time added, {(floor + cmark_seconds) / theirs:.2f}"
    print(line)
else:
    print("\nonto the disk: Hugo is missing (apt-get install hugo); handbook alone:")
    ours_disk.append(run([binary, "build", "--content", trees[10000], "--output", os.path.join(disk_out, "ours")],
                         before=lambda: cold(os.path.join(disk_out, "ours")), runs=1)["wall"])
    print(f"  cold build {statistics.median(ours_disk):.3f} s")

# Rebuilds onto the disk: nothing changed (the first links the site into the standby beside the output,
# the second starts from it), then one entry's body edited. Dates are fixed (SOURCE_DATE_EPOCH), as an edit
# not yet committed keeps its entry's date in a git checkout; an entry whose day of change moves makes every
# output again.
# The cold builds above leave hundreds of megabytes for the kernel to write back; that is flushed first, so
# that the rebuilds are not measured against it. Each edit is a different paragraph; the median of three is shown.
ours_out = os.path.join(disk_out, "ours")
os.sync()
rebuild = run([binary, "build", "--content", trees[10000], "--output", ours_out], runs=1)
again = run([binary, "build", "--content", trees[10000], "--output", ours_out], runs=1)
edited = os.path.join(trees[10000], "organisations", "org-1.md")
with open(edited, encoding="utf-8") as f:
    original = f.read()
edits = []
try:
    for number in range(3):
        with open(edited, "w", encoding="utf-8") as f:
            f.write(original + f"\nAn edited paragraph, number {number + 1}, for the benchmark.\n")
        edits.append(run([binary, "build", "--content", trees[10000], "--output", ours_out], runs=1))
finally:
    with open(edited, "w", encoding="utf-8") as f:
        f.write(original)
edits.sort(key=lambda result: result["wall"])
one_edit = edits[len(edits) // 2]


def summary(result):
    line = next((line for line in result["out"].splitlines() if line.startswith("Built ")), "")
    counts = re.search(r"\((.*?)\)", line)
    kept = re.search(r"^kept: (\d+)", result["err"], flags=re.M)
    read = re.search(r"^read: (\d+)", result["err"], flags=re.M)
    return ((counts.group(1) if counts else line) + (f"; {int(kept.group(1)):,} kept without being made" if kept else "")
            + (f"; {int(read.group(1)):,} content files read and checked" if read else ""))


print(f"rebuild onto the disk, nothing changed, no standby yet: {rebuild['wall']:.3f} s ({summary(rebuild)})")
print(f"rebuild onto the disk, nothing changed, from the standby: {again['wall']:.3f} s ({summary(again)})")
walls = ", ".join(f"{result['wall']:.3f}" for result in edits)
print(f"rebuild onto the disk, one entry's body edited: {one_edit['wall']:.3f} s, median of {walls} ({summary(one_edit)})")
target("rebuild onto the disk, one body edited", f"{one_edit['wall']:.3f} s", one_edit["wall"] <= 0.6, "≤ 0.6 s")

# handbook serve on the 10,000-entity tree (tmpfs): from a save to the page in the browser, and a load test
# from a second process (serve_bench.py, load_client.py).
print()
serve = subprocess.run([sys.executable, os.path.join(here, "serve_bench.py"), "--binary", binary, "--content", content10],
                       capture_output=True, text=True)
print(serve.stdout, end="")
if serve.returncode != 0:
    sys.exit("serve benchmark failed:\n" + serve.stdout[-2000:] + serve.stderr[-2000:])
to_page = re.search(r"save → page with the edit: median (\d+) ms", serve.stdout)
if to_page:
    target("serve: save → page with the edit", f"{to_page.group(1)} ms", int(to_page.group(1)) <= 500, "≤ 500 ms")

# The external test data (docs/testing.md): the folder HANDBOOK_SHARED names, else `shared` beside the checkout.
realdata = os.path.join(os.environ.get("HANDBOOK_SHARED") or os.path.join(here, "..", "..", "shared"), "realdata", "content")
if os.path.isdir(realdata):
    content = on_tmpfs(realdata) if shm else realdata
    output = os.path.join(out_root, "realdata")
    real = run([binary, "build", "--content", content, "--output", output], before=lambda: fresh(output))
    print(f"\nParticipedia (1,068 real entries) on the tmpfs: build {real['wall']:.3f} s, CPU {real['cpu']:.2f} s, peak {real['peak']:.0f} MB")
    target("Participedia build, tmpfs", f"{real['wall']:.3f} s", real["wall"] <= 0.4, "≤ 0.4 s")

# Search: the index's size and what one query costs a browser, on the 10,000-entity build
# (Pagefind, the reference, fetches 100-300 kB per query on sites of this size).
search_root = os.path.join(output10, "search")
search_files = [os.path.join(folder, name) for folder, _, names in os.walk(search_root) for name in names if name != "index.html"]
search_size = sum(os.path.getsize(path) for path in search_files)
print(f"\nsearch index at 10,000: {len(search_files):,} files, {search_size / 1e6:.2f} MB")


def print_targets():
    """The targets, each with this run's figure, as the last lines of the report."""
    print(f"\ntargets ({sum(1 for item in targets if item[2])} of {len(targets)} met in this run):")
    for name, measured, met, limit in targets:
        print(f"  {'met    ' if met else 'NOT MET'}  {name:<60}{measured:>10}   target {limit}")


node = shutil.which("node")
if not node:
    print("search bytes per query: skipped (node is missing: apt-get install nodejs)")
    print_targets()
    sys.exit(0)
scripts = [os.path.join(output10, "assets", name) for name in ("search-core.js", "handbook.js")]
script_raw = sum(os.path.getsize(path) for path in scripts)
script_gzip = sum(len(gzip_module.compress(open(path, "rb").read(), 9)) for path in scripts)
queries = ["democracy", "sortition", "lottery", "bolutu", "citizens assembly", "community trust", "jury reform", "typed:sortition"]
result = subprocess.run([node, os.path.join(here, "search_bytes.js"), output10] + queries, capture_output=True, text=True, check=True)
print(f"bytes a browser fetches per query, with the scripts ({script_raw / 1e3:.1f} kB, {script_gzip / 1e3:.1f} kB gzipped) "
      "and the first 10 results; ratio = Pagefind's 100 kB / ours (gzipped):")
print(f"{'query':<24}{'results':>9}{'files':>7}{'kB':>8}{'kB gzip':>9}{'of it results':>15}{'ratio':>8}")
largest = 0.0
for line in result.stdout.splitlines():
    item = json.loads(line)
    raw, packed = (item["raw"] + script_raw) / 1e3, (item["gzip"] + script_gzip) / 1e3
    results = f"{item['resultGzip'] / 1e3:.1f} ({item['resultFiles']})"
    print(f"{item['query']:<24}{item['results']:>9,}{item['files'] + 2:>7}{raw:>8.1f}{packed:>9.1f}{results:>15}{100 / packed:>7.1f}x")
    largest = max(largest, packed)
target("bytes a search query fetches, gzip, with scripts (largest)", f"{largest:.1f} kB", largest <= 60, "≤ 60 kB")
print_targets()
