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
    var timer = null, ranked = [], shown = 0, words = [], generation = 0, PAGE = 10;
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
      var pattern = /[\p{L}\p{M}\p{N}]+/gu, last = 0, match;
      while ((match = pattern.exec(text)) !== null) {
        var hit = engine.tokens(match[0]).some(function (token) {
          var one = engine.singular(token);
          return words.some(function (word) { return engine.quality(word, token) > 0 || (one !== null && engine.quality(word, one) > 0); });
        });
        if (!hit) { continue; }
        element.appendChild(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        element.appendChild(mark);
        last = match.index + match[0].length;
      }
      element.appendChild(document.createTextNode(text.slice(last)));
    }

    function item(entry) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = "../" + entry.u;
      highlighted(link, entry.n);
      var meta = document.createElement("span");
      meta.className = "card-meta";
      meta.textContent = " " + entry.t + (entry.c ? ", " + entry.c : "");
      li.appendChild(link);
      li.appendChild(meta);
      if (entry.s) {
        var summary = document.createElement("p");
        highlighted(summary, entry.s);
        li.appendChild(summary);
      }
      return li;
    }

    function showMore(current) {
      var page = ranked.slice(shown, shown + PAGE);
      shown += page.length;
      more.hidden = true;
      return Promise.all(page.map(function (doc) { return index.document(doc); })).then(function (entries) {
        if (current !== generation) { return; }
        entries.forEach(function (entry) { results.appendChild(item(entry)); });
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
        status.textContent = text.trim() ? "Type at least two letters of a word." : "";
        return Promise.resolve();
      }
      return index.search(text, filters).then(function (result) {
        if (current !== generation) { return; }
        var docs = result.docs;
        ranked = docs;
        shown = 0;
        results.textContent = "";
        status.textContent = (docs.length === 0 ? "No results" : !result.complete ? "At least " + docs.length + " results" :
          docs.length === 1 ? "1 result" : docs.length + " results") + " for \u201c" + text.trim() + "\u201d" +
          (Object.keys(filters).length ? " with the filters chosen" : "") + (result.complete ? "." : "; the best are shown first, and another word narrows them.");
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
