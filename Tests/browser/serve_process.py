"""Starts `handbook serve` on a free loopback port and waits for its address: shared by the serve browser
test (Tests/browser/serve.py) and the serve benchmark (bench/serve_bench.py)."""

import os
import queue
import re
import subprocess
import sys
import threading

ADDRESS = re.compile(r"Serving the handbook at (http://127\.0\.0\.1:(\d+)/)")


class Served:
    """A running `handbook serve`: its process, its address, and every line it prints, as they come."""

    def __init__(self, binary, content, theme, timeout):
        env = dict(os.environ, HANDBOOK_TODAY="2026-11-22", SOURCE_DATE_EPOCH="1790000000")
        self.process = subprocess.Popen([os.path.abspath(binary), "serve", "--content", content, "--theme", theme, "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True, bufsize=1)
        self.lines = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stdout], daemon=True).start()
        self.printed = []
        self.base = None
        while self.base is None:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                self.process.kill()
                sys.exit("serve did not start:\n" + "".join(self.printed))
            self.printed.append(line)
            found = ADDRESS.search(line)
            if found:
                self.base, self.port = found.group(1), int(found.group(2))
