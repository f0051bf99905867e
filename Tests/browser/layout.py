#!/usr/bin/env python3
"""Headless-browser layout test of every page of the shipped site and the fixture site.

Builds content/ and Tests/HandbookCLITests/Fixtures/valid-site/content, serves each on 127.0.0.1 and
loads every page (plus a search with results, lists filtered by the script to some entries and to
none, and a list sorted by the script) in one headless
Chromium tab, driven through the DevTools protocol over a pipe, at 320, 390 and 1366 px wide. Fails on:

- horizontal overflow (the page scrolls sideways: document.documentElement.scrollWidth > innerWidth);
- overlapping boxes of the main layout (header, main, footer; the filter column, the calendar box and
  the results of a list page), or results squeezed into a narrow column beside the filters;
- a header taller than 25 % of the viewport at 390 x 844, or on more than one row at 1366 px;
- a visible element that has the `hidden` attribute;
- an uncaught script error or a console error, a request to another host, an inline script or style;
- a page without the theme's strict Content-Security-Policy meta tag, or any violation of it;
- a heading that skips a level, a section's heading with nothing shown under it, or a scrolling region the
  keyboard cannot reach;
- a "Show more results" button that does nothing;
- any axe-core violation (WCAG 2.x A and AA, and best practice) on one page of every kind at 390 and
  1366 px, with the axe-core that PyPI's axe-core-python ships (skipped without it).

It saves screenshots of one page of each kind (home, organisation, case study, events list, search
with results, a list filtered by the script, one filtered to nothing) at 390 and 1366 px into Tests/browser/artefacts/ (git-ignored) and prints
their paths.

    python3 Tests/browser/layout.py --binary .build/debug/handbook

Without Chromium it reports "SKIPPED", which fails the run when HANDBOOK_REQUIRE_BROWSER=1.
"""
import argparse
import base64
import collections
import functools
import html
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import Chromium, browser_or_skip  # noqa: E402 (beside this file)

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/handbook"))
parser.add_argument("--theme", default=os.path.join(root, "themes/default"))
parser.add_argument("--artefacts", default=os.path.join(root, "Tests/browser/artefacts"))
args = parser.parse_args()

required = os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1"
browser = browser_or_skip("browser layout test", "layout")

# axe-core, from PyPI's axe-core-python (which ships axe.min.js): run on one page of every kind.
try:
    import importlib.util
    axe_spec = importlib.util.find_spec("axe_core_python")
    AXE = os.path.join(list(axe_spec.submodule_search_locations)[0], "axe.min.js") if axe_spec else None
except ImportError:
    AXE = None
AXE_RUN = r"""
axe.run(document, { resultTypes: ["violations"], runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
  .then(function (result) { return result.violations.map(function (v) {
    return v.id + " (" + v.impact + "): " + v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); }).join("; ");
  }); })
"""

# On a search with more than one page of results: "Show more results" adds them, then hides itself.
SHOW_MORE = r"""
(async function () {
  var more = document.querySelector("[data-search-more]");
  if (!more || !more.getClientRects().length) { return null; }
  var before = document.querySelectorAll("[data-search-results] > li").length;
  more.click();
  for (var i = 0; i < 40 && document.querySelectorAll("[data-search-results] > li").length === before; i++) {
    await new Promise(function (r) { setTimeout(r, 50); });
  }
  return [before, document.querySelectorAll("[data-search-results] > li").length, more.getClientRects().length > 0];
})()
"""

WIDTHS = [(320, 640), (390, 844), (1366, 900)]
SHOTS = [390, 1366]

work = tempfile.mkdtemp(prefix="handbook-layout-")
env = dict(os.environ, HANDBOOK_TODAY="2026-11-22", SOURCE_DATE_EPOCH="1790000000")


def build(name, content, base_url):
    output = os.path.join(work, name)
    result = subprocess.run([args.binary, "build", "--content", content, "--theme", args.theme,
                             "--output", output, "--base-url", base_url], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("build of %s failed:\n%s%s" % (content, result.stdout, result.stderr))
    return output


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(name, output, base_url):
    """Serves the site at its base address's path, as it is deployed (the 404 page links from there)."""
    path = urllib.parse.urlparse(base_url).path.strip("/")
    top = os.path.join(work, "serve-" + name)
    os.makedirs(os.path.dirname(os.path.join(top, path)), exist_ok=True)
    os.symlink(output, os.path.join(top, path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=top))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, "http://127.0.0.1:%d/%s/" % (server.server_address[1], path)


REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]*)">')


def pages(output, redirects=None):
    """Every HTML page of a built site, as the path a reader would open. Pages that send readers on (a funder
    shown on its organisation's page) are not loaded, since the browser leaves them at once; with `redirects`,
    each is added to it with where it sends readers."""
    found = []
    for folder, _, files in os.walk(output):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.relpath(os.path.join(folder, name), output).replace(os.sep, "/")
            path = path[:-len("index.html")] if path == "index.html" or path.endswith("/index.html") else path
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                refresh = REFRESH.search(handle.read(4096))
            if refresh:
                if redirects is not None:
                    redirects.append((path, html.unescape(refresh.group(1))))
                continue
            found.append(path)
    return sorted(found)


def redirect_problems(output, base, redirects):
    """Each page that sends readers on leads to a page of the site, and to a section that page has."""
    prefix = urllib.parse.urlparse(base).path
    problems = []
    for path, target in redirects:
        address, _, fragment = target.partition("#")
        if not address.startswith(prefix):
            problems.append("%s sends readers outside the site: %s" % (path, target))
            continue
        page = os.path.join(output, address[len(prefix):], "index.html")
        if not os.path.isfile(page):
            problems.append("%s sends readers to %s, which does not exist" % (path, target))
        elif fragment and ('id="%s"' % fragment) not in open(page, encoding="utf-8").read():
            problems.append("%s sends readers to %s, whose page has no section %s" % (path, target, fragment))
    return problems


# Runs in the page once it has loaded: waits for the search to answer, then measures.
CSP_LISTENER = r"""
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""

MEASURE = r"""
(async function () {
  var status = document.querySelector("[data-search-status]");
  var input = document.getElementById("search-q");
  if (status && input && input.value) {
    for (var i = 0; i < 50 && !status.textContent; i++) { await new Promise(function (r) { setTimeout(r, 50); }); }
    await new Promise(function (r) { setTimeout(r, 100); });
  }
  var problems = [];
  (window.__cspViolations || []).forEach(function (v) { problems.push("Content-Security-Policy violation: " + v); });
  var policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!policy || !/default-src 'self'/.test(policy.content) || /unsafe-inline|unsafe-eval/.test(policy.content)) {
    problems.push("no strict Content-Security-Policy meta tag");
  }
  var root = document.documentElement;
  if (root.scrollWidth > window.innerWidth) {
    var wide = [];
    document.querySelectorAll("body *").forEach(function (el) {
      var box = el.getBoundingClientRect();
      if (box.right > window.innerWidth + 0.5 && el.getClientRects().length) {
        wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") + " (right " + Math.round(box.right) + ")");
      }
    });
    problems.push("scrolls sideways: " + root.scrollWidth + " px wide in " + window.innerWidth + " px; widest: " + wide.slice(-3).join(", "));
  }
  function box(el) {
    if (!el || !el.getClientRects().length) { return null; }
    var r = el.getBoundingClientRect();
    return { name: el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""), left: r.left, right: r.right, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, width: r.width, height: r.height };
  }
  function overlaps(list) {
    list = list.filter(Boolean);
    for (var i = 0; i < list.length; i++) {
      for (var j = i + 1; j < list.length; j++) {
        var a = list[i], b = list[j];
        var x = Math.min(a.right, b.right) - Math.max(a.left, b.left), y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) { problems.push(a.name + " overlaps " + b.name + " (" + Math.round(x) + " x " + Math.round(y) + " px)"); }
      }
    }
  }
  var header = box(document.querySelector(".site-header")), main = box(document.querySelector("main")), footer = box(document.querySelector(".site-footer"));
  overlaps([header, main, footer]);
  if (!header || !main || !footer) { problems.push("missing header, main or footer"); }
  document.querySelectorAll(".list-layout").forEach(function (layout) {
    var parts = Array.prototype.map.call(layout.children, box).filter(Boolean);
    overlaps(parts);
    var whole = box(layout), results = box(layout.querySelector(":scope > .results"));
    if (whole && results && results.width < whole.width * 0.6) {
      problems.push("the results are squeezed: " + Math.round(results.width) + " of " + Math.round(whole.width) + " px");
    }
    parts.forEach(function (part) {
      if (whole && (part.left < whole.left - 1 || part.right > whole.right + 1)) { problems.push(part.name + " sticks out of the list layout"); }
    });
  });
  document.querySelectorAll("[hidden]").forEach(function (el) {
    if (el.getClientRects().length) { problems.push("visible despite hidden: " + el.outerHTML.slice(0, 120)); }
  });
  /* What axe reports as heading-order and scrollable-region-focusable, checked here too. */
  var last = 0;
  document.querySelectorAll("h1, h2, h3, h4, h5, h6").forEach(function (h) {
    if (!h.getClientRects().length) { return; }
    var level = Number(h.tagName[1]);
    if (level > last + 1) { problems.push("heading " + h.tagName.toLowerCase() + " \u201c" + h.textContent.trim().slice(0, 40) + "\u201d follows h" + last); }
    last = level;
  });
  /* A section's heading over nothing (its content hidden at this width) says there is something and shows nothing. */
  document.querySelectorAll("main section").forEach(function (section) {
    var heading = section.querySelector(":scope > h2, :scope > h3");
    if (!heading || !heading.getClientRects().length) { return; }
    var shown = Array.prototype.some.call(section.children, function (el) {
      return el !== heading && el.getClientRects().length && el.getBoundingClientRect().height > 0;
    });
    if (!shown) { problems.push("a heading over nothing: \u201c" + heading.textContent.trim().slice(0, 40) + "\u201d"); }
  });
  document.querySelectorAll("body *").forEach(function (el) {
    var style = getComputedStyle(el);
    var scrolls = (/(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
                  (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1);
    if (scrolls && el.tabIndex < 0 && !el.querySelector("a[href], button, input, select, textarea, [tabindex]")) {
      problems.push("a scrolling region that the keyboard cannot reach: " + el.outerHTML.slice(0, 80));
    }
  });
  /* No inline script or style: the content security policy a host may set stays simple. */
  document.querySelectorAll("script:not([src]):not([type='application/ld+json']), style, [style]").forEach(function (el) {
    problems.push("inline script or style: " + el.outerHTML.slice(0, 80));
  });
  return { problems: problems, header: header ? header.height : 0, height: window.innerHeight,
           scrollHeight: root.scrollHeight, title: document.title };
})()
"""


def main():
    # Long base addresses, as a real deployment has: they are printed in full on the events page.
    bases = {"shipped": "https://democracy-sector-handbook.example.org/handbook/",
             "fixture": "https://a-rather-long-organisation-name.example.org/handbooks/democracy-sector/"}
    shipped = build("shipped", os.path.join(root, "content"), bases["shipped"])
    fixture = build("fixture", os.path.join(root, "Tests/HandbookCLITests/Fixtures/valid-site/content"), bases["fixture"])
    servers = []
    sites = []
    def cards(output, folder):
        """The data attributes of every card on a type's list page, as dicts of lists of values."""
        with open(os.path.join(output, folder, "index.html")) as handle:
            return [{name: value.split() for name, value in re.findall(r'data-([a-z-]+)="([^"]*)"', attributes)}
                    for attributes in re.findall(r'<li class="card"([^>]*)>', handle.read())]

    def filtered(output):
        """A list filtered by the script with two values of one filter and one of another (chips,
        counts, disabled options): the two commonest countries and the commonest topic among them."""
        found = cards(output, "organisations")
        countries = collections.Counter(value for card in found for value in card.get("country", []))
        two = sorted(value for value, _ in countries.most_common(2))
        topics = collections.Counter(value for card in found if set(card.get("country", [])) & set(two) for value in card.get("topic", []))
        return "organisations/?" + "&".join("country=" + value for value in two) + \
            "".join("&topic=" + value for value, _ in topics.most_common(1))

    def contradiction(output):
        """A list filtered to nothing: the commonest country and a topic none of its entries has."""
        found = cards(output, "organisations")
        country = collections.Counter(value for card in found for value in card.get("country", [])).most_common(1)[0][0]
        theirs = {value for card in found if country in card.get("country", []) for value in card.get("topic", [])}
        others = sorted({value for card in found for value in card.get("topic", [])} - theirs)
        return "organisations/?country=%s&topic=%s" % (country, others[0]) if others else "organisations/?country=" + country

    redirect_failures, redirect_count = [], [0]
    for name, output in (("shipped", shipped), ("fixture", fixture)):
        server, base = serve(name, output, bases[name])
        servers.append(server)
        extra = ["search/?q=assembly", filtered(output), contradiction(output), "events/?sort=name"]
        sent_on = []
        sites.append((name, base, pages(output, sent_on) + extra))
        redirect_failures.extend(redirect_problems(output, bases[name], sent_on))
        redirect_count[0] += len(sent_on)

    def first(output, folder):
        names = sorted(entry for entry in os.listdir(os.path.join(output, folder))
                       if os.path.isfile(os.path.join(output, folder, entry, "index.html")))
        return folder + "/" + names[0] + "/"

    shots = {"home": "", "organisation": first(shipped, "organisations"), "case-study": first(shipped, "case-studies"),
             "events": "events/", "search": "search/?q=assembly", "filtered": filtered(shipped), "no-match": contradiction(shipped),
             "graph": "graph/"}
    os.makedirs(args.artefacts, exist_ok=True)

    def kinds(paths):
        """One page of every kind: each fixed page, and per folder its list, a filtered list and an entry."""
        chosen, seen = [], set()
        for path in paths:
            parts = path.split("?")[0].strip("/").split("/")
            if "?" in path:
                kind = path  # each state the script sets up (filtered, filtered to nothing, sorted) is a kind
            elif len(parts) == 1:
                kind = path
            elif len(parts) == 2:
                kind = parts[0] + " entry"
            else:
                kind = parts[0] + " filtered"
            if kind not in seen:
                seen.add(kind)
                chosen.append(path)
        return set(chosen)

    axe_source = open(AXE).read() if AXE and os.path.exists(AXE) else None
    skipped = 0
    if not axe_source:
        print("SKIPPED: axe-core accessibility checks: python3 -m pip install axe-core-python")
        skipped += 1
    axe_pages = {name: kinds(paths) for name, _, paths in sites}
    axe_count = 0

    failures = list(redirect_failures)
    passed = 0
    print("layout: %d pages that send readers on, each to a section that exists" % redirect_count[0])
    saved = []
    started = time.time()
    chromium = Chromium(browser, os.path.join(work, "profile"))
    # Every Content-Security-Policy violation on a page is recorded by a listener that runs before the page's
    # own scripts (DevTools' own evaluation is exempt from the policy), and MEASURE reports them.
    chromium.call("Page.addScriptToEvaluateOnNewDocument", {"source": CSP_LISTENER}, session=True)
    try:
        for width, height in WIDTHS:
            chromium.call("Emulation.setDeviceMetricsOverride",
                          {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)
            for name, base, paths in sites:
                for path in paths:
                    chromium.events = []
                    chromium.call("Page.navigate", {"url": base + path}, session=True)
                    chromium.wait_for("Page.loadEventFired")
                    result = chromium.evaluate(MEASURE)
                    where = "%s /%s at %d px" % (name, path, width)
                    problems = list(result["problems"])
                    if width == 1366 and result["header"] > 80:
                        problems.append("the header wraps: %d px tall at 1366 px wide" % result["header"])
                    if width == 390 and result["header"] > 0.25 * result["height"]:
                        problems.append("the header is %d px tall, more than 25 %% of %d px" % (result["header"], result["height"]))
                    for event in chromium.events:
                        if event["method"] == "Runtime.exceptionThrown":
                            problems.append("script error: " + json.dumps(event["params"]["exceptionDetails"])[:300])
                        elif event["method"] == "Runtime.consoleAPICalled" and event["params"]["type"] in ("error", "warning", "assert"):
                            problems.append("console %s: %s" % (event["params"]["type"], json.dumps(event["params"]["args"])[:300]))
                        elif event["method"] == "Network.requestWillBeSent" and \
                                not event["params"]["request"]["url"].startswith(("http://127.0.0.1:", "data:")):
                            problems.append("a request to another host: " + event["params"]["request"]["url"][:200])
                        elif event["method"] == "Log.entryAdded" and event["params"]["entry"]["level"] in ("error", "warning"):
                            problems.append("log: " + event["params"]["entry"]["text"][:300])
                    if axe_source and width in (390, 1366) and path in axe_pages[name]:
                        chromium.evaluate(axe_source + ";0")
                        problems.extend("axe: " + violation for violation in chromium.evaluate(AXE_RUN))
                        axe_count += 1
                    if width == 1366 and path.startswith("search/?q="):
                        after = chromium.evaluate(SHOW_MORE)
                        if name == "shipped" and not after:
                            problems.append("no \u201cShow more results\u201d button on a search with more than ten results")
                        elif after and (after[1] <= after[0] or (after[1] % 10 != 0 and after[2])):
                            problems.append("\u201cShow more results\u201d did not work: %s" % after)
                    if problems:
                        failures.append(where + ":\n    " + "\n    ".join(problems))
                    else:
                        passed += 1
                    if name == "shipped" and width in SHOTS:
                        for kind, shot in shots.items():
                            if shot != path:
                                continue
                            file = os.path.join(args.artefacts, "%s-%d.png" % (kind, width))
                            full = min(result["scrollHeight"], 6000)
                            image = chromium.call("Page.captureScreenshot", {
                                "format": "png", "captureBeyondViewport": True,
                                "clip": {"x": 0, "y": 0, "width": width, "height": full, "scale": 1}}, session=True)
                            with open(file, "wb") as handle:
                                handle.write(base64.b64decode(image["data"]))
                            saved.append(file)
    finally:
        chromium.close()
        for server in servers:
            server.shutdown()
        shutil.rmtree(work, ignore_errors=True)

    for file in saved:
        print("screenshot: " + os.path.relpath(file, os.getcwd()))
    for failure in failures:
        print("FAILED: " + failure)
    if axe_source:
        print("layout: axe-core found no violation on %d page loads" % axe_count if not any("axe: " in f for f in failures)
              else "layout: axe-core ran on %d page loads" % axe_count)
    if skipped and required:
        failures.append("a required check was skipped")
    print("layout: %d page loads (%d pages at %s px) in %.0f s" % (passed + len(failures), sum(len(paths) for _, _, paths in sites),
                                                                ", ".join(str(width) for width, _ in WIDTHS), time.time() - started))
    print("layout: %d passed, %d failed" % (passed, len(failures)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
