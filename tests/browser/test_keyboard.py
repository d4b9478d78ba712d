"""Keyboard alone: every visible control is reached with Tab, and shows its focus."""

from __future__ import annotations

import pytest

from browser import keyboard
from browser.conftest import DESKTOP, PHONE
from browser.pages import PAGE_KINDS


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=[k.name for k in PAGE_KINDS])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_tab_reaches_every_control_with_a_visible_focus(open_page, sub_path_url, kind, viewport):
    page, _ = open_page(sub_path_url + kind.path, viewport=viewport)
    controls = keyboard.controls(page)
    reached = keyboard.walk(page, limit=len(controls) * 2 + 20)
    reached_ids = {item["id"] for item in reached if item["id"] is not None}
    missed = [name for index, name in enumerate(controls) if str(index) not in reached_ids]
    assert len(controls) >= 3  # at least search and the two reading-mode switches
    assert missed == [], "not reachable with Tab"
    invisible = [f"{item['tag']} {item['text']}" for item in reached if not item["visible"]]
    assert invisible == [], "focus not visible"
