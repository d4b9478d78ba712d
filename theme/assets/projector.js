/* The projector view: one part per screen. Forward: → ↓ PageDown space Enter (a
   presentation clicker sends PageDown); back: ← ↑ PageUp Backspace; Home, End; F or
   the button: full screen. The stage is the address' fragment (#xiaoxue, #chuzhong,
   #gaozhong; none: the first). A self-hosted file: the Content-Security-Policy runs
   no inline script. */
(function () {
  "use strict";
  var all = Array.prototype.slice.call(document.querySelectorAll(".pj-part"));
  var stageLinks = Array.prototype.slice.call(document.querySelectorAll(".projector__bar a[href^='#']"));
  var stages = stageLinks.map(function (link) { return link.getAttribute("href").slice(1); });
  var count = document.querySelector("[data-count]");
  var stage = null, parts = [], index = 0;
  if (!all.length || !stages.length) { return; }

  function show(next) {
    index = Math.max(0, Math.min(parts.length - 1, next));
    parts.forEach(function (part, i) { part.classList.toggle("is-current", i === index); });
    if (count) { count.textContent = (index + 1) + " / " + parts.length; }
  }

  // A part without data-stages (a theme's opening) belongs to every stage.
  function chooseStage() {
    var wanted = decodeURIComponent(location.hash.slice(1));
    var found = stages.indexOf(wanted) >= 0 ? wanted : stages[0];
    if (found === stage) { return; }
    stage = found;
    document.body.setAttribute("data-stage", found);
    stageLinks.forEach(function (link) {
      if (link.getAttribute("href") === "#" + found) { link.setAttribute("aria-current", "true"); }
      else { link.removeAttribute("aria-current"); }
    });
    parts = all.filter(function (part) {
      var served = part.getAttribute("data-stages");
      return served === null || served.split(" ").indexOf(found) >= 0;
    });
    all.forEach(function (part) { part.classList.remove("is-current"); });
    show(0);
  }

  var forward = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar", "Enter"];
  var back = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.target.closest && event.target.closest("a, button")) {
      if (event.key === "Enter" || event.key === " ") { return; }  // let a link or button do its own
    }
    if (forward.indexOf(event.key) >= 0) { show(index + 1); }
    else if (back.indexOf(event.key) >= 0) { show(index - 1); }
    else if (event.key === "Home") { show(0); }
    else if (event.key === "End") { show(parts.length - 1); }
    else if (event.key === "f" || event.key === "F") { fullscreen(); }
    else { return; }
    event.preventDefault();
  });

  function fullscreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  }
  var button = document.querySelector("[data-fullscreen]");
  if (button && document.documentElement.requestFullscreen) {
    button.hidden = false;
    button.addEventListener("click", fullscreen);
  }

  document.body.classList.add("pj-ready");
  window.addEventListener("hashchange", function () { chooseStage(); });
  chooseStage();
})();
