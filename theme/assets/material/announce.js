/*! Material for MkDocs 9.8.2, copyright (c) 2016-2025 Martin Donath, MIT licence */
/* Material for MkDocs 9.8.2 (MIT licence, the notice above), templates/partials/javascripts/announce.html:
   an inline script of Material's, moved into a file so that the site's
   Content-Security-Policy allows no inline script (hooks/yinglie/csp.py).
   The code is Material's; copy it again when Material is upgraded. */
var el=document.querySelector("[data-md-component=announce]");if(el){var content=el.querySelector(".md-typeset");__md_hash(content.innerHTML)===__md_get("__announce")&&(el.hidden=!0)}
