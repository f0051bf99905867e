"""Headless Chromium driven through the DevTools protocol over a pipe, for the browser tests
(layout.py, serve.py): one browser, one tab, commands and their answers, events kept until asked for."""
import json
import os
import shutil
import subprocess
import sys
import time


def find_browser():
    """The headless browser on PATH (Debian's chromium, or another Chromium), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def browser_or_skip(what, tally):
    """The browser; without one, says that `what` was skipped, prints the `tally:` line and exits, failing when
    HANDBOOK_REQUIRE_BROWSER=1 (as .ci/run sets it)."""
    browser = find_browser()
    if not browser:
        required = os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1"
        print("SKIPPED: %s: no chromium on PATH (apt-get install chromium)" % what)
        print("%s: 0 passed, %d failed" % (tally, 1 if required else 0))
        sys.exit(1 if required else 0)
    return browser


class Chromium:
    """One headless Chromium with one tab, spoken to over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, browser, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def fds():
            # Chromium reads commands on fd 3 and writes answers on fd 4.
            os.dup2(to_browser_read, 63)
            os.dup2(from_browser_write, 64)
            os.dup2(63, 3)
            os.dup2(64, 4)

        self.process = subprocess.Popen([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                         "--disable-extensions", "--hide-scrollbars", "--force-color-profile=srgb",
                                         "--remote-debugging-pipe", "--user-data-dir=" + profile, "about:blank"],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        preexec_fn=fds, pass_fds=(3, 4))
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(target for target in targets if target["type"] == "page")
        self.session = self.call("Target.attachToTarget", {"targetId": page["targetId"], "flatten": True})["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.call(domain, session=True)

    def read(self, timeout):
        deadline = time.time() + timeout
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read(timeout)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for index, event in enumerate(self.events):
                if event["method"] == method:
                    del self.events[:index + 1]
                    return event
            self.events.append(self.read(max(0.1, deadline - time.time())))

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True, "returnByValue": True},
                           session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(json.dumps(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def close(self):
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
