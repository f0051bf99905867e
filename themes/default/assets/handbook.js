/* Democracy Sector Handbook: progressive enhancement only. Every page reads and works without this file. */
(function () {
  "use strict";

  /* Writes some of the address's query parameters, keeping the others (the sort keeps the filters and
     the filters keep the sort), without a history entry: the address can be shared or reloaded, and the
     back button still leaves the page. */
  function replaceQuery(names, pairs) {
    var params = new URLSearchParams(window.location.search);
    names.forEach(function (name) { params.delete(name); });
    pairs.forEach(function (pair) { params.append(pair[0], pair[1]); });
    var search = params.toString();
    window.history.replaceState(window.history.state, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
  }

  /* Filters on list pages. Without JavaScript each option is a link to a static page of one value
     (by-country/be/); here the links become toggle buttons that filter the cards in place. Several values
     of one filter widen the list (OR), values of different filters narrow it (AND). An option's count is
     what choosing it would show, counted as faceted search does: the cards that pass every other
     filter's selection and have the value, so the options of a filter in use stay comparable. The
     selection lives in the address (?country=be&country=nl&topic=sortition). */
  function setUpFilters(layout) {
    var options = Array.prototype.map.call(layout.querySelectorAll("a[data-facet]"), toggle);
    if (options.length === 0) { return; }
    var count = layout.querySelector(".results-count");
    var status = layout.querySelector(".filter-status");
    var summary = layout.querySelector("[data-selected-filters]");
    var chips = layout.querySelector("[data-chips]");
    var noMatch = layout.querySelector("[data-no-match]");
    var removeLast = layout.querySelector("[data-remove-last]");
    var toResults = layout.querySelector("[data-to-results]");
    var total = count.getAttribute("data-total");
    var facets = [];
    options.forEach(function (option) { if (facets.indexOf(option.facet) === -1) { facets.push(option.facet); } });
    var entries = Array.prototype.map.call(layout.querySelectorAll(".card"), function (card) {
      var values = {};
      facets.forEach(function (facet) { values[facet] = (card.getAttribute("data-" + facet) || "").split(" ").filter(Boolean); });
      return { card: card, values: values };
    });
    /* The chosen options in the order chosen, so "Remove the last filter" knows which. */
    var selected = [];

    function toggle(link) {
      var button = document.createElement("button");
      var check = document.createElement("span");
      button.type = "button";
      button.className = "filter-option";
      button.setAttribute("data-facet", link.getAttribute("data-facet"));
      button.setAttribute("data-value", link.getAttribute("data-value"));
      check.className = "check";
      check.setAttribute("aria-hidden", "true");
      button.appendChild(check);
      /* The label apart from its count, so the chip can name it and hover can underline it alone. */
      var label = document.createElement("span");
      var number = link.querySelector(".count");
      label.className = "option-label";
      while (link.firstChild && link.firstChild !== number) { label.appendChild(link.firstChild); }
      label.textContent = label.textContent.trim();
      button.appendChild(label);
      if (number) { button.appendChild(document.createTextNode(" ")); button.appendChild(number); }
      link.parentNode.replaceChild(button, link);
      var group = button.closest("details");
      var option = { facet: button.getAttribute("data-facet"), value: button.getAttribute("data-value"), button: button, group: group,
                     name: group.querySelector("summary").textContent + ": " + label.textContent, count: number };
      button.addEventListener("click", function () {
        if (button.getAttribute("aria-disabled") === "true") { return; }
        var at = selected.indexOf(option);
        if (at === -1) { selected.push(option); } else { selected.splice(at, 1); }
        changed();
      });
      return option;
    }

    function chip(option) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      var prefix = document.createElement("span");
      var cross = document.createElement("span");
      button.type = "button";
      button.className = "chip";
      prefix.className = "visually-hidden";
      prefix.textContent = "Remove filter ";
      cross.className = "chip-remove";
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = "\u00d7";
      button.appendChild(prefix);
      button.appendChild(document.createTextNode(option.name));
      button.appendChild(cross);
      button.addEventListener("click", function () {
        var at = selected.indexOf(option);
        selected.splice(at, 1);
        changed();
        /* Focus stays among the chips (the next one, else the previous), or goes to the results. */
        var left = chips.querySelectorAll(".chip");
        if (left.length) { left[Math.min(at, left.length - 1)].focus(); } else { focusResults(); }
      });
      item.appendChild(button);
      return item;
    }

    function focusResults() {
      count.setAttribute("tabindex", "-1");
      count.focus();
    }

    /* Shows the cards that pass, recounts every option, and redraws the chips and the messages. */
    function update() {
      var wanted = {}, counts = {}, shown = 0;
      facets.forEach(function (facet) { wanted[facet] = []; counts[facet] = {}; });
      selected.forEach(function (option) { wanted[option.facet].push(option.value); });
      entries.forEach(function (entry) {
        var failing = facets.filter(function (facet) {
          return wanted[facet].length > 0 && !wanted[facet].some(function (value) { return entry.values[facet].indexOf(value) !== -1; });
        });
        entry.card.hidden = failing.length > 0;
        if (failing.length === 0) { shown += 1; }
        facets.forEach(function (facet) {
          if (failing.length > 1 || (failing.length === 1 && failing[0] !== facet)) { return; }
          entry.values[facet].forEach(function (value) { counts[facet][value] = (counts[facet][value] || 0) + 1; });
        });
      });
      options.forEach(function (option) {
        var n = counts[option.facet][option.value] || 0, on = selected.indexOf(option) !== -1;
        option.button.setAttribute("aria-pressed", on ? "true" : "false");
        if (n === 0 && !on) { option.button.setAttribute("aria-disabled", "true"); } else { option.button.removeAttribute("aria-disabled"); }
        if (option.count) { option.count.textContent = "(" + n + ")"; }
      });
      Array.prototype.forEach.call(layout.querySelectorAll(".group"), function (group) {
        group.hidden = group.querySelector(".card:not([hidden])") === null;
      });
      while (chips.firstChild) { chips.removeChild(chips.firstChild); }
      selected.forEach(function (option) { chips.appendChild(chip(option)); });
      summary.hidden = selected.length === 0;
      noMatch.hidden = selected.length === 0 || shown > 0;
      removeLast.hidden = selected.length < 2;
      if (selected.length > 1) { removeLast.textContent = "Remove the last filter (" + selected[selected.length - 1].name + ")"; }
      count.textContent = selected.length ? shown + " of " + total : total;
      if (toResults) { toResults.textContent = "Show " + count.textContent; }
      return shown;
    }

    /* After the reader changed the selection: the address, the page and the announcement. */
    function changed() {
      replaceQuery(facets, selected.map(function (option) { return [option.facet, option.value]; }));
      var shown = update();
      status.textContent = selected.length === 0 ? "Filters cleared, " + total + " shown" :
        shown === 0 ? noMatch.querySelector(".no-match-message").textContent : shown + " of " + total + " shown";
    }

    Array.prototype.forEach.call(layout.querySelectorAll("[data-clear-filters]"), function (button) {
      button.addEventListener("click", function () {
        selected = [];
        changed();
        focusResults();
      });
    });
    removeLast.addEventListener("click", function () {
      selected.pop();
      changed();
      focusResults();
    });
    new URLSearchParams(window.location.search).forEach(function (value, name) {
      options.forEach(function (option) {
        if (option.facet === name && option.value === value.toLowerCase() && selected.indexOf(option) === -1) {
          selected.push(option);
          option.group.open = true;
        }
      });
    });
    update();
  }

  /* "Sort by" on list pages, hidden without JavaScript (the page's own order is then the only one). The
     page is written in its type's order, which the first choice restores; the others sort by the keys
     the renderer wrote on each card (data-sort-name, data-sort-date, …), within each group (upcoming
     and past events stay apart), cards without a key last, ties in the page's order. */
  function setUpSort(control) {
    var select = control.querySelector("select");
    var scope = control.closest(".results") || document;
    var status = scope.querySelector(".filter-status");
    var lists = Array.prototype.map.call(scope.querySelectorAll(".cards"), function (list) {
      return { list: list, cards: Array.prototype.slice.call(list.children) };
    });

    function apply() {
      var choice = select.options[select.selectedIndex];
      var descending = choice.hasAttribute("data-descending");
      lists.forEach(function (group) {
        var keyed = group.cards.map(function (card, position) {
          return { card: card, key: choice.value ? card.getAttribute("data-sort-" + choice.value) : null, position: position };
        });
        keyed.sort(function (a, b) {
          if (a.key === b.key) { return a.position - b.position; }
          if (a.key === null || b.key === null) { return a.key === null ? 1 : -1; }
          return (a.key < b.key) !== descending ? -1 : 1;
        });
        keyed.forEach(function (item) { group.list.appendChild(item.card); });
      });
    }

    var wanted = new URLSearchParams(window.location.search).get("sort");
    if (wanted && Array.prototype.some.call(select.options, function (option) { return option.value === wanted; })) {
      select.value = wanted;
      apply();
    }
    select.addEventListener("change", function () {
      apply();
      replaceQuery(["sort"], select.value ? [["sort", select.value]] : []);
      if (status) { status.textContent = "Sorted by " + select.options[select.selectedIndex].text; }
    });
    control.hidden = false;
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
    Array.prototype.forEach.call(document.querySelectorAll("[data-sort]"), setUpSort);
    var form = document.querySelector("form[data-search]");
    if (form && window.HandbookSearch && window.fetch) { setUpSearch(form, window.HandbookSearch); }
  });
})();
