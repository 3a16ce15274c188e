// Search page: Pagefind's JavaScript API with a filter pane whose state lives in the URL,
// so that a result list can be linked (/sok/?q=golv&Län=Skåne+län).
(function () {
  "use strict";
  var root = document.getElementById("kb-search");
  if (!root) { return; }
  var form = document.getElementById("kb-search-form");
  var input = document.getElementById("kb-q");
  var sortSelect = document.getElementById("kb-sort");
  var filterPane = document.getElementById("kb-filters");
  var statusBox = document.getElementById("kb-status");
  var list = document.getElementById("kb-results");
  var more = document.getElementById("kb-more");
  var order = JSON.parse(root.getAttribute("data-filters") || "[]");
  var totals = JSON.parse(root.getAttribute("data-values") || "{}");
  var bundle = root.getAttribute("data-bundle");
  var PAGE = 10;
  var pagefind = null;
  var current = [];
  var shown = 0;
  var runId = 0;
  var timer = null;

  root.hidden = false;
  var nojs = document.getElementById("kb-search-nojs");
  if (nojs) { nojs.hidden = true; }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "", sort: params.get("sortera") || "", filters: {} };
    order.forEach(function (name) {
      var values = params.getAll(name);
      if (values.length) { state.filters[name] = values; }
    });
    return state;
  }

  function formState() {
    var state = { q: input.value.trim(), sort: sortSelect.value, filters: {} };
    filterPane.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      (state.filters[name] = state.filters[name] || []).push(box.value);
    });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q) { params.set("q", state.q); }
    order.forEach(function (name) {
      (state.filters[name] || []).forEach(function (v) { params.append(name, v); });
    });
    if (state.sort) { params.set("sortera", state.sort); }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    window.history.replaceState(null, "", url);
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Copy only text and <mark> from Pagefind's excerpt into the page: nothing else survives.
  function safeExcerpt(htmlText) {
    var doc = new DOMParser().parseFromString("<p>" + htmlText + "</p>", "text/html");
    var out = el("p", { "class": "kb-result__excerpt" });
    doc.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeType === 3) { out.appendChild(document.createTextNode(node.textContent)); }
      else if (node.nodeName === "MARK") { out.appendChild(el("mark", {}, node.textContent)); }
      else { out.appendChild(document.createTextNode(node.textContent || "")); }
    });
    return out;
  }

  function renderFilters(available, state) {
    filterPane.textContent = "";
    order.forEach(function (name, i) {
      var values = available[name];
      if (!values || !Object.keys(values).length) { return; }
      var set = el("fieldset", { "class": "kb-filter" });
      set.appendChild(el("legend", {}, name));
      Object.keys(values).sort(function (a, b) { return a.localeCompare(b, "sv"); })
        .forEach(function (value, j) {
          var id = "kb-f-" + i + "-" + j;
          var wrap = el("div", { "class": "kb-filter__option" });
          var box = el("input", { type: "checkbox", id: id, value: value, "data-filter": name });
          box.checked = (state.filters[name] || []).indexOf(value) !== -1;
          var label = el("label", { "for": id });
          label.appendChild(document.createTextNode(value + " "));
          label.appendChild(el("span", { "class": "kb-muted", "data-count": "" }, "(" + values[value] + ")"));
          wrap.appendChild(box);
          wrap.appendChild(label);
          set.appendChild(wrap);
        });
      filterPane.appendChild(set);
    });
  }

  // Pagefind counts only the filters whose chunks a search loaded (those in use);
  // the others keep the totals the page was built with.
  function updateCounts(counts) {
    filterPane.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      var known = counts && counts[name] && Object.keys(counts[name]).length > 0;
      var n = known ? (counts[name][box.value] || 0) : totals[name][box.value];
      box.nextSibling.querySelector("[data-count]").textContent = "(" + n + ")";
    });
  }

  function searchOptions(state) {
    var filters = {};
    Object.keys(state.filters).forEach(function (name) { filters[name] = { any: state.filters[name] }; });
    var options = { filters: filters };
    if (state.sort === "start") { options.sort = { start: "desc" }; }
    if (state.sort === "granskad") { options.sort = { granskad: "desc" }; }
    return options;
  }

  function run() {
    var state = formState();
    writeUrl(state);
    var id = ++runId;
    var hasFilters = Object.keys(state.filters).length > 0;
    if (!state.q && !hasFilters) {
      list.textContent = "";
      list.removeAttribute("aria-busy");
      more.hidden = true;
      statusBox.textContent = "Skriv ett sökord eller välj ett filter.";
      return Promise.resolve();
    }
    statusBox.textContent = "Söker …";
    // The list is busy until the results of this search are in it.
    list.setAttribute("aria-busy", "true");
    return pagefind.search(state.q || null, searchOptions(state)).then(function (search) {
      if (id !== runId || !search) { return; }
      current = search.results;
      shown = 0;
      list.textContent = "";
      updateCounts(search.filters);
      var n = current.length;
      statusBox.textContent = n === 0 ? "Inga träffar." : (n === 1 ? "1 träff." : n + " träffar.");
      return showMore(id);
    });
  }

  function showMore(id) {
    var batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= current.length;
    list.setAttribute("aria-busy", "true");
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
      if (id !== runId) { return; }
      list.removeAttribute("aria-busy");
      items.forEach(function (data) {
        var meta = data.meta || {};
        var li = el("li", { "class": "kb-result" });
        var h = el("h2", { "class": "kb-result__title" });
        h.appendChild(el("a", { href: data.url }, meta.title || data.url));
        li.appendChild(h);
        var info = [meta.type, meta.date ? "granskad " + meta.date : ""].filter(Boolean).join(" · ");
        if (info) { li.appendChild(el("p", { "class": "kb-result__meta kb-muted" }, info)); }
        if (meta.summary) { li.appendChild(el("p", { "class": "kb-result__summary" }, meta.summary)); }
        if (data.excerpt) { li.appendChild(safeExcerpt(data.excerpt)); }
        list.appendChild(li);
      });
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 200);
  }

  var state = readUrl();
  input.value = state.q;
  sortSelect.value = state.sort;
  import(bundle + "pagefind.js").then(function (module) {
    pagefind = module;
    // noWorker: the search runs on the page itself, which saves a 41 KB download on every
    // first visit; a query over thousands of pages still takes only milliseconds.
    return pagefind.options({ excerptLength: 24, noWorker: true });
  }).then(function () {
    renderFilters(totals, state);
    root.setAttribute("data-ready", "true");
    return run();
  }).catch(function () {
    list.removeAttribute("aria-busy");
    statusBox.textContent = "Sökningen kunde inte laddas. Försök igen senare, eller bläddra bland fallen.";
  });

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", schedule);
  sortSelect.addEventListener("change", run);
  filterPane.addEventListener("change", run);
  more.addEventListener("click", function () { showMore(runId); });
})();
