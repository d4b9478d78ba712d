/* The site's one script on every page, synchronous in <head> (theme/partials/javascripts/base.html):
   parts 1 and 2 run before the page is first drawn; parts 3 to 5 wait for the page
   (DOMContentLoaded). One file, not two: a second request costs a phone on a slow
   network more than the 0.7 KiB (gzip) that parts 3 to 5 add to the script the first
   paint waits for. A file, not an inline script: the Content-Security-Policy allows none.
   What only one page kind uses has its own file, loaded by that kind's template. */

/*! Material for MkDocs 9.8.2, copyright (c) 2016-2025 Martin Donath, MIT licence */
/* 1. Material for MkDocs 9.8.2 (MIT licence, the notice above), templates/partials/javascripts/base.html:
   Material's first inline script, which defines __md_scope, __md_get and __md_set for
   the scripts after it. Only the scope differs: Material writes base_url into the
   script; here the <script> element passes it in its data-md-scope attribute.
   The code is Material's; copy it again when Material is upgraded. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

/* 2. The reading modes (larger text, high contrast):
   - the reading mode chosen on an earlier page is applied, so the page never flashes
     in the wrong size or colours;
   - "ml-js" on <html> tells the stylesheet that scripts run, so the parts that need a
     script (the reading-mode switches, the directory filters) are drawn with the page
     from the start, instead of being shown by a script later and pushing it down. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("ml-js");
  try {
    if (localStorage.getItem("yinglie.text") === "large") root.setAttribute("data-ml-text", "large");
    if (localStorage.getItem("yinglie.contrast") === "high") root.setAttribute("data-ml-contrast", "high");
  } catch (error) { /* storage blocked: the default mode */ }
})();

/* 3. Reading modes for older visitors: larger text and high contrast.
   Each switch is a toggle button; the choice is stored in localStorage, so it
   holds on every page of the site and offline. Part 2 applies it before the
   page is drawn, and the stylesheet draws the switches and their pressed
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

/* 4. Fixes to Material's own markup that keyboard and screen-reader users need.
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

/* 5. Record search (record-search.js, which reads data/search-records.json) is loaded
   when the visitor first turns to the search box: its first focus or input, or a query
   already in it (kept by the browser, or put there by the 404 page's form). A visitor
   who never searches loads none of it. record-search.js picks up what was typed while
   it loaded. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var requested = false;

  function add(name) {
    var script = document.createElement("script");
    script.src = new URL(name, here).href;  // beside this file, under any sub-path, on file:// too
    document.head.appendChild(script);
  }

  function loadRecordSearch() {
    if (requested) return;
    requested = true;
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
