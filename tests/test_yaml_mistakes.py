"""The everyday YAML mistakes come back named, with the fix, on the line where they are
(yamlmistakes.py), in Chinese and in English, from the same reader `make check` uses."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT
from test_records import GOOD

from yinglie.config import settings_from
from yinglie.errors import RecordsInvalid
from yinglie.siteplan import load_records

EXTRA = load_config(str(ROOT / "mkdocs.yml")).extra
NOTICE = "- name: 王某\n  award: 三等功\n  year: 2023\n  township: 白沙镇\n  consent: true\n  consent_record: 本人书面同意\n"


def problems(root: Path, files: dict[str, bytes | str], language: str = "zh") -> list[str]:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
    settings = settings_from({**EXTRA, "records": {**EXTRA.get("records", {}), "language": language}}, root)
    try:
        load_records(settings)
    except RecordsInvalid as invalid:
        return [problem.text(language) for problem in invalid.problems]
    return []


def martyr(tmp_path: Path, text: str, language: str = "zh") -> list[str]:
    return problems(tmp_path, {"martyrs/a.yml": text}, language)


FULL_WIDTH = "martyrs/a.yml:2: gender: 字段名“gender”后面是中文冒号“：”：请改为英文冒号加空格，如 gender: 值"


def test_a_full_width_colon_is_named_on_its_own_line_not_the_next(tmp_path):
    # GOOD's line 2 is `gender: 男`; PyYAML alone says "could not find expected ':'" on line 3.
    assert martyr(tmp_path, GOOD.replace("gender: 男", "gender：男")) == [FULL_WIDTH]


@pytest.mark.parametrize("where, line, field", [
    ("name: 测试甲", 1, "name"),  # the first line: PyYAML stops a line later, or reads one long text
    ("    where: 测试档案馆", 9, "where"),  # the last line, inside a list item
])
def test_a_full_width_colon_anywhere(tmp_path, where, line, field):
    text = GOOD.replace(where, where.replace(": ", "："))
    assert martyr(tmp_path, text) == [
        f"martyrs/a.yml:{line}: {field}: 字段名“{field}”后面是中文冒号“：”：请改为英文冒号加空格，如 {field}: 值"
    ]


def test_a_file_of_one_line_with_a_full_width_colon(tmp_path):
    assert martyr(tmp_path, "name：测试甲\n") == [
        "martyrs/a.yml:1: name: 字段名“name”后面是中文冒号“：”：请改为英文冒号加空格，如 name: 值"
    ]


def test_a_full_width_colon_in_a_notice(tmp_path):
    found = problems(tmp_path, {"honors/2023/round.yml": NOTICE.replace("award: 三等功", "award：三等功")})
    assert found == [
        "honors/2023/round.yml:2: award: 字段名“award”后面是中文冒号“：”：请改为英文冒号加空格，如 award: 值"
    ]


def test_a_missing_space_after_the_colon(tmp_path):
    assert martyr(tmp_path, GOOD.replace("gender: 男", "gender:男")) == [
        "martyrs/a.yml:2: gender: “gender:”的冒号后面缺少空格：请写作 gender: 男"
    ]
    assert martyr(tmp_path, GOOD.replace("name: 测试甲", "name:测试甲")) == [
        "martyrs/a.yml:1: name: “name:”的冒号后面缺少空格：请写作 name: 测试甲"
    ]


@pytest.mark.parametrize("before, after, line", [
    ("  - title", "\t- title", 8),
    ("    where", "\t  where", 9),
])
def test_a_tab_for_indentation(tmp_path, before, after, line):
    assert martyr(tmp_path, GOOD.replace(before, after)) == [
        f"martyrs/a.yml:{line}: -: 这一行用 Tab 键缩进：YAML 只能用空格缩进，请把行首的 Tab 换成空格"
    ]


def test_an_unquoted_colon_and_space_inside_a_value(tmp_path):
    assert martyr(tmp_path, GOOD.replace("summary: 测试记录。", "summary: 他说: 前进")) == [
        "martyrs/a.yml:6: summary: “summary”的值中有“: ”（冒号加空格），会被当作新的字段："
        "请改用中文冒号“：”，或把整个值用英文引号括起来，如 summary: \"……\""
    ]
    # The fixes it gives both pass.
    assert martyr(tmp_path, GOOD.replace("summary: 测试记录。", "summary: 他说：前进")) == []
    assert martyr(tmp_path, GOOD.replace("summary: 测试记录。", 'summary: "他说: 前进"')) == []


@pytest.mark.parametrize("before, after, line, field", [
    ("    where", "   where", 9, "where"),  # one space short
    ("    where", "      where", 9, "where"),  # two spaces too many
    ("gender: 男", "  gender: 男", 2, "gender"),  # a top-level field indented
])
def test_a_wrongly_indented_line(tmp_path, before, after, line, field):
    assert martyr(tmp_path, GOOD.replace(before, after)) == [
        f"martyrs/a.yml:{line}: {field}: “{field}”这一行的缩进不对：同一层的字段左侧要对齐（行首空格数相同）；"
        "列表每一项的字段与“- ”后第一个字段对齐"
    ]


def test_a_file_saved_as_gbk(tmp_path):
    assert martyr(tmp_path, GOOD) == []
    found = problems(tmp_path, {"martyrs/a.yml": GOOD.encode("gbk")})
    assert found == [
        "martyrs/a.yml:1: -: 文件不是 UTF-8 编码（看来是 GBK/GB18030 等中文编码）："
        "请以 UTF-8 编码保存（如记事本“另存为”时，编码选 UTF-8）"
    ]


def test_the_line_of_the_first_character_not_in_utf8(tmp_path):
    text = "# english only first\nsources:\n  - title: 测试资料\n    where: 测试档案馆\nname: 测试甲\n"
    found = problems(tmp_path, {"martyrs/a.yml": text.encode("gb18030")})
    assert [line.split(": -: ")[0] for line in found] == ["martyrs/a.yml:3"]


def test_a_file_saved_as_utf16(tmp_path):
    assert problems(tmp_path, {"martyrs/a.yml": GOOD.encode("utf-16")}) == [
        "martyrs/a.yml:1: -: 文件不是 UTF-8 编码（看来是 UTF-16）：请以 UTF-8 编码保存（如记事本“另存为”时，编码选 UTF-8）"
    ]


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    assert problems(tmp_path, {"martyrs/a.yml": b"\xef\xbb\xbf" + GOOD.encode("utf-8")}) == []


@pytest.mark.parametrize("word", ["是", "否", "对", "同意", '"true"'])
def test_a_boolean_written_in_words_says_to_write_true_or_false(tmp_path, word):
    shown = word.strip('"')
    found = problems(tmp_path, {"honors/2023/round.yml": NOTICE.replace("consent: true", f"consent: {word}")})
    assert found == [f"honors/2023/round.yml:5: consent: 应填 true（是）或 false（否），不加引号，不能是“{shown}”"]


def test_the_messages_in_english(tmp_path):
    assert martyr(tmp_path, GOOD.replace("gender: 男", "gender：男"), "en") == [
        'martyrs/a.yml:2: gender: the field name "gender" is followed by a full-width colon "：": '
        "use an ASCII colon and a space, e.g. gender: value"
    ]
    assert martyr(tmp_path, GOOD.replace("gender: 男", "gender:男"), "en") == [
        'martyrs/a.yml:2: gender: no space after the colon of "gender:": write gender: 男'
    ]
    assert martyr(tmp_path, GOOD.replace("  - title", "\t- title"), "en") == [
        "martyrs/a.yml:8: -: this line is indented with a tab: YAML indents with spaces only; "
        "replace the tab at its start by spaces"
    ]
    found = problems(tmp_path / "n", {"honors/2023/round.yml": NOTICE.replace("consent: true", "consent: 是")}, "en")
    assert found == ['honors/2023/round.yml:5: consent: write true or false, without quotes, not "是"']


def test_other_syntax_errors_still_give_pyyamls_words_and_position(tmp_path):
    (line,) = martyr(tmp_path, GOOD.replace("gender: 男", "gender: [男"))
    assert line.startswith("martyrs/a.yml:3: -: YAML 格式错误：") and "column" in line


def test_a_url_and_a_time_are_not_taken_for_a_missing_space(tmp_path):
    assert martyr(tmp_path, GOOD + "    url: https://www.example.gov.cn/a\n") == []
    event = "title: 测试活动\ndate: 2023-04-05\ntype: 清明祭英烈\nsummary: 上午9:30开始\n" \
            "sources:\n  - title: 测试资料\n    where: 测试档案馆\n"
    assert problems(tmp_path, {"events/a.yml": event}) == []


def test_a_full_width_colon_after_an_award_class_in_a_totals_file(tmp_path):
    found = problems(tmp_path, {"honors/2023/round.yml": NOTICE,
                                "honors/2023/totals.yml": "totals:\n  二等功: 0\n  三等功：1\n"})
    assert found == [
        "honors/2023/totals.yml:3: 三等功: 字段名“三等功”后面是中文冒号“：”：请改为英文冒号加空格，如 三等功: 值"
    ]


def test_a_list_item_of_one_field_with_a_full_width_colon_or_no_space(tmp_path):
    # `- title：测试资料` alone reads as a text, not as a source with a title.
    text = "name: 测试甲\nsources:\n  - title：测试资料\n"
    assert martyr(tmp_path, text) == [
        "martyrs/a.yml:3: sources[1].title: 字段名“title”后面是中文冒号“：”：请改为英文冒号加空格，如 title: 值"
    ]
    found = problems(tmp_path / "n", {"honors/2023/round.yml": "- name:王某\n" + NOTICE})
    assert found == ["honors/2023/round.yml:1: name: “name:”的冒号后面缺少空格：请写作 name: 王某"]


def test_a_value_quoted_in_a_message_is_masked_when_the_guard_would_refuse_it(tmp_path):
    # The file does not parse, so the guard never reads it: the message masks the number itself.
    text = GOOD.replace("summary: 测试记录。", "summary:13800138000")
    assert martyr(tmp_path, text) == [
        "martyrs/a.yml:6: summary: “summary:”的冒号后面缺少空格：请写作 summary: 1*********0"
    ]
