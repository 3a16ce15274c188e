// Search page: Pagefind's JavaScript API with a filter pane whose state lives in the URL,
// so that a result list can be linked (/sok/?q=golv&Län=Skåne+län&Län=Blekinge+län).
//
// On top of Pagefind: the field's acronyms and the guides' synonyms (term data that the
// build writes into the page, see src/kunskapsbank/content/searchterms.py) widen a query and put
// the page about the concept first; a word the site does not know is corrected to the
// nearest known word; filters are OR within a facet and AND across facets, and their
// counts follow the selection.
//
// The names the index and this script share are written once, in Python, and read here
// from the page (src/kunskapsbank/render/search_page.py writes them):
//   data-filters       the filter names in the order shown (render/search_keys.py and the
//                      facets of content/model.py FACETS), JSON
//   data-values        every filter value with its number of pages, JSON
//   data-bundle        the relative URL of Pagefind's files
//   data-guides        the relative URL of the guidance
//   data-sort-default  the sort key without a query (search_keys.SORT_WITHOUT_QUERY)
//   data-place-filter  the county facet's filter name (FACETS, path "lan")
//   data-guide-filter  the filter that keeps only guidance pages, JSON
//                      ({search_keys.CONTENT_TYPE: [search_keys.TYPE_GUIDE]})
//   data-meta-keys     the Pagefind metadata keys of a result's title, type, date and
//                      summary, JSON (search_keys.META_KEYS)
// The sort keys are the values of the sort menu's options (search_keys.SORTS), and the
// URL's parameters for the query and the sort are the names of the form's fields.
(function () {
  "use strict";
  var root = document.getElementById("kb-search");
  if (!root) { return; }
  var form = document.getElementById("kb-search-form");
  var input = document.getElementById("kb-q");
  var sortSelect = document.getElementById("kb-sort");
  var filterPane = document.getElementById("kb-filters");
  var statusBox = document.getElementById("kb-status");
  var helpBox = document.getElementById("kb-help");
  var list = document.getElementById("kb-results");
  var more = document.getElementById("kb-more");
  var order = JSON.parse(root.getAttribute("data-filters") || "[]");
  var totals = JSON.parse(root.getAttribute("data-values") || "{}");
  var bundle = root.getAttribute("data-bundle");
  var guidesUrl = root.getAttribute("data-guides");
  var SORT_DEFAULT = root.getAttribute("data-sort-default") || "";
  var SORT_KEYS = Array.prototype.map.call(sortSelect.options, function (o) { return o.value; })
    .filter(Boolean);
  var PLACE_FILTER = root.getAttribute("data-place-filter");
  var GUIDE_FILTER = JSON.parse(root.getAttribute("data-guide-filter") || "{}");
  var META = JSON.parse(root.getAttribute("data-meta-keys") || "{}");
  var Q_PARAM = input.name;
  var SORT_PARAM = sortSelect.name;
  var termsNode = document.getElementById("kb-terms");
  var TERMS = termsNode ? JSON.parse(termsNode.textContent || "{}") : {};
  var PAGE = 10;
  var pagefind = null;
  var current = [];
  var shown = 0;
  var runId = 0;
  var timer = null;
  var exact = false;
  var allFiltersLoaded = null;
  var lastShown = null;

  // Question words and other words that say nothing about the topic.
  var STOP = ("hur vad vi en ett gör göra man kan ska skall är med oss vilket vilken vilka det den " +
    "de att och om för i på till av får som när var varför jag ni mig vår våra vårt sig sin hos " +
    "har finns bör behöver kommer the of a an and to for in").split(" ");

  root.hidden = false;
  var nojs = document.getElementById("kb-search-nojs");
  if (nojs) { nojs.hidden = true; }

  // -- words and terms ---------------------------------------------------------

  function normal(text) {
    return text.normalize("NFC").toLowerCase().replace(/[?!.,;:"()]/g, " ").split(/\s+/)
      .filter(Boolean).join(" ");
  }
  // Without diacritics: "forkommersiell" finds "förkommersiell".
  function fold(text) {
    return normal(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var termIndex = {};
  Object.keys(TERMS.t || {}).forEach(function (key) {
    var entry = TERMS.t[key];
    var k = fold(key);
    if (!termIndex[k] || (entry.h && !termIndex[k].h)) { termIndex[k] = entry; }
  });
  var known = {};
  (TERMS.w || []).forEach(function (w) { known[fold(w)] = w; });
  var knownList = Object.keys(known);

  // Optimal string alignment distance (Levenshtein with transpositions), capped at max + 1.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev2 = null, prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        if (v < best) { best = v; }
      }
      if (best > max) { return max + 1; }
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }

  // The known words nearest to an unknown word: [] when it is known or a known word's start.
  function suggestionsFor(word) {
    var w = fold(word);
    // Typed without å, ä or ö ("ostergotland"): the known word with them.
    if (known[w] && normal(known[w]) !== normal(word)) { return [known[w]]; }
    if (w.length < 4 || known[w] || STOP.indexOf(w) !== -1 || termIndex[w]) { return []; }
    if (knownList.some(function (k) { return k.indexOf(w) === 0; })) { return []; }
    var max = w.length >= 7 ? 2 : 1;
    var found = [], best = max + 1;
    knownList.forEach(function (k) {
      var d = distance(w, k, max);
      if (d < best) { best = d; found = [k]; } else if (d === best && d <= max) { found.push(k); }
    });
    return best <= max ? found.map(function (k) { return known[k]; }) : [];
  }

  // What the query means: the words to search as well and the pages to put first.
  function analyse(q) {
    var out = { also: "", pins: [], terms: [], said: [] };
    if (!q || exact) { return out; }
    var whole = termIndex[fold(q)];
    if (whole) {
      out.also = whole.s || "";
      if (whole.s) { out.said.push("”" + q + "” söks också som ”" + whole.s + "”."); }
      out.pins = (whole.p || []).map(function (u) { return { url: u, hard: !!whole.h }; });
      out.terms.push(q);
      return out;
    }
    var words = normal(q).split(" ");
    var replaced = words.slice();
    var short = words.length <= 2;
    words.forEach(function (w, i) {
      var pair = i + 1 < words.length ? termIndex[fold(w + " " + words[i + 1])] : null;
      var entry = pair || termIndex[fold(w)];
      if (!entry || (!entry.h && !short)) { return; }
      out.terms.push(pair ? w + " " + words[i + 1] : w);
      if (entry.s) {
        out.said.push("”" + (pair ? w + " " + words[i + 1] : w) + "” söks också som ”" + entry.s + "”.");
        replaced[i] = entry.s;
        if (pair) { replaced[i + 1] = ""; }
      }
      (entry.p || []).forEach(function (u) { out.pins.push({ url: u, hard: !!entry.h }); });
    });
    var also = replaced.filter(Boolean).join(" ");
    if (fold(also) !== fold(q)) { out.also = also; }
    return out;
  }

  // -- URL and form state ------------------------------------------------------

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var state = {
      q: params.get(Q_PARAM) || "", sort: params.get(SORT_PARAM) || "", filters: {},
      exact: params.get("exakt") === "1"
    };
    order.forEach(function (name) {
      var values = params.getAll(name);
      if (values.length) { state.filters[name] = values; }
    });
    return state;
  }

  function formState() {
    var state = { q: input.value.trim(), sort: sortSelect.value, filters: {}, exact: exact };
    filterPane.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      (state.filters[name] = state.filters[name] || []).push(box.value);
    });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams();
    if (state.q) { params.set(Q_PARAM, state.q); }
    order.forEach(function (name) {
      (state.filters[name] || []).forEach(function (v) { params.append(name, v); });
    });
    if (state.sort) { params.set(SORT_PARAM, state.sort); }
    if (state.exact && state.q) { params.set("exakt", "1"); }
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

  // -- filters -------------------------------------------------------------------

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

  // counts: facet -> value -> n, for the facets that are known; the others keep the totals
  // the page was built with (until the reader turns to the filters, see loadAllFilters).
  function updateCounts(counts) {
    filterPane.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var name = box.getAttribute("data-filter");
      var known = counts && counts[name];
      var n = known ? (counts[name][box.value] || 0) : totals[name][box.value];
      box.nextSibling.querySelector("[data-count]").textContent = "(" + n + ")";
    });
  }

  // OR within a facet ({any: [...]}), AND across facets (one key per facet).
  function filterOptions(filters, without) {
    var out = {};
    Object.keys(filters).forEach(function (name) {
      if (name !== without) { out[name] = { any: filters[name] }; }
    });
    return out;
  }

  function searchOptions(state, without) {
    var options = { filters: filterOptions(state.filters, without) };
    var sort = state.sort || (state.q ? "" : SORT_DEFAULT);
    // Every sort is newest first; a key the menu does not offer sorts nothing.
    if (SORT_KEYS.indexOf(sort) !== -1) { options.sort = {}; options.sort[sort] = "desc"; }
    return options;
  }

  // Every filter's chunk, so that every facet's counts can follow the selection. Loaded
  // when a filter is in use or the reader turns to the filters, never for a plain search.
  function loadAllFilters() {
    if (!allFiltersLoaded) { allFiltersLoaded = pagefind.filters(); }
    return allFiltersLoaded;
  }

  // Counts per facet: for a facet in use, the results without that facet's own filter
  // (what ticking one more value would add); for the others, the results as they are.
  function facetCounts(state, query, search) {
    var used = Object.keys(state.filters);
    var counts = {};
    Object.keys(search.filters || {}).forEach(function (name) {
      if (used.indexOf(name) === -1 && Object.keys(search.filters[name]).length) {
        counts[name] = search.filters[name];
      }
    });
    var without = {};
    return Promise.all(used.map(function (name) {
      return pagefind.search(query, searchOptions(state, name)).then(function (s) {
        counts[name] = (s && s.filters && s.filters[name]) || {};
        without[name] = s ? s.results.length : 0;
      });
    })).then(function () { return { counts: counts, without: without }; });
  }

  // -- searching -------------------------------------------------------------------

  // A result's data, loaded once. Kept on the result object itself: the same page found
  // by another search has another excerpt.
  function dataOf(result) {
    if (!result.kbData) { result.kbData = result.data(); }
    return result.kbData;
  }

  function samePage(url, target) {
    return url === target || url.replace(/index\.html$/, "") === target;
  }

  // The result for a pinned page, found by a search for its title (with the same filters).
  function findPage(url, state) {
    var title = (TERMS.p || {})[url];
    if (!title) { return Promise.resolve(null); }
    return pagefind.search(title, searchOptions(state)).then(function (s) {
      var top = s ? s.results.slice(0, 5) : [];
      return Promise.all(top.map(dataOf)).then(function (items) {
        for (var i = 0; i < items.length; i++) {
          if (samePage(items[i].url, url)) { return top[i]; }
        }
        return null;
      });
    });
  }

  function merge(lists) {
    var seen = {}, out = [];
    lists.forEach(function (results) {
      results.forEach(function (r) {
        if (r && !seen[r.id]) { seen[r.id] = true; out.push(r); }
      });
    });
    return out;
  }

  // A query that names a county ("Skåne", "hela landet"): its values of the county filter.
  // A case's county is in its fact box, which is not text of the page.
  function placesIn(q, state) {
    var fq = fold(q || "");
    if (exact || fq.length < 4 || fq.split(" ").length > 3 || state.filters[PLACE_FILTER]) { return []; }
    return Object.keys(totals[PLACE_FILTER] || {}).filter(function (value) {
      var fv = fold(value);
      return fv === fq || fv.indexOf(fq + " ") === 0 || fv.indexOf(fq + "s ") === 0;
    });
  }

  // One query: Pagefind's results, widened by the terms and with pinned pages first;
  // then, for a county's name, the pages of that county.
  function searchFor(q, state) {
    var meaning = analyse(q);
    var query = q || null;
    var searches = [pagefind.search(query, searchOptions(state))];
    if (meaning.also) { searches.push(pagefind.search(meaning.also, searchOptions(state))); }
    var places = placesIn(q, state);
    if (places.length) {
      var options = searchOptions(state);
      options.filters[PLACE_FILTER] = { any: places };
      searches.push(pagefind.search(null, options));
    }
    return Promise.all(searches).then(function (found) {
      if (found.some(function (s) { return !s; })) { return null; }
      var pins = meaning.pins.filter(function (p, i, all) {
        return all.findIndex(function (o) { return o.url === p.url; }) === i;
      });
      pins.sort(function (a, b) { return (b.hard ? 1 : 0) - (a.hard ? 1 : 0); });
      var top = q ? found[0].results.slice(0, 3) : [];
      return Promise.all([
        Promise.all(pins.map(function (p) { return findPage(p.url, state); })),
        Promise.all(top.map(dataOf))
      ]).then(function (both) {
        var pinned = both[0];
        // A page whose title holds the whole query goes before a synonym's page
        // (an acronym from the term file still comes first).
        var titled = top.filter(function (r, i) {
          var title = fold((both[1][i].meta || {}).title || "");
          return (" " + title + " ").indexOf(" " + fold(q) + " ") !== -1;
        });
        var hard = pinned.filter(function (r, i) { return r && pins[i].hard; });
        var soft = pinned.filter(function (r, i) { return r && !pins[i].hard; });
        var lists = [hard, titled, soft].concat(found.map(function (s) { return s.results; }));
        return { results: merge(lists), primary: found[0], meaning: meaning, query: query };
      });
    });
  }

  // Does a word of the query appear (from its start) in what the first results marked?
  function markedIn(word, items) {
    var w = fold(word);
    return items.some(function (data) {
      var doc = new DOMParser().parseFromString("<p>" + (data.excerpt || "") + "</p>", "text/html");
      return Array.prototype.some.call(doc.querySelectorAll("mark"), function (m) {
        return fold(m.textContent).indexOf(w) === 0;
      });
    });
  }

  // Words of the query the site does not know, with the nearest known words.
  function typos(q, meaning) {
    if (!q || exact) { return []; }
    var skip = fold(meaning.terms.join(" ")).split(" ");
    return normal(q).split(" ").filter(function (w) { return skip.indexOf(fold(w)) === -1; })
      .map(function (w) { return { word: w, near: suggestionsFor(w) }; })
      .filter(function (t) { return t.near.length > 0; });
  }

  function corrected(q, fixes) {
    var words = normal(q).split(" ");
    fixes.forEach(function (f) {
      var i = words.indexOf(f.word);
      if (i !== -1) { words[i] = f.near[0]; }
    });
    return words.join(" ");
  }

  function run() {
    var state = formState();
    writeUrl(state);
    var id = ++runId;
    var hasFilters = Object.keys(state.filters).length > 0;
    helpBox.textContent = "";
    if (!state.q && !hasFilters) {
      lastShown = null;
      list.textContent = "";
      list.removeAttribute("aria-busy");
      more.hidden = true;
      statusBox.textContent = "Skriv ett sökord eller välj ett filter.";
      updateCounts(null);
      return Promise.resolve();
    }
    statusBox.textContent = "Söker …";
    // The list is busy until the results of this search are in it.
    list.setAttribute("aria-busy", "true");
    var ready = hasFilters ? loadAllFilters() : Promise.resolve();
    return ready.then(function () { return searchFor(state.q, state); }).then(function (found) {
      if (id !== runId || !found) { return; }
      var fixes = typos(state.q, found.meaning);
      var first = found.results.slice(0, 3);
      return Promise.all(first.map(dataOf)).then(function (items) {
        if (id !== runId) { return; }
        // A word typed wrong: Pagefind finds nothing, or only pages where a part of it
        // matched. With one clear correction, search for it at once and say so.
        var unmatched = fixes.filter(function (f) { return !markedIn(f.word, items); });
        var clear = unmatched.length > 0 && unmatched.every(function (f) { return f.near.length === 1; });
        if (clear && (found.results.length === 0 || unmatched.length === fixes.length)) {
          var instead = corrected(state.q, unmatched);
          return searchFor(instead, state).then(function (again) {
            if (id !== runId || !again) { return; }
            if (again.results.length === 0) { return show(id, state, found, fixes); }
            return show(id, state, again, [], { typed: state.q, instead: instead });
          });
        }
        // Offer corrections for the words Pagefind did not find as typed (for every
        // unknown word when nothing was found).
        return show(id, state, found, found.results.length === 0 ? fixes : unmatched);
      });
    });
  }

  function show(id, state, found, fixes, correction) {
    lastShown = { state: state, found: found };
    current = found.results;
    shown = 0;
    list.textContent = "";
    var n = current.length;
    var text = n === 0 ? "Inga träffar." : (n === 1 ? "1 träff." : n + " träffar.");
    if (correction) {
      text = "Inga träffar för ”" + correction.typed + "”. Visar " +
        (n === 1 ? "1 träff" : n + " träffar") + " för ”" + correction.instead + "”.";
    } else if (found.meaning.said.length && n) {
      text += " " + found.meaning.said.join(" ");
    }
    if (!state.q && n) { text += " Senast granskade först."; }
    var offers = correction ? [] : offersFor(state, found, fixes);
    if (offers.length) { text += " Menade du " + offers.join(" eller ") + "?"; }
    if (n === 0 && Object.keys(state.filters).length) {
      text += " Ta bort ett filter eller läs vägledningen som föreslås nedan.";
    }
    statusBox.textContent = text;
    helpFor(state, offers, correction);
    var counting = Object.keys(state.filters).length || allFiltersLoaded
      ? facetCounts(state, found.query, found.primary)
      : Promise.resolve(null);
    return counting.then(function (facets) {
      if (id !== runId) { return; }
      updateCounts(facets ? facets.counts : null);
      if (n === 0 && facets && Object.keys(state.filters).length) { explainEmpty(state, facets); }
      return showMore(id);
    });
  }

  // -- help under the status line --------------------------------------------------

  function button(text, onClick) {
    var b = el("button", { type: "button", "class": "kb-linkbutton" }, text);
    b.addEventListener("click", onClick);
    return b;
  }

  function searchInstead(q, exactly) {
    return function () {
      input.value = q;
      exact = !!exactly;
      run().then(function () { statusBox.focus(); });
    };
  }

  // "Menade du ...?": the query with a word corrected, when the query found little
  // or found the word only in part.
  function offersFor(state, found, fixes) {
    var offers = [];
    fixes.forEach(function (f) {
      f.near.slice(0, 3).forEach(function (w) {
        offers.push(corrected(state.q, [{ word: f.word, near: [w] }]));
      });
    });
    return offers;
  }

  function helpFor(state, offers, correction) {
    if (correction) {
      var p = el("p", {});
      p.appendChild(button("Sök bara efter ”" + correction.typed + "”", searchInstead(correction.typed, true)));
      helpBox.appendChild(p);
      return;
    }
    if (offers.length) {
      var q = el("p", {}, "Menade du ");
      offers.forEach(function (o, i) {
        if (i) { q.appendChild(document.createTextNode(i === offers.length - 1 ? " eller " : ", ")); }
        q.appendChild(button(o, searchInstead(o, false)));
      });
      q.appendChild(document.createTextNode("?"));
      helpBox.appendChild(q);
    }
  }

  // No results with these filters: which filter to remove, and the nearest guidance.
  function explainEmpty(state, facets) {
    var box = el("div", {});
    var names = Object.keys(state.filters);
    var useful = names.filter(function (name) { return facets.without[name] > 0; });
    if (useful.length) {
      box.appendChild(el("p", {}, "Inga sidor passar alla filter. Ta bort ett filter:"));
      var ul = el("ul", {});
      useful.forEach(function (name) {
        var li = el("li", {});
        var n = facets.without[name];
        li.appendChild(button(
          "Ta bort " + name + " (" + state.filters[name].join(", ") + "): " +
          (n === 1 ? "1 träff" : n + " träffar"),
          function () {
            filterPane.querySelectorAll("input[data-filter]").forEach(function (b) {
              if (b.getAttribute("data-filter") === name) { b.checked = false; }
            });
            run().then(function () { statusBox.focus(); });
          }));
        ul.appendChild(li);
      });
      box.appendChild(ul);
    } else {
      box.appendChild(el("p", {}, "Inga sidor passar filtren. Ta bort filter för att få träffar."));
    }
    helpBox.appendChild(box);
    var guides = el("p", {}, "Läs vägledningen som ligger närmast: ");
    helpBox.appendChild(guides);
    var only = { q: state.q, sort: "", filters: GUIDE_FILTER };
    var q = state.q ? (analyse(state.q).also || state.q) : null;
    var done = q ? pagefind.search(q, searchOptions(only)) : Promise.resolve(null);
    done.then(function (s) {
      var top = s ? s.results.slice(0, 3) : [];
      return Promise.all(top.map(dataOf));
    }).then(function (items) {
      if (!items.length) {
        guides.appendChild(el("a", { href: guidesUrl }, "all vägledning"));
        return;
      }
      items.forEach(function (data, i) {
        if (i) { guides.appendChild(document.createTextNode(", ")); }
        guides.appendChild(el("a", { href: data.url }, (data.meta && data.meta[META.title]) || data.url));
      });
    });
  }

  function showMore(id) {
    var batch = current.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= current.length;
    list.setAttribute("aria-busy", "true");
    return Promise.all(batch.map(dataOf)).then(function (items) {
      if (id !== runId) { return; }
      list.removeAttribute("aria-busy");
      items.forEach(function (data) {
        var meta = data.meta || {};
        var li = el("li", { "class": "kb-result" });
        var h = el("h2", { "class": "kb-result__title" });
        h.appendChild(el("a", { href: data.url }, meta[META.title] || data.url));
        li.appendChild(h);
        var info = [meta[META.type], meta[META.date] ? "granskad " + meta[META.date] : ""].filter(Boolean).join(" · ");
        if (info) { li.appendChild(el("p", { "class": "kb-result__meta kb-muted" }, info)); }
        if (meta[META.summary]) { li.appendChild(el("p", { "class": "kb-result__summary" }, meta[META.summary])); }
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
  exact = state.exact;
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

  // When the reader turns to the filters, load them all so that every count follows
  // the current search (a plain search never downloads them).
  function turnToFilters() {
    if (!pagefind || allFiltersLoaded) { return; }
    var id = runId;
    loadAllFilters().then(function () {
      // The search on show (after a correction, the corrected one) counts again.
      var last = lastShown;
      if (id !== runId || !last) { return; }
      // Searched again: the first search was made before the filters were loaded.
      var query = last.found.query;
      return pagefind.search(query, searchOptions(last.state)).then(function (search) {
        return search && facetCounts(last.state, query, search);
      }).then(function (facets) {
        if (facets && id === runId) { updateCounts(facets.counts); }
      });
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { exact = false; schedule(); });
  sortSelect.addEventListener("change", run);
  filterPane.addEventListener("change", run);
  filterPane.addEventListener("focusin", turnToFilters);
  filterPane.addEventListener("pointerenter", turnToFilters);
  more.addEventListener("click", function () { showMore(runId); });
})();
