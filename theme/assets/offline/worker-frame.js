/* Inside the hidden frame of worker-shim.js (the classroom copy, file:// only): what
   a worker's script expects of its global scope. Its messages go to the page; its
   importScripts loads scripts in order, from the worker's address, and returns a promise, which Material's
   search worker awaits. */
(function () {
  "use strict";
  var page = window.parent;
  // A worker resolves the scripts it imports against its own address.
  var workerUrl = document.currentScript.getAttribute("data-worker");
  window.postMessage = function (message) { page.postMessage(message, "*"); };
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments);
    return urls.reduce(function (done, url) {
      return done.then(function () {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = new URL(url, workerUrl).href;
          script.onload = resolve;
          script.onerror = reject;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
})();
