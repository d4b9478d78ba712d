"""Nothing moves after the page appears: no layout shift on any page kind.

A visitor on an old phone starts reading (or tapping) as soon as the page shows; a
bar or a form that appears a moment later pushes what they were reading away. The
browser's own measure of that is the Layout Instability API (the "layout-shift"
entries that Lighthouse sums into CLS). Each page kind is opened on a slow page, the
CPU throttled and the network slowed through the DevTools protocol, so that every
script runs late, as on a cheap phone, and any shift a script causes is recorded.
The observer is registered before the page's first byte (an init script). Checked
without a reading mode and with both modes chosen on an earlier page: the modes are
applied in <head>, before the page is drawn, never by moving it afterwards.
"""

from __future__ import annotations

import pytest

from browser.conftest import DESKTOP, PHONE
from browser.pages import PAGE_KINDS

# Every shift with what moved, kept on window.__shifts. Shifts right after a visitor's
# input (hadRecentInput) are not counted, as the CLS metric does not count them.
OBSERVE_SHIFTS = r"""
window.__shifts = [];
const describe = node => {
  if (!node) return '(removed)';
  if (node.nodeType !== 1) return node.nodeName;
  return node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') +
         (typeof node.className === 'string' && node.className.trim() ? '.' + node.className.trim().split(/\s+/).join('.') : '');
};
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shifts.push({
      value: entry.value,
      time: Math.round(entry.startTime),
      moved: (entry.sources || []).map(source => {
        const r = (rect) => [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(',');
        return describe(source.node) + ' in ' + describe(source.node && source.node.parentElement) +
               ' from ' + r(source.previousRect) + ' to ' + r(source.currentRect);
      }),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""
CHOOSE_BOTH_MODES = """
try { localStorage.setItem('yinglie.text', 'large'); localStorage.setItem('yinglie.contrast', 'high'); } catch (e) {}
"""
# A mid-range phone: four times slower CPU, a slow 4G link (as Lighthouse's mobile run).
CPU_SLOWDOWN = 4
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6 * 1024 * 1024 / 8,
           "uploadThroughput": 750 * 1024 / 8}
SETTLE_MS = 1000  # after the network is idle: late timers, the search index arriving


def shifts_on_load(browser, url: str, viewport: dict, modes: bool) -> list[dict]:
    context = browser.new_context(viewport=viewport, locale="zh-CN",
                                  is_mobile=viewport["width"] < 600, has_touch=viewport["width"] < 600)
    try:
        if modes:
            context.add_init_script(CHOOSE_BOTH_MODES)
        context.add_init_script(OBSERVE_SHIFTS)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", NETWORK)
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(SETTLE_MS)
        if modes:  # the modes were really applied, so the check above means something
            assert page.evaluate("() => document.documentElement.getAttribute('data-ml-text')") == "large"
        return page.evaluate("() => window.__shifts")
    finally:
        context.close()


CASES = [
    pytest.param(kind, viewport, modes, id=f"{kind.name}-{label}")
    for kind in PAGE_KINDS
    for label, viewport, modes in [("phone", PHONE, False), ("phone-modes", PHONE, True),
                                   ("desktop", DESKTOP, False)]
]


@pytest.mark.parametrize(("kind", "viewport", "modes"), CASES)
def test_page_does_not_move_after_first_paint(browser, root_url, kind, viewport, modes):
    shifts = shifts_on_load(browser, root_url + kind.path, viewport, modes)
    total = sum(shift["value"] for shift in shifts)
    assert shifts == [], f"{kind.name}: layout shift {total:.4f} after first paint: {shifts}"


def test_the_observer_sees_a_shift(browser, root_url):
    """The measure itself works: a block inserted at the top of a drawn page is seen."""
    context = browser.new_context(viewport=PHONE)
    try:
        context.add_init_script(OBSERVE_SHIFTS)
        page = context.new_page()
        page.goto(root_url + "about/", wait_until="load")
        page.wait_for_timeout(300)
        page.evaluate("""() => new Promise(done => requestAnimationFrame(() => {
          const block = document.createElement('div');
          block.textContent = 'x'; block.className = 'md-typeset';
          document.querySelector('article').prepend(block);
          setTimeout(done, 500);
        }))""")
        shifts = page.evaluate("() => window.__shifts")
        assert sum(shift["value"] for shift in shifts) > 0
    finally:
        context.close()
