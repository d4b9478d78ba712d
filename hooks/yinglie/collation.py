"""Ordering names as official lists do: by surname strokes, or by pinyin.

按姓氏笔画排序: fewer strokes first; equal counts ordered by the first stroke
横竖撇点折 (一丨丿丶乛), and so on stroke by stroke; then the next character. The
stroke data is cn_sort's table (MIT), which ranks every character in exactly that
order. We read its data file through `importlib.metadata` instead of importing the
module: importing cn_sort configures the root logger and writes `all.log` and
`error.log` into the working directory.

Pinyin comes from pypinyin, with a surname's reading taken from the record
(`surname_pinyin`) or from the configured table of surnames it misreads (曾, 单, 仇).
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata

from pypinyin import Style, lazy_pinyin

COMPOUND_SURNAMES = (
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
    "宇文", "司徒", "夏侯", "万俟", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "申屠",
)
# Surnames whose reading differs from the character's common reading.
SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "区": "ou", "查": "zha", "解": "xie",
    "朴": "piao", "盖": "ge", "乐": "yue", "覃": "qin", "缪": "miao", "尉迟": "yu chi",
    "万俟": "mo qi", "种": "chong", "翟": "zhai", "秘": "bi", "召": "shao", "洗": "xian",
}
UNRANKED = 1_000_000  # characters missing from the table sort after all known ones


@lru_cache(maxsize=1)
def stroke_ranks() -> dict[str, int]:
    """Character -> its position in stroke-count-then-stroke-order."""
    data_file = metadata.distribution("cn_sort").locate_file("cn_sort/res/all_word.json")
    entries = json.loads(data_file.read_text(encoding="utf-8"))["all_word"]
    return {entry["chinese"]: entry["stroke_increment_level"] for entry in entries}


def split_surname(name: str, surname: str = "") -> tuple[str, str]:
    if surname and name.startswith(surname):
        return surname, name[len(surname):]
    for compound in COMPOUND_SURNAMES:
        if name.startswith(compound) and len(name) > len(compound):
            return compound, name[len(compound):]
    return name[:1], name[1:]


# The first character of each stroke count in cn_sort's order, which is stroke count
# first: a character's count is that of the last start at or before its rank. (Checked
# against a stroke-count list of 20,897 characters: no difference.)
STROKE_COUNT_STARTS = {
    "一": 1, "二": 2, "三": 3, "亖": 4, "弍": 5, "弎": 6, "匤": 7, "邼": 8, "砉": 9, "耕": 10,
    "彗": 11, "耠": 12, "耢": 13, "耤": 14, "熭": 15, "耩": 16, "耫": 17, "耮": 18, "耯": 19,
    "瓎": 20, "耰": 21, "耲": 22, "瓚": 23, "瓛": 24, "纛": 25, "驠": 26, "鬤": 27, "驨": 28,
    "驪": 29, "驫": 30, "灩": 31, "籲": 32, "龗": 33, "齾": 35, "齉": 36, "靐": 39, "龘": 48,
}


@lru_cache(maxsize=1)
def _stroke_count_starts() -> tuple[tuple[int, ...], tuple[int, ...]]:
    ranks = stroke_ranks()
    starts = sorted((ranks[char], count) for char, count in STROKE_COUNT_STARTS.items())
    return tuple(rank for rank, _ in starts), tuple(count for _, count in starts)


def stroke_count(rank: int) -> int | None:
    """The stroke count of the character at `rank` (a `NameKeys.strokes` item); None for a
    character the table does not know, or that is not a Chinese character (ranks before 一)."""
    if rank >= UNRANKED:
        return None
    ranks, counts = _stroke_count_starts()
    at = bisect.bisect_right(ranks, rank) - 1
    return counts[at] if at >= 0 else None


@dataclass(frozen=True)
class NameKeys:
    """Sort keys and readings for one name."""

    strokes: tuple[int, ...]
    pinyin: tuple[str, ...]

    @property
    def pinyin_text(self) -> str:
        return "".join(self.pinyin)

    @property
    def initials(self) -> str:
        return "".join(syllable[:1] for syllable in self.pinyin)


@lru_cache(maxsize=100_000)  # a rebuild under `mkdocs serve` asks again for every name
def name_keys(name: str, surname: str = "", surname_pinyin: str = "", name_pinyin: str = "") -> NameKeys:
    """Keys for `name`; an empty name (an unnamed martyr) sorts after every named one."""
    if not name:
        return NameKeys((UNRANKED * 2,), ("~",))
    ranks = stroke_ranks()
    strokes = tuple(ranks.get(char, UNRANKED + ord(char)) for char in name)
    if name_pinyin:
        return NameKeys(strokes, tuple(name_pinyin.split()))
    family, given = split_surname(name, surname)
    reading = surname_pinyin or SURNAME_READINGS.get(family)
    family_syllables = reading.split() if reading else _pinyin(family)
    return NameKeys(strokes, tuple(family_syllables) + tuple(_pinyin(given)))


@lru_cache(maxsize=100_000)  # surnames recur across thousands of names
def _pinyin(text: str) -> tuple[str, ...]:
    return tuple(syllable.lower() for syllable in lazy_pinyin(text, style=Style.NORMAL, errors="default", v_to_u=False))
