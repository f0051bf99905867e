/* Democracy Sector Handbook: progressive enhancement only. Every page reads and works without this file. */
(function () {
  "use strict";

  /* Instant filters on list pages: the facet links still work as plain links without JavaScript. */
  function setUpFilters(layout) {
    var cards = Array.prototype.slice.call(layout.querySelectorAll(".card"));
    var links = Array.prototype.slice.call(layout.querySelectorAll("a[data-facet]"));
    var count = layout.querySelector(".results-count");
    var status = layout.querySelector(".filter-status");
    var total = count ? count.getAttribute("data-total") : "";
    var active = {};
    var params = new URLSearchParams(window.location.search);
    links.forEach(function (link) {
      var facet = link.getAttribute("data-facet");
      if (params.get(facet) === link.getAttribute("data-value")) { active[facet] = params.get(facet); }
    });

    function matches(card) {
      return Object.keys(active).every(function (facet) {
        var values = (card.getAttribute("data-" + facet) || "").split(" ");
        return values.indexOf(active[facet]) !== -1;
      });
    }

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      Array.prototype.forEach.call(layout.querySelectorAll(".group"), function (group) {
        group.hidden = group.querySelectorAll(".card:not([hidden])").length === 0;
      });
      links.forEach(function (link) {
        var on = active[link.getAttribute("data-facet")] === link.getAttribute("data-value");
        if (on) { link.setAttribute("aria-current", "true"); } else { link.removeAttribute("aria-current"); }
      });
      var filtered = Object.keys(active).length > 0;
      if (count) { count.textContent = filtered ? shown + " of " + total : total; }
      if (status) { status.textContent = filtered ? shown + " shown" : ""; }
      var query = new URLSearchParams();
      Object.keys(active).sort().forEach(function (facet) { query.set(facet, active[facet]); });
      var search = query.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var facet = link.getAttribute("data-facet");
        var value = link.getAttribute("data-value");
        if (active[facet] === value) { delete active[facet]; } else { active[facet] = value; }
        apply();
      });
    });
    if (Object.keys(active).length > 0) { apply(); }
  }

  /* Search as you type over the sharded index (search-core.js); the plain form works as a link target. */
  function setUpSearch(form, engine) {
    var input = form.querySelector("input[name=q]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var results = document.querySelector("[data-search-results]");
    var status = document.querySelector("[data-search-status]");
    var more = document.querySelector("[data-search-more]");
    var fallback = document.querySelector("[data-search-fallback]");
    var index = new engine.Index(function (path) {
      return fetch("../search/" + path).then(function (response) {
        if (!response.ok) { throw new Error(path + ": " + response.status); }
        return response.json();
      });
    });
    var timer = null, ranked = [], hits = {}, shown = 0, words = [], generation = 0, PAGE = 10;
    if (fallback) { fallback.hidden = true; }

    function state() {
      var params = new URLSearchParams();
      if (input.value.trim()) { params.set("q", input.value.trim()); }
      selects.forEach(function (select) { if (select.value) { params.set(select.name, select.value); } });
      return params.toString();
    }

    function remember(push) {
      var search = state();
      var url = window.location.pathname + (search ? "?" + search : "");
      if (url === window.location.pathname + window.location.search) { return; }
      if (push) { window.history.pushState(null, "", url); } else { window.history.replaceState(null, "", url); }
    }

    function restore() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get("q") || "";
      selects.forEach(function (select) {
        var value = params.get(select.name) || "";
        select.value = Array.prototype.some.call(select.options, function (option) { return option.value === value; }) ? value : "";
      });
    }

    /* Text with the words that match the query wrapped in <mark>, built as nodes (never as HTML). */
    function highlighted(element, text) {
      var last = 0;
      engine.find(text, words).ranges.forEach(function (range) {
        element.appendChild(document.createTextNode(text.slice(last, range[0])));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(range[0], range[1]);
        element.appendChild(mark);
        last = range[1];
      });
      element.appendChild(document.createTextNode(text.slice(last)));
    }

    /* A result: its name, type and place, summary, and what else it was found by (another name, a topic, a method, its page). */
    function item(entry, doc) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = "../" + entry.u;
      highlighted(link, entry.n);
      var meta = document.createElement("span");
      meta.className = "card-meta";
      meta.appendChild(document.createTextNode(" "));
      highlighted(meta, [entry.t, entry.p, entry.c].filter(Boolean).join(", "));
      li.appendChild(link);
      li.appendChild(meta);
      if (entry.s) {
        var summary = document.createElement("p");
        highlighted(summary, entry.s);
        li.appendChild(summary);
      }
      engine.reasons(entry, words, hits[doc]).forEach(function (reason) {
        var line = document.createElement("p");
        line.className = "search-reason";
        line.appendChild(document.createTextNode(reason.label + (reason.texts.length ? ": " : ".")));
        reason.texts.forEach(function (text, i) {
          if (i > 0) { line.appendChild(document.createTextNode(", ")); }
          highlighted(line, text);
        });
        li.appendChild(line);
      });
      return li;
    }

    /* The query as the reader wrote it, with each word read through a typo replaced by what it was read as. */
    function corrected(text, readAs) {
      return text.replace(/[\p{L}\p{M}\p{N}]+/gu, function (run) {
        var found = engine.tokens(run);
        var read = readAs.filter(function (pair) { return found.length === 1 && found[0] === pair.word; })[0];
        return read ? read.token : run;
      });
    }

    /* What the live region says of a search: how many results, or that none has every word and how many
       words those shown have; which words were read through a typo; whether the filters narrowed it. */
    function describe(text, result, filtered) {
      var docs = result.docs, typed = text.trim(), shown = corrected(typed, result.readAs);
      var quoted = "\u201c" + shown + "\u201d" + (result.readAs.length ? " (you typed \u201c" + typed + "\u201d)" : "") +
        (filtered ? " with the filters chosen" : "");
      if (result.partial) {
        return "No entry has all of " + quoted + " \u2014 entries with " + result.partial.matched + " of " + result.partial.of + " words:";
      }
      var count = docs.length === 0 ? "No results" : !result.complete ? "At least " + docs.length + " results" :
        docs.length === 1 ? "1 result" : docs.length + " results";
      if (result.readAs.length && docs.length) { count = "Showing " + count.charAt(0).toLowerCase() + count.slice(1); }
      return count + " for " + quoted + (result.complete ? "." : "; the best are shown first, and another word narrows them.");
    }

    function showMore(current) {
      var page = ranked.slice(shown, shown + PAGE);
      shown += page.length;
      more.hidden = true;
      return Promise.all(page.map(function (doc) { return index.document(doc); })).then(function (entries) {
        if (current !== generation) { return; }
        entries.forEach(function (entry, i) { results.appendChild(item(entry, page[i])); });
        more.hidden = shown >= ranked.length;
      });
    }

    function run() {
      var current = ++generation;
      var text = input.value;
      var filters = {};
      selects.forEach(function (select) { if (select.value) { filters[select.name] = select.value; } });
      words = engine.tokens(text);
      if (!words.length) {
        results.textContent = "";
        more.hidden = true;
        status.textContent = !text.trim() ? "" : /[a-z0-9]{2}/.test(engine.fold(text)) ?
          "Search leaves out common words such as \u201cthe\u201d and \u201cof\u201d: add another word." : "Type at least two letters of a word.";
        return Promise.resolve();
      }
      return index.search(text, filters).then(function (result) {
        if (current !== generation) { return; }
        ranked = result.docs;
        hits = result.hits;
        shown = 0;
        results.textContent = "";
        status.textContent = describe(text, result, Object.keys(filters).length > 0);
        return showMore(current);
      }).catch(function () {
        status.textContent = "Search could not load its index; the lists and topic pages hold everything.";
        if (fallback) { fallback.hidden = false; }
      });
    }

    function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      remember(true);
      run();
    });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { remember(false); run(); }, 120);
    });
    selects.forEach(function (select) {
      select.addEventListener("change", function () { remember(true); run(); });
    });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(generation).then(function () { var all = links(); if (all[first]) { all[first].focus(); } });
    });
    /* Arrow keys move between the box and the results, Escape clears or goes back to the box; Enter opens a result. */
    form.parentNode.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && (document.activeElement === input || at !== -1)) {
        if (at + 1 < all.length) { all[at + 1].focus(); }
        event.preventDefault();
      } else if (event.key === "ArrowUp" && at !== -1) {
        (at > 0 ? all[at - 1] : input).focus();
        event.preventDefault();
      } else if (event.key === "Escape") {
        if (document.activeElement === input) {
          input.value = "";
          remember(false);
          run();
        } else {
          input.focus();
        }
        event.preventDefault();
      }
    });
    window.addEventListener("popstate", function () { restore(); run(); });
    restore();
    if (input.value) { run(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filterable]"), setUpFilters);
    var form = document.querySelector("form[data-search]");
    if (form && window.HandbookSearch && window.fetch) { setUpSearch(form, window.HandbookSearch); }
  });
})();
