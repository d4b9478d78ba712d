"""`python -m yinglie export` (`make export`), the site's CSV tables and the martyr pages' JSON-LD.

The export writes the public fields the open data publishes; the site publishes the
same tables beside data/*.json; import -> export -> import gives the same records.
People in these tests are fictional test names (测试…).
"""

from __future__ import annotations

import csv
import io
import json
import re

from mkdocs.config import load_config
from openpyxl import load_workbook

from conftest import copy_project
from test_import import roll_xlsx, write_csv
from test_published_scan import problem_lines, scanner, write
from yinglie.config import settings_from
from yinglie.siteplan import load_records

BOM = "\ufeff"


def martyr_values(project) -> dict[str, dict]:
    config = load_config(str(project.root / "mkdocs.yml"))
    catalogue = load_records(settings_from(config.extra, project.root, config.docs_dir))
    return {m.id: m.values for m in catalogue.martyrs_by_strokes}


def without_martyrs(project):
    for path in (project.root / "martyrs").glob("*.yml"):
        path.unlink()
    return project


def read_csv(path) -> list[list[str]]:
    text = path.read_text(encoding="utf-8")
    assert text.startswith(BOM)  # spreadsheet programs read UTF-8 only with it
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def test_import_export_import_gives_the_same_records(tmp_path):
    first = without_martyrs(copy_project(tmp_path / "first"))
    rows = [["姓名", "籍贯", "出生年月", "牺牲时间", "生前单位及职务", "主要事迹", "标签", "资料来源", "资料出处", "原文摘录"],
            ["测试丁", "测试县", "民国十六年四月", "1949.11", "某游击队，队长", "第一段。\n\n第二段：长文。" * 3, "测试、示例",
             "测试英名录\n测试县志", "第1页\n第2卷", "原文一\n"]]
    assert first.run("import", "martyr", "--file", str(roll_xlsx(tmp_path / "roll.xlsx")),
                     "--source", "测试英名录").returncode == 0
    assert first.run("import", "martyr", "--file", str(write_csv(tmp_path / "more.csv", rows, "gb18030"))
                     ).returncode == 0
    records = martyr_values(first)
    assert len(records) == 4 and records["ce-shiding"]["sources"][1] == {
        "title": "测试县志", "where": "第2卷", "quote": "", "url": "", "document": ""}
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"martyrs.{fmt}"
        exported = first.run("export", "martyr", "--format", fmt, "--out", str(out))
        assert exported.returncode == 0 and "已导出 4 条烈士记录的公开字段" in exported.stdout
        second = without_martyrs(copy_project(tmp_path / f"second-{fmt}"))
        again = second.run("import", "martyr", "--file", str(out))
        assert again.returncode == 0, again.stdout
        assert "列“编号”是登记表自用的列，未导入" in again.stdout
        assert martyr_values(second) == records


def test_the_export_and_the_site_publish_the_same_tables_notices_only_with_consent(project, tmp_path):
    project.write("honors/2023/test-round.yml", """
        - name: 赵测试
          name_display: 全名
          award: 三等功
          year: 2023
          township: 白沙镇
          consent: true
          consent_record: 本人书面同意
        - name: 王测试
          award: 三等功
          year: 2023
          township: 白沙镇
          consent: true
          consent_record: 本人书面同意
        - name: 钱测试
          award: 优秀士兵
          year: 2023
          township: 白沙镇
          consent: false
    """)
    project.write("martyrs/ce-shiwu.yml", """
        name: 测试戊
        gender: 男
        native_place: 测试县
        died: 1949-05-12
        summary: 测试</script><b>简介</b> & 更多
        sources:
          - title: 测试资料
            where: 测试出处
    """)
    notices = tmp_path / "honors.csv"
    assert project.run("export", "notice", "--format", "csv", "--out", str(notices)).returncode == 0
    table = read_csv(notices)
    assert table[0] == ["年度", "奖励类别", "姓名", "所在镇街", "服役单位（只写到“某部”）", "喜报摘录", "送达日期", "送达单位"]
    names_2023 = [row[2] for row in table[1:] if row[0] == "2023"]
    assert sorted(names_2023) == ["王某", "赵测试"]  # 钱测试 gave no consent; 王测试 is shown as 王某
    assert "王测试" not in notices.read_text(encoding="utf-8") and "钱" not in notices.read_text(encoding="utf-8")
    xlsx = tmp_path / "honors.xlsx"
    assert project.run("export", "notice", "--format", "xlsx", "--out", str(xlsx)).returncode == 0
    sheet = load_workbook(xlsx).active
    assert [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)] == \
        [[int(v) if v.isdigit() and i == 0 and n else v for i, v in enumerate(row)] for n, row in enumerate(table)]

    built = project.build()
    assert built.returncode == 0, built.stderr[-3000:]
    site = project.site
    # The site's tables are the export's, byte for byte, beside the JSON.
    assert (site / "data/honors.csv").read_text(encoding="utf-8") == notices.read_text(encoding="utf-8")
    martyrs = tmp_path / "martyrs.csv"
    project.run("export", "martyr", "--format", "csv", "--out", str(martyrs))
    assert (site / "data/martyrs.csv").read_bytes() == martyrs.read_bytes()
    rows = read_csv(site / "data/martyrs.csv")
    opendata = json.loads((site / "data/martyrs.json").read_text(encoding="utf-8"))
    assert len(rows) - 1 == opendata["count"]
    assert sorted(row[0] for row in rows[1:]) == sorted(m["id"] for m in opendata["martyrs"])
    for name in ("events", "memorials"):
        assert read_csv(site / f"data/{name}.csv")[0][0] == "编号"
    about = (site / "about/index.html").read_text(encoding="utf-8")
    for name in ("martyrs", "memorials", "events", "honors"):
        assert f'href="../data/{name}.csv"' in about

    # The martyr's page: schema.org Person data with what the page shows, inert.
    page = (site / "martyrs/ce-shiwu/index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    assert "<" not in blocks[0] and "\\u003c/script\\u003e" in blocks[0]
    assert '"name": "测试戊"' in blocks[0]  # Chinese written as itself, not as \u escapes
    person = json.loads(blocks[0])
    assert person == {
        "@context": "https://schema.org", "@type": "Person", "name": "测试戊", "gender": "Male",
        "deathDate": "1949-05-12", "homeLocation": {"@type": "Place", "name": "测试县"},
        "description": "测试</script><b>简介</b> & 更多",
        "url": "https://www.example.gov.cn/zt/yinglie/martyrs/ce-shiwu/",
    }


def test_the_last_scan_reads_a_table_cell_by_cell(tmp_path):
    site = tmp_path / "site"
    # A phone number in a cell is refused; two cells side by side are not one number.
    write(site, "data/martyrs.csv", BOM + "编号,姓名,出生时间,牺牲时间,简介\r\n"
                                          "a,测试,1927,1949,联系 13812345678\r\nb,测试,138,00138000,\r\n")
    # The honor roll's table: the notice rules (no address below town level).
    write(site, "data/honors.csv", BOM + "年度,姓名,所在镇街,喜报摘录\r\n2023,王某,白沙镇,家住白沙镇黄泥村\r\n")
    scan = scanner(tmp_path)
    scan.scan_files(site)
    assert problem_lines(scan) == [
        "site/data/honors.csv:1: -: 含有镇街以下的详细地址（镇黄泥村），喜报只公开到镇街",
        "site/data/martyrs.csv:1: -: 含有疑似电话号码（1*********8），不得公开",
    ]


def test_a_cell_that_would_run_as_a_formula_is_written_inert_and_reads_back_as_typed(project, tmp_path):
    without_martyrs(project)
    project.write("martyrs/ce-shiji.yml", """
        name: 测试己
        summary: =1+1 测试
        sources:
          - title: "@测试资料"
            where: 测试出处
    """)
    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"martyrs.{fmt}"
        assert project.run("export", "martyr", "--format", fmt, "--out", str(out)).returncode == 0
        if fmt == "csv":
            cells = read_csv(out)[1]
        else:
            row = list(load_workbook(out).active.iter_rows(min_row=2, max_row=2))[0]
            assert "f" not in {cell.data_type for cell in row}  # no formula
            cells = [cell.value for cell in row]
        assert "'=1+1 测试" in cells and "'@测试资料" in cells
        again = without_martyrs(copy_project(tmp_path / f"again-{fmt}"))
        assert again.run("import", "martyr", "--file", str(out)).returncode == 0
        values = martyr_values(again)["ce-shiji"]
        assert values["summary"] == "=1+1 测试" and values["sources"][0]["title"] == "@测试资料"
