"""The record search index and the synthetic dataset, on real builds."""

from __future__ import annotations

import html
import json
import re

from conftest import SEARCHABLE_RECORD
from yinglie.search import NAME_SHARDS, name_shard
from yinglie.synthetic import MARK, write_martyrs



def _index(site):
    return json.loads((site / "data" / "search-records.json").read_text(encoding="utf-8"))


def test_generated_records_pass_validation(project):
    write_martyrs(project.root, 60, seed=3)
    result = project.check()
    assert result.returncode == 0, result.stderr
    # The 60 generated ones and whatever the project held before.
    assert f"烈士 / martyrs: {len(list((project.root / 'martyrs').glob('*.yml')))}" in result.stdout.splitlines()
    assert len(list((project.root / "martyrs").glob("synth-*.yml"))) == 60


def test_index_has_one_entry_per_record_with_pinyin_and_facts(project):
    records = write_martyrs(project.root, 20, seed=1)
    project.write("martyrs/test-override.yml", SEARCHABLE_RECORD)
    result = project.build()
    assert result.returncode == 0, result.stderr
    index = _index(project.site)
    rows = {row[4]: row for row in index["r"] if row[0] == "m"}
    assert len(rows) == 20 + 4 + 1
    assert index["k"] == {"m": "英烈", "e": "纪念活动", "h": "喜报", "f": "纪念设施", "w": "年度工作", "t": "课堂专题"}

    # The record's own surname reading wins over the built-in table (解 = xie).
    kind, title, pinyin, initials, url, facts = rows["martyrs/test-override/"]
    assert (kind, title, pinyin, initials) == ("m", "解文明", "jiewenming", "jwm")
    assert [index["s"][n] for n in facts] == ["测试县青石乡", "解放战争时期", "测试烈士陵园"]

    # Demo record with unknown facts: none of them is indexed as "不详".
    assert rows["martyrs/qi-nanxun/"][1:4] == ["漆南薰", "qinanxun", "qnx"]
    assert rows["martyrs/qi-nanxun/"][5] == []

    first_id, first = records[0]
    row = rows[f"martyrs/{first_id}/"]
    assert row[1] == first["name"]
    assert first["native_place"] in [index["s"][n] for n in row[5]]
    # No deeds text: the index stays small whatever the records hold.
    assert MARK not in (project.site / "data" / "search-records.json").read_text(encoding="utf-8")


def test_record_pages_are_left_out_of_materials_search(demo_site):
    material = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in material["docs"]]
    assert not [loc for loc in locations if loc.startswith("martyrs/")]
    assert "about/" in locations  # hand-written pages stay in Material's search
    page = (demo_site / "martyrs" / "qi-nanxun" / "index.html").read_text(encoding="utf-8")
    assert "assets/head.js" in page  # which adds record-search.js when the visitor turns to the search box
    assert (demo_site / "assets" / "record-search.js").is_file()


def test_published_notices_are_indexed_and_lead_to_their_entry(project):
    project.write("honors/2023/round.yml", """
        - name: 张测试
          name_display: 全名
          award: 三等功
          year: 2023
          township: 白沙镇
          citation: 荣立三等功一次，特此报喜。
          consent: true
          consent_record: 本人书面同意（测试）
        - name: 李四
          name_display: 姓加某
          award: 优秀士兵
          year: 2023
          township: 几江街道
          consent: true
          consent_record: 本人书面同意（测试）
        - name: 王五
          award: 优秀士兵
          year: 2023
          township: 几江街道
    """)
    result = project.build()
    assert result.returncode == 0, result.stderr
    index = _index(project.site)
    notices = [row for row in index["r"] if row[0] == "h" and row[4].startswith("honors/2023/")]
    # The held-back notice (no consent) is not in the index; names appear as the roll shows them.
    assert [(row[1], row[2], row[3]) for row in notices] == [("张测试", "zhangceshi", "zcs"), ("李某", "limou", "lm")]
    assert [index["s"][n] for n in notices[0][5]] == ["白沙镇", "2023年", "三等功"]
    assert "王五" not in json.dumps(index, ensure_ascii=False) and "李四" not in json.dumps(index, ensure_ascii=False)
    page = (project.site / "honors" / "2023" / "index.html").read_text(encoding="utf-8")
    for row in notices:
        anchor = row[4].split("#")[1]
        assert f'id="{anchor}"' in page


def test_every_record_kind_with_a_page_is_indexed_by_its_title(project):
    """Events, facilities and the years of memorial work are found as martyrs are: one
    row per record page, its title as the page shows it, its address."""
    from yinglie.kinds import KINDS

    project.write("martyrs/memorials/test-hall.yml", "name: 测试纪念馆\ntype: 纪念堂馆\nlevel: 市级\n")
    project.write("events/test-qingming.yml", """
        title: 测试清明网上祭英烈
        date: 2024-04-04
        type: 清明祭英烈
        sources:
          - title: 测试资料
            where: 测试
    """)
    result = project.build()
    assert result.returncode == 0, result.stderr
    index = _index(project.site)
    assert set(index["k"]) == {kind.search.code for kind in KINDS if kind.search}
    # Letters have no page each: they show on the martyr's page and on one page by school year.
    collective = {"letter"}
    assert {kind.name for kind in KINDS if kind.pages} - collective <= {kind.name for kind in KINDS if kind.search}
    titles = {row[4]: row[1] for row in index["r"]}
    for page in project.site.glob("events/*/index.html"):
        address = page.parent.relative_to(project.site).as_posix() + "/"
        if address in ("events/by-type/", "events/wujin/"):
            continue
        title = re.search(r"<h1>([^<]*)</h1>", page.read_text(encoding="utf-8"))[1]
        assert titles[address] == html.unescape(title)
    assert titles["memorials/test-hall/"] == "测试纪念馆"
    for page in project.site.glob("memorials/work/*/index.html"):
        assert page.parent.relative_to(project.site).as_posix() + "/" in titles
    # 清明 finds every event whose title says 清明, and no deeds or body text is indexed.
    qingming = sorted(url for url, title in titles.items() if url.startswith("events/") and "清明" in title)
    assert "events/test-qingming/" in qingming
    events = json.loads((project.site / "data" / "events.json").read_text(encoding="utf-8"))["events"]
    assert qingming == sorted(e["url"] for e in events if "清明" in e["title"])


def test_record_pages_of_every_kind_stay_out_of_materials_index(project):
    result = project.build()
    assert result.returncode == 0, result.stderr
    material = json.loads((project.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in material["docs"]}
    index = _index(project.site)
    assert not locations & {row[4] for row in index["r"]}


def test_the_correction_forms_names_hold_each_martyr_once_in_its_shard(demo_site):
    """correction.js fetches the one file name_shard names; every file exists (an id the
    site does not hold finds an empty one, not a 404), and a name is in its own file only."""
    files = sorted((demo_site / "data" / "names").glob("*.json"))
    assert len(files) == NAME_SHARDS
    held = {int(path.stem): json.loads(path.read_text(encoding="utf-8")) for path in files}
    martyrs = _index(demo_site)["r"]
    pages = {row[4]: row[1] for row in martyrs if row[0] == "m"}
    assert pages
    for url, name in pages.items():
        record_id = url.split("/")[1]
        assert held[name_shard(record_id)][record_id] == name
    assert sum(len(names) for names in held.values()) == len(pages)


def test_materials_index_is_written_as_utf8(demo_site):
    """hooks/material_index.py: the Chinese of Material's index as characters, not \\u
    escapes (a tenth smaller gzipped); the JSON reads back the same."""
    text = (demo_site / "search" / "search_index.json").read_text(encoding="utf-8")
    index = json.loads(text)
    assert index["docs"] and re.search(r"[\u4e00-\u9fff]", text)  # any page's Chinese, as characters
    assert not re.search(r"\\u[4-9][0-9a-f]{3}", text)
