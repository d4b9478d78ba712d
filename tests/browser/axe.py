"""axe-core, run inside the page from the copy a PyPI package ships.

The script is read from the installed package and injected into the page, so
nothing is fetched from another host. Only `serious` and `critical` findings
fail a test; the rest are printed for a reviewer.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

BLOCKING = ("serious", "critical")


@cache
def axe_script() -> str:
    # axe-playwright-python bundles axe-core's own build of axe.min.js (MPL-2.0).
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def violations(page) -> list[dict]:
    # Material eases tab and link colours (CSS transitions): axe must measure the colours
    # they end on, not a frame in between, which on a busy machine fails color-contrast.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    page.evaluate(axe_script())
    result = page.evaluate(
        "axe.run(document, {resultTypes: ['violations'],"
        " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return result["violations"]


def describe(found: list[dict]) -> str:
    lines = []
    for violation in found:
        targets = [" ".join(node["target"]) if isinstance(node["target"], list) else str(node["target"])
                   for node in violation["nodes"][:5]]
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']} -> {targets}")
    return "\n".join(lines)


def blocking(found: list[dict]) -> list[dict]:
    return [v for v in found if v["impact"] in BLOCKING]
