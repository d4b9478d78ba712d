/* The site's own data files (data/*.json), as the page scripts read them:
   yinglieData.load(url) gives a promise of the parsed JSON. Not loaded by itself: each
   script that reads data is published with this file in front of it (minify.py), a
   request fewer for the page; the first of them on a page defines yinglieData.

   On a web server it fetches the file. The classroom copy is opened from the file
   system, where a browser fetches nothing; there each data file a script reads is
   also a script of its own (data/search-records.js beside data/search-records.json,
   written by hooks/yinglie/offlinecopy.py) that registers its JSON under the JSON
   file's address, and load() adds that script to the page instead. */
(function () {
  "use strict";
  if (window.yinglieData) return;  // another script of the page brought it first
  var registered = {};

  function fromScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url.replace(/\.json$/, ".js");
      script.onload = function () {
        if (Object.prototype.hasOwnProperty.call(registered, url)) resolve(registered[url]);
        else reject(new Error("no data in " + script.src));
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  window.yinglieData = {
    register: function (url, data) { registered[url] = data; },
    load: function (url) {
      url = new URL(url, document.baseURI).href;
      if (location.protocol === "file:") return fromScript(url);
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
  };
})();
