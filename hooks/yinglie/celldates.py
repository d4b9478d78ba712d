"""Dates as roll cells hold them, in the forms record files write (dates.py).

Rolls write 1927.4, 1927.04.12, 1927/4/12, 1927年4月, 民国十六年, 不详, leave the cell
empty, or keep a spreadsheet date cell. Each becomes what a record file holds:
1927-04, 1927-04-12, 1927年4月 (kept: dates.py reads it), 民国十六年 (kept, with its
wording), or nothing for an unknown date. A cell that is none of these is not
guessed at: `roll_date` says it cannot be read, and the import reports it.

A number cell is ambiguous in one case: 1927.1 may be January or a 1927.10 whose
trailing zero the number lost. Unless the cell's format shows two decimals, it is
reported, not guessed.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .dates import MAX_YEAR, MIN_YEAR, parse_date

# 1927.4 1927.04.12 1927/4/12 1927-4-12 1927－4 1927.4.12.
_DOTTED = re.compile(r"^(\d{4})\s*[./\-－]\s*(\d{1,2})(?:\s*[./\-－]\s*(\d{1,2}))?\s*\.?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})?$")  # 19270412, 192704


class Unreadable(ValueError):
    """The cell holds no date the import can read without guessing."""


def roll_date(value, decimals: int | None = None) -> str:
    """The date to write in a record (may be '' for unknown); raises `Unreadable`."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _in_range(value.isoformat(), value.year)
    if isinstance(value, bool):
        raise Unreadable(str(value))
    if isinstance(value, int):
        return _checked(str(value))
    if isinstance(value, float):
        if value.is_integer():
            return _checked(str(int(value)))
        shown = f"{value:.{decimals}f}" if decimals else repr(value)
        if not decimals and re.fullmatch(r"\d{4}\.1", shown):
            raise Unreadable(shown)  # January, or October without its 0
        value = shown
    text = str(value).strip()
    if not text:
        return ""
    match = _DOTTED.match(text) or _COMPACT.match(text)
    if match:
        written = "-".join(part if i == 0 else f"{int(part):02d}" for i, part in enumerate(match.groups()) if part)
        return _checked(written, shown=text)
    return _checked(text)


def _checked(text: str, shown: str = "") -> str:
    parsed = parse_date(text)
    if parsed is None:
        raise Unreadable(shown or text)
    if not parsed.known:
        return ""
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise Unreadable(shown or text)
    return text


def _in_range(text: str, year: int) -> str:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Unreadable(text)
    return text
