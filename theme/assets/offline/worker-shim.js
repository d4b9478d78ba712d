/* The classroom copy (`make offline`) is opened from the file system, where a browser
   starts no Web Worker, and Material's search runs in one. On a file:// page this
   runs the worker's script in a hidden frame instead, as Material's own choice for
   its offline plugin (iframe-worker, MIT) does, but without writing an inline
   script into the frame: the site's Content-Security-Policy allows scripts from
   the site's own files only. worker-frame.js gives the frame what a worker's script
   expects of its global scope. On a web server this file does nothing. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !document.currentScript) return;
  var frameScript = new URL("worker-frame.js", document.currentScript.src).href;

  function quoted(url) {
    return '"' + String(url).replace(/"/g, "%22").replace(/</g, "%3C").replace(/>/g, "%3E") + '"';
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var worker = this;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.title = "search";
      document.body.appendChild(frame);
      this.frame = frame;
      this.onmessage = null;
      this.relay = function (event) {
        if (event.source !== frame.contentWindow) return;
        var message = new MessageEvent("message", { data: event.data });
        worker.dispatchEvent(message);
        if (typeof worker.onmessage === "function") worker.onmessage(message);
      };
      window.addEventListener("message", this.relay);
      var page = frame.contentWindow.document;
      page.open();
      var script = quoted(new URL(url, document.baseURI).href);
      page.write("<!doctype html><html><body><script src=" + quoted(frameScript) + " data-worker=" + script +
                 "></" + "script><script src=" + script + "></" + "script></body></html>");
      page.close();
      this.ready = new Promise(function (resolve) {
        if (page.readyState === "complete") resolve();
        else frame.contentWindow.addEventListener("load", function () { resolve(); });
      });
    }

    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      window.removeEventListener("message", this.relay);
      this.frame.remove();
    }
  }

  window.Worker = FrameWorker;
})();
