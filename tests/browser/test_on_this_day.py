"""今日纪念 in a real browser, with the clock set: the home page under a sub-path
shows the martyr whose death anniversary is "today", and makes sense without JavaScript.

Uses the shared browser fixture (tests/browser/conftest.py).
"""

from __future__ import annotations

import textwrap

import pytest


from browser.server import serve
from conftest import copy_project

SUB_PATH = "/zt/yinglie/"
FIXTURE_MARTYR = textwrap.dedent("""
    name: 测试烈士
    born: 1920-03-05
    died: 1949-11-27
    period: 解放战争时期
    sources:
      - title: 测试资料
        where: 测试用，非真实记录
""")


@pytest.fixture(scope="module")
def home_url(tmp_path_factory, browser):
    project = copy_project(tmp_path_factory.mktemp("on-this-day") / "project")
    project.write("martyrs/test-martyr.yml", FIXTURE_MARTYR)
    result = project.build(env={"SITE_URL": f"https://www.example.gov.cn{SUB_PATH}"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.site, SUB_PATH) as url:
        yield url


def open_home(browser, url: str, now: str, javascript: bool = True):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", java_script_enabled=javascript)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if javascript:
        page.clock.set_fixed_time(now)
    page.goto(url, wait_until="networkidle")
    return context, page, errors


def test_death_anniversary_shows_on_that_day(browser, home_url):
    context, page, errors = open_home(browser, home_url, "2024-11-27T09:00:00+08:00")
    try:
        today = page.locator("[data-today-list]")
        today.get_by_role("link", name="测试烈士").wait_for(timeout=5000)
        assert "今天是11月27日" in today.inner_text()
        assert "牺牲75周年纪念日" in today.inner_text()
        href = today.get_by_role("link", name="测试烈士").evaluate("a => a.href")
        assert href == home_url + "martyrs/test-martyr/"
        assert errors == []
    finally:
        context.close()


def test_other_days_say_there_is_nothing_today(browser, home_url):
    context, page, errors = open_home(browser, home_url, "2024-11-28T09:00:00+08:00")
    try:
        today = page.locator("[data-today-list]")
        today.locator("p").nth(1).wait_for(timeout=5000)
        assert "今天没有记录在案" in today.inner_text()
        assert today.get_by_role("link").count() == 0
    finally:
        context.close()


def test_fixed_days_are_named(browser, home_url):
    for now, expected in (("2025-09-30T08:00:00+08:00", "烈士纪念日"), ("2026-04-05T08:00:00+08:00", "清明节")):
        context, page, _ = open_home(browser, home_url, now)
        try:
            date_line = page.locator(".ml-today__date")
            date_line.wait_for(timeout=5000)
            assert expected in date_line.inner_text()
        finally:
            context.close()


def test_without_javascript_the_section_points_to_the_calendar(browser, home_url):
    context, page, _ = open_home(browser, home_url, "", javascript=False)
    try:
        section = page.locator("[data-on-this-day]")
        assert section.locator("[data-today-list]").inner_text().strip() == ""
        calendar = section.get_by_role("link", name="纪念日历")
        assert calendar.is_visible()
        assert calendar.evaluate("a => a.href") == home_url + "events/calendar.ics"
    finally:
        context.close()
