/*! Material for MkDocs 9.8.2, copyright (c) 2016-2025 Martin Donath, MIT licence */
/* Material for MkDocs 9.8.2 (MIT licence, the notice above), templates/partials/javascripts/content.html:
   an inline script of Material's, moved into a file so that the site's
   Content-Security-Policy allows no inline script (hooks/yinglie/csp.py).
   The code is Material's; copy it again when Material is upgraded. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
