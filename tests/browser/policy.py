"""The Content-Security-Policy as a browser test sees it: violations the page reports,
and Chromium's "Refused to …" console messages, caught both ways."""

from __future__ import annotations

# Every violation the page reports, from the first byte on (an init script runs before the page's own).
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
}, true);
"""


def violations(page) -> list[str]:
    return page.evaluate("window.__violations")


def refused(console: list[str]) -> list[str]:
    return [text for text in console if "Content Security Policy" in text or text.startswith("Refused")]


def assert_in_force_and_not_tripped(page, console: list[str], *, plaque_sheet: bool = False) -> None:
    """The policy is in force (a page without it would pass trivially), the site's own
    scripts ran under it, and nothing on the page tripped it."""
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    # Material's bundle (its search box is wired), the reading-mode switches, the
    # plaque sheet's print button.
    if plaque_sheet:
        assert page.locator("[data-print]").is_visible()
    else:
        assert page.evaluate("typeof __md_get === 'function' && typeof __md_scope === 'object'")
        assert page.locator("[data-reading-modes]").is_visible()
        assert page.evaluate("document.documentElement.classList.contains('js')")  # set by the bundle
    assert violations(page) == []
    assert refused(console) == []
