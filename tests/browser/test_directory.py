"""The martyr directory in the browser: filters, the order switch, keyboard use.

The demo records give every period and native place as 不详, so these tests add
test records with varied values to a throw-away copy of the project.
"""

from __future__ import annotations

import pytest

from browser.server import serve

TEST_RECORDS = {
    # id: (name, native place, period, died)
    "wang-jia": ("王甲", "江津", "抗日战争时期", "1940"),
    "li-yi": ("李乙", "綦江", "解放战争时期", "1948"),
    "zhang-bing": ("张丙", "江津", "解放战争时期", "1949-11"),
}
OURS = [name for name, *_ in TEST_RECORDS.values()]


@pytest.fixture(scope="module")
def directory_url(tmp_path_factory, browser):
    from conftest import copy_project, martyr_record  # the project-wide fixture helpers

    project = copy_project(tmp_path_factory.mktemp("directory") / "project")
    for record_id, values in TEST_RECORDS.items():
        project.write(f"martyrs/{record_id}.yml", martyr_record(*values))
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.site, "/zt/yinglie/") as url:
        yield url + "martyrs/"


def shown_names(page) -> list[str]:
    return page.locator("[data-directory] li:visible .ml-directory__name").all_inner_texts()


def test_filters_narrow_the_list_and_say_how_many(open_page, directory_url):
    page, visit = open_page(directory_url)
    total = len(shown_names(page))
    assert total == 7 and set(OURS) <= set(shown_names(page))
    count = page.locator("[data-directory-count]")
    assert count.inner_text() == "显示 7 / 7 位"

    page.get_by_label("历史时期").select_option("解放战争时期")
    assert shown_names(page) == ["李乙", "张丙"]
    assert count.inner_text() == "显示 2 / 7 位"

    page.get_by_label("籍贯").select_option("江津")
    assert shown_names(page) == ["张丙"]

    page.get_by_label("历史时期").select_option("抗日战争时期")
    assert shown_names(page) == ["王甲"]

    page.get_by_label("籍贯").select_option("綦江")
    assert shown_names(page) == []
    assert page.locator("[data-directory-empty]").is_visible()

    page.get_by_label("历史时期").select_option("")
    page.get_by_label("籍贯").select_option("")
    assert len(shown_names(page)) == total
    assert not page.locator("[data-directory-empty]").is_visible()
    visit.assert_clean()


def test_order_switch_changes_the_order(open_page, directory_url):
    page, visit = open_page(directory_url)
    by_strokes = [name for name in shown_names(page) if name in OURS]
    assert by_strokes == ["王甲", "李乙", "张丙"]  # 王 4 strokes; 李 and 张 7, 李 starts with 一
    assert page.get_by_role("link", name="按姓氏笔画").get_attribute("aria-current") == "page"

    page.get_by_role("link", name="按拼音").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/zt/yinglie/martyrs/pinyin/")
    assert page.get_by_role("link", name="按拼音").get_attribute("aria-current") == "page"
    assert [name for name in shown_names(page) if name in OURS] == ["李乙", "王甲", "张丙"]  # li, wang, zhang
    visit.assert_clean()


def test_filters_work_with_the_keyboard_alone(open_page, directory_url):
    page, _ = open_page(directory_url)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "period":
            break
    else:
        pytest.fail("Tab never reached the period filter")
    page.keyboard.press("ArrowDown")  # the first period in the list
    assert page.evaluate("document.activeElement.value") == "抗日战争时期"
    assert shown_names(page) == ["王甲"]
