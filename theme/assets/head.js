/* The one script in every page's <head>, synchronous: it runs before the page is first
   drawn (theme/partials/javascripts/base.html). One file, not two: a script that holds up
   the first paint costs a phone on a slow network a request more than its bytes.
   A file, not an inline script: the Content-Security-Policy allows none. */

/*! Material for MkDocs 9.8.2, copyright (c) 2016-2025 Martin Donath, MIT licence */
/* 1. Material for MkDocs 9.8.2 (MIT licence, the notice above), templates/partials/javascripts/base.html:
   Material's first inline script, which defines __md_scope, __md_get and __md_set for
   the scripts after it. Only the scope differs: Material writes base_url into the
   script; here the <script> element passes it in its data-md-scope attribute.
   The code is Material's; copy it again when Material is upgraded. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};

/* 2. The reading modes (larger text, high contrast):
   - the reading mode chosen on an earlier page is applied, so the page never flashes
     in the wrong size or colours;
   - "ml-js" on <html> tells the stylesheet that scripts run, so the parts that need a
     script (the reading-mode switches, the directory filters) are drawn with the page
     from the start, instead of being shown by a script later and pushing it down. */
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("ml-js");
  try {
    if (localStorage.getItem("yinglie.text") === "large") root.setAttribute("data-ml-text", "large");
    if (localStorage.getItem("yinglie.contrast") === "high") root.setAttribute("data-ml-contrast", "high");
  } catch (error) { /* storage blocked: the default mode */ }
})();
