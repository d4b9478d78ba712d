/* The 404 page's search form: its words go into the site's search box (Material's,
   which record-search.js extends with the records), and the search opens. Without
   this script the form opens the directory. */
(function () {
  "use strict";
  function setUp() {
    var form = document.querySelector("[data-not-found-search]");
    var box = document.querySelector("[data-md-component=search-query]");
    var toggle = document.getElementById("__search");
    if (!form || !box) return;
    form.addEventListener("submit", function (event) {
      var query = form.querySelector("[data-not-found-query]").value.trim();
      if (!query) return;  // an empty search: the directory is the best answer
      event.preventDefault();
      if (toggle && !toggle.checked) {
        toggle.checked = true;
        toggle.dispatchEvent(new Event("change"));
      }
      box.value = query;
      box.focus();
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
