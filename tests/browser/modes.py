"""Turning a reading mode on or off in the browser, as a visitor does."""

from __future__ import annotations


def switch(page, label: str) -> None:
    """Press the reading-mode switch named `label` (大字 or 高对比度)."""
    page.get_by_role("button", name=label).click()
    # Material eases link colours (CSS transitions): measure the colours they end on,
    # not a frame in between, which on a busy machine fails the contrast check.
    # A function, not an expression: Playwright evals an expression in the page, and
    # the site's Content-Security-Policy forbids eval.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
