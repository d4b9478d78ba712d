/* 网上祭扫 on the home page: highlighted around 清明 and the fixed days of remembrance
   (烈士纪念日, 9·30), by the visitor's own date, so a static site is right every year
   without a rebuild. The days come from the same data/on-this-day/MM.json files as
   今日纪念 (清明 per year, computed at build time; the fixed days with their `since`).
   Only the section's class and its one-line note change: nothing moves on the page. */
(function () {
  "use strict";
  var DAYS_AROUND = 7;  // the season: from a week before the day to a week after
  var section = document.querySelector("[data-tribute]");
  if (!section || !window.yinglieData) return;
  var folder = new URL(section.getAttribute("data-src"), document.baseURI);
  var today = new Date();
  today.setHours(12, 0, 0, 0);

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function dayOf(year, monthDay) {
    var parts = monthDay.split("-");
    return new Date(year, Number(parts[0]) - 1, Number(parts[1]), 12);
  }

  // The months a day within DAYS_AROUND of today falls in: one file, or two.
  var months = {};
  [-DAYS_AROUND, 0, DAYS_AROUND].forEach(function (offset) {
    var day = new Date(today.getTime() + offset * 86400000);
    months[pad(day.getMonth() + 1)] = true;
  });

  function seasonal(data) {
    var found = [];
    var year = today.getFullYear();
    [year - 1, year, year + 1].forEach(function (y) {
      var qingming = (data.qingming || {})[String(y)];
      if (qingming) found.push({ name: "清明节", day: dayOf(y, qingming) });
      Object.keys(data.fixed || {}).forEach(function (monthDay) {
        var fixed = data.fixed[monthDay];
        if (y >= fixed.since) found.push({ name: fixed.name, day: dayOf(y, monthDay) });
      });
    });
    return found.filter(function (item) {
      return Math.abs(Math.round((item.day - today) / 86400000)) <= DAYS_AROUND;
    });
  }

  Promise.all(Object.keys(months).map(function (month) {
    return window.yinglieData.load(new URL(month + ".json", folder).href)
      .catch(function () { return {}; });
  })).then(function (files) {
    var near = [];
    files.forEach(function (data) { near = near.concat(seasonal(data)); });
    if (!near.length) return;
    var item = near[0];
    var days = Math.round((item.day - today) / 86400000);
    var when = days > 0 ? "还有" + days + "天就是" + item.name : days === 0 ? "今天是" + item.name : item.name + "刚过";
    section.classList.add("ml-tribute--season");
    section.querySelector("[data-tribute-note]").textContent =
      when + "（" + (item.day.getMonth() + 1) + "月" + item.day.getDate() + "日），可通过以下官方平台网上祭扫、献花留言：";
  });
})();
