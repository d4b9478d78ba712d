/* Loaded synchronously in <head> (partials/accessibility-head.html), so it runs before
   the page is first drawn:
   - the reading mode chosen on an earlier page is applied, so the page never flashes
     in the wrong size or colours;
   - "ml-js" on <html> tells the stylesheet that scripts run, so the parts that need a
     script (the reading-mode switches, the directory filters) are drawn with the page
     from the start, instead of being shown by a script later and pushing it down.
   A file, not an inline script: the Content-Security-Policy allows none. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("ml-js");
  try {
    if (localStorage.getItem("yinglie.text") === "large") root.setAttribute("data-ml-text", "large");
    if (localStorage.getItem("yinglie.contrast") === "high") root.setAttribute("data-ml-contrast", "high");
  } catch (error) { /* storage blocked: the default mode */ }
})();
