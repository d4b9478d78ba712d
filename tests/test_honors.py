"""Award notices (喜报): the demo roll, the declared totals, consent hold-back,
unknown fields, and escaping, checked on real builds and real error messages."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from mkdocs.config import load_config

from yinglie.siteplan import load_records
from yinglie.collation import name_keys
from yinglie.config import settings_from

DEMO_COUNTS = {"二等功": 6, "三等功": 56, "优秀士兵": 189}


def award_counts(html: str) -> dict[str, int]:
    return {award: int(n) for award, n in re.findall(r'<strong data-award="([^"]+)">(\d+)</strong>', html)}


def names_in(html: str, group_heading: str) -> list[str]:
    section = html.split(f">{group_heading}<span class=\"ml-honors__count\">", 1)[1].split("</section>", 1)[0]
    return re.findall(r'<span class="ml-honor__name">([^<]+)</span>', section)


def problem_lines(result) -> list[str]:
    assert result.returncode != 0, result.stdout + result.stderr
    return result.stderr.splitlines()[1:]


def every_built_file(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): path.read_text(encoding="utf-8")
        for path in site.rglob("*")
        if path.suffix in (".html", ".json", ".xml", ".js") and path.is_file()
    }


# --- The demo roll ------------------------------------------------------------------

def test_demo_year_page_shows_6_56_189_and_251(demo_site):
    html = (demo_site / "honors/2022/index.html").read_text(encoding="utf-8")
    assert award_counts(html) == DEMO_COUNTS
    assert '<strong data-total>251</strong>' in html
    # Classes in the configured order, each with its count.
    headings = re.findall(r'<h2 id="award-\d+">([^<]+)<span class="ml-honors__count">（(\d+) 个）', html)
    assert headings == [("二等功", "6"), ("三等功", "56"), ("优秀士兵", "189")]
    assert html.count('class="ml-honor"') == 251


def test_demo_summary_page_table_and_chart(demo_site):
    html = (demo_site / "honors/index.html").read_text(encoding="utf-8")
    row = html.split('<tr data-year="2022">', 1)[1].split("</tr>", 1)[0]
    assert dict(re.findall(r'<td data-award="([^"]+)">(\d+)</td>', row)) == {k: str(v) for k, v in DEMO_COUNTS.items()}
    assert "<td data-total>251</td>" in row
    svg = html.split('<svg class="ml-chart"', 1)[1].split("</svg>", 1)[0]
    assert re.findall(r"<title>2022年 ([^：]+)：(\d+)</title>", svg) == [(k, str(v)) for k, v in DEMO_COUNTS.items()]
    # Bars are drawn to scale: 189 is the longest, 6 the shortest.
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths[2] > widths[1] > widths[0] > 0
    assert "<script" not in html.split("<article", 1)[1].split("</article>", 1)[0]


def test_demo_honors_json_matches_the_pages(demo_site):
    data = json.loads((demo_site / "data/honors.json").read_text(encoding="utf-8"))
    assert data["count"] == 251
    assert data["years"] == [{"year": 2022, "count": 251, "by_award": DEMO_COUNTS, "held_back": 0}]
    counted = {}
    for notice in data["notices"]:
        counted[notice["award"]] = counted.get(notice["award"], 0) + 1
        assert set(notice) == {"year", "award", "name", "township", "branch", "citation", "delivered", "delivered_by"}
        assert notice["year"] == 2022 and re.fullmatch(r".某", notice["name"])
    assert counted == DEMO_COUNTS
    # The same names as the year page, class by class (the page lists them town by town).
    html = (demo_site / "honors/2022/index.html").read_text(encoding="utf-8")
    for award in DEMO_COUNTS:
        assert sorted(names_in(html, award)) == sorted(n["name"] for n in data["notices"] if n["award"] == award)


def test_demo_names_by_town_in_stroke_order_within_each_class(demo_site):
    html = (demo_site / "honors/2022/index.html").read_text(encoding="utf-8")
    for award in DEMO_COUNTS:
        section = html.split(f">{award}<span class=\"ml-honors__count\">", 1)[1].split("</section>", 1)[0]
        towns = re.findall(r'<details class="ml-honors__town" id="a\d+-t\d+" data-town="([^"]+)">', section)
        assert len(towns) == len(set(towns)) > 1
        anchors = re.findall(r'<details class="ml-honors__town" id="(a\d+-t\d+)"', section)
        assert len({anchor.split("-")[0] for anchor in anchors}) == 1  # one class
        assert len(set(anchors)) == len(towns)
        total = 0
        for town in re.split(r'<details class="ml-honors__town"', section)[1:]:
            count = int(re.search(r"<summary>[^<]+<span class=\"ml-honors__count\">（(\d+) 个）", town)[1])
            names = re.findall(r'<span class="ml-honor__name">([^<]+)</span>', town)
            assert len(names) == count
            assert "ml-honor__place" not in town and "ml-honor__award" not in town  # said by the headings
            strokes = [name_keys(name).strokes for name in names]
            assert strokes == sorted(strokes), award
            total += count
        assert total == DEMO_COUNTS[award]
    # A citation the whole class shares is said once, not on every name.
    assert html.count("被评为优秀士兵，特此报喜。") == 1


def test_demo_townships_page_holds_every_notice_once(demo_site):
    html = (demo_site / "honors/2022/townships/index.html").read_text(encoding="utf-8")
    counts = [int(n) for n in re.findall(r'<h2 id="town-\d+">[^<]+<span class="ml-honors__count">（(\d+) 个）', html)]
    assert sum(counts) == 251 and html.count('class="ml-honor"') == 251
    towns = re.findall(r'<h2 id="town-\d+">([^<]+)<span', html)
    assert towns[0] == "几江街道"  # the configured order, streets first


def test_honor_roll_is_in_the_nav_and_printable(demo_site):
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="honors/"[^>]*>\s*荣誉榜', home)
    css = (demo_site / "assets/honors.css").read_text(encoding="utf-8")
    assert "@media print" in css
    page = (demo_site / "honors/2022/index.html").read_text(encoding="utf-8")
    assert "assets/honors.css" in page
    assert '<p class="ml-honors__print-demo"><strong>演示数据</strong>' in page  # printed with the roll


def test_a_site_without_notices_still_builds_its_honor_roll_page(project):
    project.remove("honors/2022")  # honors/ itself stays: mkdocs.yml watches it
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "暂无公开的喜报。" in (project.site / "honors/index.html").read_text(encoding="utf-8")
    data = json.loads((project.site / "data/honors.json").read_text(encoding="utf-8"))
    assert data["count"] == 0 and data["notices"] == [] and data["years"] == []


# --- Declared totals ----------------------------------------------------------------

def test_a_declared_class_that_does_not_add_up_fails_naming_year_and_class(project):
    totals = project.root / "honors/2022/totals.yml"
    totals.write_text(totals.read_text(encoding="utf-8").replace("三等功: 56", "三等功: 57"), encoding="utf-8")
    assert problem_lines(project.check()) == [
        "honors/2022/totals.yml:4: total: 2022 年各类申报数之和为 252 个，与申报总数 251 个不一致",
        "honors/2022/totals.yml:7: totals.三等功: 2022 年“三等功”申报 57 个，记录中有 56 个",
    ]


def test_a_notice_of_an_undeclared_class_fails_the_totals(project):
    project.write("honors/2022/late-round.yml", """
        - name: 王某
          award: 优秀士官
          year: 2022
          township: 白沙镇
        """)
    assert problem_lines(project.check()) == [
        "honors/2022/totals.yml:4: total: 2022 年喜报总数申报 251 个，记录中有 252 个",
        "honors/2022/totals.yml:5: totals.优秀士官: 2022 年“优秀士官”申报 0 个，记录中有 1 个",
    ]


# --- Consent hold-back ----------------------------------------------------------------

HELD_BACK_ROUND = """
    - name: 王公开
      name_display: 全名
      award: 三等功
      year: 2023
      township: 白沙镇
      citation: 荣立三等功一次
      consent: true
      consent_record: 2023年本人书面同意
    - name: 李未问
      name_display: 全名
      award: 三等功
      year: 2023
      township: 白沙镇
      citation: 李未问同志荣立三等功一次
    - name: 赵不同意
      name_display: 全名
      award: 二等功
      year: 2023
      township: 德感街道
      consent: false
    - name: 钱未记录
      name_display: 全名
      award: 优秀士兵
      year: 2023
      township: 德感街道
      consent: true
    - name: 孙隐名
      name_display: 不显示
      award: 三等功
      year: 2023
      township: 白沙镇
      consent: true
      consent_record: 本人书面同意，不显示姓名
    """


def test_notices_without_consent_are_held_back_everywhere_but_counted(project):
    project.write("honors/2023/round-1.yml", HELD_BACK_ROUND)
    project.write("honors/2023/totals.yml", """
        totals:
          二等功: 1
          三等功: 3
          优秀士兵: 1
        """)
    result = project.build()
    assert result.returncode == 0, result.stderr
    # The build says which notices were held back, and why, without failing.
    assert "4 条喜报未公开" not in result.stderr
    assert "3 条喜报未公开：" in result.stderr
    for line in [
        "honors/2023/round-1.yml:9: consent: 未记录本人是否同意公开，本条喜报不公开（仍计入年度总数）",
        "honors/2023/round-1.yml:15: consent: 本人未同意公开，本条喜报不公开（仍计入年度总数）",
        "honors/2023/round-1.yml:21: consent: 写明同意公开，但未填写同意的记录（consent_record），"
        "本条喜报暂不公开（仍计入年度总数）",
    ]:
        assert line in result.stderr
    files = every_built_file(project.site)
    assert "王公开" in files["honors/2023/index.html"]
    for held in ("李未问", "赵不同意", "钱未记录", "孙隐名"):  # the last one is published, nameless
        leaked = [name for name, text in files.items() if held in text or held in unescape(text)]
        assert leaked == [], f"{held} appears in {leaked}"
    data = json.loads(files["data/honors.json"])
    assert data["years"][0] == {"year": 2023, "count": 2, "by_award": {"三等功": 2}, "held_back": 3}
    assert [n["name"] for n in data["notices"] if n["year"] == 2023] == ["王公开", None]  # unnamed last
    page = files["honors/2023/index.html"]
    assert award_counts(page) == {"三等功": 2}
    assert '<span class="ml-honor__name">（姓名不公开）</span>' in page
    assert "另有 3 个喜报未取得受奖人同意公开" in page


def test_check_lists_held_back_notices(project):
    project.write("honors/2023/round-1.yml", HELD_BACK_ROUND)
    result = project.check()
    assert result.returncode == 0, result.stderr
    assert "honors/2023/round-1.yml:15: consent: 本人未同意公开，本条喜报不公开（仍计入年度总数）" in result.stdout


# --- What a notice may hold -----------------------------------------------------------

def test_family_contacts_and_cash_are_unknown_fields(project):
    project.write("honors/2023/round-1.yml", """
        - name: 王某
          award: 三等功
          year: 2023
          township: 白沙镇
          family: 王大
          phone: "13812345678"
          奖金: 5000元
        """)
    assert problem_lines(project.check()) == [
        "honors/2023/round-1.yml:5: family: 未知字段“family”",
        "honors/2023/round-1.yml:6: phone: 含有疑似电话号码（1*********8），不得公开",
        "honors/2023/round-1.yml:6: phone: 未知字段“phone”",
        "honors/2023/round-1.yml:7: 奖金: 未知字段“奖金”",
    ]


def test_township_branch_year_and_name_rules(project):
    project.write("honors/2023/round-1.yml", """
        - name: 王小明
          award: 三等功
          year: 2022
          township: 白沙镇黄泥村
          branch: 陆军第一旅
          citation: 王小明同志荣立三等功一次
        """)
    lines = problem_lines(project.check())
    assert lines[0] == "honors/2023/round-1.yml:3: year: 年份 2022 与所在文件夹 honors/2023/ 不一致"
    assert lines[1] == "honors/2023/round-1.yml:4: township: 含有镇街以下的详细地址（镇黄泥村），喜报只公开到镇街"
    assert lines[2].startswith("honors/2023/round-1.yml:4: township: “白沙镇黄泥村”不在可选值中：几江街道、")
    assert lines[3] == "honors/2023/round-1.yml:5: branch: 含有部队番号或代号（第一旅），不得公开；请写作“某部”，如“陆军某部”"
    assert lines[4].startswith("honors/2023/round-1.yml:5: branch: “陆军第一旅”不在可选值中：陆军某部、")
    assert lines[5] == "honors/2023/round-1.yml:6: citation: 含有受奖人的全名，但姓名显示方式为“姓加某”"
    assert len(lines) == 6


def test_compound_surname_is_shown_with_mou_and_must_begin_the_name(project):
    project.write("honors/2023/round-1.yml", """
        - name: 欧阳小明
          surname: 欧阳
          award: 三等功
          year: 2023
          township: 白沙镇
          consent: true
          consent_record: 本人书面同意
        - name: 王小明
          surname: 李
          award: 三等功
          year: 2023
          township: 白沙镇
        """)
    assert problem_lines(project.check()) == [
        "honors/2023/round-1.yml:9: surname: 姓“李”与姓名“王小明”的开头不一致",
    ]
    project.write("honors/2023/round-1.yml", "\n".join(
        project.root.joinpath("honors/2023/round-1.yml").read_text(encoding="utf-8").splitlines()[:7]) + "\n")
    config = load_config(str(project.root / "mkdocs.yml"))
    roll = load_records(settings_from(config.extra, project.root)).honors
    assert [n.shown_name for n in roll.published_in(2023)] == ["欧阳某"]


def test_a_file_that_is_not_a_list_and_a_misplaced_file(project):
    project.write("honors/2023/round-1.yml", """
        name: 王某
        award: 三等功
        """)
    project.write("honors/round-2.yml", "[]\n")
    assert problem_lines(project.check()) == [
        "honors/2023/round-1.yml:1: -: 文件内容应为喜报列表，每条喜报以“- ”开头",
        "honors/round-2.yml:1: -: 喜报文件应放在年份文件夹中，如 honors/2022/round-2.yml",
    ]


# --- Escaping ---------------------------------------------------------------------------

ATTACKS = ("<script>alert(1)</script>", '<img src=x onerror="alert(2)">')
NAME_ATTACK = "<script>x()</script>"  # names are at most 20 characters


def test_markup_in_any_field_never_reaches_the_site_live(project):
    project.write("honors/2023/round-1.yml", f"""
        - name: '{NAME_ATTACK}'
          name_display: 全名
          award: 三等功
          year: 2023
          township: 白沙镇
          citation: '{ATTACKS[1]}'
          delivered: 2023-08-01
          delivered_by: '{ATTACKS[0]}{ATTACKS[1]}'
          consent: true
          consent_record: 本人书面同意
        """)
    result = project.build()
    assert result.returncode == 0, result.stderr
    files = every_built_file(project.site)
    for name, text in files.items():
        if name.startswith("assets/javascripts/"):
            continue  # Material's own bundle
        assert "alert(1)</script>" not in text and "x()</script>" not in text, name
        assert "<img src=x" not in text and "<img src=\"x\"" not in text, name
        assert re.search(r"<[a-z]+[^<>]*\sonerror\s*=", text) is None, name
    page = files["honors/2023/index.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '<span class="ml-honor__name">&lt;script&gt;x()&lt;/script&gt;</span>' in page
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page
    raw_json = files["data/honors.json"]
    assert "<" not in raw_json and ">" not in raw_json
    notice = next(n for n in json.loads(raw_json)["notices"] if n["year"] == 2023)
    assert notice["name"] == NAME_ATTACK and notice["citation"] == ATTACKS[1]
    assert notice["delivered"] == {"date": "2023-08-01", "text": "2023年8月1日"}
