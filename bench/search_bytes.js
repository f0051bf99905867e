#!/usr/bin/env node
/* What a browser fetches for search queries on a built site, using the real client (search-core.js).
       node bench/search_bytes.js BUILT_SITE_DIR "query one" "query two" …
   Prints one JSON line per query: the files fetched (index, first page of 10 results) and their
   bytes, raw and gzipped (as static hosts such as GitHub Pages serve JSON and JavaScript), and how many
   of the files and gzipped bytes were result data (d/). The client
   scripts are added by the caller. "typed:" before a query types it letter by letter, fetching as it goes. */
"use strict";
var fs = require("fs");
var path = require("path");
var zlib = require("zlib");
var engine = require(path.join(__dirname, "..", "themes/default/assets/search-core.js"));
var site = process.argv[2];

function measure(query) {
  var typed = query.indexOf("typed:") === 0;
  var text = typed ? query.slice(6) : query;
  var files = {};
  var index = new engine.Index(function (file) {
    var bytes = fs.readFileSync(path.join(site, "search", file));
    files[file] = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    return Promise.resolve(JSON.parse(bytes.toString("utf8")));
  });
  var prefixes = typed ? text.split("").map(function (_, i) { return text.slice(0, i + 1); }) : [text];
  return prefixes.reduce(function (previous, prefix) {
    return previous.then(function () {
      return index.query(prefix).then(function (docs) {
        return Promise.all(docs.slice(0, 10).map(function (doc) { return index.document(doc); })).then(function () { return docs.length; });
      });
    });
  }, Promise.resolve(0)).then(function (results) {
    var raw = 0, gzip = 0, resultFiles = 0, resultGzip = 0;
    Object.keys(files).forEach(function (file) {
      raw += files[file].raw;
      gzip += files[file].gzip;
      if (file.indexOf("d/") === 0) { resultFiles++; resultGzip += files[file].gzip; }
    });
    return { query: query, results: results, files: Object.keys(files).length, raw: raw, gzip: gzip,
      resultFiles: resultFiles, resultGzip: resultGzip };
  });
}

process.argv.slice(3).reduce(function (previous, query) {
  return previous.then(function () { return measure(query).then(function (line) { console.log(JSON.stringify(line)); }); });
}, Promise.resolve()).catch(function (error) { console.error(error); process.exit(1); });
