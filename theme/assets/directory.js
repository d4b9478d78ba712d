/* Directory filters: by period and native place, in the browser, no server.
   Without JavaScript the form is not drawn (memorial.css draws it only under the
   "ml-js" class set in <head>) and the full list shows.
   On a large roll's index page (no list, no form) it does nothing. */
(function () {
  "use strict";
  function setUp() {
    var form = document.querySelector("[data-directory-filters]");
    var list = document.querySelector("[data-directory]");
    if (!form || !list) return;
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    // A group (a stroke count, an initial) with no name left hides its heading too.
    var groups = Array.prototype.slice.call(list.querySelectorAll("[data-directory-group]"));
    var count = form.querySelector("[data-directory-count]");
    var empty = document.querySelector("[data-directory-empty]");
    function apply() {
      var period = form.elements.period.value;
      var place = form.elements.native_place.value;
      var shown = 0;
      items.forEach(function (item) {
        var match = (!period || item.getAttribute("data-period") === period) &&
                    (!place || item.getAttribute("data-native-place") === place);
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      count.textContent = "显示 " + shown + " / " + items.length + " 位";
      if (empty) empty.hidden = shown !== 0;
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
