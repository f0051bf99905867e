/* Democracy Sector Handbook: the network map's zoom, pan, filters and neighbour highlighting, and its
   sortable table. Loaded only on the map page; the map and the table read and work without this file. */
(function () {
  "use strict";

  function list(nodes) { return Array.prototype.slice.call(nodes); }

  function setUpMap(svg) {
    var controls = document.querySelector("[data-graph-controls]");
    var status = document.querySelector("[data-graph-status]");
    var nodes = list(svg.querySelectorAll("[data-node]"));
    var edges = list(svg.querySelectorAll("line[data-a]"));
    var neighbours = nodes.map(function () { return []; });
    var touching = nodes.map(function () { return []; });
    edges.forEach(function (edge) {
      var a = Number(edge.getAttribute("data-a")), b = Number(edge.getAttribute("data-b"));
      neighbours[a].push(b);
      neighbours[b].push(a);
      touching[a].push(edge);
      touching[b].push(edge);
    });

    /* Zoom and pan change the viewBox; the drawing stays sharp at every scale. */
    var box = svg.viewBox.baseVal;
    var full = { x: box.x, y: box.y, w: box.width, h: box.height };
    var view = { x: full.x, y: full.y, w: full.w, h: full.h };
    function show() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return n.toFixed(1); }).join(" ")); }
    function clamp() {
      view.x = Math.min(Math.max(view.x, full.x - view.w / 2), full.x + full.w - view.w / 2);
      view.y = Math.min(Math.max(view.y, full.y - view.h / 2), full.y + full.h - view.h / 2);
    }
    function zoom(factor, cx, cy) {
      var w = Math.min(full.w, Math.max(full.w / 16, view.w * factor));
      var f = w / view.w;
      view.x = cx - (cx - view.x) * f;
      view.y = cy - (cy - view.y) * f;
      view.w = w;
      view.h = view.h * f;
      clamp();
      show();
    }
    function centre() { return { x: view.x + view.w / 2, y: view.y + view.h / 2 }; }
    /* A point on the screen in the drawing's units. */
    function inDrawing(event) {
      var matrix = svg.getScreenCTM();
      if (!matrix) { return centre(); }
      var point = svg.createSVGPoint();
      point.x = event.clientX;
      point.y = event.clientY;
      return point.matrixTransform(matrix.inverse());
    }
    list(document.querySelectorAll("[data-graph-zoom]")).forEach(function (button) {
      button.addEventListener("click", function () {
        var how = button.getAttribute("data-graph-zoom"), c = centre();
        if (how === "in") { zoom(0.7, c.x, c.y); }
        else if (how === "out") { zoom(1 / 0.7, c.x, c.y); }
        else { view = { x: full.x, y: full.y, w: full.w, h: full.h }; show(); }
      });
    });
    /* The wheel zooms only with Ctrl or ⌘ held, so scrolling the page past the map still scrolls the page. */
    svg.addEventListener("wheel", function (event) {
      if (!event.ctrlKey && !event.metaKey) { return; }
      event.preventDefault();
      var p = inDrawing(event);
      zoom(event.deltaY < 0 ? 0.85 : 1 / 0.85, p.x, p.y);
    }, { passive: false });
    var drag = null, dragged = false;
    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) { return; }
      drag = { start: inDrawing(event), view: { x: view.x, y: view.y } };
      dragged = false;
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var p = inDrawing(event);
      var dx = p.x - drag.start.x, dy = p.y - drag.start.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < view.w / 200) { return; }
      dragged = true;
      svg.classList.add("is-panning");
      view.x = drag.view.x - dx;
      view.y = drag.view.y - dy;
      clamp();
      show();
      /* The view moved under the pointer: measure from the new view next time. */
      drag.start = inDrawing(event);
      drag.view = { x: view.x, y: view.y };
    });
    function endDrag() { drag = null; svg.classList.remove("is-panning"); }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointerleave", endDrag);
    /* A drag that ends on a node is a pan, not a click on its link. */
    svg.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);

    /* Hovering over or focusing a node shows its neighbours and fades the rest. */
    function highlight(index) {
      svg.classList.add("is-highlighting");
      nodes[index].classList.add("is-active");
      neighbours[index].forEach(function (other) { nodes[other].classList.add("is-near"); });
      touching[index].forEach(function (edge) { edge.classList.add("is-near"); });
    }
    function clear() {
      svg.classList.remove("is-highlighting");
      list(svg.querySelectorAll(".is-active, .is-near")).forEach(function (element) {
        element.classList.remove("is-active");
        element.classList.remove("is-near");
      });
    }
    nodes.forEach(function (node, index) {
      node.addEventListener("pointerenter", function () { highlight(index); });
      node.addEventListener("pointerleave", clear);
      node.addEventListener("focus", function () { highlight(index); });
      node.addEventListener("blur", clear);
    });

    /* Filters by type, country and topic dim what does not match. */
    var selects = list(document.querySelectorAll("[data-graph-filter]"));
    function filter() {
      var active = selects.filter(function (select) { return select.value; });
      var shown = 0;
      var dimmed = nodes.map(function (node) {
        var match = active.every(function (select) {
          var values = (node.getAttribute("data-" + select.getAttribute("data-graph-filter")) || "").split(" ");
          return values.indexOf(select.value) !== -1;
        });
        node.classList.toggle("is-dimmed", !match);
        if (match) { shown += 1; }
        return !match;
      });
      edges.forEach(function (edge) {
        edge.classList.toggle("is-dimmed", dimmed[Number(edge.getAttribute("data-a"))] || dimmed[Number(edge.getAttribute("data-b"))]);
      });
      status.textContent = active.length ? shown + " of " + nodes.length + " entries match." : "";
    }
    selects.forEach(function (select) { select.addEventListener("change", filter); });
    controls.hidden = false;
    /* On a small screen the frame scrolls sideways: start in the middle, where the most connected are. */
    var frame = svg.parentNode;
    if (frame.scrollWidth > frame.clientWidth) { frame.scrollLeft = (frame.scrollWidth - frame.clientWidth) / 2; }
  }

  /* Column headers become buttons that sort the table; aria-sort says which column and which way. */
  function setUpTable(table) {
    var headers = list(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = list(body.rows);
    rows.forEach(function (row, index) { row.setAttribute("data-order", String(index)); });
    headers.forEach(function (header, column) {
      if (header.hasAttribute("data-unsortable")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = header.textContent;
      header.textContent = "";
      header.appendChild(button);
      button.addEventListener("click", function () {
        var numeric = header.classList.contains("number");
        var current = header.getAttribute("aria-sort");
        var descending = current ? current === "ascending" : numeric;
        var sign = descending ? -1 : 1;
        var sorted = list(body.rows).sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { sensitivity: "base" });
          return sign * order || Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        sorted.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.querySelector("svg[data-graph]");
    if (svg && svg.viewBox && svg.getScreenCTM) { setUpMap(svg); }
    list(document.querySelectorAll("table[data-sortable]")).forEach(setUpTable);
  });
})();
