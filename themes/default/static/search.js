/* Offline search of the search page. The index (search/<lang>/) is a set of scripts written by
   src/search/index.rs and loaded with <script> tags, never fetch, so that search also works from
   file://. meta.js comes first (a script tag of the page); term shards (s-<key>.js) and document
   chunks (d-<n>.js) are loaded on demand and call SachhonSearch.shard / SachhonSearch.docs. */
(function () {
  "use strict";
  var W = window, D = document;
  var S = W.SachhonSearch = W.SachhonSearch || { q: [] };
  var metaEl = D.getElementById("search-meta");
  var input = D.getElementById("q");
  var statusEl = D.getElementById("search-status");
  var list = D.getElementById("search-results");
  var aside = D.getElementById("facets");
  if (!metaEl || !input || !statusEl || !list) return;
  var form = input.form;

  var FACETS = ["kind", "sector", "province", "technique", "year"];
  var PAGE = 20, BOOST_TOP = 20, MAX_TOKEN = 24, PREFIX = 0.7;
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
  S.shard = function (key, terms) { arrived("s" + key, terms); };
  S.docs = function (n, rows) { arrived("d" + n, rows); };

  var meta, shardSet, stopSet, partialSet, docs = [];
  function metaReady() {
    if (S.meta) return Promise.resolve(S.meta);
    return new Promise(function (res) {
      var s = D.createElement("script");
      s.src = base + "meta.js";
      s.onload = s.onerror = function () { res(S.meta || null); };
      D.head.appendChild(s);
    });
  }
  function shardOf(word) {
    var key = Array.from(word).slice(0, meta.shardLen).join("");
    if (!shardSet[key]) return Promise.resolve({});
    return load("s" + key, "s-" + key + ".js").then(function (t) { return t || {}; });
  }
  function docsFor(ids) {
    var need = {};
    ids.forEach(function (id) { need[Math.floor(id / meta.chunk)] = 1; });
    return Promise.all(Object.keys(need).map(function (n) {
      return docs[n] ? 0 : load("d" + n, "d-" + n + ".js").then(function (rows) { if (rows) docs[n] = rows; });
    }));
  }
  function doc(id) {
    var rows = docs[Math.floor(id / meta.chunk)];
    return rows && rows[id % meta.chunk];
  }

  // ---- Query ---------------------------------------------------------------------------
  /** Words of the query: `{w: folded, pre: prefix match}`; `typed` keeps the diacritics. */
  function parse(q) {
    var folded = norm(q), toks = split(folded);
    var pre = /[\p{Alphabetic}\p{N}]$/u.test(folded);
    var words = [], seen = {};
    toks.forEach(function (w, i) {
      var p = pre && i === toks.length - 1;
      if (chars(w) > MAX_TOKEN || stopSet[w] || seen[w + p]) return;
      seen[w + p] = 1;
      // A word shorter than a shard key would need many shards: exact match only.
      words.push({ w: w, pre: p && chars(w) >= meta.shardLen });
    });
    var typed = split(q.normalize("NFC").toLowerCase());
    return { words: words, typed: typed, pre: pre, any: toks.length > 0 };
  }

  /** Scores per document (0 = no match) of all words, AND-ed; null when there are no words.
   *  Very common words are indexed only where they matter (titles, summaries, headings): they
   *  add to the score but are not required, unless the query has nothing else. */
  function score(words) {
    return Promise.all(words.map(function (x) { return shardOf(x.w); })).then(function (shards) {
      var n = meta.count, total = null, extra = [];
      var required = words.filter(function (x) { return !partialSet[x.w]; });
      var strict = required.length === 0;
      words.forEach(function (x, i) {
        var sc = new Float32Array(n), terms = shards[i];
        for (var t in terms) {
          var f = t === x.w ? 1 : x.pre && t.lastIndexOf(x.w, 0) === 0 ? PREFIX : 0;
          if (!f) continue;
          var id = 0;
          terms[t].split(",").forEach(function (p) {
            id += parseInt(p.slice(1), 36);
            var s = +p[0] * f;
            if (s > sc[id]) sc[id] = s;
          });
        }
        if (!strict && partialSet[x.w]) { extra.push(sc); return; }
        if (!total) total = sc;
        else for (var d = 0; d < n; d++) total[d] = total[d] && sc[d] ? total[d] + sc[d] : 0;
      });
      extra.forEach(function (sc) {
        for (var d = 0; d < n; d++) if (total[d]) total[d] += sc[d];
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

  function buildFacets() {
    if (!aside) return;
    var shown = false;
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
      aside.appendChild(fs);
      shown = true;
    });
    aside.hidden = !shown;
  }

  /** Counts of each facet value over `matches`, with the other facets applied. */
  function updateFacets(matches) {
    if (!aside) return;
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
  function href(path) {
    var u = root + path;
    return fromFile && (u === "" || /\/$/.test(u)) ? u + "index.html" : u;
  }
  /** Does folded word `f` match the query (exact words, or the last word as a prefix)? */
  function hit(f) {
    return query.words.some(function (x) { return x.w === f || (x.pre && f.lastIndexOf(x.w, 0) === 0); });
  }
  function snippet(text) {
    var p = D.createElement("p");
    p.className = "result-snippet";
    text.split(WORDS).forEach(function (part, i) {
      if (!part) return;
      if (i % 2 && hit(norm(part))) {
        var m = D.createElement("mark");
        m.textContent = part;
        p.appendChild(m);
      } else p.appendChild(D.createTextNode(part));
    });
    return p;
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
    m.textContent = [str.kinds[d[2]] || d[2], d[3]].filter(Boolean).join(" · ");
    li.appendChild(h);
    li.appendChild(m);
    if (d[4]) li.appendChild(snippet(d[4]));
    return li;
  }
  function showMore(focus, reset) {
    var my = seq, next = results.slice(shownCount, shownCount + PAGE);
    return docsFor(next).then(function () {
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
      moreBtn.textContent = str.more || (meta.lang === "vi" ? "Xem thêm" : "More results");
      moreBtn.parentNode.hidden = left <= 0;
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
      updateFacets(matches);
      if (!q.any && !filtered) matches = [];
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
        return showMore(false, true).then(function () {
          if (my !== seq) return;
          clearTimeout(loadingTimer);
          setStatus(!q.any && !filtered ? "" : results.length ? countText(results.length) : str.none || "");
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
    shardSet = {};
    (meta.shards || []).forEach(function (k) { shardSet[k] = 1; });
    stopSet = {};
    (meta.stop || []).forEach(function (w) { stopSet[w] = 1; });
    partialSet = {};
    (meta.partial || []).forEach(function (w) { partialSet[w] = 1; });
    readUrl();
    buildFacets();
    run(false);
  });
})();
