"""Every page kind, in a real browser, at the root of a host and under a sub-path."""

from __future__ import annotations

import pytest

from browser import axe
from browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from browser.pages import PAGE_KINDS

KINDS = pytest.mark.parametrize("kind", PAGE_KINDS, ids=[k.name for k in PAGE_KINDS])


@KINDS
def test_page_renders_with_nothing_failing_or_leaving_the_host(open_page, site_url, kind):
    page, visit = open_page(site_url + kind.path)
    assert kind.expected_text in page.inner_text("main")
    # Material's own header and search are there: the theme's assets loaded.
    assert page.locator("header.md-header").is_visible()
    visit.assert_clean()


@KINDS
def test_page_has_no_serious_accessibility_violations(open_page, site_url, kind):
    page, _ = open_page(site_url + kind.path)
    found = axe.violations(page)
    if found:
        print(axe.describe(found))
    assert axe.blocking(found) == [], axe.describe(axe.blocking(found))


@KINDS
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_screenshot(open_page, sub_path_url, kind, viewport):
    """Screenshots for a reviewer, in test-artifacts/screenshots/ (one mount is enough)."""
    page, visit = open_page(sub_path_url + kind.path, viewport=viewport)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{kind.name}-{viewport['width']}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000  # a real picture, not a blank page
    # Nothing wider than the screen: no sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    visit.assert_clean()


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
