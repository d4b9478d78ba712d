"""The classroom copy (`make offline`), read as files: what a file:// page needs is there.

The browser side (navigation, both searches, 今日纪念, no request leaving the copy)
is tests/browser/test_offline.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from urllib.parse import urlsplit

import pytest
from offlinefixture import make_offline_copy


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    return make_offline_copy(tmp_path_factory.mktemp("offline"))


def test_zip_is_named_with_the_build_date_and_says_its_size(offline):
    _project, archive, top, printed = offline
    # SOURCE_DATE_EPOCH 1700000000 is 2023-11-14 (UTC).
    assert archive.name == "yinglie-offline-2023-11-14.zip"
    assert top.name == "yinglie-offline-2023-11-14"
    assert "MiB" in printed and archive.name in printed
    assert (top / "index.html").is_file() and (top / "使用说明.txt").is_file()


def _relative_links(page):
    text = page.read_text(encoding="utf-8")
    for match in re.finditer(r'\s(href|src)="([^"]*)"', text):
        url = match.group(2)
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("#", "/")) or not url:
            continue
        yield match.group(1), url, parts.path


def test_every_link_opens_a_file_never_a_folder(offline):
    _project, _archive, top, _printed = offline
    pages = sorted(top.rglob("*.html"))
    assert len(pages) > 20
    folders, missing = [], []
    for page in pages:
        if page.name == "404.html":  # served by a web server at any address, never opened from files
            continue
        for _attribute, url, path in _relative_links(page):
            target = (page.parent / path).resolve()
            if target.is_dir():
                folders.append(f"{page.relative_to(top)}: {url}")
            elif not target.is_file():
                missing.append(f"{page.relative_to(top)}: {url}")
    assert folders == []
    assert missing == []


def test_nothing_is_loaded_from_another_host(offline):
    _project, _archive, top, _printed = offline
    loads = []
    for page in top.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        loads += re.findall(r'<(?:script|img|source|iframe)\s[^>]*\bsrc="((?:https?:)?//[^"]*)"', text)
        loads += re.findall(r'<link\s[^>]*\bhref="((?:https?:)?//[^"]*)"[^>]*rel="(?:stylesheet|preload|modulepreload)"', text)
    assert loads == []
    index = (top / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in index and "assets/offline/worker-shim.js" in index


def _registered(script) -> object:
    text = script.read_text(encoding="utf-8")
    prefix = 'window.yinglieData.register(document.currentScript.src.replace(/\\.js$/, ".json"), '
    assert text.startswith(prefix) and text.endswith(");\n")
    return json.loads(text[len(prefix):-3])


def test_fetched_data_is_also_a_script_with_file_addresses(offline):
    _project, _archive, top, _printed = offline
    data = _registered(top / "data/search-records.js")
    served = json.loads((top / "data/search-records.json").read_text(encoding="utf-8"))
    assert len(data["r"]) == len(served["r"]) > 0
    addresses = [row[4] for row in data["r"]]
    assert "martyrs/offline-test/index.html" in addresses
    assert all(not address.split("#")[0].endswith("/") for address in addresses)

    months = sorted(path.stem for path in (top / "data/on-this-day").glob("*.js"))
    assert months == [f"{m:02d}" for m in range(1, 13)]
    may = json.dumps(_registered(top / "data/on-this-day/05.js"), ensure_ascii=False)
    assert "离线测试" in may and "martyrs/offline-test/index.html" in may

    material = (top / "search/search_index.js").read_text(encoding="utf-8")
    index = json.loads(material.removeprefix("var __index = "))
    locations = [doc["location"] for doc in index["docs"]]
    assert "index.html" in locations
    assert all(not location.split("#")[0].endswith("/") for location in locations)


def test_photos_keep_one_width(offline):
    _project, _archive, top, _printed = offline
    page = (top / "martyrs/offline-test/index.html").read_text(encoding="utf-8")
    assert "srcset=" not in page and "<source" not in page
    (src,) = re.findall(r'<img [^>]*src="([^"]*assets/photos/[^"]*)"', page)
    photos = sorted(path.name for path in (top / "assets/photos").iterdir())
    assert photos == [src.rsplit("/", 1)[1]]
    assert photos[0].endswith("-200.jpg")  # the middle of 100, 200, 300: the <img>'s own


def test_the_copy_adds_no_text_of_its_own_to_pages(offline):
    """Only addresses change: a page of the copy, with its links read back, is the page
    the build made (the guard and the last scan have read every word of it)."""
    project, _archive, top, _printed = offline
    result = project.build()
    assert result.returncode == 0, result.stderr
    built = (project.site / "martyrs/offline-test/index.html").read_text(encoding="utf-8")
    copied = (top / "martyrs/offline-test/index.html").read_text(encoding="utf-8")

    def text_only(html):
        html = re.sub(r"<source\s[^>]*>|\s(?:srcset|sizes)=\"[^\"]*\"|<script[^>]*>\s*</script>|\s(?:href|src)=\"[^\"]*\"", "", html)
        return re.sub(r"\s+", " ", re.sub(r"<meta[^>]*>", "", html))

    assert text_only(copied) == text_only(built)


def test_the_same_commit_gives_the_same_zip(offline, tmp_path):
    from offlinefixture import make_offline_copy as again

    _project, archive, _top, _printed = offline
    _p2, second, _t2, _o2 = again(tmp_path)
    assert second.read_bytes() == archive.read_bytes()
    with zipfile.ZipFile(second) as zipped:
        assert {info.date_time for info in zipped.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_the_site_publishes_the_copy_and_the_home_page_offers_it(tmp_path):
    """extra.offline.download (on in mkdocs.yml): `make build` puts the copy beside the site,
    at a fixed address the home page links to; the copy does not offer itself."""
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    result = project.build(env={"YINGLIE_OFFLINE_DOWNLOAD": "true", "SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stdout + result.stderr
    archive = project.site / "downloads/yinglie-offline.zip"
    home = (project.site / "index.html").read_text(encoding="utf-8")
    assert 'href="downloads/yinglie-offline.zip"' in home and "离线版（U 盘使用）" in home
    with zipfile.ZipFile(archive) as zipped:
        names = zipped.namelist()
        copied_home = zipped.read("yinglie-offline-2023-11-14/index.html").decode("utf-8")
    assert "yinglie-offline-2023-11-14/martyrs/index.html" in names
    assert "离线版（U 盘使用）" not in copied_home and "downloads/" not in copied_home
    assert not any("/downloads/" in name for name in names)  # the copy holds no copy of itself
    linkcheck = subprocess.run([sys.executable, "-m", "yinglie.linkcheck", "--site-dir", str(project.site)],
                               cwd=project.root, env={**os.environ, "PYTHONPATH": str(project.root / "hooks")},
                               capture_output=True, text=True)
    assert linkcheck.returncode == 0, linkcheck.stdout + linkcheck.stderr


def test_without_the_setting_there_is_no_download(tmp_path):
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    result = project.build(env={"YINGLIE_OFFLINE_DOWNLOAD": "false"})
    assert result.returncode == 0, result.stderr
    assert not (project.site / "downloads").exists()
    assert "离线版（U 盘使用）" not in (project.site / "index.html").read_text(encoding="utf-8")
