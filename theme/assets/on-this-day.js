/* 今日纪念 on the home page: today's anniversaries, from data/on-this-day/<MM>.json.
 *
 * The site is static; this runs in the visitor's browser, so the list is right on
 * every day without a rebuild; it loads only the current month's small file.
 * Addresses in the JSON are relative to the site root,
 * which the page gives as data-base (correct under any sub-path). Record text is
 * only ever set as text, never as HTML. Without JavaScript the section's static
 * paragraph (calendar and events links) stands alone.
 */
(function () {
  "use strict";
  var section = document.querySelector("[data-on-this-day]");
  if (!section || !window.yinglieData) return;
  var list = section.querySelector("[data-today-list]");
  var root = new URL(section.getAttribute("data-base").replace(/\/?$/, "/"), document.baseURI);
  var folder = new URL(section.getAttribute("data-src"), document.baseURI);

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function line(parent, text, href, label) {
    var li = document.createElement("li");
    if (href) {
      var a = document.createElement("a");
      a.href = new URL(href, root).href;
      a.textContent = label;
      li.appendChild(a);
    }
    li.appendChild(document.createTextNode(text));
    parent.appendChild(li);
  }

  function render(data, now) {
    var year = now.getFullYear();
    var monthDay = pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var heading = document.createElement("p");
    heading.className = "ml-today__date";
    heading.textContent = "今天是" + (now.getMonth() + 1) + "月" + now.getDate() + "日";
    var fixed = (data.fixed || {})[monthDay];
    if (fixed && year >= fixed.since) heading.textContent += "，" + fixed.name;
    if ((data.qingming || {})[String(year)] === monthDay) heading.textContent += "，清明节";
    heading.textContent += "。";
    list.appendChild(heading);

    var entries = (data.days || {})[monthDay] || [];
    if (!entries.length) {
      var none = document.createElement("p");
      none.textContent = "今天没有记录在案的英烈诞辰、牺牲纪念日或纪念活动。";
      list.appendChild(none);
      return;
    }
    var ul = document.createElement("ul");
    ul.className = "ml-today__list";
    entries.forEach(function (item) {
      var years = year - item.year;
      // "无名烈士" already ends in 烈士: do not say it twice.
      var title = /烈士$/.test(item.name) ? "" : "烈士";
      if (item.kind === "died") {
        line(ul, title + "于" + item.date + "牺牲" + (years > 0 ? "，今天是牺牲" + years + "周年纪念日。" : "。"), item.url, item.name);
      } else if (item.kind === "born") {
        line(ul, title + "生于" + item.date + (years > 0 ? "，今天是诞辰" + years + "周年。" : "。"), item.url, item.name);
      } else {
        line(ul, "（" + item.date + "）", item.url, item.name);
      }
    });
    list.appendChild(ul);
  }

  var now = new Date();
  // site-data.js reads it, from a web server or from the classroom copy's files.
  window.yinglieData.load(new URL(pad(now.getMonth() + 1) + ".json", folder).href)
    .then(function (data) { render(data, now); })
    .catch(function () { /* the static paragraph already points to the calendar */ });
})();
