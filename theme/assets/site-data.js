/* The site's own data files (data/*.json), as the page scripts read them:
   yinglieData.load(url) gives a promise of the parsed JSON. Loaded by the pages whose
   scripts read data (the home page, the correction form: before those scripts), and
   with the record search when the visitor first turns to the search box (head.js).

   On a web server it fetches the file. The classroom copy is opened from the file
   system, where a browser fetches nothing; there each data file a script reads is
   also a script of its own (data/search-records.js beside data/search-records.json,
   written by hooks/yinglie/offlinecopy.py) that registers its JSON under the JSON
   file's address, and load() adds that script to the page instead. */
(function () {
  "use strict";
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
