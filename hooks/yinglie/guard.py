"""The publication guard: personal and military details that must never be published.

Award notices name living soldiers, and any record may be edited by many hands, so
the build refuses every text value, of every record kind, that holds:

- an ID card number (18 digits, the last may be X; or the old 15 digits),
- a mobile, landline or service telephone number,
- an email address,
- a military unit designation or code number (部队番号: "32145部队", "六一二三四部队",
  "第72集团军", "某团三营", "武警重庆总队", "解放军第三〇七医院"); public reports
  write "某部" / "陆军某部", which stays allowed,
- and, in award notices only, an address finer than town or street (镇街): a
  village or community, a group (组/社), a road, a house number, building, unit or room.

Texts are read as a visitor would see them, not as they were typed: before the
rules run, a text is brought to one form (`published_form`): NFKC (full-width
digits become ASCII), invisible characters removed, HTML character references,
Markdown backslash escapes and tags decoded the way the page will show them, runs
of four or more Chinese digits (一三八〇…) read as digits, and the separators people
put between digit groups (spaces, line breaks, dots, slashes, dashes of every kind,
brackets) taken out, so that "138·0013—8000" is the number it shows. Separators
inside a run of dates ("1937.7.7-1945.9") stay, so a span of dates is not a number.

Each finding is one problem `path:line: field: message`. The message shows the
matched text with its letters and digits masked, so that the build log (which CI
keeps) does not itself publish the number it refused.

The rules are patterns, not certainty: they are tuned to catch what staff paste by
accident or on purpose, without refusing ordinary wording such as years
("2022年度"), dates, counts ("荣立三等功一次"), "陆军某部", "荣誉称号" or "进社区".
Every pattern runs in time linear in the text (no nested or overlapping repetition;
possessive repetition where a run could be re-tried), so no text can stall the build.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from .characters import INVISIBLE_CHARACTER

# Chinese numerals as used in unit names (三营, 第七十二集团军).
_NUMERALS = "0-9〇零一二三四五六七八九十百两"
_NUM = rf"[{_NUMERALS}]"
_CJK = r"[\u4e00-\u9fff]"
# Unit levels from army group down to squad. Each word is followed by what it must
# not be followed by, so that 师生, 师范, 团队, 连续, 营业, 排名, 班级, 军人 stay allowed.
_UNIT = (
    r"(?:集团军|军区|总队|支队|大队(?!伍)|中队|分队|舰队|军(?![人事属民委训嫂])|师(?![生范傅资兄长])"
    r"|旅(?![客游行途程])|团(?![队员体结聚委支])|营(?![业养地造销救])"
    r"|连(?![续胜冠任接着夜])|排(?![名行列序除查])|班(?![级主长会车次]))"
)
# The first level of a two-level designation may also be 某部 (某部三营).
_UNIT_OR_PART = rf"(?:部(?![门署长分落])|{_UNIT})"
# Services and the words that say a numbered place belongs to one.
_SERVICE = r"(?:陆军|海军|空军|火箭军|武警|海警|解放军|军队|部队|联勤保障部队|战略支援部队|军区)"
_MILITARY_PLACE = r"(?:医院|疗养院|仓库|油库|弹药库|修理所|修理厂|基地|站|所|库|厂)"


# --- One form of a text: as published -----------------------------------------------

# What people put between the groups of a number: spaces and line breaks, dots and
# middle dots, slashes, every kind of dash, brackets, and the Markdown marks that a
# page does not show (**, _, `, ~~).
_SEPARATORS = r"\s.·•‧・･。/\\|_*`~\-‐‑‒–—―−﹣－()（）\[\]【】"
_DIGIT_GROUPS = re.compile(rf"(?<!\d)\d++(?:[{_SEPARATORS}]++(?:\d++|[Xx](?![A-Za-z])))++")
_GROUP = re.compile(r"\d+")
_CHINESE_DIGITS = re.compile("[〇零一二三四五六七八九]{4,}+")
_CHINESE_DIGIT_VALUES = str.maketrans("〇零一二三四五六七八九", "00123456789")
# What a page shows differently from how it was typed (see `_as_shown`).
_MARKUP_HINT = re.compile(r"[&\\<\[]")
_TAG = re.compile(r"</?[A-Za-z!?][^<>]*+>")
_MARKDOWN_LINK = re.compile(r"\[([^\[\]]*+)\]\([^()\s]*+\)")
_BACKSLASH_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
# A numeric character reference, its leading zeros apart: html.unescape hands all its
# digits to int(), which refuses over 4,300 of them.
_NUMERIC_REFERENCE = re.compile(r"&#(?:([xX])0*([0-9a-fA-F]++)|0*([0-9]++))")


# What shows nothing: the characters records may not hold (yamlsource.py), and the
# variation selectors and fillers that may follow a visible character.
_SHOWS_NOTHING = re.compile(INVISIBLE_CHARACTER.pattern[:-1] + "\u17b4\u17b5\u180b-\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def visible(text: str) -> str:
    """NFKC, without the characters that show nothing."""
    text = nfkc(text)
    return _SHOWS_NOTHING.sub("", text) if _SHOWS_NOTHING.search(text) else text


def published_form(text: str) -> str:
    """The text as a reader sees it, in the one form the rules are written for."""
    text = visible(text)
    if _MARKUP_HINT.search(text):
        text = visible(_as_shown(text))  # a reference may stand for an invisible character
    if _CHINESE_DIGITS.search(text):
        text = _CHINESE_DIGITS.sub(lambda run: run.group().translate(_CHINESE_DIGIT_VALUES), text)
    return _DIGIT_GROUPS.sub(_joined_unless_dates, text)


def _as_shown(text: str) -> str:
    """What a page shows of Markdown or HTML: comments and tags dropped, link text kept,
    character references and backslash escapes decoded (`1&#51;8` shows as 138)."""
    text = _without_comments(text)
    text = _TAG.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _BACKSLASH_ESCAPE.sub(r"\1", text)
    return html.unescape(_NUMERIC_REFERENCE.sub(_short_reference, text))


def _short_reference(reference: re.Match) -> str:
    """The reference without leading zeros (&#00049; shows as 1); one of more digits than
    any character has is U+FFFD, as html.unescape reads a number past U+10FFFF."""
    hexadecimal, hex_digits, digits = reference.groups()
    value = hex_digits if hexadecimal else digits
    return "&#65533" if len(value) > 8 else f"&#{hexadecimal or ''}{value}"


def _without_comments(text: str) -> str:
    """HTML comments removed (a page does not show them); linear, unlike a regex here."""
    parts, at = [], 0
    while (start := text.find("<!--", at)) >= 0:
        parts.append(text[at:start])
        end = text.find("-->", start + 4)
        if end < 0:
            return "".join(parts)
        at = end + 3
    parts.append(text[at:])
    return "".join(parts)


def _joined_unless_dates(run: re.Match) -> str:
    """Digit groups with separators between them, read as one number (138 0013 8000
    -> 13800138000); a run of dates (1937.7.7-1945.9, 2022-10-01) is left as it is."""
    text = run.group()
    groups = [int(group) if len(group) <= 4 else 0 for group in _GROUP.findall(text)]  # only short groups are read
    return text if _dates_only(_GROUP.findall(text), groups) else re.sub(rf"[{_SEPARATORS}]", "", text)


def _dates_only(written: list[str], values: list[int]) -> bool:
    """True when the groups read as dates: each a year (1800-2100, four digits) with
    at most a month (1-12) and a day (1-31) after it."""
    index = 0
    while index < len(values):
        if len(written[index]) != 4 or not 1800 <= values[index] <= 2100:
            return False
        index += 1
        for limit in (12, 31):
            if index < len(values) and len(written[index]) <= 2 and 1 <= values[index] <= limit:
                index += 1
            else:
                break
    return True


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


# --- The rules -------------------------------------------------------------------------

@dataclass(frozen=True)
class Rule:
    key: str  # message key in messages.py
    pattern: re.Pattern | None  # searched in the published form; or
    notices_only: bool = False
    # A quick pattern that every match of `pattern` contains (a run of digits, a
    # word). Text without it cannot match, so the slower full pattern is skipped:
    # most values hold no such run or word. None: always search.
    needs: re.Pattern | None = None
    # For matches that are allowed after all in their context (a production brigade
    # of the 1960s, 某公社五一大队, is not an army unit).
    allowed: Callable[[str, re.Match], bool] | None = None
    # A rule that is not a single pattern (emails): returns the matched text or None.
    finder: Callable[[str], str | None] | None = None

    def find(self, text: str) -> str | None:
        if self.finder is not None:
            return self.finder(text)
        for match in self.pattern.finditer(text):
            if self.allowed is None or not self.allowed(text, match):
                return match.group(0)
        return None


# What the rules need (see Rule.needs). Each is part of every match of its rules.
_SEVEN_DIGITS = re.compile(r"\d{7}")
_CODE_BU = re.compile(r"[0-9A-Za-z×*]\s*部")
_ARMY_GROUP = re.compile("集团军")
# The first character of every alternative of _UNIT (集团军, 军区, 总队 ... 班).
_UNIT_START = "集军总支大中分舰师旅团营连排班"
_DIGIT_UNIT = re.compile(rf"[0-9]\s*[{_UNIT_START}]")
_SECOND_LEVEL = re.compile(rf"[某{_NUMERALS}][{_UNIT_START}]")
_CORPS = re.compile("总队|支队|大队|中队")
_VILLAGE = re.compile("村|社区|居委会|小区")
_HOUSE_NUMBER = re.compile(r"[0-9]\s*[号栋幢单室弄组社]")
_CHINESE_HOUSE_NUMBER = re.compile(rf"{_NUM}(?:号|栋|幢|单元|室|弄|组)")
_LIVES_AT = re.compile("家住|住在|住址|现住|居住|家庭地址|家居")
_RURAL_BRIGADE_CONTEXT = re.compile("公社|生产")


def _rural_brigade(text: str, match: re.Match) -> bool:
    """大队 / 中队 / 小队 of a people's commune (白沙公社五一大队), as old rolls name a martyr's home."""
    if not re.search("大队|中队|小队", match.group(0)):
        return False
    return bool(_RURAL_BRIGADE_CONTEXT.search(text, max(0, match.start() - 12), match.end() + 4))


# Emails: found from each "@" outwards, so that a long run of address-like
# characters without a valid domain ("a.a.a.…@b") costs linear time, not quadratic.
_AT_WORDS = re.compile(r"(?<!\s)\s*+[(\[（{]\s*+at\s*+[)\]）}]\s*+", re.IGNORECASE)
_DOT_WORDS = re.compile(r"(?<!\s)\s*+[(\[（{]\s*+dot\s*+[)\]）}]\s*+", re.IGNORECASE)
_EMAIL_AT = re.compile(r"(?<=[\w.%+\-])@(?=[\w\-])")
_DOMAIN = re.compile(r"[\w\-]++(?:\.[\w\-]++)++")
_ASCII_LOCAL_CHARACTER = re.compile(r"[A-Za-z0-9.%+\-_]")
_LOCAL_CHARACTER = re.compile(r"[\w.%+\-]")
_TOP_LEVEL = re.compile(r"[A-Za-z]{2,}")


def _find_email(text: str) -> str | None:
    if "@" not in text and "at" not in text.lower():
        return None
    text = _AT_WORDS.sub("@", text)
    text = _DOT_WORDS.sub(".", _ideographic_dots(text))
    for at in _EMAIL_AT.finditer(text):
        domain = _DOMAIN.match(text, at.end())
        if domain is None:
            continue
        last_dot = domain.group().rindex(".")
        # The top-level domain is letters; Chinese text may follow it without a space.
        top_level = _TOP_LEVEL.match(domain.group(), last_dot + 1)
        if top_level is None:
            continue
        return text[_local_part_start(text, at.start()):at.end() + top_level.end()]
    return None


def _local_part_start(text: str, at: int) -> int:
    """Where the part before "@" starts: ASCII letters and digits as usual, or, when
    the character before "@" is not ASCII (张三@…), the word it ends."""
    for allowed in (_ASCII_LOCAL_CHARACTER, _LOCAL_CHARACTER):
        start = at
        while start > 0 and at - start < 64 and allowed.match(text[start - 1]):
            start -= 1
        if start < at:
            return start
    return at


def _ideographic_dots(text: str) -> str:
    return text.replace("。", ".").replace("｡", ".")


RULES: tuple[Rule, ...] = (
    # 18-digit ID: 17 digits and a check digit or X; then the old 15-digit form (area codes start 1-8).
    Rule("guard_id_number", re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])"), needs=_SEVEN_DIGITS),
    Rule("guard_id_number", re.compile(r"(?<![0-9A-Za-z])[1-8]\d{14}(?![0-9A-Za-z])"), needs=_SEVEN_DIGITS),
    # Mobile: 1[3-9] and 9 more digits, optionally after +86 or 0086.
    Rule("guard_phone", re.compile(r"(?<![0-9])(?:(?:\+|00)?86)?1[3-9]\d{9}(?![0-9])"), needs=_SEVEN_DIGITS),
    # Landline with area code (023 4752 1234, (023)47521234): 0, then 9 to 11 digits.
    Rule("guard_phone", re.compile(r"(?<![0-9])(?:(?:\+|00)?86)?0\d{9,11}(?![0-9])"), needs=_SEVEN_DIGITS),
    # Service numbers: 400 or 800 and seven digits.
    Rule("guard_phone", re.compile(r"(?<![0-9])[48]00\d{7}(?![0-9])"), needs=_SEVEN_DIGITS),
    # A number announced as a phone: 电话 4752 1234, 联系方式：47521234, 手机号码是…
    Rule("guard_phone", re.compile(
        r"(?:电话|手机|座机|联系方式|联系号码|热线|传真|tel|phone|mobile|fax)(?:号码|号)?[:：是为\s]*+\+?\d{7,}",
        re.IGNORECASE), needs=_SEVEN_DIGITS),
    Rule("guard_email", None, needs=None, finder=_find_email),
    # Unit code numbers: 32145部队, 95XXX部队, 32145部 (and 六一二三四部队, read as digits).
    Rule("guard_unit", re.compile(r"(?<![0-9A-Za-z])\d[0-9A-Za-z×*]{3,5}+\s*+部队"), needs=_CODE_BU),
    Rule("guard_unit", re.compile(r"(?<![0-9A-Za-z])\d[0-9A-Za-z×*]{4}部(?![分门署长落电影书作])"), needs=_CODE_BU),
    # Numbered units: 第72集团军, 七十二集团军, 第十二师, 123团, 3营 (not 第一排: a row of seats).
    Rule("guard_unit", re.compile(rf"第{_NUM}++(?!排|班){_UNIT}"), allowed=_rural_brigade),
    Rule("guard_unit", re.compile(rf"(?<!{_NUM}){_NUM}++集团军"), needs=_ARMY_GROUP),
    Rule("guard_unit", re.compile(rf"(?<![0-9])[0-9]++\s*+(?!排|班){_UNIT}"), needs=_DIGIT_UNIT,
         allowed=_rural_brigade),
    # Two unit levels in a row, numbered or "某": 某团三营, 三营七连, 某师某团, 某部二连.
    Rule("guard_unit", re.compile(rf"(?:某|(?<!{_NUM}){_NUM}++){_UNIT_OR_PART}(?:某|第?{_NUM}++){_UNIT}"),
         needs=_SECOND_LEVEL, allowed=_rural_brigade),
    # The armed police's corps, detachments and squadrons: 二支队, 武警重庆总队, 重庆总队江津支队.
    Rule("guard_unit", re.compile(rf"(?<![{_NUMERALS}第某]){_NUM}++(?:总队|支队|大队(?!伍)|中队)"),
         needs=_CORPS, allowed=_rural_brigade),
    Rule("guard_unit", re.compile(r"(?:武警|海警)(?!某+(?:部|总队|支队|大队|中队))[^\s，。；、,;]{1,10}?(?:总队|支队|大队|中队)"),
         needs=_CORPS),
    Rule("guard_unit", re.compile(r"(?<!某)总队[^\s，。；、,;]{1,6}?(?<!某)(?:支队|大队|中队)"), needs=_CORPS),
    # Numbered hospitals, depots and stations of a service: 解放军第三〇七医院, 958医院, 海军第二仓库.
    Rule("guard_unit", re.compile(rf"(?<![{_NUMERALS}])第?(?:[0-9]{{3,}}+|[〇零一二三四五六七八九]{{3,}}+)(?:医院|疗养院)")),
    Rule("guard_unit", re.compile(rf"{_SERVICE}[^\s，。；、,;]{{0,8}}?(?<!某)第?{_NUM}++{_MILITARY_PLACE}")),
    # The words for a designation or code, with what follows them.
    Rule("guard_unit", re.compile(r"(?:番号|部队代号|代号)[:：为是\s]*+[0-9A-Za-z\u4e00-\u9fff]{1,12}")),
    # Addresses below town level (notices only; a martyr's native place may name a village).
    # A village or community after a town: 白沙镇黄泥村, 几江街道艾坪山社区.
    Rule("guard_address", re.compile(
        r"(?:镇|乡|街道)(?![乡镇村])[^\s和与及各等、，。；的镇乡村]{1,8}?(?:村|社区|居委会|小区)"), True, _VILLAGE),
    # A village or community followed by its group: 黄泥村3组, 红星社区二社.
    Rule("guard_address", re.compile(rf"{_CJK}(?:村|社区|居委会){_NUM}++(?:组|社|队|号)"), True, _VILLAGE),
    # House numbers, buildings, units, rooms: 圣泉路99号, 3栋, 2单元, 501室, 5组.
    # "10月12号" (a date) is not a house number.
    Rule("guard_address", re.compile(r"(?<![0-9月])[0-9]++\s*+(?:号楼|号院|号|栋|幢|单元|室|弄|组|社)"), True,
         _HOUSE_NUMBER),
    # The same in Chinese numerals: 幸福路十二号, 三栋二单元, 五〇一室 (not 十月一号, 第一组).
    Rule("guard_address", re.compile(rf"(?<![月日第{_NUMERALS}]){_NUM}++(?:号楼|号院|号|栋|幢|单元|室|弄|组)"), True,
         _CHINESE_HOUSE_NUMBER),
    # Where someone lives, down to a village, road or house: 家住黄泥村, 住在滨江路.
    Rule("guard_address", re.compile(
        r"(?:家住|住在|住址|现住|居住在|居住于|家庭地址|家居)[^，。；,;\n]{0,20}?"
        r"(?:村|社区|居委会|小区|组|社|号|栋|幢|单元|室|弄|巷|路|街(?!道)|院|苑|花园|大厦|公寓)"), True, _LIVES_AT),
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
    if len(text) > _LONGEST_KEPT:  # a page's text or long deeds: never seen twice, not worth keeping
        return list(_findings(text, bool(notice)))
    return list(_scan(text, bool(notice)))


_LONGEST_KEPT = 1000


# The same texts recur across thousands of records (不详, 男, a source's title, a
# notice's wording), and `mkdocs serve` scans every record again on each rebuild.
@lru_cache(maxsize=200_000)
def _scan(text: str, notice: bool) -> tuple[Finding, ...]:
    return _findings(text, notice)


# Characters that turn text around (direction marks, embeddings, overrides, isolates).
# A record cannot hold them raw (yamlsource.py), but a character reference (&#x202E;)
# or the page a text is on can: the page would then show reversed digits the right way
# round, which the rules, reading them in stored order, would not see.
_REVERSING = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _findings(text: str, notice: bool) -> tuple[Finding, ...]:
    found = scan_published(published_form(text), notice)
    shown = html.unescape(_NUMERIC_REFERENCE.sub(_short_reference, text)) if "&" in text else text
    reversing = _REVERSING.search(shown)
    if reversing:
        found += (Finding("guard_reversing", f"U+{ord(reversing.group()):04X}"),)
    return found


def scan_published(normal: str, notice: bool = False) -> tuple[Finding, ...]:
    """The rules over a text already in `published_form`."""
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
        found = rule.find(normal)
        if found is not None:
            seen_keys.add(rule.key)
            findings.append(Finding(rule.key, mask(found.strip())))
    return tuple(findings)
