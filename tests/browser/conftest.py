"""Browser fixtures: Debian's Chromium driven by Playwright, and the built site served.

Where no Chromium is installed the browser tests are skipped with the reason, so
a developer without one can still run `make test`. In CI (CI=true) a missing
browser fails the run instead: the browser tests must never be skipped silently.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.server import HOST, serve
from browser.policy import RECORD_VIOLATIONS
from conftest import ROOT, SUB_PATH
from yinglie.csp import header_policy

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "chromium", "chromium-browser"]
# Playwright cannot download its own browser here, so it drives Debian's. These
# switches keep Chromium from calling home (updates, sync, safe-browsing lists).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def find_chromium() -> str | None:
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def _missing_browser(reason: str):
    """Skip where a developer has no browser; fail in CI, where one must be installed."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but the browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"{reason}; install it with: apt-get install chromium chromium-driver fonts-noto-cjk")


@pytest.fixture(scope="session")
def browser():
    chromium = find_chromium()
    if chromium is None:
        _missing_browser("no Chromium found (looked for chromium, chromium-browser)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing_browser("the Python package playwright is not installed (make installs it)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """What happened while a page was open: everything a test may complain about."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # every console message, errors or not

    def assert_clean(self) -> None:
        assert self.outside_requests == [], "requests left the loopback host"
        assert self.failed_requests == [], "requests failed"
        assert self.console_errors == [], "errors in the browser console"


def _watch(context, visit: Visit) -> None:
    def route(route):
        if urlsplit(route.request.url).hostname != HOST:
            visit.outside_requests.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    def response(response):
        if response.status >= 400:
            visit.failed_requests.append(f"{response.status} {response.url}")

    def console(message):
        visit.console.append(message.text)
        if message.type == "error":
            visit.console_errors.append(message.text)

    def failed(request):
        if request.url not in visit.outside_requests:  # those we blocked are listed already
            visit.failed_requests.append(f"{request.failure} {request.url}")

    context.add_init_script(RECORD_VIOLATIONS)  # window.__violations, see browser/policy.py
    context.route("**/*", route)
    context.on("response", response)
    context.on("requestfailed", failed)
    context.on("console", console)
    context.on("weberror", lambda error: visit.console_errors.append(str(error.error)))


@pytest.fixture
def open_page(browser):
    """open_page(url, viewport=PHONE|DESKTOP) -> (page, visit), in a fresh browser
    context (no stored reading mode), recording Content-Security-Policy violations
    from the first byte on; contexts are closed after the test."""
    contexts = []

    def open_page(url: str, viewport: dict = DESKTOP):
        context = browser.new_context(viewport=viewport, locale="zh-CN",
                                      is_mobile=viewport["width"] < 600, has_touch=viewport["width"] < 600)
        contexts.append(context)
        visit = Visit()
        _watch(context, visit)
        page = context.new_page()
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        return page, visit

    yield open_page
    for context in contexts:
        context.close()


# What the root mount's server adds, as in the README's nginx example: there the
# policy comes in a header as well as in each page's <meta>; under SUB_PATH only in
# the <meta>. Every browser test at the root runs with the header on.
SERVER_HEADERS = {"Content-Security-Policy": header_policy(), "X-Content-Type-Options": "nosniff"}


@pytest.fixture(scope="session")
def sub_path_site(demo_site) -> Path:
    """The demo site built for a section of a larger site, at SUB_PATH (mkdocs.yml's address)."""
    return demo_site


@pytest.fixture(scope="session")
def root_url(browser, root_site):
    """The demo site at the root of a host whose server sends the policy header."""
    with serve(root_site, "/", headers=SERVER_HEADERS) as url:
        yield url


@pytest.fixture(scope="session")
def sub_path_url(browser, sub_path_site):
    """The demo site under SUB_PATH, with the policy only in the pages' <meta>."""
    with serve(sub_path_site, SUB_PATH) as url:
        yield url


@pytest.fixture(params=["root", "sub-path"])
def site_url(request):
    """The base URL of the served demo site, once at the root and once under SUB_PATH."""
    return request.getfixturevalue("root_url" if request.param == "root" else "sub_path_url")
