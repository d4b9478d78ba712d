/* Plaque sheets: the print button. It shows only once this runs (without
   JavaScript the browser's own print command still works), and it is wired here,
   not by an onclick attribute: the Content-Security-Policy runs no inline handler. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.hidden = false;
  });
})();
