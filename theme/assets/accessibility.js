/* Fixes to Material's own markup that keyboard and screen-reader users need.
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
