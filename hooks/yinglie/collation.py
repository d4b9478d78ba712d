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
