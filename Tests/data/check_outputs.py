#!/usr/bin/env python3
"""Checks the handbook's data outputs with independent tools from PyPI.

Builds the fixture site and the shipped content, then:
- validates every entry's front matter, read by ruamel.yaml (YAML 1.2), against the published JSON
  Schema of its type with jsonschema (draft 2020-12), and checks that front matter `handbook check`
  rejects for a type or enumeration error is rejected by the schema too;
- checks every grant in api/360giving.json for the 360Giving standard's required fields, and that its
  amount and currency match the funder's front matter;
- parses every .ics file with icalendar and compares each event's start and end instants with its front
  matter (time zones through zoneinfo);
- parses feed.xml with feedparser and checks feed.json's required JSON Feed 1.1 fields;
- reads the social graph's GraphML and GEXF with networkx, and checks the degree, betweenness and
  components in api/insights.json against networkx's own on the GraphML read as undirected.

    python3 Tests/data/check_outputs.py --binary .build/debug/handbook

A missing package makes the run report "SKIPPED", which fails it when HANDBOOK_REQUIRE_BROWSER=1.
"""
import argparse
import datetime
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build/debug/handbook"))
args = parser.parse_args()
required = os.environ.get("HANDBOOK_REQUIRE_BROWSER") == "1"

try:
    import feedparser
    import icalendar
    import jsonschema
    import networkx
    from ruamel.yaml import YAML
    from zoneinfo import ZoneInfo
except ImportError as error:
    print(f"SKIPPED: data checks: {error.name} is missing (python3 -m pip install jsonschema icalendar feedparser ruamel.yaml networkx)")
    print("data: 0 passed, %d failed" % (1 if required else 0))
    sys.exit(1 if required else 0)

passed = 0
failures = []


def check(name, condition, detail=""):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(name + (": " + str(detail) if detail else ""))


env = dict(os.environ, HANDBOOK_TODAY="2026-11-22", SOURCE_DATE_EPOCH="1790000000")
work = tempfile.mkdtemp(prefix="handbook-data-")
sites = {
    "fixture": os.path.join(root, "Tests/HandbookCLITests/Fixtures/valid-site/content"),
    "shipped": os.path.join(root, "content"),
}
built = {}
for name, content in sites.items():
    output = os.path.join(work, name)
    result = subprocess.run([args.binary, "build", "--content", content, "--theme", os.path.join(root, "themes/default"),
                             "--output", output], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"build of {name} failed:\n{result.stdout}{result.stderr}")
    built[name] = output

yaml = YAML(typ="safe")
yaml.version = (1, 2)


def front_matter(path):
    text = open(path, encoding="utf-8-sig").read().replace("\r\n", "\n")
    _, yaml_text, _ = text.split("---\n", 2)
    return yaml.load(yaml_text) or {}


def jsonable(value):
    """Front matter as an editor sees it: dates the YAML loader made into objects become their text."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


# --- JSON Schemas ------------------------------------------------------------------------------
for name, content in sites.items():
    schemas = {}
    for path in glob.glob(os.path.join(built[name], "api/schema/*.schema.json")):
        schema = json.load(open(path))
        jsonschema.Draft202012Validator.check_schema(schema)
        schemas[os.path.basename(path).split(".")[0]] = jsonschema.Draft202012Validator(schema)
    check(f"{name}: a schema per type", len(schemas) == 8, sorted(schemas))
    for path in sorted(glob.glob(os.path.join(content, "*/*.md"))):
        kind = os.path.basename(os.path.dirname(path))
        errors = [e.message for e in schemas[kind].iter_errors(jsonable(front_matter(path)))]
        check(f"{name}: {os.path.relpath(path, content)} matches its schema", not errors, errors[:3])

rejected = {
    "organisations": ["name: X\ncountry: GB\nkind: charty\n", "name: X\ncountry: UK\n", "name: X\ncountry: GB\nnetworks: some-network\n",
                      "name: X\ncountry: GB\ndraft: yes\n", "name: [a, b]\ncountry: GB\n", "name: X\ncountry: GB\ncolour: blue\n"],
    "case-studies": ["title: T\norganisations: [a]\nmethods: [citizens-jury]\ncountry: GB\nstart: 2020\nparticipants: lots\n",
                     "title: T\norganisations: [a]\nmethods: [citizens-jury]\ncountry: GB\nstart: 2020\nselection: lottery\n"],
    "events": ["title: T\nstart: 2026-01-01\nlocation: Hall\norganisers: [a]\nstatus: moved\n"],
}
schema_dir = os.path.join(built["fixture"], "api/schema")
for kind, bodies in rejected.items():
    validator = jsonschema.Draft202012Validator(json.load(open(os.path.join(schema_dir, f"{kind}.schema.json"))))
    for body in bodies:
        tree = os.path.join(work, "rejected")
        shutil.rmtree(tree, ignore_errors=True)
        os.makedirs(os.path.join(tree, kind))
        shutil.copy(os.path.join(sites["fixture"], "handbook.yml"), tree)
        open(os.path.join(tree, kind, "a.md"), "w").write("---\n" + body + "---\n")
        result = subprocess.run([args.binary, "check", "--content", tree, "--format", "json"], env=env, capture_output=True, text=True)
        rules = {d["rule"] for d in json.loads(result.stdout)}
        check(f"check rejects {body!r} for type or enum", rules & {"type", "enum", "country", "unknown-key", "number"}, rules)
        check(f"schema rejects {body!r}", not validator.is_valid(yaml.load(body)))

# --- 360Giving ---------------------------------------------------------------------------------
for name, content in sites.items():
    package = json.load(open(os.path.join(built[name], "api/360giving.json")))
    expected = []
    for path in sorted(glob.glob(os.path.join(content, "funders/*.md"))):
        for grant in front_matter(path).get("grants") or []:
            if grant.get("amount") is not None and grant.get("currency") and grant.get("date") is not None:
                expected.append((float(grant["amount"]), grant["currency"]))
    got = []
    for grant in package["grants"]:
        for field in ("id", "title", "description", "currency", "amountAwarded", "awardDate"):
            check(f"{name}: 360Giving grant has {field}", grant.get(field) not in (None, ""), grant.get("id"))
        for party in ("recipientOrganization", "fundingOrganization"):
            organisations = grant.get(party) or []
            check(f"{name}: 360Giving {party} has id and name", organisations and all(o.get("id") and o.get("name") for o in organisations), grant.get("id"))
        check(f"{name}: awardDate is a date", len(grant.get("awardDate", "")) == 10)
        got.append((float(grant["amountAwarded"]), grant["currency"]))
    check(f"{name}: 360Giving amounts and currencies match the front matter", sorted(got) == sorted(expected), (got, expected))

# --- iCalendar ---------------------------------------------------------------------------------
def expected_instant(value, zone):
    if isinstance(value, datetime.datetime):
        return value
    text = str(value)
    if "T" not in text:
        return datetime.date.fromisoformat(text)
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=ZoneInfo(zone))


for name, content in sites.items():
    settings = yaml.load(open(os.path.join(content, "handbook.yml"))) or {}
    default_zone = settings.get("timezone", "Europe/London")
    events = {}
    for path in glob.glob(os.path.join(content, "events/*.md")):
        events[os.path.basename(path)[:-3]] = front_matter(path)
    files = sorted(glob.glob(os.path.join(built[name], "**/*.ics"), recursive=True))
    check(f"{name}: calendars were built", len(files) >= (1 if events else 0))
    for path in files:
        raw = open(path, "rb").read()
        check(f"{name}: {os.path.relpath(path, built[name])} uses CRLF", b"\n" not in raw.replace(b"\r\n", b""))
        check(f"{name}: {os.path.relpath(path, built[name])} lines fit 75 octets", all(len(line) <= 75 for line in raw.split(b"\r\n")))
        calendar = icalendar.Calendar.from_ical(raw)
        for event in calendar.walk("VEVENT"):
            uid = str(event["UID"])
            if not uid.startswith("events-"):
                continue
            slug = uid[len("events-"):].split("@")[0]
            matter = events[slug]
            zone = matter.get("timezone", default_zone)
            start = expected_instant(matter["start"], zone)
            got = event.decoded("DTSTART")
            check(f"{name}: {slug} starts when its front matter says", got == start, (got, start))
            if "end" in matter:
                end = expected_instant(matter["end"], zone)
                if isinstance(end, datetime.datetime):
                    check(f"{name}: {slug} ends when its front matter says", event.decoded("DTEND") == end, (event.decoded("DTEND"), end))
                else:
                    check(f"{name}: {slug} all-day end is exclusive", event.decoded("DTEND") == end + datetime.timedelta(days=1))
            if matter.get("status") == "cancelled":
                check(f"{name}: {slug} is cancelled", str(event.get("STATUS")) == "CANCELLED")

# --- Feeds -------------------------------------------------------------------------------------
for name in sites:
    atom = feedparser.parse(open(os.path.join(built[name], "feed.xml"), "rb").read())
    check(f"{name}: feed.xml parses without errors", not atom.bozo, getattr(atom, "bozo_exception", ""))
    check(f"{name}: feed.xml has entries", len(atom.entries) > 0)
    check(f"{name}: feed.xml entries have id, link, title, updated, content",
          all(e.get("id") and e.get("link") and e.get("title") and e.get("updated") and e.get("content") for e in atom.entries))
    feed = json.load(open(os.path.join(built[name], "feed.json")))
    check(f"{name}: feed.json is JSON Feed 1.1", feed.get("version") == "https://jsonfeed.org/version/1.1" and feed.get("title"))
    check(f"{name}: feed.json items have id, url, title, content_html, date_modified",
          feed["items"] and all(all(item.get(k) for k in ("id", "url", "title", "content_html", "date_modified")) for item in feed["items"]))
    check(f"{name}: both feeds list the same entries", [e.link for e in atom.entries] == [i["url"] for i in feed["items"]])

# --- Social graph: GraphML and GEXF as network tools read them (networkx's readers) -------------
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
for name in sites:
    graph = json.load(open(os.path.join(built[name], "api/graph.json")))
    nodes = {node["id"].replace("/", ":"): node for node in graph["nodes"]}
    edges = [(edge["source"].replace("/", ":"), edge["target"].replace("/", ":"), edge) for edge in graph["edges"]]
    check(f"{name}: graph.json edges join nodes", all(s in nodes and t in nodes for s, t, _ in edges))
    # Every <data> names a declared key, for the element it is on, and typed values parse as their type.
    tree = ET.parse(os.path.join(built[name], "api/graph.graphml"))
    keys = {key.get("id"): key for key in tree.getroot().iter(GRAPHML + "key")}
    undeclared = []
    for element in ("node", "edge"):
        for item in tree.getroot().iter(GRAPHML + element):
            for data in item.iter(GRAPHML + "data"):
                key = keys.get(data.get("key"))
                if key is None or key.get("for") != element or not key.get("attr.name") or key.get("attr.type") not in ("string", "double"):
                    undeclared.append((element, data.get("key")))
                elif key.get("attr.type") == "double":
                    try:
                        float(data.text)
                    except (TypeError, ValueError):
                        undeclared.append((element, data.get("key"), data.text))
    check(f"{name}: graph.graphml declares every key it uses, for nodes or edges, with its type", not undeclared, undeclared[:5])
    for path, read in (("api/graph.graphml", networkx.read_graphml), ("api/graph.gexf", networkx.read_gexf)):
        try:
            loaded = read(os.path.join(built[name], path))
        except Exception as error:  # any reader error is a failure of the export
            check(f"{name}: networkx reads {path}", False, error)
            continue
        check(f"{name}: networkx reads {path} as a directed graph", loaded.is_directed())
        check(f"{name}: {path} has the nodes of graph.json", set(loaded.nodes) == set(nodes), set(loaded.nodes) ^ set(nodes))
        check(f"{name}: {path} has the edges of graph.json", loaded.number_of_edges() == len(edges), (loaded.number_of_edges(), len(edges)))
        labels = {node: loaded.nodes[node].get("label") for node in loaded.nodes}
        check(f"{name}: {path} labels nodes with their names", all(labels[node] == nodes[node]["name"] for node in nodes), labels)
        by_pair = {}
        for source, target, data in (loaded.edges(data=True)):
            by_pair.setdefault((source, target), []).append(data.get("relation") or data.get("label"))
        expected = {}
        for source, target, edge in edges:
            expected.setdefault((source, target), []).append(edge["relation"])
        check(f"{name}: {path} edges carry their relation", {k: sorted(v) for k, v in by_pair.items()} == {k: sorted(v) for k, v in expected.items()})
        grants = [data for _, _, data in loaded.edges(data=True) if data.get("relation") == "funds" and "amount" in data]
        json_grants = [edge for _, _, edge in edges if "amount" in edge]
        check(f"{name}: {path} grant edges keep amount and currency",
              sorted((float(g["amount"]), g.get("currency")) for g in grants) == sorted((float(g["amount"]), g.get("currency")) for g in json_grants))

# --- Insights: centrality and components in api/insights.json against networkx -----------------
# The graph as networkx reads api/graph.graphml, made undirected and simple (directions and repeated
# links dropped), as the insights read it.
for name in sites:
    insights = json.load(open(os.path.join(built[name], "api/insights.json")))
    undirected = networkx.Graph(networkx.read_graphml(os.path.join(built[name], "api/graph.graphml")))
    expected = networkx.betweenness_centrality(undirected, normalized=True)
    organisations = {node for node in undirected.nodes if node.startswith("organisations:")}
    published = [item["id"].replace("/", ":") for item in insights["organisations"]]
    check(f"{name}: insights.json lists every organisation once", sorted(published) == sorted(organisations),
          set(published) ^ organisations)
    check(f"{name}: insights.json betweenness is exact for a small graph",
          insights["betweenness"]["exact"] and insights["betweenness"]["nodes"] == undirected.number_of_nodes(), insights["betweenness"])
    wrong = [(item["id"], item["degree"], item["betweenness"], undirected.degree(item["id"].replace("/", ":")), expected[item["id"].replace("/", ":")])
             for item in insights["organisations"]
             if item["degree"] != undirected.degree(item["id"].replace("/", ":"))
             or abs(item["betweenness"] - expected[item["id"].replace("/", ":")]) > 1e-9]
    check(f"{name}: insights.json degree and betweenness match networkx", not wrong, wrong[:5])
    ranks = [(item["betweenness"], item["degree"]) for item in insights["organisations"]]
    check(f"{name}: insights.json lists the most central first", ranks == sorted(ranks, reverse=True))
    sizes = {}
    for component in networkx.connected_components(undirected):
        sizes[len(component)] = sizes.get(len(component), 0) + 1
    check(f"{name}: insights.json component sizes match networkx",
          {c["size"]: c["count"] for c in insights["components"]} == sizes, (insights["components"], sizes))

shutil.rmtree(work, ignore_errors=True)
for failure in failures:
    print("FAILED: " + failure)
print("data: %d passed, %d failed" % (passed, len(failures)))
sys.exit(1 if failures else 0)
