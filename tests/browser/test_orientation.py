"""Where am I, in a real browser: breadcrumbs and the section's tab, the 404 page's
search and way home, a year's roll opened town by town, the honors table on a phone,
and what a printed page carries (no reading-mode buttons; 演示数据 while the demo
setting is on)."""

from __future__ import annotations

import re

from browser.conftest import DESKTOP, PHONE


def test_a_martyr_page_shows_its_place_and_its_section_tab(open_page, sub_path_url):
    page, visit = open_page(sub_path_url + "martyrs/qi-nanxun/")
    trail = page.get_by_role("navigation", name="当前位置")
    assert trail.is_visible()
    assert trail.locator("li").all_inner_texts() == ["首页", "英烈名录", "漆南薰"]
    assert trail.locator("[aria-current=page]").inner_text() == "漆南薰"
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1 and active.inner_text().strip() == "英烈名录"
    trail.get_by_role("link", name="英烈名录").click()
    page.wait_for_url(sub_path_url + "martyrs/")
    visit.assert_clean()


def test_breadcrumbs_show_on_a_phone_where_the_tabs_do_not(open_page, sub_path_url):
    page, visit = open_page(sub_path_url + "honors/2022/townships/", PHONE)
    trail = page.get_by_role("navigation", name="当前位置")
    assert trail.is_visible()
    assert trail.locator("li").all_inner_texts() == ["首页", "荣誉榜", "2022年度荣誉榜", "2022年度荣誉榜（按镇街）"]
    box = trail.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    visit.assert_clean()


def test_the_404_page_searches_the_records_and_leads_home(open_page, sub_path_url):
    # A deep address no page has, as an old link or a weathered plaque gives it.
    page, visit = open_page(sub_path_url + "martyrs/old/plaque/no-such-page/")
    assert page.locator("h1").inner_text() == "没有找到这个页面"
    assert "Not found" not in page.content()
    page.get_by_label("查找英烈姓名、籍贯或纪念设施").fill("漆南薰")
    page.get_by_role("button", name="查找").click()
    result = page.locator(".ml-record-results .md-search-result__item a").first
    result.wait_for(state="visible")
    assert "漆南薰" in result.inner_text()
    assert result.get_attribute("href").endswith("/zt/yinglie/martyrs/qi-nanxun/")
    page.keyboard.press("Escape")
    page.goto(sub_path_url + "a/b/c/d/", wait_until="load")
    page.get_by_role("link", name="返回本站首页").click()
    page.wait_for_url(sub_path_url)
    assert page.locator("h1").first.is_visible()
    # The only failures are the two missing addresses themselves.
    assert all(" 404 " in f" {failure} " for failure in visit.failed_requests), visit.failed_requests
    assert visit.console_errors == [] or all("404" in error for error in visit.console_errors), visit.console_errors
    assert page.evaluate("() => window.__violations") == []


def test_a_year_of_notices_opens_town_by_town_on_a_phone(open_page, sub_path_url):
    page, visit = open_page(sub_path_url + "honors/2022/", PHONE)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < 8000, height  # 251 names, closed by town
    names = page.locator(".ml-honor__name")
    assert names.count() == 251 and not names.first.is_visible()
    town = page.locator("details.ml-honors__town").first
    town.locator("summary").click()
    shown = town.locator(".ml-honor__name")
    assert shown.count() >= 1 and shown.first.is_visible()
    visit.assert_clean()


def test_a_search_result_opens_the_town_holding_the_notice(open_page, sub_path_url):
    page, _ = open_page(sub_path_url + "honors/2022/")
    anchor = page.locator("details.ml-honors__town").nth(3).get_attribute("id")
    assert not page.locator("#" + anchor).locator(".ml-honor__name").first.is_visible()
    page.goto(sub_path_url + "honors/2022/#" + anchor, wait_until="load")
    page.wait_for_function(f"() => document.getElementById('{anchor}').open")
    assert page.locator("#" + anchor).locator(".ml-honor__name").first.is_visible()


def test_the_honors_table_shows_its_total_column_on_a_phone(open_page, sub_path_url):
    page, visit = open_page(sub_path_url + "honors/", PHONE)
    total = page.locator(".ml-honors__summary thead th", has_text="合计")
    box = total.bounding_box()
    cue = page.locator(".ml-table-scroll__cue")
    # Either the whole column is on screen, or the table says it scrolls.
    assert box["x"] + box["width"] <= PHONE["width"] or cue.is_visible()
    visit.assert_clean()


def test_printed_pages_lose_the_buttons_and_carry_the_demo_mark(open_page, sub_path_url):
    for address in ("martyrs/qi-nanxun/", "", "events/2022-wujin/"):
        page, _ = open_page(sub_path_url + address)
        assert page.get_by_role("button", name="大字").is_visible()
        page.emulate_media(media="print")
        assert not page.get_by_role("button", name="大字").is_visible()
        assert not page.get_by_role("button", name="高对比度").is_visible()
        notice = page.locator(".ml-demo-notice")
        assert notice.is_visible() and "演示数据" in notice.inner_text()
        assert page.pdf(format="A4")[:4] == b"%PDF"


def test_a_printed_year_of_notices_lists_every_name(open_page, sub_path_url):
    page, _ = open_page(sub_path_url + "honors/2022/")
    page.emulate_media(media="print")
    names = page.locator(".ml-honor__name")
    assert names.nth(0).is_visible() and names.nth(250).is_visible()  # closed towns print open
    assert page.locator(".ml-honors__print-demo").is_visible()


def test_a_printed_plaque_sheet_carries_the_demo_mark(open_page, sub_path_url):
    page, _ = open_page(sub_path_url + "martyrs/qi-nanxun/plaque/")
    page.emulate_media(media="print")
    mark = page.locator("#a4 .plaque__demo")
    assert mark.is_visible() and mark.inner_text().startswith("演示数据")


def test_jump_links_reach_each_stroke_group(open_page, sub_path_url):
    page, visit = open_page(sub_path_url + "martyrs/", DESKTOP)
    jump = page.get_by_role("navigation", name="按姓氏笔画跳转")
    links = jump.get_by_role("link")
    assert links.count() >= 1
    last = links.nth(links.count() - 1)
    heading = re.sub(r"（\d+）$", "", last.inner_text())
    last.click()
    target = page.get_by_role("heading", name=re.compile("^" + heading))
    target.wait_for()
    assert page.url.endswith(last.get_attribute("href"))
    visit.assert_clean()


def _split_record(name: str, period: str, died: str) -> str:
    return f"""
        name: {name}
        died: "{died}"
        period: {period}
        sources:
          - title: 测试资料
            where: 测试用
        """


def test_a_split_directory_keeps_its_filters_on_each_group_page(open_page, tmp_path_factory):
    """Above `directory_page_names` the directory is an index of groups; the filters
    work over the names of the group page shown."""
    from conftest import copy_project
    from browser.server import serve

    project = copy_project(tmp_path_factory.mktemp("split-directory") / "project")
    for n in range(56):  # 李: seven strokes; every fourth died in the war of resistance
        period, died = ("抗日战争时期", "1940") if n % 4 == 0 else ("解放战争时期", "1948")
        project.write(f"martyrs/li-{n:02d}.yml", _split_record(f"李{'甲乙丙丁戊己庚辛'[n % 8]}{'一二三四五六七'[n // 8]}", period, died))
    settings = project.root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "  records:\n", "  records:\n    directory_page_names: 50\n", 1), encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.site, "/zt/yinglie/") as url:
        page, visit = open_page(url + "martyrs/")
        assert page.locator("[data-directory-filters]").count() == 0  # the index holds no names
        page.get_by_role("navigation", name="按姓氏笔画跳转").get_by_role("link", name="七画（56）").click()
        page.wait_for_url(url + "martyrs/strokes/7/")
        names = page.locator("[data-directory] li:visible .ml-directory__name")
        assert names.count() == 50  # the first part; the other 6 are on martyrs/strokes/7/2/
        in_war = page.locator('[data-directory] li[data-period="抗日战争时期"]').count()
        assert 0 < in_war < 50
        page.get_by_label("历史时期").select_option("抗日战争时期")
        assert names.count() == in_war
        assert page.locator("[data-directory-count]").inner_text() == f"显示 {in_war} / 50 位"
        visit.assert_clean()
