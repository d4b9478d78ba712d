"""The classroom copy opened from the file system (file://) in Chromium, as a teacher
opens it from a USB stick: navigation, Material's search, the record search,
今日纪念 on a fixed day and the reading modes work, and no request leaves the copy."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from offlinefixture import make_offline_copy  # noqa: E402

from .conftest import SCREENSHOTS  # noqa: E402
from .modes import switch  # noqa: E402

# 17 May 2026: the fixture martyr died on 17 May 1930.
FIXED_DAY = datetime.datetime(2026, 5, 17, 10, 0, 0)


@pytest.fixture(scope="module")
def copy_root(tmp_path_factory):
    _project, _archive, top, _printed = make_offline_copy(tmp_path_factory.mktemp("usb"))
    return top


@pytest.fixture
def file_page(browser, copy_root):
    """A page with every request recorded: anything but the copy's own files fails."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside, errors = [], []

    def route(route):
        url = route.request.url
        if url.startswith(("file://", "data:", "about:", "blob:")):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append("failed: " + request.url))
    yield page, copy_root, outside, errors
    context.close()


def _open(page, root: Path, address: str = "index.html"):
    page.goto((root / address).as_uri())
    page.wait_for_load_state("load")


def _shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"offline-{name}.png"), full_page=False)


def test_navigation_opens_pages_not_folders(file_page):
    page, root, outside, errors = file_page
    _open(page, root)
    _shot(page, "home")
    page.locator(".md-tabs").get_by_role("link", name="英烈名录").click()
    page.wait_for_load_state("load")
    assert page.url == (root / "martyrs/index.html").as_uri()
    page.get_by_role("link", name="离线测试").first.click()
    page.wait_for_load_state("load")
    assert page.url == (root / "martyrs/offline-test/index.html").as_uri()
    assert page.locator("h1").first.inner_text().strip() == "离线测试"
    image = page.locator("img[src*='assets/photos/']").first
    assert image.evaluate("img => img.complete && img.naturalWidth") == 200
    _shot(page, "martyr")
    page.get_by_role("link", name="返回英烈名录").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/martyrs/index.html")
    assert outside == [] and errors == []


def test_materials_search_works_from_files(file_page):
    page, root, outside, errors = file_page
    _open(page, root)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("资料来源")
    box.press("End")  # Material reads the query on key events; fill() sends none
    result = page.locator("[data-md-component=search-result] .md-search-result__item a").first
    result.wait_for(timeout=15_000)
    assert result.get_attribute("href").startswith((root / "sources/index.html").as_uri())
    _shot(page, "material-search")
    result.click()
    page.wait_for_load_state("load")
    assert page.url.split("?")[0] == (root / "sources/index.html").as_uri()
    assert outside == [] and errors == []


def test_record_search_works_from_files(file_page):
    page, root, outside, errors = file_page
    _open(page, root)
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("离线测试")
    box.press("End")
    first = page.locator(".ml-record-results .md-search-result__item a").first
    first.wait_for(timeout=10_000)
    assert first.get_attribute("href") == (root / "martyrs/offline-test/index.html").as_uri()
    _shot(page, "record-search")
    first.click()
    page.wait_for_load_state("load")
    assert page.url == (root / "martyrs/offline-test/index.html").as_uri()
    assert outside == [] and errors == []


def test_on_this_day_names_the_anniversary_from_files(file_page):
    page, root, outside, errors = file_page
    page.clock.set_fixed_time(FIXED_DAY)
    _open(page, root)
    today = page.locator("[data-today-list]")
    link = today.get_by_role("link", name="离线测试")
    link.wait_for(timeout=10_000)
    assert "今天是5月17日" in today.inner_text()
    assert "牺牲96周年" in today.inner_text()
    today.scroll_into_view_if_needed()
    _shot(page, "on-this-day")
    link.click()
    page.wait_for_load_state("load")
    assert page.url == (root / "martyrs/offline-test/index.html").as_uri()
    assert outside == [] and errors == []


def test_reading_modes_work_and_hold_from_files(file_page):
    page, root, outside, errors = file_page
    _open(page, root, "about/index.html")
    size = lambda: page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-content')).fontSize)")  # noqa: E731
    normal = size()
    switch(page, "大字")
    assert size() > normal
    page.locator(".md-tabs").get_by_role("link", name="资料来源").click()
    page.wait_for_load_state("load")
    assert page.url == (root / "sources/index.html").as_uri()
    assert page.get_by_role("button", name="大字").get_attribute("aria-pressed") == "true"
    _shot(page, "large-text")
    assert outside == [] and errors == []


def test_the_correction_form_names_the_record_from_files(file_page):
    """The 纠错 form reads the record's name from the copy's own script (data/names/<shard>.js)."""
    page, root, outside, errors = file_page
    _open(page, root, "martyrs/offline-test/index.html")
    page.get_by_role("link", name="打开纠错与线索登记表（可打印）").click()
    page.wait_for_load_state("load")
    assert page.url == (root / "correction/index.html").as_uri() + "?id=offline-test"
    name = page.locator("[data-correction-name]")
    page.wait_for_function("() => document.querySelector('[data-correction-name]').textContent.trim() !== ''")
    assert name.inner_text().strip() == "离线测试"
    link = page.locator("[data-correction-address] a")
    assert link.get_attribute("href") == (root / "martyrs/offline-test/index.html").as_uri()
    assert outside == [] and errors == []


@pytest.fixture(scope="module")
def published_site(tmp_path_factory):
    """A site built as `make build` builds it with extra.offline.download on, served."""
    from conftest import copy_project

    from .server import serve

    project = copy_project(tmp_path_factory.mktemp("published") / "project")
    result = project.build(env={"YINGLIE_OFFLINE_DOWNLOAD": "true"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(project.site, "/zt/yinglie/") as base:
        yield base


def test_a_teacher_downloads_the_copy_from_the_teachers_page_and_opens_it(browser, published_site, tmp_path):
    """Home → 教师专区 → 下载离线版: the zip the browser saves opens from files, as on a USB stick."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(published_site)
    page.locator(".md-tabs").get_by_role("link", name="教师专区").click()
    page.wait_for_load_state("load")
    assert page.url == published_site + "teachers/"
    _shot(page, "teachers")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载离线版（zip 压缩包）").click()
    saved = tmp_path / "usb.zip"
    download_info.value.save_as(saved)
    import zipfile

    with zipfile.ZipFile(saved) as zipped:
        zipped.extractall(tmp_path / "usb")
    (top,) = (tmp_path / "usb").iterdir()
    page.goto((top / "index.html").as_uri())
    page.locator(".md-tabs").get_by_role("link", name="英烈名录").click()
    page.wait_for_load_state("load")
    assert page.url == (top / "martyrs/index.html").as_uri()
    context.close()
