#!/usr/bin/env python3
"""A bounded load test of `handbook serve`, run as a process of its own: N clients, each on one kept-alive
connection, request the given paths round-robin for S seconds. Prints one JSON object: requests, errors,
requests per second, and the 50th and 99th percentile latency in milliseconds.

    python3 bench/load_client.py --port 8000 --clients 50 --seconds 5 / /organisations/org-1/ /assets/style.css

A response that is not 200, a wrong length or a dropped connection counts as an error.
"""
import argparse
import http.client
import json
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--clients", type=int, default=50)
parser.add_argument("--seconds", type=float, default=5.0)
parser.add_argument("paths", nargs="+")
args = parser.parse_args()

latencies = [[] for _ in range(args.clients)]
errors = [0] * args.clients
notes = []
start_gate = threading.Barrier(args.clients + 1)


def client(index):
    connection = http.client.HTTPConnection(args.host, args.port, timeout=10)
    start_gate.wait()
    deadline = time.perf_counter() + args.seconds
    position = index
    while time.perf_counter() < deadline:
        path = args.paths[position % len(args.paths)]
        position += 1
        began = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200 or len(body) != int(response.getheader("Content-Length", "-1")):
                errors[index] += 1
                notes.append(f"{path}: {response.status}")
            elif response.getheader("Connection") != "keep-alive":
                errors[index] += 1
                notes.append(f"{path}: not kept alive")
        except (OSError, http.client.HTTPException) as error:
            errors[index] += 1
            notes.append(f"{path}: {error!r}")
            connection.close()
            connection = http.client.HTTPConnection(args.host, args.port, timeout=10)
            continue
        latencies[index].append(time.perf_counter() - began)
    connection.close()


threads = [threading.Thread(target=client, args=(index,)) for index in range(args.clients)]
for thread in threads:
    thread.start()
start_gate.wait()
began = time.perf_counter()
for thread in threads:
    thread.join()
elapsed = time.perf_counter() - began
every = sorted(latency for per_client in latencies for latency in per_client)


def percentile(fraction):
    return every[min(len(every) - 1, int(fraction * len(every)))] * 1000 if every else float("nan")


print(json.dumps({"requests": len(every), "errors": sum(errors), "seconds": elapsed, "rps": len(every) / elapsed,
                  "p50_ms": percentile(0.50), "p99_ms": percentile(0.99), "clients": args.clients, "notes": notes[:5]}))
