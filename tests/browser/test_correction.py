"""纠错 / 提供线索 and 网上祭扫 in a real browser: the correction form names the record from
the site's own index, composes the e-mail, prints as a paper form; the home page's online
tribute section is highlighted by the visitor's date. Contact details and the tribute
page are obviously fictional (example domains), set in the test's own copy.

Uses the shared browser fixtures (tests/browser/conftest.py).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from browser.conftest import SCREENSHOTS
from browser.policy import violations
from browser.server import serve
from conftest import copy_project

SUB_PATH = "/zt/yinglie/"
SITE_URL = f"https://www.example.gov.cn{SUB_PATH}"
EMAIL = "jiuzheng@example.gov.cn"
SETTINGS = f"""  contact:
    email: {EMAIL}
    phone: "023-0000 0000"
  tribute:
    links:
      - {{name: 测试网上祭扫平台, url: "https://tribute.example.org/jisao/"}}
"""


@pytest.fixture(scope="module")
def base(tmp_path_factory, browser):
    project = copy_project(tmp_path_factory.mktemp("correction") / "project")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start, end = text.index("  contact:"), text.index("  records:")
    config.write_text(text[:start] + SETTINGS + text[end:], encoding="utf-8")
    result = project.build(env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    with serve(project.site, SUB_PATH) as url:
        yield url


def _mail(page) -> tuple[str, dict]:
    href = page.locator("[data-correction-mail]").get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    return parts.path, {key: values[0] for key, values in parse_qs(parts.query).items()}


def test_from_a_martyr_page_the_form_names_the_record_and_composes_the_mail(open_page, base):
    page, visit = open_page(base + "martyrs/qi-nanxun/")
    page.get_by_role("link", name="打开纠错与线索登记表（可打印）").click()
    page.wait_for_url(base + "correction/?id=qi-nanxun")
    name = page.locator("[data-correction-name]")
    page.wait_for_function("() => document.querySelector('[data-correction-name]').textContent !== ''")
    assert name.inner_text() == "漆南薰"
    address = page.locator("[data-correction-address] a")
    assert address.inner_text() == SITE_URL + "martyrs/qi-nanxun/"
    assert address.evaluate("a => a.href") == base + "martyrs/qi-nanxun/"
    to, fields = _mail(page)
    assert to == EMAIL
    assert fields["subject"] == "纠错/提供线索：漆南薰"
    assert fields["body"].startswith(f"记录：漆南薰\r\n页面：{SITE_URL}martyrs/qi-nanxun/\r\n")
    assert page.locator("[data-correction-print]").is_enabled()
    assert violations(page) == []
    visit.assert_clean()


@pytest.mark.parametrize("query", ["?id=no-such-record", "?id=%3Cb%3E", "?id=../../about", ""])
def test_an_id_the_site_does_not_hold_leaves_the_form_blank(open_page, base, query):
    page, visit = open_page(base + "correction/" + query)
    assert page.locator("[data-correction-name]").inner_text() == ""
    assert page.locator("[data-correction-address]").inner_text() == ""
    to, fields = _mail(page)
    assert to == EMAIL and fields["subject"] == "纠错/提供线索："
    visit.assert_clean()


def test_without_javascript_the_form_has_blank_lines_and_the_mail_still_opens(browser, base):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + "correction/?id=qi-nanxun")
        assert page.locator("[data-correction-name]").inner_text() == ""
        to, _fields = _mail(page)
        assert to == EMAIL
        # The martyr page's own e-mail link names the record without any script.
        page.goto(base + "martyrs/qi-nanxun/")
        href = page.get_by_role("link", name="发邮件纠错或提供线索").get_attribute("href")
        assert parse_qs(urlsplit(href).query)["subject"] == ["纠错/提供线索：漆南薰"]
    finally:
        context.close()


def test_the_form_prints_alone_on_one_page(open_page, base):
    page, _visit = open_page(base + "correction/?id=qi-nanxun")
    page.wait_for_function("() => document.querySelector('[data-correction-name]').textContent !== ''")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-footer", ".md-sidebar--primary", ".ml-reading", ".ml-correction__actions",
                   ".md-content h1"):
        assert not page.locator(hidden).first.is_visible(), hidden
    form = page.locator(".ml-correction__form")
    assert form.is_visible()
    assert "漆南薰" in form.inner_text() and "交：" in form.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = page.pdf(format="A4", path=str(SCREENSHOTS / "correction-form.pdf"))
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) == 1  # one sheet of paper


def _home(browser, base, now: str):
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai")
    page = context.new_page()
    page.clock.set_fixed_time(now)
    page.goto(base, wait_until="networkidle")
    return context, page


@pytest.mark.parametrize("now, note", [
    ("2024-04-01T09:00:00+08:00", "还有3天就是清明节（4月4日）"),
    ("2024-04-04T09:00:00+08:00", "今天是清明节（4月4日）"),
    ("2025-09-27T09:00:00+08:00", "还有3天就是烈士纪念日（9月30日）"),
    ("2025-10-03T09:00:00+08:00", "烈士纪念日刚过（9月30日）"),
])
def test_the_online_tribute_is_highlighted_in_season(browser, base, now, note):
    context, page = _home(browser, base, now)
    try:
        section = page.locator("[data-tribute]")
        page.wait_for_function("() => document.querySelector('[data-tribute]').classList.contains('ml-tribute--season')")
        assert section.locator("[data-tribute-note]").inner_text().startswith(note)
        assert section.get_by_role("link", name="测试网上祭扫平台").get_attribute("href") == "https://tribute.example.org/jisao/"
    finally:
        context.close()


def test_out_of_season_the_links_show_without_the_highlight(browser, base):
    context, page = _home(browser, base, "2024-06-15T09:00:00+08:00")
    try:
        section = page.locator("[data-tribute]")
        assert section.get_by_role("link", name="测试网上祭扫平台").is_visible()
        page.wait_for_timeout(300)  # the script's month files have loaded (networkidle) and it has run
        assert "ml-tribute--season" not in section.get_attribute("class")
        assert section.locator("[data-tribute-note]").inner_text().startswith("清明节、烈士纪念日")
    finally:
        context.close()
