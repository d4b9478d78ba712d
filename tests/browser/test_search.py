"""Record search in a real browser: a name, pinyin initials and a place find the record.

Builds a small project (demo records, generated records and one test record) and
serves it under a sub-path, with the shared browser fixtures (tests/browser/conftest.py).
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest

from browser.server import serve
from conftest import SEARCHABLE_RECORD, copy_project
from yinglie.synthetic import write_martyrs

SUB_PATH = "/zt/yinglie/"
FACILITY = "name: 测试英烈纪念馆\ntype: 纪念堂馆\nlevel: 区县级\n"


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    """The site built from a small dataset, served at http://127.0.0.1:<port>/zt/yinglie/."""
    project = copy_project(tmp_path_factory.mktemp("search") / "project")
    write_martyrs(project.root, 40, seed=7)
    project.write("martyrs/test-search.yml", SEARCHABLE_RECORD)
    project.write("martyrs/memorials/test-search-hall.yml", FACILITY)
    result = project.build()
    assert result.returncode == 0, result.stderr
    with serve(project.site, SUB_PATH) as base:
        yield base, project.site


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    base, _site = served_site
    outside = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def route(route):
        if urlsplit(route.request.url).hostname != "127.0.0.1":
            outside.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/*", route)
    page.goto(base)
    yield page, base, outside
    context.close()


def _first_result(page, query: str) -> tuple[str, str]:
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill(query)
    first = page.locator(".ml-record-results .md-search-result__item a").first
    first.wait_for(timeout=10_000)
    return first.locator("h1").inner_text(), first.get_attribute("href")


@pytest.mark.parametrize(
    "query, name, address",
    [
        ("漆南薰", "漆南薰", "martyrs/qi-nanxun/"),  # full Chinese name
        ("南薰", "漆南薰", "martyrs/qi-nanxun/"),  # part of a name
        ("qnx", "漆南薰", "martyrs/qi-nanxun/"),  # pinyin initials
        ("qinanxun", "漆南薰", "martyrs/qi-nanxun/"),  # full pinyin
        ("jiewenming", "解文明", "martyrs/test-search/"),  # the record's own surname reading
        ("青石乡", "解文明", "martyrs/test-search/"),  # native place
        ("测试烈士陵园", "解文明", "martyrs/test-search/"),  # resting place
    ],
)
def test_query_finds_record_first(search_page, served_site, query, name, address):
    page, base, outside = search_page
    _base, site = served_site
    # The test's expectations hold only if no generated record competes for the query.
    index = json.loads((site / "data" / "search-records.json").read_text(encoding="utf-8"))
    assert [row[1] for row in index["r"] if row[3] == "qnx"] == ["漆南薰"]
    title, href = _first_result(page, query)
    assert title.startswith(name)
    assert href == base + address  # resolved under the sub-path
    assert outside == []


def test_period_query_lists_records_of_that_period(search_page, served_site):
    page, _base, _outside = search_page
    _first_result(page, "抗日战争时期")
    facts = page.locator(".ml-record-results .md-search-result__item p").all_inner_texts()
    assert facts and all("抗日战争时期" in text for text in facts)


def test_content_pages_still_found_by_materials_search(search_page):
    page, base, _outside = search_page
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("资料来源")
    box.press("End")  # Material reads the query on key events; fill() sends none
    material = page.locator("[data-md-component=search-result] .md-search-result__item a").first
    material.wait_for(timeout=15_000)
    assert material.get_attribute("href").startswith(base)


def test_search_works_on_a_phone(search_page):
    """On a phone the search box is behind the header's search button."""
    page, base, outside = search_page
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.goto(base)
        page.locator(".md-header label.md-header__button[for=__search]").click()
        box = page.locator("input[data-md-component=search-query]")
        box.fill("青石乡")
        first = page.locator(".ml-record-results .md-search-result__item a").first
        first.wait_for(timeout=10_000)
        assert first.is_visible()
        first.click()
        page.wait_for_url(base + "martyrs/test-search/")
        assert page.locator("h1").first.inner_text() == "解文明"
        assert outside == []
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(base)


def test_search_from_a_record_page_links_under_the_sub_path(search_page):
    page, base, outside = search_page
    page.goto(base + "martyrs/ran-jun/")
    try:
        title, href = _first_result(page, "qnx")
        assert title.startswith("漆南薰")
        assert href == base + "martyrs/qi-nanxun/"
        assert outside == []
    finally:
        page.goto(base)


def test_award_notices_are_found_by_town_and_open_on_their_year_page(search_page):
    page, base, outside = search_page
    page.goto(base)
    title, href = _first_result(page, "杜市镇 二等功")
    assert title.startswith("杜某")
    assert re.fullmatch(re.escape(base + "honors/2022/#") + r"a\d+-t\d+", href)
    page.goto(href)
    # The town of that class, opened by the page's script, holding the name.
    town = page.locator(f"details[id='{href.split('#')[1]}']")
    page.wait_for_function("id => document.getElementById(id).open", arg=href.split("#")[1])
    assert "杜市镇" in town.locator("summary").inner_text()
    assert town.locator(".ml-honor__name", has_text="杜某").first.is_visible()
    assert "二等功" in town.locator("xpath=ancestor::section").locator("h2").inner_text()
    assert outside == []


def _results(page) -> list[tuple[str, str, str]]:
    """(title, kind label, href) of every record result shown."""
    items = page.locator(".ml-record-results .md-search-result__item a")
    return [(item.locator("h1").evaluate("h => h.firstChild.textContent"),
             item.locator(".ml-record-result__kind").inner_text(), item.get_attribute("href"))
            for item in items.all()]


def test_qingming_finds_the_qingming_events(search_page, served_site):
    page, base, outside = search_page
    _base, site = served_site
    page.goto(base)
    _first_result(page, "清明")
    index = json.loads((site / "data" / "search-records.json").read_text(encoding="utf-8"))
    expected = {base + row[4] for row in index["r"] if row[0] == "e" and "清明" in row[1]}
    assert expected  # the fixture's demo events include 清明 ones
    shown = {href for _title, kind, href in _results(page) if kind == "纪念活动"}
    assert expected <= shown
    assert outside == []


def test_an_events_title_finds_it_and_the_result_opens_it(search_page, served_site):
    page, base, outside = search_page
    _base, site = served_site
    index = json.loads((site / "data" / "search-records.json").read_text(encoding="utf-8"))
    event = next(row for row in index["r"] if row[0] == "e")
    page.goto(base)
    title, href = _first_result(page, event[1])
    assert title.startswith(event[1]) and title.endswith("纪念活动")
    assert href == base + event[4]
    page.locator(".ml-record-results .md-search-result__item a").first.click()
    page.wait_for_url(base + event[4])
    assert page.locator("h1").first.inner_text() == event[1]
    page.goto(base)
    assert outside == []


@pytest.mark.parametrize("query", ["测试英烈纪念馆", "纪念馆", "csyljng"])
def test_a_facilitys_name_or_its_initials_find_it(search_page, query):
    page, base, outside = search_page
    page.goto(base)
    title, href = _first_result(page, query)
    assert title == "测试英烈纪念馆纪念设施"  # the heading, then the kind's label
    assert href == base + "memorials/test-search-hall/"
    assert outside == []


RECORD_SEARCH_FILES = ("/assets/record-search.js", "/assets/site-data.js", "/data/search-records.json")


def test_the_record_search_loads_when_the_visitor_turns_to_the_search_box(browser, served_site):
    """A visitor who never searches fetches neither the record search nor its index;
    the first focus of the box adds the scripts, the first query fetches the index."""
    base, _site = served_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(urlsplit(request.url).path))
    try:
        page.goto(base + "martyrs/ran-jun/", wait_until="load")
        page.wait_for_timeout(300)
        assert [path for path in fetched if path.endswith(RECORD_SEARCH_FILES)] == []
        page.locator("input[data-md-component=search-query]").focus()
        page.wait_for_function("() => !!document.querySelector('.ml-record-results') && !!window.yinglieData")
        # One script: the data reader comes inside it (minify.py).
        assert [path for path in fetched if path.endswith(RECORD_SEARCH_FILES)] == [SUB_PATH + "assets/record-search.js"]
        title, _href = _first_result(page, "qnx")
        assert title.startswith("漆南薰")
        assert fetched.count(SUB_PATH + "data/search-records.json") == 1
    finally:
        context.close()


def test_a_query_typed_before_the_record_search_arrived_is_answered(browser, served_site):
    """The 404 page's form (and a script) puts words into the box without a focus of its
    own first: the record search, added by that input, answers the words already there."""
    base, _site = served_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(base + "martyrs/ran-jun/", wait_until="load")
        page.evaluate("""() => {
            const box = document.querySelector("input[data-md-component=search-query]");
            box.value = "qnx";
            box.dispatchEvent(new Event("input", {bubbles: true}));
        }""")
        first = page.locator(".ml-record-results .md-search-result__item a").first
        first.wait_for(state="attached", timeout=10_000)
        assert first.locator("h1").evaluate("h => h.firstChild.textContent") == "漆南薰"
    finally:
        context.close()
