/*! Material for MkDocs 9.8.2, copyright (c) 2016-2025 Martin Donath, MIT licence */
/* Material for MkDocs 9.8.2 (MIT licence, the notice above), templates/partials/javascripts/content.html:
   an inline script of Material's, moved into a file so that the site's
   Content-Security-Policy allows no inline script (hooks/yinglie/csp.py).
   The script Material adds with the feature content.tabs.link.
   The code is Material's; copy it again when Material is upgraded. */
var tabs=__md_get("__tabs");if(Array.isArray(tabs))e:for(var set of document.querySelectorAll(".tabbed-set")){var labels=set.querySelector(".tabbed-labels");for(var tab of tabs)for(var label of labels.getElementsByTagName("label"))if(label.innerText.trim()===tab){var input=document.getElementById(label.htmlFor);input.checked=!0;continue e}}
