"""The publication guard: personal and military details that must never be published.

Award notices name living soldiers, and any record may be edited by many hands, so
the build refuses every text value, of every record kind, that holds:

- an ID card number (18 digits, the last may be X; or the old 15 digits),
- a mobile or landline telephone number,
- an email address,
- a military unit designation or code number (部队番号: "32145部队", "第72集团军",
  "某团三营"); public reports write "某部" / "陆军某部", which stays allowed,
- and, in award notices only, an address finer than town or street (镇街): a
  village or community, a group (组/社), a house number, building, unit or room.

Each finding is one problem `path:line: field: message`. The message shows the
matched text with its letters and digits masked, so that the build log (which CI
keeps) does not itself publish the number it refused.

The rules are patterns, not certainty: they are tuned to catch what staff paste by
accident (a phone number in a citation, a unit code from the notice's letterhead)
without refusing ordinary wording such as years ("2022年度"), dates, counts
("荣立三等功一次"), "陆军某部", "荣誉称号" or "进社区".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import Problems
from .yamlsource import Located

# Chinese numerals as used in unit names (三营, 第七十二集团军).
_NUMERALS = "0-9〇零一二三四五六七八九十百两"
_NUM = rf"[{_NUMERALS}]"
_CJK = r"[\u4e00-\u9fff]"
# Unit levels from army group down to squad. Each word is followed by what it must
# not be followed by, so that 师生, 师范, 团队, 连续, 营业, 排名, 班级, 军人 stay allowed.
_UNIT = (
    r"(?:集团军|军区|支队|大队|中队|分队|舰队|军(?![人事属民委训嫂])|师(?![生范傅资兄长])"
    r"|旅(?![客游行途程])|团(?![队员体结聚委支])|营(?![业养地造销救])"
    r"|连(?![续胜冠任接着夜])|排(?![名行列序除查])|班(?![级主长会车次]))"
)
# The first level of a two-level designation may also be 某部 (某部三营).
_UNIT_OR_PART = rf"(?:部(?![门署长分落])|{_UNIT})"


@dataclass(frozen=True)
class Rule:
    key: str  # message key in messages.py
    pattern: re.Pattern
    notices_only: bool = False
    # A quick pattern that every match of `pattern` contains (a run of digits, a
    # word). Text without it cannot match, so the slower full pattern is skipped:
    # most values hold no such run or word. None: always search (the pattern
    # starts with a literal already, which the regex engine finds fast).
    needs: re.Pattern | None = None


# What the rules need (see Rule.needs). Each is part of every match of its rules:
# seven digits in a row, or three and four with one space or hyphen between (every
# ID and phone number holds that); a digit then a unit word; and so on.
_LONG_NUMBER = re.compile(r"\d\d\d[ -]?\d\d\d\d")
_DIGIT_RUN = re.compile(r"\d[\d \-]{5,}\d")
_AT = re.compile("@")
# A code before 部 or 部队 (32145部队): a letter, digit, × or * right before it.
_CODE_BU = re.compile(r"[0-9A-Za-z×*]\s*部")
_ARMY_GROUP = re.compile("集团军")
# The first character of every alternative of _UNIT (集团军, 军区, 支队 ... 班).
_UNIT_START = "集军支大中分舰师旅团营连排班"
_DIGIT_UNIT = re.compile(rf"[0-9]\s*[{_UNIT_START}]")
# The second of two levels: 某 or a numeral, then a unit word (三营, 某团).
_SECOND_LEVEL = re.compile(rf"[某{_NUMERALS}][{_UNIT_START}]")
_VILLAGE = re.compile("村|社区|居委会|小区")
_HOUSE_NUMBER = re.compile(r"[0-9]\s*[号栋幢单室弄组社]")


RULES: tuple[Rule, ...] = (
    # 18-digit ID: 6-digit area, 8-digit birth date, 3 digits and a check digit or X;
    # spaces or hyphens between the groups are allowed. Then the old 15-digit form.
    Rule("guard_id_number", re.compile(r"(?<![0-9A-Za-z])\d{6}[ -]?\d{8}[ -]?\d{3}[0-9Xx](?![0-9A-Za-z])"), needs=_LONG_NUMBER),
    Rule("guard_id_number", re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])"), needs=_LONG_NUMBER),
    # Mobile: 1[3-9] and 9 more digits, optionally +86 and grouped 3-4-4.
    Rule("guard_phone", re.compile(r"(?<![0-9])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9])"), needs=_LONG_NUMBER),
    # Landline with area code: 023-47521234, (023)4752 1234, 02347521234.
    Rule("guard_phone", re.compile(r"(?<![0-9])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?![0-9])"), needs=_LONG_NUMBER),
    # A number announced as a phone: 电话 4752 1234, 联系方式：47521234.
    Rule("guard_phone", re.compile(r"(?:电话|手机|座机|联系方式|联系号码|tel|phone)[:：\s]*\d[\d \-]{5,}\d", re.IGNORECASE), needs=_DIGIT_RUN),
    Rule("guard_email", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"), needs=_AT),
    # Unit code numbers: 32145部队, 95XXX部队, 32145部.
    Rule("guard_unit", re.compile(r"(?<![0-9A-Za-z])\d[0-9A-Za-z×*]{3,5}\s*部队"), needs=_CODE_BU),
    Rule("guard_unit", re.compile(r"(?<![0-9A-Za-z])\d[0-9A-Za-z×*]{4}部(?![分门署长落电影书作])"), needs=_CODE_BU),
    # Numbered units: 第72集团军, 七十二集团军, 第十二师, 123团, 3营 (not 第一排: a row of seats).
    Rule("guard_unit", re.compile(rf"第{_NUM}+(?!排|班){_UNIT}")),
    Rule("guard_unit", re.compile(rf"{_NUM}+集团军"), needs=_ARMY_GROUP),
    Rule("guard_unit", re.compile(rf"(?<![0-9])[0-9]+\s*(?!排|班){_UNIT}"), needs=_DIGIT_UNIT),
    # Two unit levels in a row, numbered or "某": 某团三营, 三营七连, 某师某团, 某部二连.
    Rule("guard_unit", re.compile(rf"(?:某|{_NUM}+){_UNIT_OR_PART}(?:某|第?{_NUM}+){_UNIT}"), needs=_SECOND_LEVEL),
    # The words for a designation or code, with what follows them.
    Rule("guard_unit", re.compile(r"(?:番号|部队代号|代号)[:：为是\s]*[0-9A-Za-z\u4e00-\u9fff]+")),
    # Addresses below town level (notices only; a martyr's native place may name a village).
    # A village or community after a town: 白沙镇黄泥村, 几江街道艾坪山社区.
    Rule("guard_address", re.compile(
        r"(?:镇|乡|街道)(?![乡镇村])[^\s和与及各等、，。；的镇乡村]{1,8}?(?:村|社区|居委会|小区)"), True, _VILLAGE),
    # A village or community followed by its group: 黄泥村3组, 红星社区二社.
    Rule("guard_address", re.compile(rf"{_CJK}(?:村|社区|居委会){_NUM}+(?:组|社|队|号)"), True, _VILLAGE),
    # House numbers, buildings, units, rooms: 圣泉路99号, 3栋, 2单元, 501室, 5组.
    # "10月12号" (a date) is not a house number.
    Rule("guard_address", re.compile(r"(?<![0-9月])[0-9]+\s*(?:号楼|号院|号|栋|幢|单元|室|弄|组|社)"), True, _HOUSE_NUMBER),
    # A named residential compound: 滨江小区.
    Rule("guard_address", re.compile(rf"{_CJK}{{2,6}}小区"), True, _VILLAGE),
    Rule("guard_address", re.compile(r"门牌|详细地址|家庭住址"), True),
)


@dataclass(frozen=True)
class Finding:
    key: str
    excerpt: str


def mask(text: str) -> str:
    """Hide all but the first and last letter or digit: 32145部队 -> 3***5部队."""
    positions = [i for i, char in enumerate(text) if char.isascii() and char.isalnum()]
    hidden = set(positions[1:-1])
    return "".join("*" if i in hidden else char for i, char in enumerate(text))


def scan(text: str, notice: bool = False) -> list[Finding]:
    """Everything in `text` that must not be published, one finding per rule kind."""
    return list(_scan(text, bool(notice)))


# The same texts recur across thousands of records (不详, 男, a source's title, a
# notice's wording), and `mkdocs serve` scans every record again on each rebuild.
@lru_cache(maxsize=200_000)
def _scan(text: str, notice: bool) -> tuple[Finding, ...]:
    normal = nfkc(text)
    findings: list[Finding] = []
    seen_keys = set()
    present: dict[re.Pattern, bool] = {}  # Rule.needs already looked for in this text
    for rule in RULES:
        if rule.notices_only and not notice or rule.key in seen_keys:
            continue
        if rule.needs is not None:
            if rule.needs not in present:
                present[rule.needs] = rule.needs.search(normal) is not None
            if not present[rule.needs]:
                continue
        match = rule.pattern.search(normal)
        if match:
            seen_keys.add(rule.key)
            findings.append(Finding(rule.key, mask(match.group(0).strip())))
    return tuple(findings)


# Full-width punctuation that Chinese text is full of, each with its NFKD form.
_WIDE_PUNCTUATION = tuple((char, unicodedata.normalize("NFKD", char)) for char in "，：；！？（）　")


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), faster for Chinese prose.

    NFKC turns full-width digits and letters (１３８, ＠) into ASCII, so the rules
    match them too. A text with one full-width comma is normalised character by
    character, which is slow for long deeds. Replacing a character by its NFKD form
    first changes nothing in the result (NFKC decomposes every character fully
    before composing), and what is left is then often normalised already.
    """
    if unicodedata.is_normalized("NFKC", text):
        return text
    for char, plain in _WIDE_PUNCTUATION:
        if char in text:
            text = text.replace(char, plain)
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def guard_record(raw, path: Path, problems: Problems, notice: bool = False, prefix: str = "") -> None:
    """Scan every text value of a record read from YAML (nested lists and mappings too).

    Works on the raw YAML, before the schema: a refused detail is reported even when
    the record has other problems, and in fields of any kind (a date's `original`).
    """
    if isinstance(raw, Located):
        for key, value in raw.items():
            _guard_value(value, raw.line_of(key), f"{prefix}{key}", path, problems, notice)


def _guard_value(value, line: int, name: str, path: Path, problems: Problems, notice: bool) -> None:
    if isinstance(value, str):  # nearly every value: tested first
        findings = _scan(value, bool(notice))
    elif isinstance(value, Located):
        guard_record(value, path, problems, notice, prefix=name + ".")
        return
    elif isinstance(value, list):
        lines = getattr(value, "item_lines", [line] * len(value))
        for index, item in enumerate(value):
            _guard_value(item, lines[index], f"{name}[{index + 1}]", path, problems, notice)
        return
    elif isinstance(value, int) and not isinstance(value, bool):
        findings = _scan(str(value), bool(notice))
    else:
        return
    for finding in findings:
        problems.add(path, line, name, finding.key, excerpt=finding.excerpt)
