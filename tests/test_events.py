"""Commemoration events: record checks, pages and cross-links, feeds, on-this-day data."""

from __future__ import annotations

import json
import posixpath
import re
import textwrap
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import icalendar
import pytest

from conftest import copy_project

ATOM = "{http://www.w3.org/2005/Atom}"

# A fixture martyr with full dates (not a real person: tests only).
FIXTURE_MARTYR = """
    name: 测试烈士
    gender: 男
    born: 1920-03-05
    died: 1949-11-27
    period: 解放战争时期
    sources:
      - title: 测试资料
        where: 测试用，非真实记录
"""

SOURCE = """
    sources:
      - title: 测试资料
        where: 测试用
"""


def event_yaml(head: str) -> str:
    """An event record: the given fields, then a source."""
    return textwrap.dedent(head).strip("\n") + "\n" + textwrap.dedent(SOURCE).lstrip("\n")


def links(page: Path, site: Path) -> set[str]:
    """The site-relative addresses a built page links to (relative hrefs resolved)."""
    here = page.parent.relative_to(site).as_posix()
    found = set()
    for href in re.findall(r'href="([^"#?]+)"', page.read_text(encoding="utf-8")):
        if "://" in href or href.startswith(("mailto:", "/")):
            continue
        resolved = posixpath.normpath(posixpath.join(here, href))
        found.add(resolved.rstrip("/") + ("/" if href.endswith("/") else ""))
    return found


# --- record checks -----------------------------------------------------------------


def test_dangling_martyr_id_is_an_error_at_its_line(project):
    project.write("events/visit.yml", event_yaml("""
        title: 走访
        date: 2023
        type: 走访慰问
        martyrs:
          - qi-nanxun
          - no-such-martyr
    """))
    result = project.check()
    assert result.returncode == 1
    assert "events/visit.yml:6: martyrs[2]: 没有编号为“no-such-martyr”的烈士记录" in result.stderr
    assert "qi-nanxun" not in result.stderr


def test_bad_type_bad_date_and_missing_target_are_reported_together(project):
    project.write("events/a.yml", event_yaml("""
        title: 活动甲
        date: 2023
        type: 游园
    """))
    project.write("events/b.yml", event_yaml("""
        title: 活动乙
        date: 2023-13
        type: 清明祭英烈
    """))
    project.write("events/c.yml", event_yaml("""
        title: 活动丙
        date: 2023
        type: 五进
    """))
    project.write("events/d.yml", event_yaml("""
        title: 活动丁
        date: 2023
        type: 走访慰问
        target: 进校园
        count_more: true
    """))
    result = project.check()
    assert result.returncode == 1
    err = result.stderr
    assert "记录中有 5 处问题" in err
    assert "events/a.yml:3: type: “游园”不在可选值中：清明祭英烈、烈士纪念日、五进" in err
    assert "events/b.yml:2: date: “2023-13”不是可识别的日期" in err
    assert "events/c.yml:3: target: “五进”活动须写明对象：进机关、进校园、进企业、进社区、进军营、不详" in err
    assert "events/d.yml:4: target: 只有“五进”活动填写对象" in err
    assert "events/d.yml:5: count: 写了单位或“余”，却没有写 count" in err


def test_event_problems_are_listed_with_martyr_problems(project):
    project.write("martyrs/broken.yml", "name: 某\ndied: 1949-02-30\nsources: []\n")
    project.write("events/e.yml", event_yaml("title: 活动\ndate: 不详\ntype: 迁葬\nmartyrs: broken"))
    result = project.check()
    assert result.returncode == 1
    assert "martyrs/broken.yml:2: died:" in result.stderr
    assert "events/e.yml:2: date: 活动日期至少要写到年份" in result.stderr
    # The martyr file exists, broken or not: the event's reference to it is not a second problem.
    assert "events/e.yml:4" not in result.stderr


def test_event_types_come_from_settings(project):
    settings = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", settings.replace("送喜报, 捐资助学]", "送喜报, 捐资助学, 瞻仰]"))
    project.write("events/look.yml", event_yaml("title: 瞻仰\ndate: 2023\ntype: 瞻仰"))
    assert project.check().returncode == 0


def test_wrong_event_settings_refuse_the_build(project):
    settings = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", settings.replace('month_day: "09-30"', 'month_day: "09-31"'))
    result = project.check()
    assert result.returncode == 1
    assert "extra.events.fixed_days[1].month_day: '09-31' is not MM-DD" in result.stderr


# --- a built site with fixture events ----------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("events") / "project")
    project.write("martyrs/test-martyr.yml", FIXTURE_MARTYR)
    project.write("events/2023-martyrs-day.yml", event_yaml("""
        title: 2023年烈士纪念日公祭<b>活动</b>
        date: 2023-09-30
        type: 烈士纪念日
        place: 测试地点
        martyrs: [test-martyr]
        summary: 测试用活动。
        body: |
          向烈士敬献花篮。

          <script>alert("x")</script><p onclick="steal()">点击</p>
    """))
    project.write("events/2023-school-1.yml", event_yaml("""
        title: 英烈故事进校园（一）
        date: 2023-04
        type: 五进
        target: 进校园
        count: 3
    """))
    project.write("events/2023-school-2.yml", event_yaml("""
        title: 英烈故事进校园（二）
        date: 2023-05-04
        type: 五进
        target: 进校园
    """))
    project.write("events/2023-wujin-total.yml", event_yaml("""
        title: 2023年其余宣讲
        date: 2023
        type: 五进
        target: 不详
        count: 10
        count_more: true
    """))
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built.site


DETERMINISTIC = ["events/feed.xml", "events/calendar.ics", "data/on-this-day/11.json", "data/events.json"]


def test_two_builds_give_identical_feeds_and_data(built):
    again = built.build(site_dir="site-again")
    assert again.returncode == 0, again.stderr
    for name in DETERMINISTIC:
        assert (built.root / "site-again" / name).read_bytes() == (built.site / name).read_bytes(), name


def test_event_page_shows_the_record_and_links_its_martyr(site):
    page = site / "events/2023-martyrs-day/index.html"
    text = page.read_text(encoding="utf-8")
    assert "2023年9月30日" in text and "测试地点" in text and "向烈士敬献花篮。" in text
    assert "<script>alert" not in text and "onclick" not in text
    assert "&lt;b&gt;活动&lt;/b&gt;" in text and "<b>活动</b>" not in text
    assert "martyrs/test-martyr/" in links(page, site)


def test_martyr_page_lists_the_events_naming_it(site):
    page = site / "martyrs/test-martyr/index.html"
    assert "纪念活动" in page.read_text(encoding="utf-8")
    assert "events/2023-martyrs-day/" in links(page, site)
    other = site / "martyrs/qi-nanxun/index.html"
    assert "events/2023-martyrs-day/" not in links(other, site)
    assert 'id="events-heading"' not in other.read_text(encoding="utf-8")


def test_events_index_groups_by_year_and_by_type(site):
    by_year = (site / "events/index.html").read_text(encoding="utf-8")
    years = re.findall(r'<h2 id="group-\d+">(\d{4})年', by_year)
    assert years == ["2023", "2022"]
    assert by_year.index("2023年烈士纪念日公祭") < by_year.index("重庆市2022年清明祭英烈活动")
    by_type = (site / "events/by-type/index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="group-\d+">([^<]+)', by_type)
    assert [h.strip() for h in headings] == ["清明祭英烈", "烈士纪念日", "五进", "走访慰问", "捐资助学"]
    assert "rel=\"alternate\"" not in by_year  # Material would fetch a sitemap beside it
    index_links = links(site / "events/index.html", site)
    assert {"events/2023-school-1/", "events/2022-wujin/", "events/calendar.ics", "events/feed.xml"} <= index_links


def test_outreach_page_counts_sessions_by_target(site):
    text = (site / "events/wujin/index.html").read_text(encoding="utf-8")
    section_2023 = text[text.index('id="year-2023"'):text.index('id="year-2022"')]
    rows = dict(re.findall(r'<tr data-target="([^"]+)"><th scope="row">[^<]+</th><td>([^<]+)</td>', section_2023))
    assert rows == {"进校园": "4", "不详": "10余", "合计": "14余"}
    section_2022 = text[text.index('id="year-2022"'):]
    rows = dict(re.findall(r'<tr data-target="([^"]+)"><th scope="row">[^<]+</th><td>([^<]+)</td>', section_2022))
    assert rows == {"不详": "100余", "合计": "100余"}


def test_atom_feed_parses_with_required_elements(site):
    root = ET.parse(site / "events/feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link[0].get("href").endswith("/events/feed.xml")
    entries = root.findall(f"{ATOM}entry")
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert titles[0] == "2023年烈士纪念日公祭<b>活动</b>"  # newest first; the XML escapes it
    assert "2022年英烈精神“五进”活动" in titles
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("https://")
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", entry.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}generator") is None
    assert root.find(f"{ATOM}updated").text == "2023-09-30T00:00:00+08:00"


def test_calendar_parses_and_holds_memorial_days(site):
    calendar = icalendar.Calendar.from_ical((site / "events/calendar.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    for event in events.values():
        assert event.get("DTSTAMP") is not None and event.get("DTSTART") is not None
    died = events["martyr-test-martyr-died"]
    assert died.decoded("DTSTART") == date(1949, 11, 27)
    assert died["RRULE"]["FREQ"] == ["YEARLY"]
    assert str(died["SUMMARY"]) == "测试烈士牺牲纪念日"  # the name already ends in 烈士
    assert str(died["URL"]).endswith("/martyrs/test-martyr/")
    assert events["qingming-2024"].decoded("DTSTART") == date(2024, 4, 4)
    assert events["qingming-2026"].decoded("DTSTART") == date(2026, 4, 5)
    martyrs_day = events["fixed-0930"]
    assert str(martyrs_day["SUMMARY"]) == "烈士纪念日"
    assert (martyrs_day.decoded("DTSTART").month, martyrs_day.decoded("DTSTART").day) == (9, 30)
    assert martyrs_day["RRULE"]["FREQ"] == ["YEARLY"]
    assert events["event-2023-martyrs-day"].decoded("DTSTART") == date(2023, 9, 30)
    # Partial dates have no day to put on a calendar.
    assert "event-2023-school-1" not in events and "event-2022-wujin" not in events
    # Martyrs without a full death date have no anniversary.
    assert "martyr-qi-nanxun-died" not in events


def test_on_this_day_data_for_a_martyr_with_full_dates(site):
    def month(number: int) -> dict:
        return json.loads((site / f"data/on-this-day/{number:02d}.json").read_text(encoding="utf-8"))

    assert month(11)["days"] == {"11-27": [
        {"kind": "died", "name": "测试烈士", "url": "martyrs/test-martyr/", "year": 1949, "date": "1949年11月27日"}
    ]}
    assert [e["kind"] for e in month(3)["days"]["03-05"]] == ["born"]
    assert [e["url"] for e in month(9)["days"]["09-30"]] == ["events/2023-martyrs-day/"]
    assert month(9)["fixed"] == {"09-30": {"name": "烈士纪念日", "since": 2014}}
    # Partial dates (2023-04, 2022) have no anniversary; 2023-05-04 has.
    assert month(4)["days"] == {} and list(month(5)["days"]) == ["05-04"]
    assert month(4)["qingming"]["2026"] == "04-05" and month(5)["qingming"] == {}
    assert sorted(p.name for p in (site / "data/on-this-day").iterdir()) == [f"{m:02d}.json" for m in range(1, 13)]


def test_home_page_on_this_day_works_without_javascript(site):
    page = site / "index.html"
    text = page.read_text(encoding="utf-8")
    section = text[text.index("data-on-this-day"):]
    assert 'data-src="data/on-this-day/"' in section
    assert "今日纪念" in text and "纪念日历" in section
    assert {"events/calendar.ics", "events/"} <= links(page, site)
    assert '<script src="assets/on-this-day.js" defer>' in text


def test_open_data_lists_events(site):
    data = json.loads((site / "data/events.json").read_text(encoding="utf-8"))
    by_id = {e["id"]: e for e in data["events"]}
    assert data["count"] == len(by_id) == 8
    assert by_id["2023-martyrs-day"]["martyrs"] == ["test-martyr"]
    assert by_id["2023-martyrs-day"]["date"] == {"date": "2023-09-30", "text": "2023年9月30日"}
    assert by_id["2022-wujin"]["count_text"] == "100余场次"


# --- the demo content --------------------------------------------------------------


def test_demo_events_are_published_with_year_only_dates(demo_site):
    data = json.loads((demo_site / "data/events.json").read_text(encoding="utf-8"))
    assert {e["id"] for e in data["events"]} == {
        "2022-qingming-chongqing", "2022-wujin", "2022-family-visits", "2022-aixin-daidaichuan"}
    for event in data["events"]:
        assert event["date"]["date"] == "2022"
        assert event["sources"][0]["title"] == "江津区退役军人事务系统2022年工作回顾"
    # Every quotation is checked against the source document in tests/test_sources.py.
    assert (demo_site / "events/feed.xml").is_file() and (demo_site / "events/calendar.ics").is_file()


def test_events_pass_the_publication_guard(project):
    project.write("events/visit.yml", event_yaml("""
        title: 走访慰问
        date: 2023
        type: 走访慰问
        summary: 联系电话 13800138000
    """))
    result = project.check()
    assert result.returncode == 1
    assert "events/visit.yml:4: summary: " in result.stderr
    assert "13800138000" not in result.stderr
