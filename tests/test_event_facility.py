"""Events held at a memorial facility, and a martyr's resting facility as 安葬地, on a
real build of a fixture project (a facility, two events and a martyr made up for the
test, never demo content); the unknown-facility check on its own copies."""

from __future__ import annotations

import json
import re

import pytest
from conftest import copy_project

FACILITY = """
name: 测试纪念广场
type: 纪念广场
level: 区县级
"""

EVENT_AT = """
title: 测试清明祭扫仪式
date: 2023-04-05
type: 清明祭英烈
facility: {facility}
sources:
  - title: 测试资料
    where: 测试
"""

OLDER_EVENT = """
title: 测试烈士纪念日活动
date: 2022-09-30
type: 烈士纪念日
facility: test-square
sources:
  - title: 测试资料
    where: 测试
"""

RESTING = """
name: 张测试
died: 1949-11
resting_facility: test-square
sources:
  - title: 测试资料
    where: 测试
"""

BURIED = RESTING.replace("died: 1949-11\n", "died: 1949-11\nburial: 测试村后山\n").replace("张测试", "李测试")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("event-facility") / "project")
    project.write("martyrs/memorials/test-square.yml", FACILITY)
    project.write("events/test-held-at.yml", EVENT_AT.format(facility="test-square"))
    project.write("events/test-older.yml", OLDER_EVENT)
    project.write("martyrs/test-resting.yml", RESTING)
    project.write("martyrs/test-buried.yml", BURIED)
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project.site


def _text(site, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_the_facility_page_lists_its_events_newest_first_with_date_title_and_link(site):
    page = _text(site, "memorials/test-square")
    section = page[page.index('id="facility-events-heading"'):]
    section = section[:section.index("</section>")]
    items = re.findall(r'<span class="ml-event-list__date">([^<]*)</span>\s*'
                       r'<a class="ml-event-list__title" href="([^"]*)">([^<]*)</a>', section)
    assert items == [("2023年4月5日", "../../events/test-held-at/", "测试清明祭扫仪式"),
                     ("2022年9月30日", "../../events/test-older/", "测试烈士纪念日活动")]


def test_an_event_without_a_facility_is_on_no_facility_page(site):
    # The demo events name no facility: only the two test events are listed.
    page = _text(site, "memorials/test-square")
    assert page.count('class="ml-event-list__title"') == 2


def test_the_event_page_links_to_its_facility(site):
    page = _text(site, "events/test-held-at")
    assert '<th scope="row">举办地纪念设施</th><td><a href="../../memorials/test-square/">测试纪念广场</a></td>' in page


def test_the_event_names_its_facility_in_open_data(site):
    events = json.loads((site / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    assert {e["id"]: e["facility"] for e in events}["test-held-at"] == "test-square"


def test_the_resting_facility_is_the_burial_place_when_burial_is_empty(site):
    assert '<th scope="row">安葬地</th><td>测试纪念广场</td>' in _text(site, "martyrs/test-resting")
    # A record's own burial place wins.
    assert '<th scope="row">安葬地</th><td>测试村后山</td>' in _text(site, "martyrs/test-buried")


def test_the_search_index_finds_events_and_facilities_by_title(site):
    index = json.loads((site / "data" / "search-records.json").read_text(encoding="utf-8"))
    rows = {row[4]: row for row in index["r"]}
    kind, title, pinyin, initials, _url, facts = rows["memorials/test-square/"]
    assert (index["k"][kind], title, pinyin, initials) == ("纪念设施", "测试纪念广场", "ceshijinianguangchang", "csjngc")
    assert [index["s"][n] for n in facts] == ["纪念广场", "区县级"]
    kind, title, *_rest, facts = rows["events/test-held-at/"]
    assert (index["k"][kind], title) == ("纪念活动", "测试清明祭扫仪式")
    assert [index["s"][n] for n in facts] == ["2023年4月5日", "清明祭英烈", "测试纪念广场"]
    # A martyr resting at the facility is found by its name as 安葬地.
    assert "测试纪念广场" in [index["s"][n] for n in rows["martyrs/test-resting/"][5]]


def test_an_unknown_facility_is_a_problem_of_the_event_with_its_line(project):
    project.write("martyrs/memorials/test-square.yml", FACILITY)
    project.write("events/test-held-at.yml", EVENT_AT.format(facility="test-sqare"))
    result = project.check()
    assert result.returncode != 0
    assert ("events/test-held-at.yml:4: facility: 没有编号为“test-sqare”的纪念设施记录"
            "（应为 martyrs/memorials/test-sqare.yml），是否应为“test-square”？") in result.stderr, result.stderr
    english = project.check(env={"YINGLIE_LANG": "en"})
    assert ('events/test-held-at.yml:4: facility: no memorial facility record "test-sqare" '
            '(expected martyrs/memorials/test-sqare.yml); did you mean "test-square"?') in english.stderr, english.stderr
