/* Democracy Sector Handbook: the search engine that reads the index under search/.
   It follows the rules of SearchTokenizer.swift and SearchIndex.swift (the index format is documented
   there); Tests/search/cases.json is run against both so they cannot drift. Works in the browser
   (window.HandbookSearch) and in node (module.exports) for the tests. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) { module.exports = factory(); } else { root.HandbookSearch = factory(); }
})(this, function () {
  "use strict";

  var SPECIAL = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  /* Maps keyed by tokens have no prototype: a word such as "constructor" must not find Object's properties. */
  function map() { return Object.create(null); }
  var STOP = map();
  ("a about after all also an and any are as at be been before between but by can do does for from has have he her his how " +
   "if in into is it its may more most no not of on or other our out over she so some such than that the their them then " +
   "there these they this those to under up was we were what when where which who will with you your").split(" ").forEach(function (word) { STOP[word] = true; });
  var WORDS = {
    colour: "color", colours: "colors", centre: "center", centres: "centers", theatre: "theater", theatres: "theaters",
    programme: "program", programmes: "programs", defence: "defense", licence: "license", catalogue: "catalog",
    analyse: "analyze", analysed: "analyzed", ageing: "aging", travelling: "traveling", grey: "gray", metre: "meter", metres: "meters"
  };
  var ENDINGS = [["isations", "izations", 9], ["isation", "ization", 8], ["ising", "izing", 7], ["isers", "izers", 7],
    ["ised", "ized", 6], ["ises", "izes", 6], ["iser", "izer", 6], ["ise", "ize", 6], ["ours", "ors", 7], ["our", "or", 6]];

  /* No accents, lower case, letters that do not decompose spelt out. */
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[ßæœøłđðþı]/g, function (c) { return SPECIAL[c]; });
  }

  function spelling(token) {
    if (Object.prototype.hasOwnProperty.call(WORDS, token)) { return WORDS[token]; }
    for (var i = 0; i < ENDINGS.length; i++) {
      var ending = ENDINGS[i];
      if (token.length >= ending[2] && token.slice(-ending[0].length) === ending[0]) {
        return token.slice(0, token.length - ending[0].length) + ending[1];
      }
    }
    return token;
  }

  /* The longest token kept (SearchTokenizer.longestToken): no word is longer, and the index leaves longer runs out. */
  var LONGEST = 64;
  function kept(token) { return token.length >= 2 && token.length <= LONGEST && !STOP[token]; }

  /* Folded text with an "&" between two letters or digits dropped, so "R&D" reads as "rd". */
  function joined(text) { return fold(text).replace(/([a-z0-9])&(?=[a-z0-9])/g, "$1"); }

  /* The tokens a query reads: folded, "&" joining, split on anything but a-z and 0-9, short words and stopwords dropped, spelt the American way. */
  function tokens(text) {
    return joined(text).split(/[^a-z0-9]+/).filter(kept).map(spelling);
  }

  /* The tokens the index reads: tokens(text), and after the parts of each compound joined by single
     hyphens that has a letter, the parts joined ("mini-public" → mini, public, minipublic). */
  function indexTokens(text) {
    var out = [];
    (joined(text).match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) || []).forEach(function (compound) {
      var parts = compound.split("-");
      parts.filter(kept).forEach(function (part) { out.push(spelling(part)); });
      var whole = parts.join("");
      if (parts.length > 1 && /[a-z]/.test(whole) && kept(whole)) { out.push(spelling(whole)); }
    });
    return out;
  }

  /* The singular of a plural token, or null: -ies → -y from five letters; a final -s dropped from four letters except after s, u, i. */
  function singular(token) {
    var n = token.length;
    if (n < 4 || token[n - 1] !== "s") { return null; }
    if (n >= 5 && token.slice(-3) === "ies") { return token.slice(0, n - 3) + "y"; }
    if ("sui".indexOf(token[n - 2]) !== -1) { return null; }
    return token.slice(0, n - 1);
  }

  /* At most one insertion, deletion, substitution or swap of neighbours apart. */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (i === a.length && i === b.length) { return true; }
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) { return true; }
      return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  function quality(word, token) {
    if (token === word || token === singular(word)) { return 3; }
    if (token.indexOf(word) === 0) { return 2; }
    if (word.length >= 5 && withinOneEdit(word, token)) { return 1; }
    return 0;
  }

  function fieldWeight(code) { return code >= 3 ? 3 : code; }

  /* The most results a partial match lists (entries with only some of the words): the best of them. */
  var PARTIAL_LIMIT = 50;

  /* True when hit a is at least as good as b: weighted quality, then quality, then the earlier name word, then the token nearer the word's length. */
  function better(a, b) {
    var x = a.quality * fieldWeight(a.code), y = b.quality * fieldWeight(b.code);
    if (x !== y) { return x > y; }
    if (a.quality !== b.quality) { return a.quality > b.quality; }
    if (a.code !== b.code) { return a.code < b.code; }
    return a.gap <= b.gap;
  }

  /* 4: the query is the whole name; 3: the name begins with the query; 2: every word in names or details; 1: the rest. */
  function tier(hits) {
    var inName = hits.every(function (hit) { return hit.code >= 3; });
    var inOrder = inName && hits.every(function (hit, index) { return Math.floor((hit.code - 3) / 16) === index; });
    if (inOrder && hits.every(function (hit) { return hit.quality === 3 && (hit.code - 3) % 16 === hits.length; })) { return 4; }
    if (inOrder && hits.every(function (hit) { return hit.quality >= 2; })) { return 3; }
    if (hits.every(function (hit) { return hit.code >= 2; })) { return 2; }
    return 1;
  }

  function undelta(list) {
    var out = [], previous = 0;
    for (var i = 0; i < list.length; i++) { previous += list[i]; out.push(previous); }
    return out;
  }

  /* An index read through fetchJSON(path) → Promise of parsed JSON, paths relative to search/. */
  function Index(fetchJSON) {
    this.fetchJSON = fetchJSON;
    this.cache = map();
    this.manifest = null;
  }

  Index.prototype.load = function (path) {
    if (!this.cache[path]) { this.cache[path] = this.fetchJSON(path); }
    return this.cache[path];
  };

  /* The manifest, read once: the token files' names, the type ranges, the filters and the block size. */
  Index.prototype.ready = function () {
    var self = this;
    if (!this.readying) {
      this.readying = this.load("manifest.json").then(function (manifest) {
        self.manifest = manifest;
        self.splits = map();
        manifest.splits.forEach(function (key) { self.splits[key] = true; });
        return manifest;
      });
    }
    return this.readying;
  };

  /* The file a word reads and the key its tokens begin with, or null: the word itself when it is a split key
     (that file's "*" lists the best documents of every token beginning with it); otherwise the word's prefix
     one letter longer than the longest split key that begins it (two letters when none does), in the file of
     the greatest leaf name of that length, under the same split key, that is not after it. */
  Index.prototype.fileFor = function (word) {
    var split = "";
    for (var length = word.length; length >= 2; length--) {
      if (this.splits[word.slice(0, length)]) { split = word.slice(0, length); break; }
    }
    if (split === word) { return { name: word, key: word }; }
    var level = Math.max(2, split.length + 1);
    if (word.length < level) { return null; }
    var key = word.slice(0, level), name = null;
    this.manifest.leaves.forEach(function (leaf) {
      if (leaf.length === level && leaf.indexOf(split) === 0 && leaf <= key && (name === null || leaf > name)) { name = leaf; }
    });
    return name === null ? null : { name: name, key: key };
  };

  /* The tokens a word reads: those beginning with its key (and "*" for a split key), from the file that holds them. */
  Index.prototype.shardTokens = function (word) {
    var file = this.fileFor(word);
    if (!file) { return Promise.resolve({}); }
    return this.load("t/" + file.name + ".json").then(function (shard) {
      var own = map();
      Object.keys(shard).forEach(function (token) {
        if (token === "*" || token.indexOf(file.key) === 0) { own[token] = shard[token]; }
      });
      return own;
    });
  };

  /* Documents a word is found in, {doc: {quality, code}}; found.cut is true when a list was cut short. */
  Index.prototype.matches = function (word) {
    var one = singular(word);
    return Promise.all([this.shardTokens(word), one ? this.shardTokens(one) : {}]).then(function (loaded) {
      var shard = map();
      Object.keys(loaded[0]).forEach(function (token) { shard[token] = loaded[0][token]; });
      if (one && loaded[1][one]) { shard[one] = loaded[1][one]; }
      var found = map(), cut = false;
      /* In byte order, as the Swift index reads them, so that of two equal hits the same token is kept. */
      Object.keys(shard).sort().forEach(function (token) {
        var q = token === "*" ? 2 : quality(word, token);
        if (q === 0) { return; }
        var list = shard[token], doc = 0;
        if (list.length % 2 === 1) { cut = true; }
        for (var i = 0; i + 1 < list.length; i += 2) {
          doc += list[i];
          var hit = { quality: q, code: list[i + 1], token: token, gap: Math.abs(token.length - word.length) };
          if (!found[doc] || !better(found[doc], hit)) { found[doc] = hit; }
        }
      });
      return { found: found, cut: cut };
    });
  };

  Index.prototype.allowed = function (filters) {
    var self = this, lists = [];
    if (filters.topic) { lists.push(this.manifest.topics.indexOf(filters.topic) === -1 ? Promise.resolve([]) : this.load("f/topic-" + filters.topic + ".json")); }
    var country = filters.country ? String(filters.country).toLowerCase() : "";
    if (country) { lists.push(this.manifest.countries.indexOf(country) === -1 ? Promise.resolve([]) : this.load("f/country-" + country + ".json")); }
    return Promise.all(lists).then(function (loaded) {
      var sets = loaded.map(function (list) {
        var set = map();
        undelta(list).forEach(function (doc) { set[doc] = true; });
        return set;
      });
      var range = filters.type ? (self.manifest.types[filters.type] || [0, 0]) : null;
      return function (doc) {
        if (range && (doc < range[0] || doc >= range[1])) { return false; }
        return sets.every(function (set) { return set[doc]; });
      };
    });
  };

  /* Document ids matching every word of the query, best first. filters: {type: folder, topic: id, country: code}. */
  Index.prototype.query = function (text, filters) {
    return this.search(text, filters).then(function (result) { return result.docs; });
  };

  /* {docs: the query's ids, best first; complete: false when a word's list was cut to its best documents;
     partial: null, or {matched: k, of: n} when no document has all n words and docs are the best of those
     with the most, k (at most PARTIAL_LIMIT); readAs: [{word, token}] for each word every result has only
     through a forgiven typo, with the token the first result has; hits: for each doc, for each word, where
     it was found ({quality, code, token}, as in the token files) or null}. */
  Index.prototype.search = function (text, filters) {
    var self = this, words = tokens(text);
    filters = filters || {};
    if (!words.length) { return Promise.resolve({ docs: [], complete: true, partial: null, readAs: [], hits: map() }); }
    return this.ready().then(function () {
      return Promise.all([Promise.all(words.map(function (word) { return self.matches(word); })), self.allowed(filters)]);
    }).then(function (loaded) {
      var matches = loaded[0].map(function (m) { return m.found; }), allowed = loaded[1], ranked = [], partial = null;
      var complete = loaded[0].every(function (m) { return !m.cut; });
      function rank(doc, hits) {
        var score = hits.reduce(function (sum, hit) { return sum + hit.quality * fieldWeight(hit.code); }, 0);
        ranked.push({ doc: doc, tier: tier(hits), score: score });
      }
      Object.keys(matches[0]).forEach(function (key) {
        var doc = Number(key);
        if (!allowed(doc)) { return; }
        var hits = [];
        for (var i = 0; i < matches.length; i++) {
          if (!matches[i][doc]) { return; }
          hits.push(matches[i][doc]);
        }
        rank(doc, hits);
      });
      if (!ranked.length && words.length > 1) {
        /* No document has every word: those with the most of them, each ranked on the words it has. */
        var counts = map(), most = 0;
        matches.forEach(function (found) {
          Object.keys(found).forEach(function (key) {
            if (!allowed(Number(key))) { return; }
            counts[key] = (counts[key] || 0) + 1;
            most = Math.max(most, counts[key]);
          });
        });
        Object.keys(counts).forEach(function (key) {
          if (counts[key] !== most) { return; }
          rank(Number(key), matches.filter(function (found) { return found[key]; }).map(function (found) { return found[key]; }));
        });
        if (most > 0) { partial = { matched: most, of: words.length }; }
      }
      ranked.sort(function (a, b) { return b.tier - a.tier || b.score - a.score || a.doc - b.doc; });
      var docs = ranked.map(function (item) { return item.doc; });
      if (partial) { docs = docs.slice(0, PARTIAL_LIMIT); }
      var hits = map();
      docs.forEach(function (doc) { hits[doc] = matches.map(function (found) { return found[doc] || null; }); });
      return { docs: docs, complete: complete, partial: partial, readAs: readAs(words, matches, docs), hits: hits };
    });
  };

  /* The words every result has only through a forgiven typo (quality 1), each with the token the first result that has it was found by. */
  function readAs(words, matches, docs) {
    var read = [];
    words.forEach(function (word, i) {
      var hits = docs.filter(function (doc) { return matches[i][doc]; }).map(function (doc) { return matches[i][doc]; });
      if (hits.length && hits.every(function (hit) { return hit.quality === 1; })) { read.push({ word: word, token: hits[0].token }); }
    });
    return read;
  }

  /* What a result shows: {n: name, u: address, t: type, s: summary, p: place, c: country, a: [other names],
     g: [topics], m: [methods]} (absent keys have no value), from the block of manifest.block documents that
     holds it (each block is fetched once, whatever number of its results is shown). */
  Index.prototype.document = function (doc) {
    var self = this;
    return this.ready().then(function (manifest) {
      return self.load("d/" + Math.floor(doc / manifest.block) + ".json");
    }).then(function (block) { return block[doc % self.manifest.block]; });
  };

  /* Where the query words are in a text, as the page highlights them: {ranges: [[start, end], …] to mark
     (words, the parts of a hyphenated compound, or the whole compound when only its joined form matches,
     as "mini-public" for "minipublic"), found: for each query word, whether the text has it}. */
  function find(text, words) {
    var ranges = [], found = words.map(function () { return false; });
    function has(list) {
      var any = false;
      list.forEach(function (token) {
        var one = singular(token);
        words.forEach(function (word, i) {
          if (quality(word, token) > 0 || (one !== null && quality(word, one) > 0)) { found[i] = true; any = true; }
        });
      });
      return any;
    }
    var pattern = /[\p{L}\p{M}\p{N}]+(?:[&-][\p{L}\p{M}\p{N}]+)*/gu, match;
    text = String(text || "");
    while ((match = pattern.exec(text)) !== null) {
      var start = match.index, offset = 0, marked = false;
      match[0].split("-").forEach(function (part) {
        if (has(tokens(part))) {
          ranges.push([start + offset, start + offset + part.length]);
          marked = true;
        }
        offset += part.length + 1;
      });
      if (match[0].indexOf("-") !== -1 && has(indexTokens(match[0]).slice(-1)) && !marked) { ranges.push([start, start + match[0].length]); }
    }
    return { ranges: ranges, found: found };
  }

  /* Fields a result does not show by itself, and their labels for one value and for several. */
  var REASONS = [["a", "Also known as", "Also known as"], ["g", "Topic", "Topics"], ["m", "Method", "Methods"]];

  /* Why a result matched, beyond what it shows anyway (name, summary, type, place, country): for the query
     words not found there, its other names, topics and methods that have them, in that order, as
     [{label: "Also known as" | "Topic" | "Topics" | "Method" | "Methods", texts: [the values that have them]}];
     then, from hits (the search's hits[doc]), words found only where a result has no room to show them:
     {label: "Found in its details", texts: []} (such as the names of the entries it links to) and
     {label: "Found in the text of its page", texts: []}. */
  function reasons(entry, words, hits) {
    var explained = words.map(function () { return false; }), out = [];
    function explain(text) { find(text, words).found.forEach(function (yes, i) { if (yes) { explained[i] = true; } }); }
    [entry.n, entry.s, entry.t, entry.p, entry.c].forEach(explain);
    REASONS.forEach(function (reason) {
      var texts = (entry[reason[0]] || []).filter(function (text) {
        return find(text, words).found.some(function (yes, i) { return yes && !explained[i]; });
      });
      texts.forEach(explain);
      if (texts.length) { out.push({ label: texts.length === 1 ? reason[1] : reason[2], texts: texts }); }
    });
    [[2, "Found in its details"], [1, "Found in the text of its page"]].forEach(function (place) {
      if ((hits || []).some(function (hit, i) { return hit && !explained[i] && fieldWeight(hit.code) === place[0]; })) {
        out.push({ label: place[1], texts: [] });
      }
    });
    return out;
  }

  return { fold: fold, tokens: tokens, indexTokens: indexTokens, spelling: spelling, singular: singular, withinOneEdit: withinOneEdit,
    quality: quality, find: find, reasons: reasons, Index: Index };
});
