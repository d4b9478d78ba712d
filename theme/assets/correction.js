/* The correction form (correction/?id=<martyr id>): names the record, composes the
   e-mail, and prints.

   The record's name comes from this site's own files (data/names/<shard>.json: the
   names of the martyrs whose ids fall in that shard, hooks/yinglie/search.py), looked
   up by the id in the address, never from text in the address itself, so a link
   cannot make the form name what the site does not hold. The e-mail's wording is the
   page's (data-mail-subject, data-mail-body, with {name} and {address}); the mailto:
   link opens the visitor's own mail program, and nothing is sent from this page.
   Record text is set only as text, never as HTML. Without JavaScript the form keeps its
   blank lines and the e-mail link its blank record. */
(function () {
  "use strict";
  var form = document.querySelector("[data-correction]");
  if (!form) return;

  var printButton = form.querySelector("[data-correction-print]");
  if (printButton && window.print) {
    printButton.disabled = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  var id = new URLSearchParams(window.location.search).get("id") || "";
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(id) || !window.yinglieData) return;
  var root = new URL(form.getAttribute("data-base").replace(/\/?$/, "/"), document.baseURI);
  var site = form.getAttribute("data-site") || root.href;
  var pageUrl = "martyrs/" + id + "/";

  function compose(name, address) {
    var mail = form.querySelector("[data-correction-mail]");
    var to = form.getAttribute("data-mail-to");
    if (!mail || !to) return;
    function fill(text) { return text.split("{name}").join(name).split("{address}").join(address); }
    var body = fill(form.getAttribute("data-mail-body")).replace(/\r?\n/g, "\r\n");
    mail.href = "mailto:" + to + "?subject=" + encodeURIComponent(fill(form.getAttribute("data-mail-subject"))) +
      "&body=" + encodeURIComponent(body);
  }

  // Which file holds the id: as search.py's name_shard (the sum of the character codes, modulo 64).
  var shard = 0;
  for (var i = 0; i < id.length; i++) shard += id.charCodeAt(i);
  var names = new URL(form.getAttribute("data-names").replace(/\/?$/, "/"), document.baseURI);

  function lookUp() {
    return window.yinglieData.load(new URL((shard % 64) + ".json", names).href);
  }

  // After the first paint: the page draws at once, the name follows a moment later in its
  // ruled line (which keeps its height: nothing moves). Fetched before it, the name
  // file becomes part of what a slow phone is reckoned to wait for before it shows anything.
  new Promise(function (painted) {
    if (window.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(painted, 0); });
    else setTimeout(painted, 0);
  })
    .then(lookUp)
    .then(function (found) {
      if (!Object.prototype.hasOwnProperty.call(found, id)) return;
      var name = String(found[id]);
      var address = new URL(pageUrl, site.replace(/\/?$/, "/")).href;
      form.querySelector("[data-correction-name]").textContent = name;
      var link = document.createElement("a");
      // The classroom copy opens a folder's index.html (offlinecopy.py).
      link.href = new URL(pageUrl + (location.protocol === "file:" ? "index.html" : ""), root).href;
      link.textContent = address;
      form.querySelector("[data-correction-address]").appendChild(link);
      compose(name, address);
    })
    .catch(function () { /* the blank form still serves */ });
})();
