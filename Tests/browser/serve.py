#!/usr/bin/env python3
"""`handbook serve` in headless Chromium: live reload and the error overlay, under a strict
Content-Security-Policy (the theme copy's layout gets one, as a hardened theme has), so the injected
script and the overlay's stylesheet must be external files of the same origin.

- a served page loads with no console message and carries the reload script;
- a content error: the open page reloads by itself and shows the overlay (file:line:column, rule,
  message, the offending line), laid out by its stylesheet, with no policy violation;
- the fix: the page reloads by itself and the overlay is gone;
- a new paragraph: the page reloads by itself and shows it;
- a broken template: the overlay names the template's file, line and column; the fix removes it;
- Ctrl-C stops the server with exit status 0.

    python3 Tests/browser/serve.py --binary .build/debug/handbook

Without Chromium the test reports SKIPPED, which fails the run when HANDBOOK_REQUIRE_BROWSER=1.
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import Chromium, browser_or_skip  # noqa: E402 (beside this file)
from serve_process import Served  # noqa: E402 (beside this file)

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/handbook"))
args = parser.parse_args()
browser = browser_or_skip("serve in the browser", "serve")

POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")

work = tempfile.mkdtemp(prefix="handbook-serve-")
content = os.path.join(work, "content")
theme = os.path.join(work, "theme")
shutil.copytree(os.path.join(root, "Tests/HandbookCLITests/Fixtures/valid-site/content"), content)
shutil.copytree(os.path.join(root, "themes/default"), theme)
layout = os.path.join(theme, "templates", "layout.mustache")
with open(layout, encoding="utf-8") as f:
    source = f.read()
if "Content-Security-Policy" not in source:
    source = source.replace('<meta charset="utf-8">', '<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="%s">' % POLICY, 1)
    with open(layout, "w", encoding="utf-8") as f:
        f.write(source)

served = Served(args.binary, content, theme, timeout=60)
server, base = served.process, served.base

failures = []
passed = 0


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(name + (": " + str(detail)[:600] if detail else ""))


chromium = Chromium(browser, os.path.join(work, "profile"))


def problems():
    """Console messages, script errors and policy violations since the last call."""
    found = []
    for event in chromium.events:
        if event["method"] == "Runtime.exceptionThrown":
            found.append("script error: " + json.dumps(event["params"]["exceptionDetails"])[:300])
        elif event["method"] == "Runtime.consoleAPICalled" and event["params"]["type"] in ("error", "warning", "assert"):
            found.append("console: " + json.dumps(event["params"]["args"])[:300])
        elif event["method"] == "Log.entryAdded" and event["params"]["entry"]["level"] in ("error", "warning"):
            found.append("log: " + event["params"]["entry"]["text"][:300])
    chromium.events = []
    return found


def state():
    """What the open page shows, read in the page; None while it is between two documents."""
    try:
        return chromium.evaluate("""(function () {
          var overlay = document.getElementById("handbook-errors");
          return { marked: window.handbookMarker === 1, overlay: overlay ? overlay.innerText : null,
                   position: overlay ? getComputedStyle(overlay).position : null,
                   script: !!document.querySelector('script[src="/_handbook/reload.js"]'),
                   text: document.body ? document.body.innerText : "", ready: document.readyState };
        })()""")
    except RuntimeError:
        return None


def mark():
    """Marks the page's window: a reload forgets the mark, so its absence shows the page reloaded itself."""
    chromium.evaluate("window.handbookMarker = 1")


def reloaded(condition, seconds=15):
    """Waits until the page reloaded by itself and `condition` holds for what it shows."""
    deadline = time.time() + seconds
    last = None
    while time.time() < deadline:
        last = state()
        if last and not last["marked"] and last["ready"] == "complete" and condition(last):
            return last
        time.sleep(0.1)
    return {"timed out": True, "last": last}


def edit(relative, change):
    path = os.path.join(content, relative)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(change(text))


page = base + "organisations/example-network/"
entry = os.path.join(content, "organisations", "example-network.md")
try:
    chromium.call("Page.navigate", {"url": page}, session=True)
    chromium.wait_for("Page.loadEventFired")
    first = state()
    check("the page is served with the reload script", first and first["script"] and first["overlay"] is None, first)
    check("the page loads with no console message under the policy", not problems(), chromium.events)

    mark()
    edit("organisations/example-network.md", lambda text: text.replace('country: "BE"', 'country: "XX"'))
    broken = reloaded(lambda s: s["overlay"] is not None)
    overlay = broken.get("overlay") or ""
    check("a content error reloads the page with the overlay", "timed out" not in broken, broken)
    check("the overlay names the file, line, column and rule", "%s:3:10 [country]" % entry in overlay, overlay)
    check("the overlay shows the message and the offending line", "'XX' is not" in overlay and 'country: "XX"' in overlay, overlay)
    check("the overlay is laid out by its stylesheet", broken.get("position") == "fixed", broken.get("position"))
    check("the page behind is the last one without errors", "Members meet monthly." in broken.get("text", ""))
    check("no policy violation or console message with the overlay", not problems(), chromium.events)

    mark()
    edit("organisations/example-network.md", lambda text: text.replace('country: "XX"', 'country: "BE"'))
    fixed = reloaded(lambda s: s["overlay"] is None)
    check("the fix reloads the page without the overlay", "timed out" not in fixed, fixed)

    mark()
    edit("organisations/example-network.md", lambda text: text + "\nA paragraph written while the browser watched.\n")
    edited = reloaded(lambda s: "A paragraph written while the browser watched." in s["text"])
    check("an edit reloads the page with the new paragraph", "timed out" not in edited, edited)

    mark()
    template = os.path.join(theme, "templates", "entity.mustache")
    with open(template, encoding="utf-8") as f:
        template_source = f.read()
    with open(template, "w", encoding="utf-8") as f:
        f.write("<p>\n  {{#unclosed}}\n" + template_source)
    themed = reloaded(lambda s: s["overlay"] is not None)
    check("a template error shows its file, line and column", "%s:2:3 [template]" % template in (themed.get("overlay") or ""), themed)
    mark()
    with open(template, "w", encoding="utf-8") as f:
        f.write(template_source)
    check("fixing the template removes the overlay", "timed out" not in reloaded(lambda s: s["overlay"] is None))
    check("no console message at the end", not problems(), chromium.events)
finally:
    chromium.close()
    server.send_signal(signal.SIGINT)
    try:
        status = server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        status = None
    check("Ctrl-C stops the server with exit status 0", status == 0, status)
    shutil.rmtree(work, ignore_errors=True)

for failure in failures:
    print("FAILED: " + failure)
print("serve: %d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
