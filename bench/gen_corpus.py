#!/usr/bin/env python3
"""Writes a synthetic, valid content tree of N entities for benchmarks (densely cross-referenced).

    python3 bench/gen_corpus.py OUTPUT_DIR [N]

The same N always gives the same tree.
"""
import os
import random
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(42)
topics = [f"topic-{i}" for i in range(20)]
methods = [f"method-{i}" for i in range(40)]
countries = ["GB", "BE", "FR", "DE", "NL", "US", "CA", "AU", "BR", "JP"]
words = ("democracy citizens assembly jury panel deliberation sortition budget council "
         "participation trust public policy community voice reform network lottery").split()


syllables = ("ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu "
             "pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu").split()
# Body text draws on a vocabulary of 20,000 made-up words with a Zipf distribution, as natural
# language has, so search-index figures are realistic: a few words everywhere, most words rare.
vocabulary = words + sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(24000)})[:20000]
rng.shuffle(vocabulary)
weights = []
for rank in range(1, len(vocabulary) + 1):
    weights.append((weights[-1] if weights else 0) + 1 / rank)


def text(k):
    return " ".join(rng.choice(words) for _ in range(k))


def prose(k):
    return " ".join(rng.choices(vocabulary, cum_weights=weights, k=k))


def body():
    paragraphs = [prose(60).capitalize() + "." for _ in range(rng.randint(2, 6))]
    return "\n\n".join(paragraphs) + "\n\n## Notes\n\n- " + text(8) + "\n- [a link](https://example.org/" + text(1) + ")\n"


def write(folder, slug, front):
    path = os.path.join(out, folder, slug + ".md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n" + front + "---\n\n" + body())


for folder in ["organisations", "case-studies", "funders", "events", "resources", "policies"]:
    os.makedirs(os.path.join(out, folder), exist_ok=True)
with open(os.path.join(out, "handbook.yml"), "w") as f:
    f.write("title: Benchmark\nbase_url: https://example.org/\ntopics:\n")
    f.writelines(f"  {t}: {t.title()}\n" for t in topics)
    f.write("methods:\n")
    f.writelines(f"  {m}: {m.title()}\n" for m in methods)

counts = {"organisations": n * 40 // 100, "case-studies": n * 25 // 100, "funders": n * 5 // 100,
          "events": n * 15 // 100, "resources": n * 10 // 100}
counts["policies"] = n - sum(counts.values())
orgs = [f"org-{i}" for i in range(counts["organisations"])]
funders = [f"funder-{i}" for i in range(counts["funders"])]
cases = [f"case-{i}" for i in range(counts["case-studies"])]


def refs(pool, k, besides=None):
    picked = rng.sample(pool, min(k, len(pool)))
    if besides in picked:
        # An entry may not name itself: the next one in the pool not already named stands in (or none, in a
        # pool too small), drawing nothing more from the generator, so the rest of the tree stays as it was.
        at = picked.index(besides)
        start = pool.index(besides)
        others = (pool[(start + step) % len(pool)] for step in range(1, len(pool)))
        stand_in = next((other for other in others if other not in picked), None)
        if stand_in is None:
            del picked[at]
        else:
            picked[at] = stand_in
    return "[" + ", ".join(picked) + "]"


for i, slug in enumerate(orgs):
    write("organisations", slug, f'name: "Organisation {i} {text(2)}"\ncountry: {rng.choice(countries)}\n'
          f'kind: nonprofit\nwebsite: "https://org{i}.example.org/"\ntopics: {refs(topics, 2)}\n'
          f'partners: {refs(orgs, 3, besides=slug)}\nfunders: {refs(funders, 1)}\nsummary: "{text(20)}"\n'
          f'sources:\n  - "https://example.org/source/{i}"\n')
for i, slug in enumerate(cases):
    write("case-studies", slug, f'title: "Case {i} {text(3)}"\norganisations: {refs(orgs, 2)}\n'
          f'methods: {refs(methods, 1)}\ncountry: {rng.choice(countries)}\nstart: 20{rng.randint(10, 24)}-0{rng.randint(1, 9)}\n'
          f'participants: {rng.randint(20, 1000)}\nstatus: completed\ntopics: {refs(topics, 2)}\n')
for i, slug in enumerate(funders):
    grants = "".join(f"  - recipient: {rng.choice(orgs)}\n    amount: {rng.randint(1, 90) * 1000}\n    currency: GBP\n    date: 2024\n" for _ in range(5))
    write("funders", slug, f'name: "Funder {i}"\ncountry: GB\nkind: trust\ngrants:\n{grants}')
for i in range(counts["events"]):
    write("events", f"event-{i}", f'title: "Event {i}"\nstart: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T18:00\n'
          f'timezone: Europe/London\nlocation: "Hall {i}"\norganisers: {refs(orgs, 2)}\n')
for i in range(counts["resources"]):
    write("resources", f"resource-{i}", f'title: "Report {i}"\nurl: "https://example.org/r/{i}"\nkind: report\n'
          f'publishers: {refs(orgs, 1)}\nabout: {refs(cases, 1)}\nyear: 2023\n')
for i in range(counts["policies"]):
    write("policies", f"policy-{i}", f'title: "Policy {i}"\njurisdiction: GB\nstatus: passed\n'
          f'stages:\n  - date: 2023-01-01\n    status: proposed\n  - date: 2024-01-01\n    status: passed\n'
          f'supporters: {refs(orgs, 2)}\n')
print(f"wrote {n} entities to {out}")
