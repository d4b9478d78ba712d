"""Reading modes for older visitors: larger text and high contrast, kept across pages.

Every page kind in every mode is checked with axe by test_pages.py."""

from __future__ import annotations

import pytest

from browser.modes import switch

# The computed look of the first paragraph of body text, and the colour behind it.
_BODY_TEXT = """() => {
  const p = document.querySelector('main .md-typeset p, main p');
  const style = getComputedStyle(p);
  let node = p, background = 'rgba(0, 0, 0, 0)';
  while (node && node.nodeType === 1) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { background = bg; break; }
    node = node.parentElement;
  }
  if (background === 'rgba(0, 0, 0, 0)') background = 'rgb(255, 255, 255)';  // the canvas
  return {size: parseFloat(style.fontSize), color: style.color, background};
}"""


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(part) for part in css[css.index("(") + 1:css.index(")")].split(",")[:3])


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two opaque CSS rgb() colours."""
    def luminance(rgb):
        channels = [c / 255 for c in rgb]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    light, dark = sorted((luminance(_rgb(foreground)), luminance(_rgb(background))), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def body_text(page) -> dict:
    return page.evaluate(_BODY_TEXT)


def test_contrast_formula():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21.0)
    assert contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)") == pytest.approx(4.54, abs=0.01)


def test_switches_change_the_page_and_hold_on_the_next_page(open_page, site_url):
    page, visit = open_page(site_url + "about/")
    normal = body_text(page)
    assert normal["size"] >= 18
    assert contrast(normal["color"], normal["background"]) >= 4.5
    for button in page.get_by_role("group", name="阅读模式").get_by_role("button").all():
        assert button.is_visible() and button.get_attribute("aria-pressed") == "false"

    switch(page, "大字")
    large = body_text(page)
    assert large["size"] >= 22 and large["size"] >= normal["size"] + 3
    switch(page, "高对比度")
    high = body_text(page)
    assert (high["color"], high["background"]) != (normal["color"], normal["background"])
    assert contrast(high["color"], high["background"]) >= 7

    # The choice holds on the next page, with no server involved.
    page.get_by_role("link", name="资料来源").first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("sources/")
    kept = body_text(page)
    assert kept["size"] == large["size"]
    assert (kept["color"], kept["background"]) == (high["color"], high["background"])
    assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"

    # And it can be undone.
    switch(page, "大字")
    switch(page, "高对比度")
    page.reload()
    back = body_text(page)
    assert (back["size"], back["color"], back["background"]) == (normal["size"], normal["color"], normal["background"])
    visit.assert_clean()


def test_switches_work_from_the_keyboard(open_page, sub_path_url):
    page, _ = open_page(sub_path_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "大字":
            break
    else:
        pytest.fail("Tab never reached the 大字 switch")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.getAttribute('data-ml-text')") == "large"
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.getAttribute('data-ml-contrast')") == "high"
    button = page.get_by_role("button", name="高对比度", exact=True)  # the tick is not part of its name
    assert button.get_attribute("aria-pressed") == "true"
