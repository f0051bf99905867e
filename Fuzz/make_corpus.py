#!/usr/bin/env python3
"""Writes the seed corpora under Fuzz/corpus/<target>/ from the test fixtures and the shipped content, one file
per seed, named by its SHA-1 as libFuzzer names what it finds. Run it again when the fixtures change and
commit the result; findings from fuzzing runs go into Fuzz/corpus too once they are regression tests.

    python3 Fuzz/make_corpus.py
"""
import glob
import hashlib
import json
import os

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus = os.path.join(root, "Fuzz", "corpus")


def seed(target, data):
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as handle:
        handle.write(data)


entries = sorted(glob.glob(os.path.join(root, "Tests/HandbookCLITests/Fixtures/**/*.md"), recursive=True)
                 + glob.glob(os.path.join(root, "content/*/*.md")))
settings = sorted(glob.glob(os.path.join(root, "Tests/HandbookCLITests/Fixtures/**/handbook.yml"), recursive=True)
                  + [os.path.join(root, "content/handbook.yml")])
for path in entries:
    data = open(path, "rb").read()
    seed("front-matter", data)
    seed("check-build", os.path.basename(os.path.dirname(path)).encode() + b"\n" + data)
    parts = data.split(b"---\n", 2)
    if len(parts) == 3:
        seed("yaml", parts[1])
        if parts[2].strip():
            seed("search", parts[2])
for path in settings:
    seed("yaml", open(path, "rb").read())
for path in sorted(glob.glob(os.path.join(root, "themes/default/templates/*.mustache"))):
    seed("mustache", open(path, "rb").read())
seed("mustache", b"{{#c}}{{>p}}{{/c}}\0{{name}} {{{name}}} {{&name}} {{^list}}none{{/list}}{{=<% %>=}}<% a %>")
cases = json.load(open(os.path.join(root, "Tests/search/cases.json"), encoding="utf-8"))
for key in ("fold", "tokens", "indexTokens"):
    for case in cases[key]:
        seed("search", case[0].encode())
for target in sorted(os.listdir(corpus)):
    print(target, len(os.listdir(os.path.join(corpus, target))))
