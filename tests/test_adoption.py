"""Safe to adopt: a site built for the placeholder address says so and marks its plaques
and QR codes 样张; the district's and bureau's names come from the settings; the records'
repository is linked only when the settings say it is public."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import copy_project

REPO_URL = "https://git.example.gov.cn/jiangjin/yinglie/"
REAL_URL = "https://yinglie.test-district.gov.cn/"


def every_text_file(site: Path):
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".js", ".ics", ".svg", ".txt", ".csv"):
            yield path, path.read_text(encoding="utf-8", errors="replace")


def set_extra(project, old: str, new: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def placeholder_build(tmp_path_factory):
    """The project as shipped: site_url is the placeholder, the repository not public."""
    project = copy_project(tmp_path_factory.mktemp("placeholder") / "project")
    project.write("martyrs/memorials/test-gate.yml", """
        name: 测试纪念碑
        type: 纪念碑亭
        level: 市级
    """)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result


@pytest.fixture(scope="module")
def adopted_build(tmp_path_factory):
    """A district's own settings: its address, names and a public repository."""
    project = copy_project(tmp_path_factory.mktemp("adopted") / "project")
    set_extra(project, "  bureau: 重庆市江津区退役军人事务局\n  district: 江津区\n",
              "  bureau: 测试市某某区退役军人事务局\n  district: 某某区\n")
    set_extra(project, "  repository:\n    public: false\n", "  repository:\n    public: true\n")
    result = project.build(env={"SITE_URL": REAL_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return project, result


def test_a_placeholder_build_says_so_in_one_line(placeholder_build, adopted_build):
    _, result = placeholder_build
    lines = [line for line in result.stderr.splitlines() if "site_url" in line]
    assert len(lines) == 1, result.stderr
    assert "example.gov.cn" in lines[0] and "样张" in lines[0]
    _, adopted = adopted_build
    assert "site_url" not in adopted.stderr


def test_placeholder_plaques_and_codes_are_marked_specimen(placeholder_build):
    project, _ = placeholder_build
    sheet = (project.site / "martyrs/qi-nanxun/plaque/index.html").read_text(encoding="utf-8")
    assert 'class="specimen-mark"' in sheet and "<strong>样张</strong>" in sheet
    batch = (project.site / "memorials/test-gate/plaques/index.html").read_text(encoding="utf-8")
    assert 'class="specimen-mark"' in batch
    svg = (project.site / "martyrs/qi-nanxun/qr.svg").read_text(encoding="utf-8")
    assert ">样张</text>" in svg
    # The PNG's mark: red SPECIMEN in a white band below the black-and-white code.
    from PIL import Image, ImageColor

    from yinglie.qrcodes import PNG_SCALE, SPECIMEN_BAND, SPECIMEN_RED

    png = Image.open(project.site / "martyrs/qi-nanxun/qr.png").convert("RGB")
    band_top = png.height - SPECIMEN_BAND * PNG_SCALE
    red = ImageColor.getrgb(SPECIMEN_RED)
    colours_in = lambda box: {colour for _count, colour in png.crop(box).getcolors(1 << 16)}  # noqa: E731
    assert red in colours_in((0, band_top, png.width, png.height))
    assert colours_in((0, 0, png.width, band_top)) == {(0, 0, 0), (255, 255, 255)}
    zbarimg = shutil.which("zbarimg")
    if zbarimg:  # the mark is beside the code, which still scans
        read = subprocess.run([zbarimg, "--quiet", "--raw", str(project.site / "martyrs/qi-nanxun/qr.png")],
                              capture_output=True, text=True)
        assert read.stdout.strip() == "https://www.example.gov.cn/zt/yinglie/martyrs/qi-nanxun/"


def test_plaques_and_codes_for_a_real_address_carry_no_mark(adopted_build):
    project, _ = adopted_build
    sheet = (project.site / "martyrs/qi-nanxun/plaque/index.html").read_text(encoding="utf-8")
    assert "specimen-mark" not in sheet and "样张" not in sheet
    svg = (project.site / "martyrs/qi-nanxun/qr.svg").read_text(encoding="utf-8")
    assert "样张" not in svg and REAL_URL in svg


def test_a_private_repository_is_named_nowhere_on_the_site(placeholder_build):
    project, _ = placeholder_build
    leaks = [path.relative_to(project.site).as_posix() for path, text in every_text_file(project.site)
             if "git.example.gov.cn" in text]
    assert leaks == []
    page = (project.site / "martyrs/qi-nanxun/index.html").read_text(encoding="utf-8")
    assert "修改此条记录" not in page and "记录仓库" not in page


def test_a_public_repository_is_linked_from_the_header_and_each_record(adopted_build):
    project, _ = adopted_build
    page = (project.site / "martyrs/qi-nanxun/index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}edit/main/martyrs/qi-nanxun.yml"' in page
    assert "修改此条记录（qi-nanxun.yml）" in page
    assert f'href="{REPO_URL}"' in page and "记录仓库" in page


def test_the_district_and_bureau_names_come_from_the_settings(placeholder_build, adopted_build):
    shipped, _ = placeholder_build
    assert "本站收录江津区英雄烈士的名录" in (shipped.site / "index.html").read_text(encoding="utf-8")
    assert "本站由重庆市江津区退役军人事务局维护" in (shipped.site / "about/index.html").read_text(encoding="utf-8")
    adopted, _ = adopted_build
    home = (adopted.site / "index.html").read_text(encoding="utf-8")
    about = (adopted.site / "about/index.html").read_text(encoding="utf-8")
    assert "本站收录某某区英雄烈士的名录" in home and "[[district]]" not in home
    assert "本站由测试市某某区退役军人事务局维护" in about and "[[bureau]]" not in about


def test_settings_values_are_escaped_and_unknown_placeholders_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    set_extra(project, "  district: 江津区\n", '  district: "<b>某区</b>"\n')
    (project.root / "content/about.md").write_text("# 关于\n\n[[distrct]]维护\n", encoding="utf-8")
    result = project.build()
    assert result.returncode != 0
    assert "about.md: 未知的占位符 [[distrct]]（可用：district, bureau）" in result.stderr
    (project.root / "content/about.md").write_text("# 关于\n\n[[bureau]]维护\n", encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "&lt;b&gt;某区&lt;/b&gt;" in (project.site / "index.html").read_text(encoding="utf-8")
