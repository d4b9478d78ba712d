/* The reading mode chosen on an earlier page, applied from <head> before the page
   is drawn, so that it never flashes in the wrong size or colours. Loaded
   synchronously by partials/accessibility-head.html; reading-modes.js wires the
   switches. A file, not an inline script: the Content-Security-Policy allows none. */
(function () {
  "use strict";
  try {
    if (localStorage.getItem("yinglie.text") === "large") document.documentElement.setAttribute("data-ml-text", "large");
    if (localStorage.getItem("yinglie.contrast") === "high") document.documentElement.setAttribute("data-ml-contrast", "high");
  } catch (error) { /* storage blocked: the default mode */ }
})();
