"""Dates as official rolls write them: full, year and month, year alone, or unknown.

A `FuzzyDate` keeps the precision it was given and, when the record used other
wording (e.g. 民国十六年), that wording too. Comparisons use the earliest and latest
day a date can mean, so "1927" is neither before nor after "1927-04-12".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from borax.calendars.lunardate import TermUtils

UNKNOWN_WORDS = {"", "不详", "未知", "unknown"}
REPUBLIC_EPOCH = 1911  # 民国元年 = 1912
# The years a record's date may name. A martyr may have been born in the late 18th
# century (the generation that fell from the Opium War on); events, notices and
# repairs are recent, and may be planned a few decades ahead. Outside these years a
# date is a typo (9999, 1027 for 1927), and the calendar and feeds cannot hold it.
MIN_YEAR, MAX_YEAR = 1700, 2100

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_CHINESE = re.compile(r"^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$")
_REPUBLIC = re.compile(r"^民国([元〇零一二三四五六七八九十\d]+)年(?:([正〇零一二三四五六七八九十\d]+)月(?:([〇零一二三四五六七八九十\d]+)日)?)?$")

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _chinese_number(text: str) -> int:
    """1-99 in Chinese numerals (十六, 三十八, 二十), or Arabic digits; 元/正 = 1."""
    if text.isdigit():
        return int(text)
    if text in ("元", "正"):
        return 1
    if "十" in text:
        tens, _, units = text.partition("十")
        return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)
    return int("".join(str(_DIGITS[c]) for c in text))


@dataclass(frozen=True)
class FuzzyDate:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    original: str = ""

    @property
    def known(self) -> bool:
        return self.year is not None

    @property
    def earliest(self) -> date | None:
        if not self.known:
            return None
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date | None:
        if not self.known:
            return None
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """'1927', '1927-04', '1927-04-12', or '' when unknown: the open-data form."""
        if not self.known:
            return ""
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def chinese(self) -> str:
        """'1927年4月12日', with the original wording after it when it differs."""
        if not self.known:
            return "不详"
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月"
            if self.day:
                text += f"{self.day}日"
        if self.original and self.original != text and self.original != self.iso():
            text += f"（{self.original}）"
        return text

    def __str__(self) -> str:
        return self.chinese()

    def surely_before(self, other: FuzzyDate) -> bool:
        """True only if every day this date can mean is before every day `other` can."""
        return self.known and other.known and self.latest < other.earliest


UNKNOWN = FuzzyDate()


def parse_date(value) -> FuzzyDate | None:
    """Parse a date as written in a record; None if it cannot be read.

    Accepts 1927-04-12, 1927-04, 1927 (also as a YAML number), 1927年4月12日,
    1927年4月, 1927年, 民国十六年四月, 不详 and an empty value.
    """
    if value is None:
        return UNKNOWN
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if value.bit_length() > 64:  # no date; and over 4,300 digits str() refuses it
            return None
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text in UNKNOWN_WORDS:
        return UNKNOWN
    for pattern, convert in ((_ISO, int), (_CHINESE, int), (_REPUBLIC, _chinese_number)):
        match = pattern.match(text)
        if match:
            try:
                year, month, day = (convert(part) if part else None for part in match.groups())
            except (KeyError, ValueError):
                return None
            if pattern is _REPUBLIC:
                year += REPUBLIC_EPOCH
            return _checked(year, month, day, original=text if pattern is _REPUBLIC else "")
    return None


def _checked(year, month, day, original) -> FuzzyDate | None:
    if not 1 <= year <= 9999:
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            date(year, month, day)
        except ValueError:
            return None
    return FuzzyDate(year, month, day, original)


QINGMING_YEARS = (1900, 2100)  # the range borax's solar-term tables cover


def qingming(year: int) -> date:
    """The day of the 清明 solar term in China for `year` (4 or 5 April): borax's tables."""
    return TermUtils.nth_term_day(year, term_name="清明")
