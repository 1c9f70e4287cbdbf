/* Offline search of the search page. The index (search/<lang>/) is a set of scripts written by
   src/search/index.rs and loaded with <script> tags, never fetch, so that search also works from
   file://. meta.js comes first (a script tag of the page); term shards (s-<n>.js), document
   chunks (d-<n>.js) and passage files (p/<n>.js, the text of a few pages each) are loaded on
   demand and call SachhonSearch.shard / SachhonSearch.docs / SachhonSearch.passages.
   Every word of every page is indexed with its positions: query words found next to each other
   in a page (a phrase, or one Vietnamese word of several syllables) rank it higher, and each
   result shows the passage where the words are, highlighted, with a link to its heading. */
(function () {
  "use strict";
  var W = window, D = document;
  var S = W.SachhonSearch = W.SachhonSearch || { q: [] };
  var metaEl = D.getElementById("search-meta");
  var input = D.getElementById("q");
  var statusEl = D.getElementById("search-status");
  var list = D.getElementById("search-results");
  var aside = D.getElementById("facets");
  var facetBox = D.getElementById("facet-list");
  var emptyEl = D.getElementById("search-empty");
  if (!metaEl || !input || !statusEl || !list) return;
  var form = input.form;

  var FACETS = ["kind", "sector", "province", "technique", "year"];
  var PAGE = 10, BOOST_TOP = 30, MAX_TOKEN = 24, PREFIX = 0.7, PREFIX_SHARDS = 3, WINDOW = 28;
  var SEP = /[^\p{Alphabetic}\p{N}]+/u;
  var WORDS = /([\p{Alphabetic}\p{N}]+)/u;

  // UI strings: the template HTML-escapes them even inside the JSON script, undo that.
  var ENT = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", "#x2F": "/" };
  function unent(v) {
    if (typeof v === "string") return v.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F);/g, function (m, e) { return ENT[e]; });
    if (v && typeof v === "object") for (var k in v) v[k] = unent(v[k]);
    return v;
  }
  var str = {};
  try { str = unent(JSON.parse(D.getElementById("search-strings").textContent)); } catch (e) { /* keep defaults */ }
  str.kinds = str.kinds || {};

  // Relative builds append index.html to folder URLs; strip it to get folders.
  function folder(u) { return (u || "").replace(/index\.html$/, ""); }
  var base = folder(metaEl.getAttribute("data-search-base")) || (metaEl.getAttribute("src") || "").replace(/[^/]*$/, "");
  var root = folder(metaEl.getAttribute("data-root"));
  var fromFile = location.protocol === "file:";

  /** The folded form the indexer compares (src/text.rs `fold`). */
  function norm(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function split(s) { return s.split(SEP).filter(Boolean); }
  function chars(s) { return Array.from(s).length; }

  // ---- Loading index scripts -------------------------------------------------------------
  var cache = {};
  function load(key, file) {
    var e = cache[key];
    if (e) return e.p;
    e = cache[key] = {};
    e.p = new Promise(function (res) { e.res = res; });
    var s = D.createElement("script");
    s.src = base + file;
    s.async = true;
    s.onerror = function () { delete cache[key]; e.res(null); s.remove(); };
    D.head.appendChild(s);
    return e.p;
  }
  function arrived(key, value) {
    var e = cache[key];
    if (e && e.res) { e.res(value); e.res = null; } else if (!e) cache[key] = { p: Promise.resolve(value) };
  }
  S.shard = function (n, terms) { arrived("s" + n, terms); };
  S.docs = function (n, rows) { arrived("d" + n, rows); };
  S.passages = function (n, pages) { arrived("p" + n, pages); };

  var meta, docs = [], passages = [];
  function metaReady() {
    if (S.meta) return Promise.resolve(S.meta);
    return new Promise(function (res) {
      var s = D.createElement("script");
      s.src = base + "meta.js";
      s.onload = s.onerror = function () { res(S.meta || null); };
      D.head.appendChild(s);
    });
  }
  /** The shard holding term `w`: the last one whose first term is not after it. */
  function shardIndex(w) {
    var a = meta.shards, lo = 0, hi = a.length - 1;
    if (hi < 0 || w < a[0]) return -1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (a[mid] <= w) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
  /** The terms of the shards that may hold word `x` (a run of shards for a prefix). */
  function shardsOf(x) {
    var from = shardIndex(x.w), to = x.pre ? Math.min(shardIndex(x.w + "\uffff"), from + PREFIX_SHARDS - 1) : from;
    var wanted = [];
    for (var n = Math.max(from, 0); n <= to; n++) wanted.push(n);
    if (from < 0 && !x.pre) wanted = [];
    return Promise.all(wanted.map(function (n) {
      return load("s" + n, "s-" + n + ".js").then(function (t) { return t || {}; });
    }));
  }
  /** Loads into `store` (by file number) the files holding documents `ids`, `size` documents
      to a file named `path<n>.js`; a file that did not load is asked for again the next time. */
  function filesFor(ids, size, key, path, store) {
    var need = {};
    ids.forEach(function (id) { var n = Math.floor(id / size); if (!store[n]) need[n] = 1; });
    return Promise.all(Object.keys(need).map(function (n) {
      return load(key + n, path + n + ".js").then(function (rows) { if (rows) store[n] = rows; });
    }));
  }
  /** What file `store` (of `size` documents each) holds for document `id`. */
  function inFile(store, size, id) {
    var rows = store[Math.floor(id / size)];
    return rows && rows[id % size];
  }
  function docsFor(ids) { return filesFor(ids, meta.chunk, "d", "d-", docs); }
  function doc(id) { return inFile(docs, meta.chunk, id); }
  /** Passage files hold meta.passages documents each (an index without them shows none). */
  function passagesFor(ids) {
    return meta.passages ? filesFor(ids, meta.passages, "p", "p/", passages) : Promise.resolve();
  }
  function passagesOf(id) { return (meta.passages && inFile(passages, meta.passages, id)) || []; }

  // ---- Query ---------------------------------------------------------------------------
  /** Words of the query: `{w: folded, pre: prefix match}`; `typed` keeps the diacritics. */
  function parse(q) {
    var folded = norm(q), toks = split(folded);
    var pre = /[\p{Alphabetic}\p{N}]$/u.test(folded);
    var words = [], seen = {};
    toks.forEach(function (w, i) {
      var p = pre && i === toks.length - 1;
      if (chars(w) > MAX_TOKEN || seen[w]) return;
      seen[w] = 1;
      // A one-letter prefix would need many shards: exact match only.
      words.push({ w: w, pre: p && chars(w) >= 2 });
    });
    var typed = split(q.normalize("NFC").toLowerCase());
    return { words: words, typed: typed, pre: pre, any: toks.length > 0 };
  }

  // Postings (src/search/index.rs `encode_doc`): numbers in 5-bit digits, the last digit of
  // each number from "0-9a-v", the others from "w-zA-Z-_"; per document: the gap from the
  // previous id, score + 16 * (positions - 1), then the gaps between positions.
  var DIGIT = new Int8Array(128).fill(-1);
  "0123456789abcdefghijklmnopqrstuv".split("").forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = i; });
  "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_".split("").forEach(function (c, i) { DIGIT[c.charCodeAt(0)] = 32 + i; });
  /** Adds the postings `text` of one term to `into` (doc id -> {s: score, p: positions}). */
  function decode(text, factor, into) {
    var i = 0, n = text.length, id = 0;
    function num() {
      var v = 0, d;
      while (i < n) {
        d = DIGIT[text.charCodeAt(i++)];
        if (d < 32) return v * 32 + d;
        v = v * 32 + d - 32;
      }
      return v;
    }
    while (i < n) {
      id += num();
      var head = num(), count = Math.floor(head / 16) + 1, s = (head % 16) * factor, p = 0, pos = new Array(count);
      for (var k = 0; k < count; k++) { p += num(); pos[k] = p; }
      var e = into.get(id);
      if (!e) into.set(id, { s: s, p: pos });
      else { if (s > e.s) e.s = s; e.p = e.p.concat(pos).sort(function (a, b) { return a - b; }); }
    }
  }

  /** The postings of word `x`: exact term, or every term it begins (the last word). */
  function postingsOf(x) {
    return shardsOf(x).then(function (shards) {
      var into = new Map();
      shards.forEach(function (terms) {
        for (var t in terms) {
          var f = t === x.w ? 1 : x.pre && t.lastIndexOf(x.w, 0) === 0 ? PREFIX : 0;
          if (f) decode(terms[t], f, into);
        }
      });
      return into;
    });
  }

  function has(sorted, v) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === v) return true;
      if (sorted[mid] < v) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }
  /** Extra score of a page for how close its query words are: the whole query as a phrase
   *  (the words in order, side by side) counts most, then each pair of neighbouring words
   *  side by side, then all of them within a few words. `ps[j]`: positions of word j. */
  function nearness(ps) {
    var k = ps.length;
    if (k < 2) return 0;
    var phrases = 0, pairs = 0, j, i;
    for (i = 0; i < ps[0].length && phrases < 5; i++) {
      for (j = 1; j < k && has(ps[j], ps[0][i] + j); j++);
      if (j === k) phrases++;
    }
    if (phrases) return 10 * k + phrases;
    for (j = 0; j + 1 < k; j++) {
      for (i = 0; i < ps[j].length; i++) if (has(ps[j + 1], ps[j][i] + 1)) { pairs++; break; }
    }
    // The smallest window holding every word: walk all positions in order.
    var at = ps.map(function () { return 0; }), span = Infinity;
    for (;;) {
      var lo = 0, hi = -Infinity, low = Infinity;
      for (j = 0; j < k; j++) {
        var v = ps[j][at[j]];
        if (v < low) { low = v; lo = j; }
        if (v > hi) hi = v;
      }
      if (hi - low < span) span = hi - low;
      if (++at[lo] >= ps[lo].length) break;
    }
    return 3 * pairs + (span < 3 * k ? 4 : span < 10 * k ? 2 : 0);
  }

  /** Scores (> 0) of the documents holding every word; null when there are no words. */
  function score(words) {
    return Promise.all(words.map(postingsOf)).then(function (maps) {
      var order = maps.map(function (m, i) { return i; }).sort(function (a, b) { return maps[a].size - maps[b].size; });
      var total = new Float32Array(meta.count);
      maps[order[0]].forEach(function (e, id) {
        var s = 0, ps = [];
        for (var j = 0; j < maps.length; j++) {
          var f = maps[j].get(id);
          if (!f) return;
          s += f.s;
          ps.push(f.p);
        }
        total[id] = s + nearness(ps);
      });
      return total;
    });
  }

  // ---- Facets --------------------------------------------------------------------------
  var sel = {}, boxes = {};
  FACETS.forEach(function (f) { sel[f] = {}; });
  function dictOf(f) { return (meta.dict && meta.dict[f]) || []; }
  // Position of each facet in meta.facets rows: [kind, sector, province, year, technique mask].
  var POS = { kind: 0, sector: 1, province: 2, year: 3, technique: 4 };
  function valueOf(f, id) { return meta.facets[id][POS[f]]; }
  /** Does document `id` pass facet `f`'s selection? */
  function passes(f, id) {
    var keys = Object.keys(sel[f]);
    if (!keys.length) return true;
    var v = valueOf(f, id);
    if (f === "technique") return keys.some(function (b) { return v & (1 << b); });
    return !!sel[f][v];
  }
  function anySelected() { return FACETS.some(function (f) { return Object.keys(sel[f]).length > 0; }); }

  var facetsShown = false;
  function buildFacets() {
    if (!aside || !facetBox) return;
    FACETS.forEach(function (f) {
      var values = dictOf(f);
      boxes[f] = [];
      if (!values.length) return;
      var fs = D.createElement("fieldset"), lg = D.createElement("legend"), ul = D.createElement("ul");
      fs.className = "facet facet-" + f;
      lg.textContent = str[f] || f;
      fs.appendChild(lg);
      fs.appendChild(ul);
      var order = values.map(function (v, i) { return i; });
      if (f === "year") order.reverse();
      order.forEach(function (i) {
        var v = values[i], li = D.createElement("li"), lb = D.createElement("label");
        var cb = D.createElement("input"), name = D.createElement("span"), count = D.createElement("span");
        cb.type = "checkbox";
        cb.name = f;
        cb.value = v;
        cb.checked = !!sel[f][i];
        cb.addEventListener("change", function () {
          if (cb.checked) sel[f][i] = 1; else delete sel[f][i];
          run(true);
        });
        name.textContent = f === "kind" ? str.kinds[v] || v : f === "technique" ? (meta.dict.techniqueLabel || [])[i] || v : v;
        count.className = "count";
        lb.appendChild(cb);
        lb.appendChild(name);
        lb.appendChild(D.createTextNode(" "));
        lb.appendChild(count);
        li.appendChild(lb);
        ul.appendChild(li);
        boxes[f][i] = { li: li, cb: cb, count: count };
      });
      boxes[f].fs = fs;
      facetBox.appendChild(fs);
      facetsShown = true;
    });
    // On a phone the filters fold above the results; on a wide screen they stay open.
    var wide = W.matchMedia && W.matchMedia("(min-width: 48rem)");
    var details = aside.querySelector("details");
    if (details && wide) {
      details.open = wide.matches;
      if (wide.addEventListener) wide.addEventListener("change", function () { details.open = wide.matches; });
    }
  }

  /** Counts of each facet value over `matches`, with the other facets applied. */
  function updateFacets(matches) {
    if (!aside || !facetBox) return;
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = {}; });
    matches.forEach(function (id) {
      var failed = [];
      FACETS.forEach(function (f) { if (!passes(f, id)) failed.push(f); });
      if (failed.length > 1) return;
      FACETS.forEach(function (f) {
        if (failed.length && failed[0] !== f) return;
        var v = valueOf(f, id), c = counts[f];
        if (f === "technique") {
          for (var b = 0; b < 32 && v >>> b; b++) if (v & (1 << b)) c[b] = (c[b] || 0) + 1;
        } else if (v >= 0) c[v] = (c[v] || 0) + 1;
      });
    });
    FACETS.forEach(function (f) {
      var any = false;
      (boxes[f] || []).forEach(function (b, i) {
        if (!b) return;
        var n = counts[f][i] || 0;
        b.count.textContent = n.toLocaleString(meta.lang);
        b.cb.checked = !!sel[f][i];
        b.li.hidden = !n && !b.cb.checked;
        any = any || !b.li.hidden;
      });
      if (boxes[f] && boxes[f].fs) boxes[f].fs.hidden = !any;
    });
  }

  // ---- URL state -----------------------------------------------------------------------
  function readUrl() {
    var p = new URLSearchParams(location.search);
    input.value = p.get("q") || "";
    FACETS.forEach(function (f) {
      var keys = dictOf(f);
      p.getAll(f).forEach(function (v) {
        var i = keys.indexOf(v);
        if (i >= 0) sel[f][i] = 1;
      });
    });
  }
  function writeUrl() {
    var parts = [], q = input.value.trim();
    if (q) parts.push("q=" + encodeURIComponent(q));
    FACETS.forEach(function (f) {
      Object.keys(sel[f]).sort(function (a, b) { return a - b; }).forEach(function (i) {
        parts.push(f + "=" + encodeURIComponent(dictOf(f)[i]));
      });
    });
    var search = parts.length ? "?" + parts.join("&") : "";
    if (search === location.search) return;
    try { history.replaceState(history.state, "", location.pathname + search + location.hash); } catch (e) { /* file:// */ }
  }

  // ---- Results -------------------------------------------------------------------------
  var results = [], shownCount = 0, query = null, seq = 0, moreBtn = null, loadingTimer = 0;

  function setStatus(text) { statusEl.textContent = text; }
  function countText(n) {
    var t = n === 1 && str.one ? str.one : str.results || "{count}";
    return t.replace("{count}", n.toLocaleString(meta.lang));
  }
  function href(path, anchor) {
    var u = root + path;
    u = fromFile && (u === "" || /\/$/.test(u)) ? u + "index.html" : u;
    return anchor ? u + "#" + encodeURIComponent(anchor) : u;
  }
  /** Does folded word `f` match the query (exact words, or the last word as a prefix)? */
  function hit(f) {
    return query.words.some(function (x) { return x.w === f || (x.pre && f.lastIndexOf(x.w, 0) === 0); });
  }
  /** Which query word folded word `f` matches, or -1. */
  function which(f) {
    for (var i = 0; i < query.words.length; i++) {
      var x = query.words[i];
      if (x.w === f || (x.pre && f.lastIndexOf(x.w, 0) === 0)) return i;
    }
    return -1;
  }
  /** Text with the query's words in <mark>, built node by node (never innerHTML). */
  function marked(el, text) {
    text.split(WORDS).forEach(function (part, i) {
      if (!part) return;
      if (i % 2 && hit(norm(part))) {
        var m = D.createElement("mark");
        m.textContent = part;
        el.appendChild(m);
      } else el.appendChild(D.createTextNode(part));
    });
    return el;
  }
  /** The passage of a page that best shows the query: the window of WINDOW words holding the
   *  most different query words, then the most of them side by side, then the most hits.
   *  `blocks`: [[heading anchor, text], ...]. Returns {anchor, heading, text, cut}. */
  function bestPassage(blocks) {
    var best = null;
    blocks.forEach(function (b) {
      var parts = b[1].split(WORDS), toks = [];
      for (var i = 1; i < parts.length; i += 2) toks.push({ at: i, q: which(norm(parts[i])) });
      toks.forEach(function (t, start) {
        if (t.q < 0 || (start && toks[start - 1].q >= 0)) return;
        var from = Math.max(0, start - 6), to = Math.min(toks.length, from + WINDOW);
        var seen = {}, distinct = 0, adjacent = 0, hits = 0;
        for (var j = from; j < to; j++) {
          var q = toks[j].q;
          if (q < 0) continue;
          hits++;
          if (!seen[q]) { seen[q] = 1; distinct++; }
          if (j > from && toks[j - 1].q === q - 1) adjacent++;
        }
        var value = distinct * 1000 + adjacent * 50 + hits;
        if (!best || value > best.value) best = { value: value, b: b, parts: parts, toks: toks, from: from, to: to };
      });
    });
    if (!best) return null;
    var first = best.toks[best.from].at, last = best.toks[best.to - 1].at;
    var text = best.parts.slice(first, last + 1).join("").replace(/\s*\n\s*/g, " · ");
    var heading = best.b[0] ? best.b[1].split("\n")[0] : "";
    return { anchor: best.b[0], heading: heading, text: text, before: best.from > 0, after: best.to < best.toks.length };
  }
  function item(id) {
    var d = doc(id), li = D.createElement("li");
    if (!d) return li;
    var h = D.createElement("h3"), a = D.createElement("a"), m = D.createElement("p");
    h.className = "result-title";
    a.href = href(d[1]);
    a.textContent = d[0];
    h.appendChild(a);
    m.className = "result-meta";
    var badge = D.createElement("span");
    badge.className = "badge result-kind kind-" + d[2];
    badge.textContent = str.kinds[d[2]] || d[2];
    m.appendChild(badge);
    if (d[3]) {
      var date = D.createElement("span");
      date.className = "result-date";
      date.textContent = d[3];
      m.appendChild(D.createTextNode(" "));
      m.appendChild(date);
    }
    li.appendChild(h);
    li.appendChild(m);
    var found = query.words.length ? bestPassage(passagesOf(id)) : null;
    var p = D.createElement("p");
    p.className = "result-snippet";
    if (found) {
      marked(p, (found.before ? "… " : "") + found.text + (found.after ? " …" : ""));
      li.appendChild(p);
      if (found.anchor) {
        var s = D.createElement("p"), link = D.createElement("a");
        s.className = "result-section";
        link.href = href(d[1], found.anchor);
        link.textContent = found.heading;
        s.appendChild(D.createTextNode((str.section || "") + " "));
        s.appendChild(link);
        li.appendChild(s);
      }
    } else if (d[4]) li.appendChild(marked(p, d[4]));
    return li;
  }
  function showMore(focus, reset) {
    var my = seq, next = results.slice(shownCount, shownCount + PAGE);
    var wantPassages = query && query.words.length ? passagesFor(next) : Promise.resolve();
    return Promise.all([docsFor(next), wantPassages]).then(function () {
      if (my !== seq) return;
      if (reset) list.textContent = "";
      var first = null;
      next.forEach(function (id) {
        var li = item(id);
        first = first || li;
        list.appendChild(li);
      });
      shownCount += next.length;
      moreButton();
      var a = focus && first && first.querySelector("a");
      if (a) a.focus();
    });
  }
  function moreButton() {
    var left = results.length - shownCount;
    if (left > 0 && !moreBtn) {
      var p = D.createElement("p");
      p.className = "search-more";
      moreBtn = D.createElement("button");
      moreBtn.type = "button";
      moreBtn.className = "button";
      moreBtn.addEventListener("click", function () { showMore(true); });
      p.appendChild(moreBtn);
      list.parentNode.insertBefore(p, list.nextSibling);
    }
    if (moreBtn) {
      moreBtn.textContent = (str.more || "{count}").replace("{count}", Math.min(left, PAGE).toLocaleString(meta.lang));
      moreBtn.parentNode.hidden = left <= 0;
    }
  }
  /** The state with no result: a message, and a button that clears the filters if any. */
  function emptyState(show, filtered) {
    if (!emptyEl) return;
    emptyEl.hidden = !show;
    emptyEl.textContent = "";
    if (!show) return;
    var p = D.createElement("p");
    p.textContent = filtered ? str.noneFiltered || str.none : str.none;
    emptyEl.appendChild(p);
    if (filtered) {
      var b = D.createElement("button");
      b.type = "button";
      b.className = "button";
      b.textContent = str.clear || "×";
      b.addEventListener("click", function () {
        FACETS.forEach(function (f) { sel[f] = {}; });
        run(true).then(function () { input.focus(); });
      });
      emptyEl.appendChild(b);
    }
  }

  /** Runs the query of the input and the checked facets; `url` also updates the address. */
  function run(url) {
    var my = ++seq;
    clearTimeout(loadingTimer);
    loadingTimer = setTimeout(function () { if (my === seq) setStatus(str.loading || ""); }, 300);
    if (url) writeUrl();
    var q = parse(input.value);
    var filtered = anySelected();
    var scoring = q.words.length ? score(q.words) : Promise.resolve(null);
    return scoring.then(function (total) {
      if (my !== seq) return;
      var matches = [], n = meta.count, id;
      for (id = 0; id < n; id++) if (!total || total[id] > 0) matches.push(id);
      if (!q.any && !filtered) matches = [];
      updateFacets(matches);
      var ranked = matches.filter(function (id) {
        return FACETS.every(function (f) { return passes(f, id); });
      });
      var sc = total ? function (id) { return total[id]; } : function () { return 0; };
      ranked.sort(function (a, b) { return sc(b) - sc(a) || a - b; });
      var top = total ? ranked.slice(0, BOOST_TOP) : [];
      return docsFor(top).then(function () {
        if (my !== seq) return;
        var boost = {};
        top.forEach(function (id) { boost[id] = sc(id) + diacriticBoost(doc(id), q); });
        top.sort(function (a, b) { return boost[b] - boost[a] || a - b; });
        results = top.concat(ranked.slice(top.length));
        query = q;
        shownCount = 0;
        S.results = results;
        return showMore(false, true).then(function () {
          if (my !== seq) return;
          clearTimeout(loadingTimer);
          var asked = q.any || filtered;
          // Filters are offered once there are results to narrow down (and stay while any is set).
          if (aside) aside.hidden = !facetsShown || !(results.length || filtered) || !asked;
          emptyState(asked && !results.length, filtered);
          setStatus(!asked ? "" : results.length ? countText(results.length) : str.none || "");
        });
      });
    });
  }

  /** +3 per typed word (with its diacritics) in the title, +1 per word in the summary. */
  function diacriticBoost(d, q) {
    if (!d) return 0;
    var title = split(d[0].normalize("NFC").toLowerCase()), sum = split(d[4].normalize("NFC").toLowerCase());
    var last = q.typed.length - 1, b = 0;
    q.typed.forEach(function (w, i) {
      var has = function (t) { return t === w || (q.pre && i === last && t.lastIndexOf(w, 0) === 0); };
      if (title.some(has)) b += 3;
      if (sum.some(has)) b += 1;
    });
    return b;
  }

  // ---- Events --------------------------------------------------------------------------
  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 150);
  });
  if (form) form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    run(true);
  });
  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
  input.addEventListener("keydown", function (e) {
    var a = links();
    if (e.key === "ArrowDown" && a.length) {
      e.preventDefault();
      a[0].focus();
    } else if (e.key === "Escape" && input.value) {
      // Esc clears the query and its results.
      e.preventDefault();
      input.value = "";
      clearTimeout(timer);
      run(true);
    }
  });
  list.addEventListener("keydown", function (e) {
    var a = links(), i = a.indexOf(D.activeElement);
    if (e.key === "Escape") {
      e.preventDefault();
      input.focus();
    } else if (i >= 0 && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      var to = e.key === "ArrowDown" ? a[i + 1] : i ? a[i - 1] : input;
      if (to) to.focus();
    }
  });

  metaReady().then(function (m) {
    if (!m) { setStatus(str.none || ""); return; }
    meta = m;
    meta.dict = meta.dict || {};
    meta.shards = meta.shards || [];
    readUrl();
    buildFacets();
    run(false);
  });
})();
