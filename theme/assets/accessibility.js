/* Fixes to Material's own markup that keyboard and screen-reader users need.
   Each is skipped when Material already does the right thing. */
(function () {
  "use strict";
  function setUp() {
    // The search panel is a dialog without a name; screen readers need one.
    var search = document.querySelector(".md-search[role=dialog]:not([aria-label])");
    if (search) search.setAttribute("aria-label", "搜索");
    // The results pane is a Tab stop of its own, and on phones the panel folds
    // away as it takes the focus, so the focus vanishes. The results are links,
    // reachable with Tab and the arrow keys without it.
    var results = document.querySelector(".md-search__scrollwrap[tabindex='0']");
    if (results) results.setAttribute("tabindex", "-1");
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
