"""The Content-Security-Policy in a real browser: no page trips it, and it blocks
what an attacker would inject (an inline handler, an inline script, a `javascript:`
link, eval).

Every page kind is opened at both mounts by test_pages.py, which checks the policy
there too (browser/policy.py): under a sub-path the policy is only in the pages'
<meta>; at the root of a host the server also sends the policy header, as the
README's nginx block does. Violations are caught twice: the page's
`securitypolicyviolation` events, and Chromium's "Refused to …" console errors.
This file adds the plaque sheet, search and reading modes under the policy, the
injections it must block, and the preview.
"""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import urlsplit

import pytest

from browser import policy
from browser.conftest import DESKTOP, SUB_PATH
from browser.pages import PageKind
from browser.policy import RECORD_VIOLATIONS
from browser.server import HOST, serve
from test_serve import free_port, wait_for

# A page the demo site has besides PAGE_KINDS: a plaque sheet (the 404 page is test_pages.py's).
PLAQUE_SHEET = PageKind("plaque-sheet", "martyrs/qi-nanxun/plaque/", "漆南薰")


@pytest.fixture(params=["meta-only", "meta-and-header"])
def policy_site(request):
    return request.getfixturevalue("sub_path_url" if request.param == "meta-only" else "root_url")


class Opened:
    def __init__(self, page, console: list[str], outside: list[str]):
        self.page, self.console, self.outside = page, console, outside

    def violations(self) -> list[str]:
        return policy.violations(self.page)

    def refused(self) -> list[str]:
        return policy.refused(self.console)


@pytest.fixture
def open_with_watch(browser):
    contexts = []

    def open_with_watch(url: str, idle: bool = True) -> Opened:
        context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
        contexts.append(context)
        context.add_init_script(RECORD_VIOLATIONS)
        console, outside = [], []

        def route(route):
            if urlsplit(route.request.url).hostname != HOST:
                outside.append(route.request.url)
                route.abort()
            else:
                route.continue_()

        context.route("**/*", route)
        context.on("console", lambda message: console.append(message.text))
        page = context.new_page()
        page.goto(url, wait_until="load")
        if idle:  # the preview's live reload keeps a request open: never idle
            page.wait_for_load_state("networkidle")
        return Opened(page, console, outside)

    yield open_with_watch
    for context in contexts:
        context.close()


def test_the_plaque_sheet_does_not_trip_the_policy(open_with_watch, policy_site):
    opened = open_with_watch(policy_site + PLAQUE_SHEET.path)
    assert PLAQUE_SHEET.expected_text in opened.page.inner_text("body")
    policy.assert_in_force_and_not_tripped(opened.page, opened.console, plaque_sheet=True)
    assert opened.outside == []


def test_search_and_reading_modes_work_under_the_policy(open_with_watch, root_url):
    """The search worker (a Worker from the site) and the reading modes run with the policy on."""
    opened = open_with_watch(root_url)
    page = opened.page
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("资料来源")
    box.press("End")  # Material reads the query on key events; fill() sends none
    # Material's own results come from its search worker; the record search's from data/.
    material = page.locator("[data-md-component=search-result] .md-search-result__item a").first
    material.wait_for(timeout=10_000)
    assert "/sources/" in material.get_attribute("href")
    box.fill("漆南薰")
    page.locator(".ml-record-results .md-search-result__item a").first.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    page.locator("[data-reading-mode=text]").click()
    assert page.evaluate("document.documentElement.getAttribute('data-ml-text')") == "large"
    page.goto(root_url + "martyrs/qi-nanxun/")  # the mode is applied from <head> on the next page
    assert page.evaluate("document.documentElement.getAttribute('data-ml-text')") == "large"
    assert opened.violations() == []
    assert opened.refused() == []


# What an attacker who got markup into a page would try. Each sets window.__pwned if it runs.
INJECT = """() => {
  document.body.insertAdjacentHTML("beforeend",
    '<img id="x-img" src="no-such-image.png" onerror="window.__pwned = (window.__pwned || []).concat(\\'onerror\\')">' +
    '<a id="x-link" href="javascript:window.__pwned = (window.__pwned || []).concat(\\'javascript-url\\')">link</a>');
  const script = document.createElement("script");
  script.textContent = "window.__pwned = (window.__pwned || []).concat('inline-script')";
  document.body.appendChild(script);
  document.getElementById("x-link").click();
  // Later, not within this evaluation: DevTools' own evaluation is exempt from the policy.
  setTimeout(() => {
    try { eval("window.__pwned = (window.__pwned || []).concat('eval')"); } catch (error) { window.__evalError = String(error); }
  }, 0);
}"""


def test_injected_handler_script_link_and_eval_are_blocked(open_with_watch, policy_site):
    opened = open_with_watch(policy_site + "martyrs/qi-nanxun/")
    page = opened.page
    page.evaluate(INJECT)
    page.wait_for_timeout(500)  # the image error and the link's navigation are asynchronous
    assert page.evaluate("window.__pwned") is None
    assert "EvalError" in page.evaluate("window.__evalError")
    reported = " | ".join(opened.violations())
    for directive in ("script-src-attr", "script-src-elem", "script-src"):
        assert directive in reported, reported
    assert "inline" in reported and "eval" in reported
    assert any("inline event handler" in text for text in opened.refused()), opened.console


def test_the_same_injection_runs_where_no_policy_is(open_with_watch, tmp_path):
    """The control: without a policy the same injection runs, so the test above can fail."""
    (tmp_path / "index.html").write_text("<!doctype html><title>t</title><body><p>page</p>", encoding="utf-8")
    with serve(tmp_path, SUB_PATH) as url:
        opened = open_with_watch(url)
        opened.page.evaluate(INJECT)
        opened.page.wait_for_timeout(500)
        ran = opened.page.evaluate("window.__pwned")
    assert sorted(ran) == ["eval", "inline-script", "javascript-url", "onerror"]
    assert opened.violations() == []


@pytest.fixture
def preview_url(project):
    """`mkdocs serve` (the preview, as `make serve` runs it) on a copy of the project."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"{HOST}:{port}"],
        cwd=project.root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://{HOST}:{port}/zt/yinglie/"
    try:
        assert wait_for(base + "martyrs/ran-jun/", "冉钧"), "the preview server did not start"
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_preview_keeps_its_live_reload_under_the_policy(open_with_watch, preview_url):
    """mkdocs serve injects its live-reload script inline: the preview's policy lets it run."""
    opened = open_with_watch(preview_url + "martyrs/ran-jun/", idle=False)
    opened.page.wait_for_timeout(1000)
    assert opened.page.evaluate("typeof livereload") == "function"
    assert "'unsafe-inline'" in opened.page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert opened.violations() == []
    assert opened.refused() == []
