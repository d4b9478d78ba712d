"""Keyboard walking: press Tab through a page and note what gets the focus.

`controls(page)` lists every control a visitor can see and use; `walk(page)`
presses Tab until the focus comes back round, recording each focused element and
whether its focus is visible (an outline or a focus ring of its own).
"""

from __future__ import annotations

# Tag every visible control with a number, so the walk can say which it reached.
_MARK_CONTROLS = """() => {
  const selector = 'a[href], button, select, textarea, input:not([type=hidden]), [tabindex]:not([tabindex="-1"]), summary';
  const visible = (el) => {
    if (el.closest('[hidden], [inert], [aria-hidden=true]')) return false;
    const style = getComputedStyle(el);
    if (style.visibility !== 'visible' || style.display === 'none') return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const found = [];
  document.querySelectorAll(selector).forEach((el) => {
    if (el.disabled || el.tabIndex < 0 || !visible(el)) return;
    el.setAttribute('data-kb', String(found.length));
    found.push((el.tagName + ' ' + (el.getAttribute('aria-label') || el.textContent || el.name || '')).trim().slice(0, 40));
  });
  return found;
}"""

# Which marked control has the focus, and can a sighted visitor see that it has?
_FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  const ring = style.boxShadow && style.boxShadow !== 'none';
  // On screen too: a focus inside a drawer slid out of view cannot be seen.
  const box = el.getBoundingClientRect();
  const onScreen = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  return {id: el.getAttribute('data-kb'), tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 30),
          visible: (outline || ring) && onScreen};
}"""


def controls(page) -> list[str]:
    return page.evaluate(_MARK_CONTROLS)


def walk(page, limit: int) -> list[dict]:
    """Press Tab up to `limit` times from the top of the page; stop when the focus repeats."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    seen, order = set(), []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(_FOCUSED)
        if focused is None:
            continue
        if not focused["visible"]:
            # Some panels (Material's search) slide in when they take the focus:
            # judge them once the animation is over.
            page.wait_for_timeout(500)
            focused = page.evaluate(_FOCUSED) or focused
        key = focused["id"] or focused["tag"] + focused["text"]
        if key in seen:
            break
        seen.add(key)
        order.append(focused)
    return order
