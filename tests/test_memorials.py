"""Memorial facilities, QR codes and plaque sheets, on real builds.

One fixture project (facilities and residents made up for the test, never demo
content) is built once for the module, published under a sub-path, and read by
the tests; validation tests run `python -m yinglie check` on their own copies.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import RECORDS, ROOT, copy_project

SITE_URL = "https://memorial.example.org/district/zt/yinglie/"
ENV = {"SITE_URL": SITE_URL}
HOSTILE = ("<img src=x onerror=alert(1)>", "</title><script>alert(2)</script>", "<b onmouseover=alert(3)>")

CEMETERY = """
name: 测试烈士陵园
type: 烈士陵园
level: 区县级
address: 某镇某路1号
coordinates: 29.28, 106.25
built: 1958
opening: 每日 8:30—17:30 开放
summary: 测试用的烈士陵园记录。
description: |
  陵园始建于 1958 年。<script>alert(1)</script>
repairs:
  - year: 2021
    amount_yuan: 125000
    description: 修缮碑文
relocations:
  - from: 某村零散烈士墓
    to: 测试烈士陵园
    date: 2022-05
    approved_by: 区退役军人事务局
"""

SCATTERED = """
name: 测试零散烈士墓
type: 烈士墓
level: 零散
"""


def resident(name: str, facility: str, extra: str = "") -> str:
    return f"""
name: {name}
died: 1949-11
resting_facility: {facility}
sources:
  - title: 测试资料
    where: 测试
{extra}"""


@pytest.fixture(scope="module")
def memorial_project(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("memorials") / "project")
    project.write("martyrs/memorials/test-cemetery.yml", CEMETERY)
    project.write("martyrs/memorials/test-grave.yml", SCATTERED)
    project.write("martyrs/test-wang.yml", resident("王测试", "test-cemetery", """
relocations:
  - from: 某村后山
    to: 测试烈士陵园
    date: 2022-05-10
    approved_by: 区退役军人事务局
"""))
    project.write("martyrs/test-ding.yml", resident("丁测试", "test-cemetery"))
    project.write("martyrs/test-li.yml", resident("李测试", "test-grave"))
    # Record text that tries to become markup, on every page kind it reaches.
    project.write("martyrs/memorials/test-hostile.yml", f"""
name: "{HOSTILE[0]}"
type: 烈士陵园
level: 区县级
summary: "{HOSTILE[1]}"
address: "{HOSTILE[2]}"
""")
    project.write("martyrs/test-hostile.yml", resident(f'"{HOSTILE[2]}"', "test-hostile"))
    result = project.build(env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's own content, without nav and footer."""
    return html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]


# --- facility pages -------------------------------------------------------------

def test_facility_page_lists_residents_from_martyr_records(memorial_project):
    html = article(page(memorial_project.site, "memorials/test-cemetery"))
    residents = html.split('id="residents-heading"', 1)[1].split("</section>", 1)[0]
    names = re.findall(r'class="ml-directory__name" href="([^"]+)">([^<]+)<', residents)
    # 丁 (2 strokes) before 王 (4): the official stroke order; 李 rests elsewhere.
    assert names == [("../../martyrs/test-ding/", "丁测试"), ("../../martyrs/test-wang/", "王测试")]
    assert "共 <strong>2</strong> 位" in residents


def test_facility_page_shows_facts_history_and_escapes_description(memorial_project):
    html = article(page(memorial_project.site, "memorials/test-cemetery"))
    assert "区县级 · 烈士陵园" in html
    assert "某镇某路1号" in html and "29.28, 106.25" in html and "1958年" in html
    assert "12.5万元" in html and "修缮碑文" in html
    assert "某村零散烈士墓" in html and "2022年5月" in html and "区退役军人事务局" in html
    assert "<script>" not in html


def test_martyr_page_links_to_resting_place_and_relocation(memorial_project):
    html = article(page(memorial_project.site, "martyrs/test-wang"))
    assert '安息于<a href="../../memorials/test-cemetery/">测试烈士陵园</a>' in html
    assert "某村后山" in html and "2022年5月10日" in html


def test_facilities_index_grouped_by_level_then_type(memorial_project):
    html = article(page(memorial_project.site, "memorials"))
    headings = re.findall(r"<h([23])[^>]*>([^<]+)</h\1>", html)
    assert headings[:4] == [("2", "区县级"), ("3", "烈士陵园"), ("2", "零散"), ("3", "烈士墓")]
    assert "安息英烈 2 位" in html


def test_facility_index_is_in_the_nav(memorial_project):
    html = page(memorial_project.site, "")
    assert re.search(r'<a href="memorials/"[^>]*>\s*纪念设施', html)


def test_record_text_is_escaped_on_every_page_it_reaches(memorial_project):
    site = memorial_project.site
    pages = [*(site / "memorials").rglob("*.html"), *(site / "martyrs/test-hostile").rglob("*.html"),
             site / "martyrs/index.html"]
    assert len(pages) >= 9
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        for text in HOSTILE:
            assert text not in html, (html_file, text)
    batch = (site / "memorials/test-hostile/plaques/index.html").read_text(encoding="utf-8")
    assert "&lt;b onmouseover=alert(3)&gt;" in batch


# --- validation -----------------------------------------------------------------

def test_record_problems_are_reported_together_with_lines(project):
    project.write("martyrs/memorials/bad-kind.yml", """
        name: 某设施
        type: 烈士公园
        relocations:
          - from: 某村
            to: 某陵园
            date: 2022
    """)
    project.write("martyrs/memorials/bad-place.yml", """
        name: 某设施
        type: 烈士墓
        level: 零散
        coordinates: 129.5, 106.2
    """)
    project.write("martyrs/test-lost.yml", resident("张测试", "test-cemetary"))
    project.write("martyrs/memorials/test-cemetery.yml", CEMETERY)
    project.write("martyrs/memorials/work/2023.yml", """
        year: 2022
        area: 某区
        sources:
          - title: 某资料
            where: 某处
    """)
    result = project.check()
    assert result.returncode == 1
    errors = result.stderr
    assert "martyrs/memorials/bad-kind.yml:2: type: “烈士公园”不在可选值中" in errors
    assert "martyrs/memorials/bad-kind.yml:1: level: 缺少必填字段" in errors
    assert "martyrs/memorials/bad-kind.yml:4: relocations[1].approved_by: 缺少必填字段" in errors
    assert "martyrs/memorials/bad-place.yml:4: coordinates: “129.5, 106.2”不是有效坐标" in errors
    assert ("martyrs/test-lost.yml:3: resting_facility: 没有编号为“test-cemetary”的纪念设施记录"
            "（应为 martyrs/memorials/test-cemetary.yml），是否应为“test-cemetery”？") in errors
    assert "martyrs/memorials/work/2023.yml:1: year: 年份 2022 与文件名“2023.yml”不一致" in errors


def test_unknown_facility_message_in_english(project):
    project.write("martyrs/test-lost.yml", resident("张测试", "nowhere"))
    result = project.check(env={"YINGLIE_LANG": "en"})
    assert ('martyrs/test-lost.yml:3: resting_facility: no memorial facility record "nowhere" '
            "(expected martyrs/memorials/nowhere.yml)") in result.stderr


# --- QR codes -------------------------------------------------------------------

def zbar(png: Path) -> str:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is needed to read QR codes: apt-get install zbar-tools (see .ci/run)"
    result = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize("address", ["martyrs/test-wang/", "martyrs/qi-nanxun/", "memorials/test-cemetery/"])
def test_qr_png_decodes_to_the_page_address_under_the_sub_path(memorial_project, address):
    assert zbar(memorial_project.site / address / "qr.png") == SITE_URL + address


def test_every_record_page_has_svg_and_png_codes(memorial_project):
    site = memorial_project.site
    records = [f"martyrs/{p.stem}/" for p in (memorial_project.root / "martyrs").glob("*.yml")]
    records += [f"memorials/{p.stem}/" for p in (memorial_project.root / "martyrs/memorials").glob("*.yml")]
    assert len(records) == 4 + 4 + 3
    for address in records:
        svg = ET.parse(site / address / "qr.svg").getroot()
        assert svg.get("viewBox") and svg.get("width") is None  # scales to the plaque
        assert (site / address / "qr.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        html = page(site, address.rstrip("/"))
        assert '<img class="ml-qr__code" src="qr.svg"' in html
        assert f'<p class="ml-qr__address">{SITE_URL}{address}</p>' in html


def test_demo_codes_follow_the_configured_site_url(demo_site):
    assert zbar(demo_site / "martyrs/ran-jun/qr.png") == "https://www.example.gov.cn/zt/yinglie/martyrs/ran-jun/"


# --- plaque sheets --------------------------------------------------------------

def print_to_pdf(html_file: Path, out: Path, fragment: str = "") -> bytes:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "headless Chromium is needed to print plaques: apt-get install chromium (see .ci/run)"
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={out}", html_file.as_uri() + fragment],
        capture_output=True, text=True, timeout=120,
    )
    assert out.is_file(), result.stderr
    return out.read_bytes()


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page of a Chromium PDF."""
    assert pdf.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    boxes = [tuple(float(v) for v in box.split()[2:4])
             for box in re.findall(rb"/MediaBox\s*\[([\d.\s]+)\]", pdf)]
    assert len(boxes) == pages
    return boxes


def test_martyr_plaque_prints_on_one_a4_page(memorial_project, tmp_path):
    sheet = memorial_project.site / "martyrs/test-wang/plaque/index.html"
    html = sheet.read_text(encoding="utf-8")
    assert "王测试" in html and "1949年11月" in html and 'src="../../../martyrs/test-wang/qr.svg"' in html
    boxes = pdf_pages(print_to_pdf(sheet, tmp_path / "a4.pdf"))
    assert len(boxes) == 1
    assert boxes[0] == pytest.approx((595.3, 841.9), abs=1.5)  # A4


def test_small_plaque_prints_on_one_90_by_60_mm_page(memorial_project, tmp_path):
    sheet = memorial_project.site / "memorials/test-cemetery/plaque/index.html"
    boxes = pdf_pages(print_to_pdf(sheet, tmp_path / "small.pdf", "#small"))
    assert len(boxes) == 1
    mm = 72 / 25.4
    assert boxes[0] == pytest.approx((90 * mm, 60 * mm), abs=1.5)


def test_plaque_on_screen_shows_a_code_that_scans(memorial_project, tmp_path):
    sheet = memorial_project.site / "martyrs/test-wang/plaque/index.html"
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "headless Chromium is needed to print plaques: apt-get install chromium (see .ci/run)"
    shot = tmp_path / "plaque.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--window-size=900,1400", f"--screenshot={shot}", sheet.as_uri()],
                   capture_output=True, timeout=120)
    assert zbar(shot) == SITE_URL + "martyrs/test-wang/"


def test_batch_page_prints_every_resident_code(memorial_project, tmp_path):
    sheet = memorial_project.site / "memorials/test-cemetery/plaques/index.html"
    html = sheet.read_text(encoding="utf-8")
    assert re.findall(r'data-record-id="([^"]+)"', html) == ["test-ding", "test-wang"]
    assert 'src="../../../martyrs/test-ding/qr.svg"' in html
    boxes = pdf_pages(print_to_pdf(sheet, tmp_path / "batch.pdf"))
    assert len(boxes) == 1 and boxes[0] == pytest.approx((595.3, 841.9), abs=1.5)


def test_plaque_sheets_stay_out_of_search_and_sitemap(memorial_project):
    # Facility pages are found through the record search index, as martyrs are (search.py).
    records = (memorial_project.site / "data/search-records.json").read_text(encoding="utf-8")
    assert '"memorials/test-cemetery/"' in records
    for index in (records, (memorial_project.site / "search/search_index.json").read_text(encoding="utf-8")):
        assert "plaque/" not in index and "plaques/" not in index
    # Print sheets are plain files, not pages of the site.
    sitemap = (memorial_project.site / "sitemap.xml").read_text(encoding="utf-8")
    assert "memorials/test-cemetery/</loc>" in sitemap and "plaque" not in sitemap


# --- demo content ---------------------------------------------------------------

def test_demo_adds_no_facility_of_its_own():
    assert not list((RECORDS / "martyrs/memorials").glob("*.yml"))


def test_2022_memorial_work_page_shows_the_seed_figures_with_source(demo_site):
    html = article(page(demo_site, "memorials/work/2022"))
    assert '<dd data-figure="funds">474万元</dd>' in html
    assert '<dd data-figure="repaired">18 处</dd>' in html
    assert '<dd data-figure="relocated">12 座</dd>' in html
    assert "<cite>江津区退役军人事务系统2022年工作回顾</cite>" in html
    assert "投入专项资金474万元，维修烈士纪念设施18处，迁葬零散烈士墓12座" in html
    index = article(page(demo_site, "memorials"))
    assert 'href="work/2022/"' in index and "本站尚未收录单处纪念设施的记录" in index


def test_build_without_site_url_is_refused_clearly(project):
    result = project.build(env={"SITE_URL": ""})
    assert result.returncode != 0
    assert "mkdocs.yml 未设置 site_url（网站正式网址，含子路径），无法生成二维码" in result.stderr


def test_open_data_lists_facilities_with_residents(memorial_project, demo_site):
    data = json.loads((memorial_project.site / "data/memorials.json").read_text(encoding="utf-8"))
    cemetery = next(f for f in data["facilities"] if f["id"] == "test-cemetery")
    assert cemetery["residents"] == ["test-ding", "test-wang"]
    assert cemetery["repairs"] == [{"year": {"date": "2021", "text": "2021年"}, "amount_yuan": 125000,
                                    "description": "修缮碑文"}]
    assert "photos" not in cemetery  # file paths inside the repository are not published
    demo = json.loads((demo_site / "data/memorials.json").read_text(encoding="utf-8"))
    assert demo["count"] == 0
    assert demo["memorial_work"][0]["funds_yuan"] == 4740000
    assert demo["memorial_work"][0]["facilities_repaired"] == 18
    assert demo["memorial_work"][0]["graves_relocated"] == 12


def test_facility_records_pass_the_publication_guard(project):
    project.write("martyrs/memorials/scattered.yml", SCATTERED + "opening: 管理员电话 13800138000\n")
    result = project.check()
    assert result.returncode == 1
    assert "martyrs/memorials/scattered.yml:" in result.stderr and ": opening: " in result.stderr
    assert "13800138000" not in result.stderr
