#!/usr/bin/env python3
"""`make bench`'s figures for `handbook serve` (bench.py runs it; it also runs alone):

- from a save to the browser: on a large tree, a page is requested, a paragraph is appended to that entry,
  and the time is taken until the live-reload event arrives and until the page, fetched again, shows the
  paragraph (the issue's target: 0.5 s on 10,000 entities);
- a bounded load test from a second process (`load_client.py`): 50 kept-alive clients for 5 s on the
  loopback, requests per second and the 99th percentile latency, with no error allowed.

    python3 bench/serve_bench.py --binary .build/release/handbook --content /dev/shm/n10000
"""
import argparse
import json
import os
import queue
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "browser"))
from serve_process import Served  # noqa: E402 (the serve test's helper)

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=".build/release/handbook")
parser.add_argument("--content", required=True)
parser.add_argument("--theme", default=os.path.join(here, "..", "themes", "default"))
parser.add_argument("--entry", default="organisations/org-1")
parser.add_argument("--edits", type=int, default=5)
parser.add_argument("--clients", type=int, default=50)
parser.add_argument("--seconds", type=float, default=5.0)
args = parser.parse_args()

started = time.perf_counter()
served = Served(args.binary, args.content, args.theme, timeout=120)
server, lines, port, output = served.process, served.lines, served.port, served.printed
ready = next((line.strip() for line in output if line.startswith("Ready in")), "")
print(f"serve on {args.content}: {ready} (listening after {time.perf_counter() - started:.2f} s)")
base = f"http://127.0.0.1:{port}/"
page = args.entry.split("/", 1)[0] + "/" + args.entry.split("/", 1)[1] + "/"


def fetch(path):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return response.read().decode()


# The live-reload stream, read on a thread: each reload event's version and arrival time.
events = queue.Queue()


def listen():
    stream = socket.create_connection(("127.0.0.1", port))
    stream.sendall(b"GET /_handbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    pending = b""
    while True:
        chunk = stream.recv(65536)
        if not chunk:
            return
        pending += chunk
        while b"\n\n" in pending:
            message, pending = pending.split(b"\n\n", 1)
            found = re.search(rb"event: reload\ndata: (\d+)", message)
            if found:
                events.put((int(found.group(1)), time.perf_counter()))


threading.Thread(target=listen, daemon=True).start()
first = time.perf_counter()
fetch(page)
print(f"first request for /{page}: {(time.perf_counter() - first) * 1000:.0f} ms (rendered on request)")
time.sleep(0.5)

entry = os.path.join(args.content, args.entry + ".md")
with open(entry, encoding="utf-8") as f:
    original = f.read()
to_event, to_page = [], []
try:
    for round_ in range(args.edits):
        marker = f"A paragraph added for the serve benchmark, round {round_}."
        began = time.perf_counter()
        with open(entry, "a", encoding="utf-8") as f:
            f.write(f"\n{marker}\n")
        try:
            _, arrived = events.get(timeout=30)
        except queue.Empty:
            sys.exit("no reload event within 30 s")
        body = fetch(page)
        shown = time.perf_counter()
        if marker not in body:
            sys.exit(f"the page does not show the edit of round {round_}")
        to_event.append(arrived - began)
        to_page.append(shown - began)
        time.sleep(0.4)
finally:
    with open(entry, "w", encoding="utf-8") as f:
        f.write(original)
try:
    events.get(timeout=30)
except queue.Empty:
    pass
rebuilds = [float(m.group(1)) for line in list(lines.queue) for m in [re.match(r"Rebuilt in ([0-9.]+) s", line)] if m]
print(f"save → reload event: median {statistics.median(to_event) * 1000:.0f} ms, max {max(to_event) * 1000:.0f} ms; "
      f"save → page with the edit: median {statistics.median(to_page) * 1000:.0f} ms, max {max(to_page) * 1000:.0f} ms "
      f"({args.edits} edits; target 500 ms)")
if rebuilds:
    print(f"  of which the server's rebuild: median {statistics.median(rebuilds) * 1000:.0f} ms (after a quiet 50 ms)")

paths = ["/", "/" + page, "/assets/style.css", "/assets/handbook.js"] + [f"/organisations/org-{i}/" for i in range(2, 22)]
for path in paths:
    fetch(path.lstrip("/"))
load = subprocess.run([sys.executable, os.path.join(here, "load_client.py"), "--port", str(port), "--clients", str(args.clients),
                       "--seconds", str(args.seconds)] + paths, capture_output=True, text=True)
if load.returncode != 0:
    sys.exit("load client failed:\n" + load.stdout + load.stderr)
figures = json.loads(load.stdout)
print(f"load: {figures['clients']} kept-alive clients for {args.seconds:.0f} s from another process: {figures['rps']:,.0f} requests/s, "
      f"p50 {figures['p50_ms']:.1f} ms, p99 {figures['p99_ms']:.1f} ms, {figures['errors']} errors in {figures['requests']:,} requests")
server.send_signal(signal.SIGINT)
status = server.wait(timeout=30)
if figures["errors"] or status != 0:
    sys.exit(f"serve benchmark failed: {figures['errors']} errors {figures['notes']}, exit status {status}")
