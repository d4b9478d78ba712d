"""Loading and checking martyr records: each kind of mistake gives one exact line."""

from __future__ import annotations

from pathlib import Path

import pytest

from yinglie.siteplan import load_records
from yinglie.config import settings_from
from yinglie.errors import RecordsInvalid

GOOD = """\
name: 测试甲
gender: 男
born: 1901
died: 民国十六年四月
period: 土地革命战争时期
summary: 测试记录。
sources:
  - title: 测试资料
    where: 测试档案馆
"""


def write(root: Path, name: str, text: str) -> None:
    (root / "martyrs").mkdir(parents=True, exist_ok=True)
    (root / "martyrs" / name).write_text(text, encoding="utf-8")


def problems_of(root: Path, language: str = "zh") -> list[str]:
    settings = settings_from({"records": {"language": language}}, root)
    with pytest.raises(RecordsInvalid) as raised:
        load_records(settings)
    return [problem.text(language) for problem in raised.value.problems]


def test_a_good_record_loads_with_its_dates(tmp_path):
    write(tmp_path, "ce-shi-jia.yml", GOOD)
    catalogue = load_records(settings_from({}, tmp_path))
    (martyr,) = catalogue.martyrs
    assert martyr.id == "ce-shi-jia"
    assert martyr.died.iso() == "1927-04"
    assert martyr.died.chinese() == "1927年4月（民国十六年四月）"
    assert martyr.born.chinese() == "1901年"
    assert martyr.sources == [{"title": "测试资料", "where": "测试档案馆", "document": "", "quote": "", "url": ""}]


def test_a_typo_in_a_field_name_is_named_with_a_suggestion(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("name: 测试甲", "nmae: 测试甲"))
    assert problems_of(tmp_path) == [
        "martyrs/a.yml:1: name: 缺少必填字段",
        "martyrs/a.yml:1: nmae: 未知字段“nmae”，是否应为“name”？",
    ]


def test_messages_can_be_in_english(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("name: 测试甲", "nmae: 测试甲"))
    assert problems_of(tmp_path, "en") == [
        "martyrs/a.yml:1: name: required field is missing",
        'martyrs/a.yml:1: nmae: unknown field "nmae"; did you mean "name"?',
    ]


def test_a_bad_date_names_its_line_and_field(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("born: 1901", "born: 1892-13"))
    assert problems_of(tmp_path) == [
        "martyrs/a.yml:3: born: “1892-13”不是可识别的日期"
        "（可写 1927-03-05、1927-03、1927、1927年3月5日、民国十六年 或 不详）"
    ]


def test_a_wrong_type_is_reported(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("summary: 测试记录。", "summary: [一, 二]"))
    assert problems_of(tmp_path) == ["martyrs/a.yml:6: summary: 应为文字，不能是列表"]


def test_a_record_without_sources_is_refused(tmp_path):
    text = GOOD.split("sources:")[0]
    write(tmp_path, "a.yml", text)
    assert problems_of(tmp_path) == ["martyrs/a.yml:1: sources: 缺少必填字段"]


def test_a_source_needs_where_it_can_be_found(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("    where: 测试档案馆\n", ""))
    assert problems_of(tmp_path) == ["martyrs/a.yml:8: sources[1].where: 缺少必填字段"]


def test_broken_yaml_gives_its_position(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("gender: 男", "gender: [男"))
    (line,) = problems_of(tmp_path)
    assert line.startswith("martyrs/a.yml:3: -: YAML 格式错误：")
    assert "column" in line


def test_a_field_given_twice_is_refused(tmp_path):
    write(tmp_path, "a.yml", GOOD + "gender: 女\n")
    assert problems_of(tmp_path) == ["martyrs/a.yml:10: gender: 字段重复出现（第 2 行已有）"]


def test_death_before_birth_is_an_error(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("born: 1901", "born: 1930"))
    assert problems_of(tmp_path) == ["martyrs/a.yml:4: died: 牺牲时间 1927年4月（民国十六年四月） 早于出生时间 1930年"]


def test_the_period_must_agree_with_the_death_date(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("period: 土地革命战争时期", "period: 抗美援朝战争时期"))
    assert problems_of(tmp_path) == [
        "martyrs/a.yml:5: period: “抗美援朝战争时期”与牺牲时间 1927年4月（民国十六年四月） 不符"
        "（该时期为 1950-06-25 至 1958-10-31）"
    ]


def test_an_unknown_period_is_not_accepted(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("period: 土地革命战争时期", "period: 大革命"))
    (line,) = problems_of(tmp_path)
    assert line.startswith("martyrs/a.yml:5: period: “大革命”不在可选值中：第一次国内革命战争时期、")


def test_a_file_name_must_make_a_web_address(tmp_path):
    write(tmp_path, "漆南薰.yml", GOOD)
    assert problems_of(tmp_path) == [
        "martyrs/漆南薰.yml:1: -: 文件名“漆南薰.yml”不能用作网址：只用小写字母、数字和连字符，如 qi-nanxun.yml"
    ]


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("name: 测试甲", "nmae: 测试甲"))
    write(tmp_path, "b.yml", GOOD.replace("born: 1901", "born: 明天"))
    write(tmp_path, "c.yml", "name: [\n")
    write(tmp_path, "d.yml", GOOD)
    lines = problems_of(tmp_path)
    assert [line.split(": ")[0] for line in lines] == [
        "martyrs/a.yml:1", "martyrs/a.yml:1", "martyrs/b.yml:3", "martyrs/c.yml:2",
    ]


def test_an_empty_file_reports_the_required_fields(tmp_path):
    write(tmp_path, "a.yml", "")
    assert problems_of(tmp_path) == ["martyrs/a.yml:1: name: 缺少必填字段", "martyrs/a.yml:1: sources: 缺少必填字段"]


def test_a_list_instead_of_fields_is_refused(tmp_path):
    write(tmp_path, "a.yml", "- name: 测试\n")
    assert problems_of(tmp_path) == ["martyrs/a.yml:1: -: 文件内容应为“字段: 值”的列表"]


def test_an_unnamed_martyr_is_shown_as_such_and_sorted_last(tmp_path):
    write(tmp_path, "a.yml", GOOD.replace("name: 测试甲", "name: 无名烈士"))
    write(tmp_path, "b.yml", GOOD)
    catalogue = load_records(settings_from({}, tmp_path))
    assert [m.display_name for m in catalogue.martyrs_by_strokes] == ["测试甲", "无名烈士"]
    assert [m.display_name for m in catalogue.martyrs_by_pinyin] == ["测试甲", "无名烈士"]


def test_checking_five_thousand_records_takes_seconds_not_minutes(tmp_path):
    """Not a timing test: it proves the loader handles a district's size in one run."""
    for number in range(5000):
        write(tmp_path, f"m{number}.yml", GOOD)
    catalogue = load_records(settings_from({}, tmp_path))
    assert len(catalogue.martyrs) == 5000


def test_the_schema_exports_as_json_schema_with_configured_choices(tmp_path):
    from yinglie.martyrs import MARTYR

    settings = settings_from({}, tmp_path)
    exported = MARTYR.json_schema(settings.choices)
    assert exported["required"] == ["name", "sources"]
    assert exported["additionalProperties"] is False
    assert "土地革命战争时期" in exported["properties"]["period"]["enum"]
    assert exported["properties"]["sources"]["items"]["required"] == ["title", "where"]
