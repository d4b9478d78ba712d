/* Record search: finds every record that has a page (martyrs, award notices,
   events, memorial facilities, years of memorial work) by its title, pinyin,
   initials or the facts each kind indexes, from data/search-records.json.
   This file is added to the page when the visitor first turns to the search box
   (head.js), the index is fetched from this site on the first search, never before,
   and matches show above Material's results for the hand-written pages.
   Layout of the index: see hooks/yinglie/search.py. */
(function () {
  "use strict";
  var MAX_SHOWN = 20;
  // The index sits at <site root>/data/; this file at <site root>/assets/.
  // Resolving against this script's own address works under any sub-path.
  var scriptUrl = document.currentScript && document.currentScript.src;
  if (!scriptUrl) return;
  var indexUrl = new URL("../data/search-records.json", scriptUrl);
  var siteRoot = new URL("../", scriptUrl);
  var index = null;
  var loading = null;

  // site-data.js reads it, from a web server or from the classroom copy's files.
  function load() {
    if (!loading) {
      loading = window.yinglieData.load(indexUrl.href).then(function (data) { index = data; return data; });
    }
    return loading;
  }

  // Lower case; latin-only queries lose their spaces and apostrophes so that
  // "qi nan xun", "qi'nanxun" and "QiNanXun" all read as "qinanxun".
  function tokens(query) {
    var text = query.trim().toLowerCase();
    if (!text) return [];
    if (/^[a-zü:'\s]+$/.test(text)) return [text.replace(/[\s']+/g, "").replace(/ü|u:/g, "v")];
    return text.split(/[\s,，、]+/).filter(Boolean);
  }

  function tokenScore(token, row, facts) {
    var title = row[1], pinyin = row[2], initials = row[3];
    var best = 0;
    if (title === token) best = 100;
    else if (title.indexOf(token) === 0) best = 80;
    else if (title.indexOf(token) > 0) best = 60;
    if (/^[a-z]+$/.test(token) && pinyin) {
      if (pinyin === token) best = Math.max(best, 95);
      else if (initials === token) best = Math.max(best, 90);
      else if (pinyin.indexOf(token) === 0) best = Math.max(best, 70);
      else if (initials.indexOf(token) === 0) best = Math.max(best, 50);
      else if (token.length >= 3 && pinyin.indexOf(token) > 0) best = Math.max(best, 30);
    }
    for (var i = 0; i < facts.length && best < 45; i++) {
      var at = facts[i].indexOf(token);
      if (at === 0) best = Math.max(best, 45);
      else if (at > 0) best = Math.max(best, 40);
    }
    return best;
  }

  // Every token must match the record somewhere; the scores add up.
  function search(query) {
    var words = tokens(query);
    if (!words.length || !index) return [];
    var found = [];
    index.r.forEach(function (row, position) {
      var facts = row[5].map(function (n) { return index.s[n]; });
      var total = 0;
      for (var i = 0; i < words.length; i++) {
        var score = tokenScore(words[i], row, facts);
        if (!score) return;
        total += score;
      }
      found.push({ row: row, facts: facts, score: total, position: position });
    });
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return found;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;  // record text never goes through innerHTML
    return node;
  }

  function render(panel, query) {
    var meta = panel.querySelector(".ml-record-results__meta");
    var list = panel.querySelector(".ml-record-results__list");
    list.textContent = "";
    if (!tokens(query).length) { panel.hidden = true; return; }
    panel.hidden = false;
    if (!index) { meta.textContent = "正在载入记录索引……"; return; }
    var found = search(query);
    meta.textContent = found.length
      ? "记录中找到 " + found.length + " 条记录" + (found.length > MAX_SHOWN ? "，显示前 " + MAX_SHOWN + " 条" : "")
      : "记录中没有找到符合条件的条目";
    found.slice(0, MAX_SHOWN).forEach(function (hit) {
      var item = element("li", "md-search-result__item ml-record-result");
      var link = element("a", "md-search-result__link");
      link.href = new URL(hit.row[4], siteRoot).href;
      var article = element("article", "md-search-result__article md-typeset");
      var title = element("h1", null, hit.row[1]);
      title.appendChild(element("span", "ml-record-result__kind", index.k[hit.row[0]] || ""));
      article.appendChild(title);
      if (hit.facts.length) article.appendChild(element("p", null, hit.facts.join(" · ")));
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function setUp() {
    var input = document.querySelector("[data-md-component=search-query]");
    var results = document.querySelector("[data-md-component=search-result]");
    if (!input || !results) return;
    // Material styles its results within .md-search-result; its scripts find their own
    // results by data-md-component, so the class alone gives ours the same look.
    var panel = element("section", "md-search-result ml-record-results");
    panel.setAttribute("aria-label", "记录检索结果");
    panel.hidden = true;
    var meta = element("div", "md-search-result__meta ml-record-results__meta");
    meta.setAttribute("aria-live", "polite");
    panel.appendChild(meta);
    panel.appendChild(element("ol", "md-search-result__list ml-record-results__list"));
    results.parentNode.insertBefore(panel, results);

    function update() {
      var query = input.value;
      if (index) { render(panel, query); return; }
      render(panel, query);
      load().then(function () { render(panel, input.value); }, function () {
        panel.querySelector(".ml-record-results__meta").textContent = "记录索引暂时无法载入";
      });
    }
    input.addEventListener("input", function (event) { if (!event.isComposing) update(); });
    input.addEventListener("compositionend", update);
    if (input.form) input.form.addEventListener("reset", function () { panel.hidden = true; });
    if (input.value) update();  // a query kept by the browser on reload
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
