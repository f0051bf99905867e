/* Democracy Sector Handbook: progressive enhancement only. Every page reads and works without this file. */
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

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

  /* Search over the list of every entry (search/entries.json): words match as prefixes, ignoring accents and case. */
  function setUpSearch(form) {
    var input = form.querySelector("input[name=q]");
    var results = document.querySelector("[data-search-results]");
    var status = document.querySelector("[data-search-status]");
    var fallback = document.querySelector("[data-search-fallback]");
    var entries = null;
    var timer = null;
    if (fallback) { fallback.hidden = true; }

    function escapeHTML(text) {
      return text.replace(/[&<>"']/g, function (c) {
        return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
      });
    }

    function run() {
      var words = fold(input.value).split(/[^a-z0-9]+/).filter(Boolean);
      var params = new URLSearchParams(window.location.search);
      if (words.length) { params.set("q", input.value); } else { params.delete("q"); }
      var search = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
      results.textContent = "";
      if (!words.length) { status.textContent = ""; return; }
      var scored = [];
      entries.forEach(function (entry) {
        var name = fold(entry.n);
        var haystack = (name + " " + fold(entry.s) + " " + fold(entry.c) + " " + fold(entry.t)).split(/[^a-z0-9]+/);
        var score = 0;
        var all = words.every(function (word) {
          var hit = haystack.some(function (token) { return token.indexOf(word) === 0; });
          if (hit && name.indexOf(word) !== -1) { score += 2; }
          return hit;
        });
        if (all) {
          if (name === words.join(" ")) { score += 10; }
          scored.push({ entry: entry, score: score });
        }
      });
      scored.sort(function (a, b) { return b.score - a.score || a.entry.n.localeCompare(b.entry.n); });
      scored.slice(0, 50).forEach(function (item) {
        var li = document.createElement("li");
        li.innerHTML = "<a href=\"../" + escapeHTML(item.entry.u) + "\">" + escapeHTML(item.entry.n) + "</a> <span class=\"card-meta\">" +
          escapeHTML(item.entry.t + (item.entry.c ? ", " + item.entry.c : "")) + "</span>" +
          (item.entry.s ? "<br>" + escapeHTML(item.entry.s) : "");
        results.appendChild(li);
      });
      status.textContent = scored.length === 1 ? "1 result" : scored.length + " results";
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); if (entries) { run(); } });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { if (entries) { run(); } }, 120);
    });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; }
    fetch("entries.json").then(function (response) { return response.json(); }).then(function (data) {
      entries = data;
      if (input.value) { run(); }
    }).catch(function () {
      status.textContent = "Search could not load its data; the lists and topic pages hold everything.";
      if (fallback) { fallback.hidden = false; }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-filterable]"), setUpFilters);
    var form = document.querySelector("form[data-search]");
    if (form) { setUpSearch(form); }
  });
})();
