#!/usr/bin/env node
/* Runs Tests/search/cases.json against the browser's search engine (themes/default/assets/search-core.js),
   reading the index of a site built from Tests/search/site with SOURCE_DATE_EPOCH set (ties go to the most
   recently changed entry, and the table's orders assume every entry changed at once, as in the Swift tests):
       SOURCE_DATE_EPOCH=1790000000 .build/debug/handbook build --content Tests/search/site --output /tmp/search-site
       node Tests/search/run_js.js /tmp/search-site
   Prints one line per failure and a count; exits 1 on any failure. A query row's "partial" (absent: every
   word matched) and "readAs" (absent: none) are checked as the Swift tests check them; "why" lists, for
   result names, the reasons the page shows ([label, text, …]), which only this runner checks.
       node Tests/search/run_js.js --tokens FILE
   prints, for each line of FILE, its query tokens and index tokens as a JSON line (the Swift tests compare them). */
"use strict";
var fs = require("fs");
var path = require("path");
var root = path.resolve(__dirname, "..", "..");
var engine = require(path.join(root, "themes/default/assets/search-core.js"));
var cases = JSON.parse(fs.readFileSync(path.join(__dirname, "cases.json"), "utf8"));
if (process.argv[2] === "--tokens") {
  fs.readFileSync(process.argv[3], "utf8").split("\n").forEach(function (line) {
    console.log(JSON.stringify([engine.tokens(line), engine.indexTokens(line)]));
  });
  return;
}
var site = process.argv[2];
if (!site) { console.error("usage: node Tests/search/run_js.js BUILT_SITE_DIR [--query TEXT | --document N]"); process.exit(2); }

var failures = [], passed = 0;
function check(name, actual, expected) {
  if (JSON.stringify(actual) === JSON.stringify(expected)) { passed++; } else {
    failures.push(name + ": got " + JSON.stringify(actual) + ", expected " + JSON.stringify(expected));
  }
}
cases.fold.forEach(function (c) { check("fold " + c[0], engine.fold(c[0]), c[1]); });
cases.tokens.forEach(function (c) { check("tokens " + c[0], engine.tokens(c[0]), c[1]); });
cases.indexTokens.forEach(function (c) { check("indexTokens " + c[0], engine.indexTokens(c[0]), c[1]); });
cases.singular.forEach(function (c) { check("singular " + c[0], engine.singular(c[0]), c[1]); });
cases.oneEdit.forEach(function (c) { check("oneEdit " + c[0] + " " + c[1], engine.withinOneEdit(c[0], c[1]), c[2]); });

var fetched = [];
var index = new engine.Index(function (file) {
  fetched.push(file);
  return new Promise(function (resolve, reject) {
    fs.readFile(path.join(site, "search", file), "utf8", function (error, text) {
      if (error) { reject(error); } else { resolve(JSON.parse(text)); }
    });
  });
});
if (process.argv[3] === "--document") {
  /* One result's data, read from its block: prints it as JSON. */
  index.document(Number(process.argv[4])).then(function (entry) { console.log(JSON.stringify(entry)); });
  return;
}
if (process.argv[3] === "--query") {
  /* One query on any index: prints {"count": N, "complete": true|false}. */
  index.search(process.argv[4] || "", {}).then(function (result) {
    console.log(JSON.stringify({ count: result.docs.length, complete: result.complete }));
  });
  return;
}
cases.queries.reduce(function (previous, c) {
  return previous.then(function () {
    var label = "query " + JSON.stringify(c.q) + " " + JSON.stringify(c.filters || {});
    var hits = {}, docs = [];
    return index.search(c.q, c.filters || {}).then(function (result) {
      hits = result.hits;
      docs = result.docs;
      check(label + " partial", result.partial ? result.partial.matched : null, c.partial === undefined ? null : c.partial);
      if (result.partial) { check(label + " partial of every word", result.partial.of, engine.tokens(c.q).length); }
      check(label + " read as", result.readAs.map(function (read) { return [read.word, read.token]; }), c.readAs || []);
      return Promise.all(result.docs.map(function (doc) { return index.document(doc); }));
    }).then(function (entries) {
      check(label, entries.map(function (e) { return e.n; }), c.expect);
      var words = engine.tokens(c.q);
      Object.keys(c.why || {}).forEach(function (name) {
        var at = entries.map(function (e) { return e.n; }).indexOf(name), entry = entries[at];
        var shown = entry ? engine.reasons(entry, words, hits[docs[at]]).map(function (reason) { return [reason.label].concat(reason.texts); }) : null;
        check(label + " why " + name, shown, c.why[name]);
      });
    });
  });
}, Promise.resolve()).then(function () {
  check("fetches only token files under t/, filters under f/, result blocks under d/ and the manifest",
    fetched.every(function (file) { return /^(manifest\.json|t\/[a-z0-9]+\.json|f\/(topic|country)-[a-z0-9-]+\.json|d\/\d+\.json)$/.test(file); }), true);
  failures.forEach(function (failure) { console.log("FAILED: " + failure); });
  console.log("search client: " + passed + " passed, " + failures.length + " failed");
  process.exit(failures.length ? 1 : 0);
}).catch(function (error) {
  console.log("FAILED: " + (error && error.stack || error));
  process.exit(1);
});
