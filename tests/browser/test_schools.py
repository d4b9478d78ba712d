"""The classroom kit as a teacher uses it, in a real browser: from the home page to
教师专区, a period's story cards printed to PDF (A4 landscape, two A5 cards a sheet),
and the projector view driven by the keys a keyboard and a clicker send. Screenshots
go to test-artifacts/screenshots/ for a reviewer.

The site is a fixture project (tests/test_schools.py writes its made-up records),
served under a sub-path with the policy header the README's server sends.
"""

from __future__ import annotations

import pytest

from browser.conftest import SCREENSHOTS, SERVER_HEADERS
from browser.policy import violations
from browser.server import serve
from conftest import copy_project
from test_memorials import pdf_pages
from test_schools import A4_LANDSCAPE, LIBERATION, NOT_WRITTEN, write_fixture

SUB_PATH = "/zt/yinglie/"


@pytest.fixture(scope="module")
def kit_url(tmp_path_factory, browser):
    project = copy_project(tmp_path_factory.mktemp("schools-browser") / "project")
    write_fixture(project)
    result = project.build(env={"SITE_URL": f"https://www.example.gov.cn{SUB_PATH}"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.site, SUB_PATH, headers=SERVER_HEADERS) as url:
        yield url


def shoot(page, name: str, full_page: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"schools-{name}.png"
    page.screenshot(path=str(target), full_page=full_page)
    assert target.stat().st_size > 10_000  # a real picture, not a blank page


def test_from_home_to_a_periods_story_cards_printed(open_page, kit_url, tmp_path):
    page, visit = open_page(kit_url)
    page.get_by_role("link", name="教师专区").first.click()
    page.wait_for_url(kit_url + "teachers/")
    assert page.get_by_role("heading", name="教师专区", level=1).is_visible()
    shoot(page, "teachers")

    group = page.locator("li", has_text=LIBERATION).filter(has=page.locator("[data-card-group^=period-]"))
    group.get_by_role("link", name="初中版").click()
    page.wait_for_load_state("load")
    assert page.url.startswith(kit_url + "teachers/cards/period-") and page.url.endswith("#chuzhong")
    # Only the chosen stage shows: the period's three martyrs, two cards a sheet.
    cards = page.locator(".story-card:visible")
    assert cards.count() == 3
    assert sorted(cards.evaluate_all("cards => cards.map(c => c.dataset.recordId)")) == \
        ["test-li", "test-wang", "test-zhang"]
    assert all("chuzhong" in stages.split()
               for stages in cards.evaluate_all("cards => cards.map(c => c.dataset.stages)"))
    assert page.locator("[data-print]").is_visible()  # the print button's script ran under the policy
    shoot(page, "period-cards")

    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    (tmp_path / "cards.pdf").write_bytes(pdf)
    boxes = pdf_pages(pdf)
    assert len(boxes) == 2 and all(box == pytest.approx(A4_LANDSCAPE, abs=1.5) for box in boxes)
    assert violations(page) == []
    visit.assert_clean()


def test_projector_moves_one_part_at_a_time_with_arrows_and_a_clicker(open_page, kit_url):
    page, visit = open_page(kit_url + "martyrs/test-wang/")
    page.get_by_role("link", name="投影讲述").click()
    page.wait_for_url(kit_url + "martyrs/test-wang/projector/")
    page.wait_for_selector(".pj-ready")
    assert page.locator(".md-header, .md-nav, .md-footer").count() == 0  # no site chrome

    current = page.locator(".pj-part.is-current")

    def shown() -> str:
        assert page.locator(".pj-part:visible").count() == 1  # one part per screen
        return current.inner_text()

    # Default stage: 小学, no story written for it: the record's own text, and the notice.
    assert "王测试" in shown() and NOT_WRITTEN in shown()
    shoot(page, "projector-title", full_page=False)
    page.keyboard.press("ArrowRight")
    assert "王测试的测试简介。" in shown()
    page.keyboard.press("PageDown")  # a clicker's "next"
    assert "王测试的测试事迹第一段。" in shown()
    page.keyboard.press("Space")
    assert "王测试的测试事迹第二段。" in shown()
    page.keyboard.press("PageUp")  # a clicker's "back"
    assert "王测试的测试事迹第一段。" in shown()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    assert "王测试" in shown() and NOT_WRITTEN in shown()
    page.keyboard.press("End")
    assert "资料来源" in shown()

    # The 初中 story staff wrote, part by part.
    page.evaluate("location.hash = '#chuzhong'")
    page.wait_for_function("document.body.dataset.stage === 'chuzhong'")
    assert NOT_WRITTEN not in shown()
    page.keyboard.press("ArrowDown")
    assert "初中版测试故事第一段" in shown()
    size = current.evaluate("part => parseFloat(getComputedStyle(part).fontSize)")
    assert size >= 32  # very large type
    shoot(page, "projector-story", full_page=False)
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert "测试讨论题一？" in shown()
    assert page.locator("[data-count]").inner_text() == "4 / 5"
    assert violations(page) == []
    visit.assert_clean()
