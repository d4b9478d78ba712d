"""QR codes made beside the build: by worker processes when many are missing, then
placed into the site from the cache."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from yinglie.qrcodes import INLINE_LIMIT, QrCodes, cached_files

SITE_URL = "https://www.example.gov.cn/zt/yinglie/"


def decode(png) -> str:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is needed to read QR codes: apt-get install zbar-tools (see .ci/run)"
    result = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def pages(count: int) -> list[str]:
    return [f"martyrs/test-{number:04d}/" for number in range(count)]


def test_many_missing_codes_are_made_by_workers_and_placed(tmp_path):
    count = INLINE_LIMIT * 3
    codes = QrCodes(SITE_URL, pages(count), tmp_path / "cache")
    codes.start()
    assert codes.in_workers
    codes.place(tmp_path / "site")
    assert len(list((tmp_path / "cache").glob("*.png"))) == count
    for path in (pages(count)[0], pages(count)[-1]):
        assert decode(tmp_path / "site" / path / "qr.png") == SITE_URL + path
        assert (tmp_path / "site" / path / "qr.svg").read_text().startswith("<svg")


def test_cached_codes_are_not_made_again(tmp_path):
    cache = tmp_path / "cache"
    first = QrCodes(SITE_URL, pages(3), cache)
    first.start()
    first.place(tmp_path / "one")
    svg, _ = cached_files(SITE_URL + pages(3)[0], cache)
    made = svg.stat().st_mtime_ns
    second = QrCodes(SITE_URL, pages(3), cache)
    second.start()
    second.place(tmp_path / "two")
    assert svg.stat().st_mtime_ns == made
    assert (tmp_path / "two" / pages(3)[0] / "qr.svg").read_bytes() == svg.read_bytes()


def test_codes_follow_the_site_url(tmp_path):
    other = "https://yinglie.example.org/"
    codes = QrCodes(other, pages(1), tmp_path / "cache")
    codes.start()
    codes.place(tmp_path / "site")
    assert decode(tmp_path / "site" / pages(1)[0] / "qr.png") == other + pages(1)[0]


def test_a_failing_worker_fails_the_build(tmp_path):
    cache = tmp_path / "cache"
    cache.write_text("not a folder")  # the workers cannot write the codes
    codes = QrCodes(SITE_URL, pages(INLINE_LIMIT * 2), cache)
    codes.start()
    with pytest.raises(OSError):
        codes.place(tmp_path / "site")


def test_a_preview_rebuild_places_only_codes_it_did_not_place_before(tmp_path):
    site = tmp_path / "site"
    placed = {}  # what the session remembers between builds
    first = QrCodes(SITE_URL, pages(2), tmp_path / "cache")
    first.start()
    first.place(site, placed)
    (site / pages(2)[0] / "qr.svg").unlink()  # stands for "untouched": a kept site is trusted
    rebuild = QrCodes(SITE_URL, pages(3), tmp_path / "cache")
    rebuild.start()
    rebuild.place(site, placed, kept_site=True)
    assert not (site / pages(2)[0] / "qr.svg").exists()
    assert (site / pages(3)[2] / "qr.svg").is_file()  # the new record's code
    full = QrCodes(SITE_URL, pages(3), tmp_path / "cache")
    full.start()
    full.place(site, placed)  # an emptied site folder: every code is placed
    assert (site / pages(2)[0] / "qr.svg").is_file()


def test_codes_begun_for_the_expected_pages_are_placed_only_for_the_pages_the_records_gave(tmp_path):
    expected = pages(INLINE_LIMIT * 2)  # from the record files' names, before they are read
    codes = QrCodes(SITE_URL, expected, tmp_path / "cache")
    codes.start()
    # One file failed its checks (no page), and one page was not expected (no file of that name).
    given = [*expected[1:], "memorials/new-monument/"]
    codes.expect(given)
    codes.place(tmp_path / "site")
    placed = sorted(path.parent.relative_to(tmp_path / "site").as_posix() + "/"
                    for path in (tmp_path / "site").rglob("qr.png"))
    assert placed == sorted(given)
    assert decode(tmp_path / "site" / "memorials/new-monument/qr.png") == SITE_URL + "memorials/new-monument/"


def test_every_kind_with_codes_says_its_page_address_before_a_record_is_read(project):
    from mkdocs.config import load_config
    from yinglie.config import settings_from
    from yinglie.kinds import KINDS
    from yinglie.siteplan import expected_code_pages, load_records

    config = load_config(str(project.root / "mkdocs.yml"))
    settings = settings_from(config.extra, project.root, config.docs_dir)
    catalogue = load_records(settings)
    assert all(kind.address for kind in KINDS if kind.qr_codes)
    given = [record.url for record in catalogue.records_with("qr_codes")]
    assert given and sorted(expected_code_pages(settings)) == sorted(given)
