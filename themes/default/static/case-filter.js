// The case-study list with JavaScript: the filter and sort form narrows and orders the cards
// of the page at once, says how many are shown (a live region) and keeps its state in the URL
// query (?sectors=det-may&year=2024&sort=gain), so a filtered list can be shared and comes
// back as it was. Without JavaScript the form stays hidden and the term links do the work.
(function () {
  "use strict";
  var form = document.querySelector("[data-case-filter]");
  var grid = document.querySelector("[data-cards]");
  var count = document.querySelector("[data-filter-count]");
  if (!form || !count) return;
  var cards = grid ? Array.prototype.slice.call(grid.children) : [];
  var fields = ["sectors", "provinces", "techniques", "year", "sort"];

  // Years come from the cards themselves, newest first.
  var years = {};
  cards.forEach(function (c) { if (c.dataset.year) years[c.dataset.year] = true; });
  var yearSelect = form.querySelector("[data-years]");
  Object.keys(years).sort().reverse().forEach(function (y) {
    var o = document.createElement("option");
    o.value = y;
    o.textContent = y;
    yearSelect.appendChild(o);
  });

  function number(card, key, missing) {
    var v = parseFloat(card.dataset[key]);
    return isNaN(v) ? missing : v;
  }
  var orders = {
    gain: function (a, b) { return number(b, "gain", -Infinity) - number(a, "gain", -Infinity); },
    payback: function (a, b) { return number(a, "payback", Infinity) - number(b, "payback", Infinity); },
  };

  function matches(card, state) {
    return ["sectors", "provinces", "techniques"].every(function (k) {
      return !state[k] || (card.dataset[k] || "").split(" ").indexOf(state[k]) >= 0;
    }) && (!state.year || card.dataset.year === state.year);
  }

  function read() {
    var state = {};
    fields.forEach(function (k) {
      var el = form.elements[k];
      state[k] = el ? el.value : "";
    });
    return state;
  }

  function apply(state) {
    var shown = 0;
    cards.forEach(function (c) {
      c.hidden = !matches(c, state);
      if (!c.hidden) shown++;
    });
    // Stable sorts: equal cards keep the list's own order (newest first).
    var order = cards.slice();
    if (orders[state.sort]) order.sort(orders[state.sort]);
    order.forEach(function (c) { grid.appendChild(c); });
    count.textContent = shown === 0 ? count.dataset.none
      : count.dataset.text.replace("{shown}", shown).replace("{total}", cards.length);
  }

  function save(state) {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (k) {
      if (state[k]) params.set(k, state[k]); else params.delete(k);
    });
    var query = params.toString();
    try {
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (e) { /* some file:// pages refuse; the filters still work */ }
  }

  // The state a shared link carries; values the form does not offer are ignored.
  var params = new URLSearchParams(window.location.search);
  fields.forEach(function (k) {
    var el = form.elements[k];
    var v = params.get(k);
    if (el && v && Array.prototype.some.call(el.options, function (o) { return o.value === v; })) el.value = v;
  });

  form.hidden = false;
  var terms = document.querySelector("[data-browse-terms]");
  if (terms && !terms.hasAttribute("data-keep")) terms.hidden = true;
  form.addEventListener("change", function () {
    var state = read();
    apply(state);
    save(state);
  });
  form.addEventListener("reset", function () {
    // After the browser has put every field back to its default.
    setTimeout(function () {
      var state = read();
      apply(state);
      save(state);
    }, 0);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply(read());
})();
