/* Content tabs: panels written one after the other (each headed by its label, readable without
   JavaScript and printed whole) become a tab bar. WAI-ARIA tabs: arrow keys, Home and End move
   between tabs; Tab leaves the bar for the open panel. No dependencies. */
(function () {
  "use strict";
  var count = 0;
  function group(first) {
    var panels = [first];
    var next = first.nextElementSibling;
    while (next && next.classList.contains("tab-panel")) {
      panels.push(next);
      next = next.nextElementSibling;
    }
    return panels;
  }
  function build(panels) {
    var bar = document.createElement("div");
    bar.className = "tab-bar";
    bar.setAttribute("role", "tablist");
    var tabs = panels.map(function (panel) {
      var n = ++count;
      var label = panel.querySelector(".tab-label");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "tab";
      tab.id = "tab-" + n;
      tab.setAttribute("role", "tab");
      tab.textContent = label ? label.textContent : String(n);
      if (label) label.hidden = true;
      panel.id = panel.id || "tab-panel-" + n;
      tab.setAttribute("aria-controls", panel.id);
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      panel.tabIndex = 0;
      bar.appendChild(tab);
      return tab;
    });
    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        panels[i].hidden = !on;
      });
      if (focus) tabs[index].focus();
    }
    bar.addEventListener("click", function (e) {
      var i = tabs.indexOf(e.target.closest ? e.target.closest("[role=tab]") : e.target);
      if (i >= 0) select(i, false);
    });
    bar.addEventListener("keydown", function (e) {
      var i = tabs.indexOf(document.activeElement);
      if (i < 0) return;
      var last = tabs.length - 1;
      var to = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      select(to, true);
    });
    panels[0].parentNode.insertBefore(bar, panels[0]);
    select(0, false);
  }
  var all = document.querySelectorAll(".tab-panel");
  Array.prototype.forEach.call(all, function (panel) {
    var prev = panel.previousElementSibling;
    if (prev && prev.classList.contains("tab-panel")) return;
    build(group(panel));
  });
  document.documentElement.classList.add("has-tabs");
})();
