"""Every page kind, in a real browser, at the root of a host and under a sub-path.

Opening a page is the slow part of a browser test, so each page kind is opened
once per mount and viewport, and everything there is to check on it is checked
on that one visit, each check reported on its own (a pytest subtest):

- at the root of a host (the server also sends the policy header), on a desktop:
  the page renders, nothing fails or leaves the host, the Content-Security-Policy
  is in force and nothing trips it, and axe finds nothing serious in the normal
  reading mode;
- under SUB_PATH (the policy only in <meta>), on a desktop and on a phone: the
  same, plus screenshots for a reviewer and no sideways scrolling in every
  reading mode, each mode checked once with axe (large text and high contrast on
  a phone, both together on a desktop), and Tab reaching every control with a
  visible focus.

Before, the same checks opened each page kind 14 times and ran axe 6 times on it.
"""

from __future__ import annotations

import pytest

from browser import axe, keyboard, policy
from browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from browser.pages import PAGE_KINDS
from browser.modes import switch

KINDS = pytest.mark.parametrize("kind", PAGE_KINDS, ids=[k.name for k in PAGE_KINDS])
LARGE, CONTRAST = "大字", "高对比度"
MODE_NAMES = {LARGE: "large", CONTRAST: "contrast"}


def renders_cleanly(page, visit, kind) -> None:
    assert kind.expected_text in page.inner_text("main")
    # Material's own header and search are there: the theme's assets loaded.
    assert page.locator("header.md-header").is_visible()
    visit.assert_clean()


def passes_axe(page) -> None:
    found = axe.violations(page)
    if found:
        print(axe.describe(found))
    assert axe.blocking(found) == [], axe.describe(axe.blocking(found))


def screenshot(page, kind, viewport, modes: list[str]) -> None:
    """Screenshots for a reviewer, in test-artifacts/screenshots/ (one mount is enough),
    and nothing wider than the screen: no sideways scrolling, even with large text."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    suffix = "".join("-" + MODE_NAMES[label] for label in (LARGE, CONTRAST) if label in modes)
    target = SCREENSHOTS / f"{kind.name}-{viewport['width']}{suffix}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000  # a real picture, not a blank page
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def tab_reaches_every_control_with_a_visible_focus(page) -> None:
    controls = keyboard.controls(page)
    reached = keyboard.walk(page, limit=len(controls) * 2 + 20)
    reached_ids = {item["id"] for item in reached if item["id"] is not None}
    missed = [name for index, name in enumerate(controls) if str(index) not in reached_ids]
    assert len(controls) >= 3  # at least search and the two reading-mode switches
    assert missed == [], "not reachable with Tab"
    invisible = [f"{item['tag']} {item['text']}" for item in reached if not item["visible"]]
    assert invisible == [], "focus not visible"


# One class per mount and viewport: `make test` (pytest-xdist, --dist loadscope) hands
# each class, like each other test file, to one worker, so the three share both cores.

class TestAtTheRoot:
    @KINDS
    def test_page_at_the_root_with_the_policy_header(self, open_page, root_url, kind, subtests):
        page, visit = open_page(root_url + kind.path, viewport=DESKTOP)
        with subtests.test("renders with nothing failing or leaving the host"):
            renders_cleanly(page, visit, kind)
        with subtests.test("the policy is in force and nothing trips it"):
            policy.assert_in_force_and_not_tripped(page, visit.console)
        with subtests.test("no serious accessibility violations (normal reading mode)"):
            passes_axe(page)


# Reading modes turned on one after another on a single visit: each step's modes,
# measured and photographed, and checked with axe where the step says so. axe runs
# once per mode: normal at the root (above), large text and high contrast on a phone,
# both together on a desktop. On a phone both together is measured and photographed
# only: its colours are the high-contrast ones axe checked at normal size (where the
# contrast a text needs is higher), its sizes those it checked with large text.
MODE_STEPS = {
    "phone": [([LARGE], True), ([LARGE, CONTRAST], False), ([CONTRAST], True)],
    "desktop": [([LARGE, CONTRAST], True)],
}


class TestUnderASubPathOnAPhone:
    @KINDS
    def test_page_under_a_sub_path(self, open_page, sub_path_url, kind, subtests):
        check_under_a_sub_path(open_page, sub_path_url, kind, PHONE, subtests)


class TestUnderASubPathOnADesktop:
    @KINDS
    def test_page_under_a_sub_path(self, open_page, sub_path_url, kind, subtests):
        check_under_a_sub_path(open_page, sub_path_url, kind, DESKTOP, subtests)


def check_under_a_sub_path(open_page, sub_path_url, kind, viewport, subtests):
    page, visit = open_page(sub_path_url + kind.path, viewport=viewport)
    with subtests.test("renders with nothing failing or leaving the host"):
        renders_cleanly(page, visit, kind)
    with subtests.test("the policy (in <meta> only) is in force and nothing trips it"):
        policy.assert_in_force_and_not_tripped(page, visit.console)
    with subtests.test("screenshot, no sideways scrolling"):
        screenshot(page, kind, viewport, [])

    on: list[str] = []
    for modes, check_with_axe in MODE_STEPS["phone" if viewport is PHONE else "desktop"]:
        for label in sorted(set(on) ^ set(modes)):  # press only the switches that change
            switch(page, label)
        on = modes
        with subtests.test("reading mode: no sideways scrolling, passes axe", modes="+".join(modes)):
            assert page.evaluate("document.documentElement.getAttribute('data-ml-text')") == \
                ("large" if LARGE in modes else None)
            assert page.evaluate("document.documentElement.getAttribute('data-ml-contrast')") == \
                ("high" if CONTRAST in modes else None)
            screenshot(page, kind, viewport, modes)
            if check_with_axe:
                passes_axe(page)
    with subtests.test("nothing failed in any reading mode"):
        visit.assert_clean()

    # Back to the normal mode (undoing is test_reading_modes.py's), then the keyboard.
    for label in on:
        switch(page, label)
    with subtests.test("Tab reaches every control with a visible focus"):
        tab_reaches_every_control_with_a_visible_focus(page)


def test_missing_page_shows_the_styled_404_page_at_any_depth(open_page, site_url):
    """404.html is served at whatever address was missing, so its links must not be relative."""
    page, visit = open_page(site_url + "martyrs/no-such-record/deeper/")
    assert "404" in page.inner_text("main")
    assert page.locator("header.md-header").is_visible()
    # The stylesheet loaded: the header has the memorial colour, not the browser default.
    assert page.evaluate("getComputedStyle(document.querySelector('header.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)"
    # The page itself is the one thing missing; every asset of the 404 page loaded.
    assert visit.failed_requests == [f"404 {site_url}martyrs/no-such-record/deeper/"]
    assert visit.outside_requests == []
    assert len(visit.console_errors) == 1 and "404" in visit.console_errors[0]
    # The policy holds on the 404 page too (at the root with the header as well).
    policy.assert_in_force_and_not_tripped(page, visit.console)
