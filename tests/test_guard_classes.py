"""The publication guard against a careless or hostile pull request: each way of
writing a refused detail that used to slip through, on real records with the real
messages, and the ordinary wording each new rule must leave alone.

The classes (issue 11, points 3 to 7): numbers grouped or separated in other ways;
numbers hidden by Markdown or HTML (character references, backslash escapes, empty
tags); Chinese digits; emails with an ideographic full stop or a non-ASCII local
part; unit designations in Chinese numerals, the armed police's corps, numbered
military hospitals and depots; addresses written as 家住… or with Chinese house
numbers; full names hidden by a space; surnames that are whole names; invisible
characters; files that would crash or stall the loader.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from yinglie.guard import published_form, scan
from yinglie.yamlsource import INVISIBLE_CHARACTER, MAX_ALIAS_VALUES, MAX_DEPTH

PROBLEM_LINE = re.compile(r"^[^\s:]+:\d+: \S+: ")


def problem_lines(result) -> list[str]:
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if PROBLEM_LINE.match(line)]


def keys(text: str, notice: bool = False) -> list[str]:
    return [finding.key for finding in scan(text, notice)]


# --- Numbers however they are grouped or separated ------------------------------------

@pytest.mark.parametrize("text", [
    "500 381 1990 0101 1234",  # 3-3-4-4-4
    "500381 1990 0101 1234",  # 6-4-4-4
    "5003.8119.9001.0112.34",
    "500381/19900101/1234",
    "500381—19900101—123X",
    "500381–1990–0101–1234",
    "５００３８１－１９９００１０１－１２３４",
    "五〇〇三八一一九九〇〇一〇一一二三四",
])
def test_id_numbers_in_any_grouping(text):
    assert keys(f"证件{text}。") == ["guard_id_number"]


@pytest.mark.parametrize("text", [
    "138.0013.8000", "138·0013·8000", "138—0013—8000", "138－0013－8000", "138 – 0013 – 8000",
    "(023) 4752-1234", "023.4752.1234", "+86 138 0013 8000", "0086-138-0013-8000", "400-123-4567",
    "一三八〇〇一三八〇〇〇", "手机号码是 138 0013 8000",
])
def test_phone_numbers_with_dots_dashes_and_spaces(text):
    assert keys(f"联系{text}。") == ["guard_phone"]


@pytest.mark.parametrize("text", [
    "zhang。san@qq。com", "zhang@qq｡com", "张三@qq.com", "王小明@example.cn", "zhang(at)qq(dot)com",
    "zhang [at] qq.com", "ｚｈａｎｇ＠ｑｑ．ｃｏｍ",
])
def test_emails_with_ideographic_dots_or_non_ascii_local_parts(text):
    assert keys(f"来信{text}。") == ["guard_email"]


# --- What the page shows, not what was typed -------------------------------------------

@pytest.mark.parametrize("typed", [
    "1&#51;800138000", "&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;", "&#x31;3800138000",
    "138\\00138000", "138\\-0013\\-8000", "138<span></span>00138000", "138<!-- -->00138000",
    "138**0013**8000", "[138](#)00138000", "1\u200b3800138000",
])
def test_markup_that_a_page_decodes_does_not_hide_a_number(typed):
    assert published_form(typed) == "13800138000"
    assert keys(typed) == ["guard_phone"]


def test_an_email_written_with_a_character_reference():
    assert keys("zhang&#64;qq.com") == ["guard_email"]


MARKDOWN_MARTYR = """\
name: 测试烈士
sources:
  - title: 测试资料
    where: 测试档案馆
deeds: |
  家属联系 1&#51;800138000。

  来信 zhang&#64;qq.com
summary: 测试
"""

MARKDOWN_EVENT = """\
title: 测试活动
date: 2023
type: 清明祭英烈
body: |
  报名电话 138<span></span>00138000。
sources:
  - title: 测试资料
    where: 测试档案馆
"""

MARKDOWN_FACILITY = """\
name: 测试烈士陵园
type: 烈士陵园
level: 区县级
description: 管理处 023\\-4752\\-1234
"""

ID_SPLIT_ACROSS_LINES = """\
name: 测试烈士乙
sources:
  - title: 测试资料
    where: 测试档案馆
deeds: |
  500381
  19900101
  1234
"""


def test_markdown_fields_are_guarded_as_the_page_shows_them(project):
    project.write("martyrs/test-markdown.yml", MARKDOWN_MARTYR)
    project.write("martyrs/test-split.yml", ID_SPLIT_ACROSS_LINES)
    project.write("events/test-markdown.yml", MARKDOWN_EVENT)
    project.write("martyrs/memorials/test-markdown.yml", MARKDOWN_FACILITY)
    assert problem_lines(project.check()) == [
        "events/test-markdown.yml:4: body: 含有疑似电话号码（1*********0），不得公开",
        "martyrs/memorials/test-markdown.yml:4: description: 含有疑似电话号码（0*********4），不得公开",
        "martyrs/test-markdown.yml:5: deeds: 含有电子邮箱地址（z****@**.**m），不得公开",
        "martyrs/test-markdown.yml:5: deeds: 含有疑似电话号码（1*********0），不得公开",
        "martyrs/test-split.yml:5: deeds: 含有疑似身份证号码（5****************4），不得公开",
    ]


# --- Unit designations ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "六一二三四部队", "九五〇〇一部队", "武警重庆总队", "武警江津中队", "海警某局第二支队", "二支队", "三大队",
    "重庆总队江津支队", "某总队二支队", "第三支队", "3中队", "解放军第三〇七医院", "958医院", "第九〇〇医院",
    "海军第二仓库", "联勤保障部队第九〇一医院", "空军第三修理厂", "火箭军第一基地",
])
def test_unit_designations_in_chinese_numerals_corps_and_numbered_places(text):
    assert keys(f"曾在{text}服役。") == ["guard_unit"]


# --- Addresses in notices --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "家住黄泥村", "家住白沙镇黄泥村", "住在滨江路", "现住幸福花园", "幸福路十二号", "三栋二单元", "五〇一室",
    "家住圣泉街道东门口巷",
])
def test_addresses_written_as_lives_at_or_with_chinese_house_numbers(text):
    assert keys(text, notice=True) == ["guard_address"]
    assert keys(text, notice=False) == []


# --- Ordinary wording that the new rules must leave alone -----------------------------

@pytest.mark.parametrize("text", [
    "1937.7.7-1945.9", "1949.10.1", "2022-10-01", "1937年7月7日至1945年9月2日", "2019 2020 2021",
    "29.28, 106.25", "1927.4.12", "2022.1—2022.12", "生于1921年，1950年牺牲，年仅29岁",
    "白沙公社五一大队", "白沙公社第三大队", "陆军军医大学第二附属医院", "江津区第一人民医院",
    "十月十二号", "第一组", "一连三天", "百团大战", "大队人马", "武警某部", "某支队", "武警某总队",
    "荣立三等功一次", "陆军某部", "发放优待金 2058 万元", "共 301 个村居服务站", "4,740,000元",
    "2022年度", "进社区", "10月12号", "家住白沙镇", "家住几江街道", "第1名", "100余场次",
])
def test_ordinary_wording_is_still_allowed(text):
    assert scan(text, notice=True) == []


# --- Full names and surnames of living people ------------------------------------------

NOTICES = """\
- name: 张三
  award: 三等功
  year: 2023
  township: 白沙镇
  citation: 张 三同志荣立三等功一次
  consent: true
  consent_record: 本人书面同意
- name: 李四
  surname: 李四
  award: 三等功
  year: 2023
  township: 白沙镇
  consent: true
  consent_record: 本人书面同意
- name: 王五
  name_display: 不显示
  award: 三等功
  year: 2023
  township: 白沙镇
  delivered_by: 王·五的家乡白沙镇
  consent: true
  consent_record: 本人书面同意
"""


def test_a_full_name_with_a_space_inside_and_a_whole_name_as_surname_are_refused(project):
    project.write("honors/2023/test-round.yml", NOTICES)
    assert problem_lines(project.check()) == [
        "honors/2023/test-round.yml:5: citation: 含有受奖人的全名，但姓名显示方式为“姓加某”",
        "honors/2023/test-round.yml:9: surname: 姓“李四”应为一个字，或已知的复姓（如 欧阳；"
        "其他复姓可在 mkdocs.yml 的 extra.honors.compound_surnames 中增加）",
        "honors/2023/test-round.yml:20: delivered_by: 含有受奖人的全名，但姓名显示方式为“不显示”",
    ]


COMPOUND_NOTICE = """\
- name: 司空明
  award: 三等功
  year: 2023
  township: 白沙镇
  consent: true
  consent_record: 本人书面同意
- name: 欧阳娜娜
  surname: 欧阳
  award: 三等功
  year: 2023
  township: 白沙镇
  consent: true
  consent_record: 本人书面同意
"""


def test_compound_surnames_from_the_settings_show_as_surname_and_mou(project):
    settings = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    settings = settings.replace("  honors:\n", "  honors:\n    compound_surnames: [司空]\n", 1)
    (project.root / "mkdocs.yml").write_text(settings, encoding="utf-8")
    project.write("honors/2023/test-round.yml", COMPOUND_NOTICE)
    result = project.build()
    assert result.returncode == 0, result.stderr
    year_page = (project.site / "honors" / "2023" / "index.html").read_text(encoding="utf-8")
    assert "司空某" in year_page and "欧阳某" in year_page
    assert "司空明" not in year_page and "欧阳娜娜" not in year_page


# --- Characters that hide or reverse text ---------------------------------------------

def test_every_format_and_separator_character_is_refused():
    """The refused set covers every Cf, Zl and Zp character this Python knows."""
    invisible = [chr(code) for code in range(0x110000)
                 if unicodedata.category(chr(code)) in ("Cf", "Zl", "Zp")]
    assert [char for char in invisible if not INVISIBLE_CHARACTER.match(char)] == []
    for named in "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064" \
                 "\u2028\u2029\ufeff\u2066\u2069\u3164":
        assert INVISIBLE_CHARACTER.match(named)
    assert not INVISIBLE_CHARACTER.search("江津英烈 2022年　全角空格 é")


@pytest.mark.parametrize("raw, line", [
    ("summary: 测试\u202e简介\n", 5),  # right-to-left override, raw in the file
    ('summary: "测试\\u200b简介"\n', 5),  # zero-width space as an escape
    ("summary: 测试\u2066简介\u2069\n", 5),
    ("summary: 测试简介\ndeeds: |\n  第一段\n  第二\u2028段\n", 8),
])
def test_invisible_characters_in_a_value_are_refused_with_their_line(project, raw, line):
    project.write("martyrs/test-hidden.yml", "name: 测试烈士\nsources:\n  - title: 测试资料\n    where: 测试档案馆\n" + raw)
    [problem] = problem_lines(project.check())
    code = re.search(r"U\+[0-9A-F]{4}", problem).group()
    assert problem == f"martyrs/test-hidden.yml:{line}: -: 含有会隐藏或颠倒文字的不可见字符（{code}），请删除"


def test_a_byte_order_mark_at_the_start_of_a_file_is_allowed(project):
    project.write("martyrs/test-bom.yml", "\ufeffname: 测试烈士\nsources:\n  - title: 测试资料\n    where: 测试档案馆\n")
    result = project.check()
    assert result.returncode == 0, result.stderr


# --- Files that would crash or stall the loader ----------------------------------------

def _alias_bomb(levels: int) -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_deep_nesting_huge_alias_expansion_and_oversized_files_are_refused(project):
    project.write("martyrs/test-brackets.yml", "name: " + "[" * 10_000 + "\n")
    project.write("martyrs/test-nested.yml", "name:\n" + "".join(" " * (2 * i) + f"- k{i}:\n" for i in range(1, 40)))
    project.write("martyrs/test-aliases.yml", _alias_bomb(9))
    project.write("martyrs/test-large.yml", "name: 测试\ndeeds: " + "长" * 400_000 + "\n")
    assert problem_lines(project.check()) == [
        "martyrs/test-aliases.yml:5: -: YAML 别名（*名称）重复引用的内容过多（超过 "
        f"{MAX_ALIAS_VALUES} 个值），请直接写出内容",
        f"martyrs/test-brackets.yml:1: -: 列表或字段嵌套层数过多（最多 {MAX_DEPTH} 层）",
        "martyrs/test-large.yml:1: -: 文件有 1,172 KiB，超过上限 1,024 KiB（可在 mkdocs.yml 的 "
        "extra.records.max_file_kib 调整）",
        f"martyrs/test-nested.yml:{MAX_DEPTH - 9}: -: 列表或字段嵌套层数过多（最多 {MAX_DEPTH} 层）",
    ]


def test_a_few_anchors_and_aliases_still_load(project):
    """Aliases are limited, not forbidden: a staff member may repeat a source with one."""
    project.write("martyrs/test-anchor.yml", """\
        name: 测试烈士
        sources:
          - &archive
            title: 测试资料
            where: 测试档案馆
        relocations: []
        """)
    project.write("martyrs/test-alias.yml", """\
        name: 测试烈士丙
        sources:
          - {title: 测试资料, where: 测试档案馆}
        tags: &tags [测试]
        """)
    result = project.check()
    assert result.returncode == 0, result.stderr


# --- What a page shows that the text does not say ----------------------------------

def test_text_turned_around_by_a_reference_or_a_tag_is_refused_or_removed(project):
    """&#x202E; would make a page show reversed digits the right way round; <bdo dir=rtl>
    and <ol start> would show a number no scan reads: refused, or dropped by the sanitiser."""
    project.write("martyrs/test-reversed.yml", MARKDOWN_MARTYR.replace(
        "家属联系 1&#51;800138000。", "证件 &#x202E;X32170300991101011&#x202C;").replace("来信 zhang&#64;qq.com", "无"))
    project.write("martyrs/13800138000.yml", "name: 测试烈士丁\nsources:\n  - title: 测试资料\n    where: 测试档案馆\n")
    assert problem_lines(project.check()) == [
        "martyrs/13800138000.yml:1: -: 含有疑似电话号码（1*********0），不得公开",
        "martyrs/test-reversed.yml:5: deeds: 含有会颠倒文字方向的字符（U+202E，可能以 &#…; 写成），页面上的号码会被倒过来显示，不得公开",
    ]
    from yinglie.sanitise import sanitise_html

    assert sanitise_html('<ol start="47521234"><li>甲</li></ol><bdo dir="rtl">4321</bdo>') == "<ol><li>甲</li></ol>4321"
