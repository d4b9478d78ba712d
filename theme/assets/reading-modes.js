/* Reading modes for older visitors: larger text and high contrast.
   Each switch is a toggle button; the choice is stored in localStorage, so it
   holds on every page of the site and offline. The <head> applies it before the
   page is drawn (reading-modes-head.js), and the stylesheet draws the switches and
   their pressed state from that, so nothing moves when this file runs: it only wires
   the buttons and tells screen readers their state (aria-pressed). */
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
