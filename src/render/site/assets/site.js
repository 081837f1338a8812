/* acctsum site: sorting and filtering of the tables marked data-sortable.
   Every page is complete without this script; it only sorts and filters what is already
   there. No modules, no fetch, no workers: it runs from file:// as from any host. */
(function () {
  "use strict";

  // Letters that Unicode does not decompose into a base letter and a mark.
  var FOLD = { "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i" };

  /* Lower case, accents and marks removed, runs of space as one: "Siobhán" → "siobhan". */
  function fold(text) {
    var s = String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    s = s.replace(/[łøđðþßæœı]/g, function (c) { return FOLD[c]; });
    return s.replace(/\s+/g, " ").trim();
  }

  function readState() {
    var state = {};
    var hash = window.location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (pair) {
      if (!pair) { return; }
      var at = pair.indexOf("=");
      var key = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      var value = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
      state[key] = value;
    });
    return state;
  }

  function writeState(state) {
    var parts = [];
    Object.keys(state).sort().forEach(function (key) {
      if (state[key] !== "" && state[key] !== undefined) {
        parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(state[key]));
      }
    });
    var hash = parts.length ? "#" + parts.join("&") : "";
    if (hash === window.location.hash || (hash === "" && window.location.hash === "")) { return; }
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", hash || window.location.pathname + window.location.search);
    } else {
      window.location.hash = hash;
    }
  }

  function compare(a, b, numeric) {
    if (numeric) {
      var x = parseFloat(a), y = parseFloat(b);
      if (isNaN(x) && isNaN(y)) { return 0; }
      if (isNaN(x)) { return 1; }
      if (isNaN(y)) { return -1; }
      return x - y;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function setUp(table) {
    var tbody = table.tBodies[0];
    if (!tbody) { return; }
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.forEach(function (row, i) { row.setAttribute("data-order", String(i)); });
    var headers = Array.prototype.slice.call(table.tHead ? table.tHead.rows[0].cells : []);
    var controls = table.id ? document.querySelector('[data-controls="' + table.id + '"]') : null;
    var search = controls ? controls.querySelector('input[type="search"]') : null;
    var boxes = controls ? Array.prototype.slice.call(controls.querySelectorAll('input[type="checkbox"][data-facet]')) : [];
    var count = controls ? controls.querySelector("[data-count]") : null;
    var clear = controls ? controls.querySelector("[data-clear]") : null;
    var prefix = table.getAttribute("data-state") || "";

    function key(name) { return prefix ? prefix + "." + name : name; }

    function facets() {
      var chosen = {};
      boxes.forEach(function (box) {
        var facet = box.getAttribute("data-facet");
        chosen[facet] = chosen[facet] || [];
        if (box.checked) { chosen[facet].push(box.value); }
      });
      return chosen;
    }

    function apply(save) {
      var query = search ? fold(search.value) : "";
      var words = query ? query.split(" ") : [];
      var chosen = facets();
      // A facet with every box ticked filters nothing (rows without a value stay too).
      var active = Object.keys(chosen).filter(function (facet) {
        return chosen[facet].length < boxes.filter(function (b) { return b.getAttribute("data-facet") === facet; }).length;
      });
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-search") || "";
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        active.forEach(function (facet) {
          var value = row.getAttribute("data-" + facet);
          if (chosen[facet].indexOf(value) < 0) { ok = false; }
        });
        if (row.hidden !== !ok) { row.hidden = !ok; }
        if (ok) { shown += 1; }
      });
      if (count) {
        count.textContent = shown + " of " + rows.length + " shown";
      }
      if (save) {
        var state = readState();
        state[key("q")] = search ? search.value.trim() : "";
        Object.keys(chosen).forEach(function (facet) {
          var all = boxes.filter(function (b) { return b.getAttribute("data-facet") === facet; }).length;
          state[key(facet)] = chosen[facet].length === all ? "" : chosen[facet].join(",") || "none";
        });
        writeState(state);
      }
    }

    function sortBy(index, direction, save) {
      var header = headers[index];
      if (!header) { return; }
      var numeric = header.getAttribute("data-type") === "number";
      var sorted = rows.slice().sort(function (a, b) {
        var x = a.cells[index] ? a.cells[index].getAttribute("data-sort") || a.cells[index].textContent : "";
        var y = b.cells[index] ? b.cells[index].getAttribute("data-sort") || b.cells[index].textContent : "";
        var c = compare(numeric ? x : fold(x), numeric ? y : fold(y), numeric);
        if (c === 0) { c = compare(+a.getAttribute("data-order"), +b.getAttribute("data-order"), true); }
        return direction === "descending" ? -c : c;
      });
      sorted.forEach(function (row) { tbody.appendChild(row); });
      headers.forEach(function (h, i) {
        if (h.querySelector("button")) { h.setAttribute("aria-sort", i === index ? direction : "none"); }
      });
      if (save) {
        var state = readState();
        state[key("sort")] = header.getAttribute("data-key") || String(index);
        state[key("dir")] = direction === "descending" ? "desc" : "asc";
        writeState(state);
      }
    }

    headers.forEach(function (header, index) {
      var button = header.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var now = header.getAttribute("aria-sort");
        sortBy(index, now === "ascending" ? "descending" : "ascending", true);
      });
    });

    if (controls) {
      controls.hidden = false;
      if (search) {
        // A big table (thousands of engagements) is filtered once typing pauses, not at
        // every key; a small one at once.
        var pending = null;
        search.addEventListener("input", function () {
          if (rows.length < 1000) { apply(true); return; }
          if (pending !== null) { window.clearTimeout(pending); }
          pending = window.setTimeout(function () { pending = null; apply(true); }, 200);
        });
      }
      boxes.forEach(function (box) { box.addEventListener("change", function () { apply(true); }); });
      if (clear) {
        clear.addEventListener("click", function () {
          if (search) { search.value = ""; }
          boxes.forEach(function (box) { box.checked = true; });
          apply(true);
        });
      }
      var form = controls.tagName === "FORM" ? controls : controls.querySelector("form");
      if (form) { form.addEventListener("submit", function (e) { e.preventDefault(); }); }
    }

    function restore() {
      var state = readState();
      if (search) { search.value = state[key("q")] || ""; }
      boxes.forEach(function (box) {
        var wanted = state[key(box.getAttribute("data-facet"))];
        box.checked = !wanted || wanted.split(",").indexOf(box.value) >= 0;
      });
      var sortKey = state[key("sort")];
      if (sortKey) {
        var index = -1;
        headers.forEach(function (h, i) { if (h.getAttribute("data-key") === sortKey) { index = i; } });
        if (index >= 0) { sortBy(index, state[key("dir")] === "desc" ? "descending" : "ascending", false); }
      }
      apply(false);
    }

    restore();
    window.addEventListener("hashchange", restore);
  }

  function start() {
    document.documentElement.classList.add("js");
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
