/* Material for MkDocs 9.8.2 (MIT licence), templates/partials/javascripts/base.html:
   an inline script of Material's, moved into a file so that the site's
   Content-Security-Policy allows no inline script (hooks/yinglie/csp.py).
   Only the scope differs: Material writes base_url into the script; here
   theme/partials/javascripts/base.html passes it in the data-md-scope attribute.
   The code is Material's; copy it again when Material is upgraded. */
__md_scope=new URL(document.currentScript.getAttribute("data-md-scope"),location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
