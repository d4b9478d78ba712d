/* The deferred script of every page: one file, not several, since each request costs
   a phone on a slow network more than the bytes. Each part stands alone.
   What only one page kind uses has its own file, loaded by that kind's template. */

/* 1. Reading modes for older visitors: larger text and high contrast.
   Each switch is a toggle button; the choice is stored in localStorage, so it
   holds on every page of the site and offline. The <head> applies it before the
   page is drawn (head.js), and the stylesheet draws the switches and their pressed
   state from that, so nothing moves when this runs: it only wires the buttons and
   tells screen readers their state (aria-pressed). */
(function () {
  "use strict";
  var MODES = {
    text: { attribute: "data-ml-text", value: "large", key: "yinglie.text" },
    contrast: { attribute: "data-ml-contrast", value: "high", key: "yinglie.contrast" }
  };
  var root = document.documentElement;

  function isOn(mode) {
    return root.getAttribute(mode.attribute) === mode.value;
  }

  function set(mode, on) {
    if (on) root.setAttribute(mode.attribute, mode.value);
    else root.removeAttribute(mode.attribute);
    try {
      if (on) localStorage.setItem(mode.key, mode.value);
      else localStorage.removeItem(mode.key);
    } catch (error) { /* storage blocked: the mode lasts for this page only */ }
  }

  function setUp() {
    var bar = document.querySelector("[data-reading-modes]");
    if (!bar) return;
    Array.prototype.forEach.call(bar.querySelectorAll("[data-reading-mode]"), function (button) {
      var mode = MODES[button.getAttribute("data-reading-mode")];
      button.setAttribute("aria-pressed", String(isOn(mode)));
      button.addEventListener("click", function () {
        var on = !isOn(mode);
        set(mode, on);
        button.setAttribute("aria-pressed", String(on));
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* 2. Fixes to Material's own markup that keyboard and screen-reader users need.
   Each is skipped when Material already does the right thing. */
(function () {
  "use strict";
  function setUp() {
    // The search panel is a dialog without a name; screen readers need one.
    var search = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (search) search.setAttribute("aria-label", "搜索");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

/* 3. Record search (record-search.js, and site-data.js, through which it reads
   data/search-records.json) is loaded when the visitor first turns to the search box:
   its first focus or input, or a query already in it (kept by the browser, or put
   there by the 404 page's form). A visitor who never searches loads neither. Both are
   added in order; record-search.js picks up what was typed while they loaded. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var requested = false;

  function add(name) {
    var script = document.createElement("script");
    script.src = new URL(name, here).href;  // beside this file, under any sub-path, on file:// too
    script.async = false;                   // run in the order added
    document.head.appendChild(script);
  }

  function loadRecordSearch() {
    if (requested) return;
    requested = true;
    if (!window.yinglieData) add("site-data.js");  // a page that reads data already has it
    add("record-search.js");
  }

  function setUp() {
    var input = document.querySelector("[data-md-component=search-query]");
    if (!input) return;
    if (input.value) { loadRecordSearch(); return; }
    input.addEventListener("focus", loadRecordSearch);
    input.addEventListener("input", loadRecordSearch);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
