"""The classroom kit (教师专区) on real builds: stories by school stage, story cards
(A5, two per A4 sheet, PDF-printed), card sheets by group, the projector view,
classroom themes and their writing sheet, and the records' checks.

One fixture project (martyrs, a facility, an event and a theme made up for the test,
never demo content) is built once for the module; validation tests run
`python -m yinglie check` on their own copies.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from mkdocs.config import load_config
from conftest import copy_project, martyr_record
from test_memorials import pdf_pages, print_to_pdf

SITE_URL = "https://memorial.example.org/zt/yinglie/"
ENV = {"SITE_URL": SITE_URL}
NOT_WRITTEN = "本学段故事尚待工作人员撰写，以下为记录原文"
A4_LANDSCAPE = (841.9, 595.3)
A4_PORTRAIT = (595.3, 841.9)
CONTACT = "请致电 023-47521234 联系区退役军人事务局宣教科"
STAGES = ("xiaoxue", "chuzhong", "gaozhong")

SOURCE = """
sources:
  - title: 测试资料
    where: 测试用，非真实记录
"""


def martyr(name: str, period: str, died: str, extra: str = "") -> str:
    return f"name: {name}\nperiod: {period}\ndied: {died}\nnative_place: 测试县\nsummary: {name}的测试简介。\n" \
           f"deeds: |\n  {name}的测试事迹第一段。\n\n  {name}的测试事迹第二段。\n{extra}{SOURCE}"


STORY = """
stories:
  - stage: 初中
    text: |
      初中版测试故事第一段<script>alert(1)</script>。

      初中版测试故事第二段。
    sources:
      - title: 初中版故事的测试出处
        where: 测试档案馆
    questions:
      - 测试讨论题一？
"""

LIBERATION = "解放战争时期"
THEME = """
title: 测试专题·清明
intro: |
  专题的测试介绍。
martyrs: [test-zhao]
facilities: [test-cemetery]
events: [test-event]
"""


def write_fixture(project) -> None:
    # Three martyrs of one period (one with a written 初中 story), one of another.
    project.write("martyrs/test-wang.yml", martyr("王测试", LIBERATION, "1949-11", STORY))
    project.write("martyrs/test-li.yml", martyr("李测试", LIBERATION, "1948-03"))
    project.write("martyrs/test-zhang.yml", martyr("张测试", LIBERATION, "1947", "resting_facility: test-cemetery\n"))
    project.write("martyrs/test-zhao.yml", martyr("赵测试", "抗日战争时期", "1940"))
    # Deeds longer than a card holds: twelve paragraphs of 100 characters.
    long_deeds = "".join(f"  第{n}段" + "长" * 96 + "。\n\n" for n in range(1, 13))
    project.write("martyrs/test-long.yml", f"name: 钱测试\ndied: 1940\ndeeds: |\n{long_deeds}{SOURCE}")
    project.write("martyrs/memorials/test-cemetery.yml", "name: 测试烈士陵园\ntype: 烈士陵园\nlevel: 区县级\n")
    project.write("events/test-event.yml", "title: 测试清明活动\ndate: '2024-04-04'\ntype: 清明祭英烈\n" + SOURCE)
    project.write("themes/test-qingming.yml", THEME)


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("schools") / "project")
    write_fixture(project)
    settings = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(settings + f"    contact: {CONTACT}\n", encoding="utf-8")
    result = project.build(env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def read(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def stage_section(html: str, slug: str) -> str:
    """What a card sheet or projector shows for one stage (#slug): its cards or parts."""
    pattern = re.compile(r'<(article|div) class="(?:story-card|pj-part)[^"]*"[^>]*data-stages="([^"]*)"')
    starts = [(m.start(), m.group(2)) for m in pattern.finditer(html)]
    shown = []
    for (start, stages), (end, _next) in zip(starts, [*starts[1:], (len(html), "")]):
        if slug in stages.split():
            shown.append(html[start:end])
    assert shown, slug
    return "".join(shown)


# --- stories by stage -----------------------------------------------------------

def test_written_story_shows_for_its_stage_with_its_own_sources(kit):
    html = read(kit.site, "martyrs/test-wang/card")
    junior = stage_section(html, "chuzhong")
    assert "初中版测试故事第一段" in junior and "初中版测试故事第二段" in junior
    assert "初中版故事的测试出处" in junior and "测试讨论题一？" in junior
    assert NOT_WRITTEN not in junior
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The other stages have no story written: the record's text as it is, and the notice.
    for slug in ("xiaoxue", "gaozhong"):
        other = stage_section(html, slug)
        assert NOT_WRITTEN in other and "初中版测试故事" not in other
        assert "王测试的测试简介。" in other and "王测试的测试事迹第二段。" in other
        assert "初中版故事的测试出处" not in other and "测试用，非真实记录" in other


def test_demo_martyrs_have_no_story_written_for_any_stage(kit):
    for martyr_id in ("qi-nanxun", "ran-jun", "zhong-rumei", "jiang-zhengquan"):
        html = read(kit.site, f"martyrs/{martyr_id}/card")
        for slug in STAGES:
            assert NOT_WRITTEN in stage_section(html, slug), (martyr_id, slug)
        projector = read(kit.site, f"martyrs/{martyr_id}/projector")
        assert projector.count(f"小学、初中、高中：{NOT_WRITTEN}") == 1  # the record's text, once for all three


def test_card_has_name_dates_native_place_sources_and_qr_code(kit):
    card = stage_section(read(kit.site, "martyrs/test-li/card"), "xiaoxue")
    assert "李测试" in card and "1948年3月" in card and "籍贯：测试县" in card
    assert 'src="../../../martyrs/test-li/qr.svg"' in card
    assert card.count('data-record-id="test-li"') == 2  # two copies on the A4 sheet


def test_a_card_prints_the_paragraphs_it_holds_and_says_the_rest_is_online(kit, tmp_path):
    card = stage_section(read(kit.site, "martyrs/test-long/card"), "gaozhong")
    assert "第4段" in card and "第5段" not in card  # whole paragraphs (100 characters each), up to 400
    assert card.count("……（未完，扫码阅读全文）") == 2
    assert "第12段" in stage_section(read(kit.site, "martyrs/test-long/projector"), "gaozhong")
    boxes = pdf_pages(print_to_pdf(kit.site / "martyrs/test-long/card/index.html", tmp_path / "long.pdf", "#gaozhong"))
    assert boxes == [pytest.approx(A4_LANDSCAPE, abs=1.5)]


# --- printing -------------------------------------------------------------------

def test_a_martyrs_card_prints_on_one_a4_landscape_sheet(kit, tmp_path):
    boxes = pdf_pages(print_to_pdf(kit.site / "martyrs/test-wang/card/index.html", tmp_path / "card.pdf", "#chuzhong"))
    assert boxes == [pytest.approx(A4_LANDSCAPE, abs=1.5)]


def test_a_periods_card_sheet_holds_its_martyrs_two_per_a4_sheet(kit, tmp_path):
    teachers = read(kit.site, "teachers")
    periods = re.findall(r'href="[^"]+#xiaoxue" data-card-group="(period-\d+)"', teachers)
    assert len(periods) == 2  # the two periods that have martyrs
    sheets = {slug: read(kit.site, f"teachers/cards/{slug}") for slug in periods}
    slug = next(slug for slug, html in sheets.items() if f"<title>{LIBERATION} · 故事卡" in html)
    ids = re.findall(r'data-record-id="([^"]+)"', stage_section(sheets[slug], "gaozhong"))
    assert sorted(ids) == ["test-li", "test-wang", "test-zhang"]  # the period's martyrs, no other
    boxes = pdf_pages(print_to_pdf(kit.site / f"teachers/cards/{slug}/index.html", tmp_path / "period.pdf", "#gaozhong"))
    assert len(boxes) == 2  # three cards, two to a sheet
    assert all(box == pytest.approx(A4_LANDSCAPE, abs=1.5) for box in boxes)


def test_card_groups_by_facility_and_native_place(kit):
    facility = read(kit.site, "teachers/cards/facility-test-cemetery")
    assert re.findall(r'data-record-id="([^"]+)"', stage_section(facility, "xiaoxue")) == ["test-zhang"]
    everyone = stage_section(read(kit.site, "teachers/cards/all"), "xiaoxue")
    assert len(set(re.findall(r'data-record-id="([^"]+)"', everyone))) == 5 + 4


def test_letter_sheet_prints_on_one_a4_portrait_page(kit, tmp_path):
    html = read(kit.site, "themes/test-qingming/letter-sheet")
    assert "致英烈的一封信" in html and "请不要写自己的姓名" in html and "赵测试烈士" in html
    boxes = pdf_pages(print_to_pdf(kit.site / "themes/test-qingming/letter-sheet/index.html", tmp_path / "letter.pdf"))
    assert boxes == [pytest.approx(A4_PORTRAIT, abs=1.5)]


# --- projector ------------------------------------------------------------------

def test_projector_has_no_site_chrome_and_one_part_per_paragraph(kit):
    html = read(kit.site, "martyrs/test-wang/projector")
    assert "md-header" not in html and "md-nav" not in html
    assert re.search(r'<script src="[^"]*assets/projector\.js" defer></script>', html)
    assert "script-src 'self'" in html and "<script>" not in html
    junior = stage_section(html, "chuzhong")
    # Title, two story paragraphs, one question, sources.
    assert junior.count('class="pj-part') == 5
    assert "测试讨论题一？" in junior


# --- themes ---------------------------------------------------------------------

def test_theme_page_gathers_martyrs_by_id_and_facility_and_its_events(kit):
    html = read(kit.site, "themes/test-qingming")
    assert "专题的测试介绍。" in html
    # By id (赵) and by resting facility (张), in surname-stroke order; 王 and 李 are not gathered.
    assert re.findall(r'<li><a href="../../martyrs/([^/]+)/">', html) == ["test-zhang", "test-zhao"]
    assert "测试清明活动" in html
    for material in ("cards/#xiaoxue", "projector/#gaozhong", "letter-sheet/"):
        assert f'href="{material}"' in html, material
    cards = stage_section(read(kit.site, "themes/test-qingming/cards"), "chuzhong")
    assert sorted(set(re.findall(r'data-record-id="([^"]+)"', cards))) == ["test-zhang", "test-zhao"]
    assert "测试专题·清明" in read(kit.site, "teachers")
    projector = read(kit.site, "themes/test-qingming/projector")
    opening = re.search(r'<div class="pj-part pj-part--title"><h1>(.*?)</h1>', projector)
    assert opening and opening.group(1) == "测试专题·清明" and "专题的测试介绍。" in projector
    assert sorted(set(re.findall(r'data-record-id="([^"]+)"', projector))) == ["test-zhang", "test-zhao"]


# --- teachers' section ----------------------------------------------------------

def test_teachers_section_is_in_the_navigation_with_the_configured_contact(kit):
    home = (kit.site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="teachers/" class="md-tabs__link">\s*教师专区\s*</a>', home)
    teachers = read(kit.site, "teachers")
    assert CONTACT in teachers  # a public value: the guard lets the bureau's number through
    assert "1 位已有撰写的故事" in teachers
    assert "课堂使用指南" in read(kit.site, "teachers-guide")


def test_without_a_contact_the_page_invents_none(tmp_path):
    project = copy_project(tmp_path / "project")
    assert project.build(env=ENV).returncode == 0
    teachers = read(project.site, "teachers")
    bureau = load_config(str(project.root / "mkdocs.yml")).extra["bureau"]  # the district's own setting
    assert f"请联系{bureau}" in teachers and "致电" not in teachers


# --- checks ---------------------------------------------------------------------

@pytest.mark.parametrize(("record", "expected"), [
    (STORY + STORY.replace("stories:\n", ""), "stories[2].stage: “初中”学段已有一篇故事"),
    (STORY.replace("stage: 初中", "stage: 大学"), "stories[1].stage:"),
    (STORY.replace("      - title: 初中版故事的测试出处\n        where: 测试档案馆\n", "      []\n"),
     "stories[1].sources"),
    (STORY.replace("初中版测试故事第二段。", "联系电话 13812345678"), "stories[1].text:"),
])
def test_stage_story_problems_are_reported(tmp_path, record, expected):
    project = copy_project(tmp_path / "project")
    path = project.write("martyrs/test-wang.yml", martyr("王测试", LIBERATION, "1949-11", record))
    result = project.check()
    assert result.returncode != 0
    assert re.search(rf"martyrs/test-wang\.yml:\d+: {re.escape(expected)}", result.stdout + result.stderr), \
        result.stdout + result.stderr
    assert path.exists()


@pytest.mark.parametrize(("theme", "expected"), [
    ("title: 测试\nmartyrs: [nobody]\n", "themes/bad.yml:2: martyrs[1]: 没有编号为“nobody”的烈士记录"),
    ("title: 测试\nfacilities: [nowhere]\n", "themes/bad.yml:2: facilities[1]: 没有编号为“nowhere”的纪念设施记录"),
    ("title: 测试\nevents: [never]\n", "themes/bad.yml:2: events[1]: 没有编号为“never”的纪念活动记录"),
    ("title: 测试\nperiods: [民国时期]\n", "themes/bad.yml:2: periods[1]: “民国时期”不是设置中的历史时期"),
    ("title: 测试\n", "themes/bad.yml:1: martyrs: 专题须至少写明"),
])
def test_theme_problems_are_reported(tmp_path, theme, expected):
    project = copy_project(tmp_path / "project")
    project.write("themes/bad.yml", theme)
    result = project.check()
    assert result.returncode != 0 and expected in result.stdout + result.stderr, result.stdout + result.stderr


def test_a_large_group_prints_in_parts_of_at_most_a_hundred_cards(tmp_path):
    """No card sheet holds a whole district's roll: 154 martyrs are two parts of the
    "all" sheet, in the directory's order, each at its own address."""
    from yinglie.classroom import CARDS_PER_SHEET, card_groups
    from yinglie.config import settings_from
    from yinglie.siteplan import load_records
    from yinglie.synthdata import write_martyrs

    project = copy_project(tmp_path / "project")
    write_martyrs(project.root, 150, seed=3)
    config = load_config(str(project.root / "mkdocs.yml"))
    catalogue = load_records(settings_from(config.extra, project.root, config.docs_dir))
    groups = card_groups(catalogue)
    everyone = [group for group in groups if group.kind == "全部"]
    assert CARDS_PER_SHEET == 100
    assert [len(group.martyrs) for group in everyone] == [100, 54]
    assert [group.url for group in everyone] == ["teachers/cards/all/", "teachers/cards/all/2/"]
    assert "第 2 组（第 101–154 位）" in everyone[1].title
    assert [m.id for group in everyone for m in group.martyrs] == [m.id for m in catalogue.martyrs_by_strokes]
    assert all(len(group.martyrs) <= CARDS_PER_SHEET for group in groups)
    assert len({group.url for group in groups}) == len(groups)


def test_print_sheets_show_record_text_without_its_links(tmp_path):
    """The cards and the projector render the deeds paragraph by paragraph; the URL check
    reads the whole field. A link the whole field hides (inside a raw <div>, where
    Markdown is not read) would appear in a paragraph of its own: the sheets keep the
    link's text only, and keep no link from record text at all."""
    project = copy_project(tmp_path / "project")
    project.write("martyrs/ce-lianjie.yml", martyr_record("测试链", "江津", "解放战争时期", "1949") + """
        deeds: |
          <div>

          [点此了解](//evil.example/) 与 [本站英烈](../qi-nanxun/index.md)

          </div>
        """)
    assert project.check(env=ENV).returncode == 0  # as a whole, the field holds no link
    result = project.build(env=ENV)
    assert result.returncode == 0, result.stderr[-2000:]
    for sheet in ("card", "projector"):
        page = read(project.site, f"martyrs/ce-lianjie/{sheet}")
        assert "点此了解" in page and "本站英烈" in page, sheet
        assert "evil.example" not in page and "qi-nanxun/index.md" not in page, sheet
